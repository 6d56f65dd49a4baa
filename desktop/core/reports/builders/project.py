"""Project report: a project's images, the decisions and brand checks made on them, its
batches and spend. Without --project, every project side by side."""

from __future__ import annotations

from sqlalchemy import text

from desktop.core.analytics import charts
from desktop.core.analytics.dimensions import Dim
from desktop.core.reports.builders.common import (
    chart,
    glossary_sections,
    grouped_table,
    kpis,
    not_available,
)
from desktop.core.reports.builders.context import BuildContext
from desktop.core.reports.contact_sheet import contact_items
from desktop.core.reports.document import Cell, Column, ContactSheet, Level, Section, Table

HEAD = ["images_made", "success_rate", "accepted_images", "acceptance_rate", "brand_pass_rate",
        "consistency_avg", "spend", "cost_per_accepted_image"]
PER_PROJECT = ["images_made", "accepted_images", "brand_pass_rate", "consistency_avg", "spend"]
PER_BATCH = ["images_made", "jobs_failed", "accepted_images", "spend"]


def build(ctx: BuildContext) -> list[Section]:
    flt, analytics = ctx.filter, ctx.analytics
    if flt.project_id is None:
        overview = Section("projects", "All projects", paragraphs=["Name a project (--project) for its images and decisions."])
        overview.tables.append(grouped_table(analytics.grouped(PER_PROJECT, flt, (Dim.PROJECT,)), PER_PROJECT,
                                             key="projects", title="Projects", sort_by="images_made",
                                             label=lambda _d, v: ctx.project_name(v)))
        return [overview, *glossary_sections(PER_PROJECT)]
    pid = flt.project_id
    values = analytics.values(HEAD, flt)
    head = Section("summary", f"Project: {ctx.project_name(pid)}", kpis=kpis(values, HEAD),
                   paragraphs=[f"Period: {flt.describe()}."])
    head.charts.append(chart(charts.time_series(analytics.engine, ["images_made", "accepted_images"], flt,
                                                key="project_images", title="Images made and accepted")))
    ctx.step(0.25, "batches")
    batches = grouped_table(analytics.grouped(PER_BATCH, flt, (Dim.BATCH,)), PER_BATCH, key="batches",
                            title="Batches", sort_by="images_made")
    names = ctx.batch_names([r[0] for r in batches.rows if isinstance(r[0], int)])
    batches.rows = [[f"{r[0]} {names.get(r[0], '')}".strip(), *r[1:]] for r in batches.rows]
    work = Section("batches", "Batches", tables=[batches])
    ctx.step(0.45, "decisions")
    sections = [head, work, *_workflow_sections(ctx, pid)]
    ctx.step(0.7, "images")
    items = contact_items(analytics.engine, ctx.root, project_id=pid, limit=ctx.request.max_images,
                          start=flt.start, end=flt.end)
    sections.append(Section("images", "Images", sheets=[ContactSheet("Images", items)]))
    return sections + glossary_sections(HEAD + PER_BATCH)


def _workflow_sections(ctx: BuildContext, pid: int) -> list[Section]:
    engine = ctx.analytics.engine
    avail = engine.availability()
    c = engine.contract
    out = []
    if avail.has("decisions"):
        d = c.decisions
        rows = _rows(ctx, f'SELECT x.{d.col("at")}, s.id, s.prompt, x.{d.col("decision")}, x.{d.col("actor")},'
                          f' x.{d.col("note")} FROM "{d.table}" x'
                          f' JOIN assets s ON s.id = x.{d.col("asset_id")} WHERE s.project_id = :p'
                          f' AND {RANGE} ORDER BY x.{d.col("at")}, x.rowid', pid)
        out.append(Section("decisions", "Decisions", tables=[Table("decisions", "Picks and approvals", [
            Column("at", "When", Cell.DATETIME), Column("asset", "Image", Cell.INT), Column("prompt", "Prompt"),
            Column("decision", "Decision"), Column("actor", "Who"), Column("note", "Note")], rows, brief_rows=20)]))
    else:
        out.append(not_available("decisions", "Decisions", avail.reason("decisions")))
    if avail.has("brand_checks"):
        b = c.brand_checks
        rows = _rows(ctx, f'SELECT x.{b.col("at")}, s.id, s.prompt, CASE WHEN x.{b.col("passed")} IN'
                          f" (1, '1', 'true', 'pass', 'passed') THEN 'pass' ELSE 'fail' END FROM \"{b.table}\" x"
                          f' JOIN assets s ON s.id = x.{b.col("asset_id")} WHERE s.project_id = :p'
                          f' AND {RANGE} ORDER BY x.{b.col("at")}, x.rowid', pid)
        out.append(Section("brand_checks", "Brand checks", level=Level.BRIEF, tables=[Table(
            "brand_checks", "Brand checks", [Column("at", "When", Cell.DATETIME), Column("asset", "Image", Cell.INT),
                                             Column("prompt", "Prompt"), Column("result", "Result")], rows,
            brief_rows=20)]))
    else:
        out.append(not_available("brand_checks", "Brand checks", avail.reason("brand_checks")))
    return out


# Decisions and checks on the images made in the report's period (as the metrics count them).
RANGE = "(:start IS NULL OR s.created_at >= :start) AND (:end IS NULL OR s.created_at < :end)"


def _rows(ctx: BuildContext, sql: str, pid: int) -> list[list[object]]:
    params = {"p": pid, "start": ctx.filter.start, "end": ctx.filter.end}
    with ctx.analytics.engine.connect() as conn:
        return [list(r) for r in conn.execute(text(sql), params).all()]
