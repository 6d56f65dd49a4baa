"""Batch report: what one batch asked for, what came back (a contact sheet with prompts
and picks), what failed and what it cost. Without --batch, the latest batch."""

from __future__ import annotations

from sqlalchemy import text

from desktop.core.analytics.dimensions import Dim
from desktop.core.analytics.filters import Filter
from desktop.core.reports.builders.common import glossary_sections, grouped_table, kpis, money
from desktop.core.reports.builders.context import BuildContext
from desktop.core.reports.contact_sheet import contact_items
from desktop.core.reports.document import (
    Cell,
    Column,
    ContactSheet,
    Kpi,
    Level,
    Section,
    Table,
    format_time,
)
from desktop.core.reports.request import ReportError

HEAD = ["images_made", "jobs_succeeded", "jobs_failed", "success_rate", "accepted_images",
        "spend", "cost_per_image", "cost_per_accepted_image"]


def build(ctx: BuildContext) -> list[Section]:
    batch_id = ctx.filter.batch_id
    with ctx.analytics.engine.connect() as conn:
        if batch_id is None:
            batch_id = conn.execute(text("SELECT MAX(id) FROM batches")).scalar()
            if batch_id is None:
                raise ReportError("batch report: the library has no batches")
        batch = conn.execute(text("SELECT * FROM batches WHERE id = :b"), {"b": batch_id}).mappings().first()
        if batch is None:
            raise ReportError(f"batch report: there is no batch {batch_id}")
        jobs = conn.execute(text(
            "SELECT id, prompt, provider, model, state, attempts, cost_usd, error_kind, error_message"
            " FROM jobs WHERE batch_id = :b ORDER BY position, id"), {"b": batch_id}).all()
    # The whole batch, whatever the date range: a batch report is about the batch.
    flt = Filter(batch_id=int(batch_id), tz_offset_s=ctx.filter.tz_offset_s)
    ctx.period = f"the whole of batch {batch_id}"
    values = ctx.analytics.values(HEAD, flt)
    ctx.step(0.3, "images")
    items = contact_items(ctx.analytics.engine, ctx.root, batch_id=int(batch_id), limit=ctx.request.max_images)
    avail = ctx.analytics.availability()
    note = "" if avail.has("decisions") else avail.reason("decisions").replace("not available: ", "Picks are not available: ")
    tz = ctx.filter.tz_offset_s
    head = Section("summary", f"Batch {batch_id}: {batch['name'] or '(unnamed)'}", kpis=kpis(values, HEAD), paragraphs=[
        f"Created {format_time(batch['created_at'], tz)}; finished {format_time(batch['finished_at'], tz)}.",
        f"{len(jobs)} jobs; project: {ctx.project_name(batch['project_id'])}.",
    ])
    if batch["budget_usd"] is not None:
        head.kpis.append(Kpi("Batch budget", batch["budget_usd"], Cell.USD, money(batch["budget_usd"])))
    images = Section("images", "Contact sheet", sheets=[ContactSheet("Images", items, note=note)])
    ctx.step(0.6, "jobs")
    job_table = Table("jobs", "Jobs", [
        Column("id", "Job", Cell.INT), Column("prompt", "Prompt"), Column("provider", "Provider"),
        Column("model", "Model"), Column("state", "State"), Column("attempts", "Calls", Cell.INT),
        Column("cost", "Cost", Cell.USD), Column("error", "Error")],
        [[j[0], j[1], j[2], j[3], j[4], j[5], j[6], f"{j[7]}: {j[8]}" if j[7] else ""] for j in jobs],
        level=Level.DETAILED, brief_rows=20)
    failures = grouped_table(ctx.analytics.grouped(["jobs_failed", "failed_calls"], flt, (Dim.ERROR_KIND,)),
                             ["jobs_failed", "failed_calls"], key="failures", title="Failures by error kind",
                             level=Level.DETAILED)
    failures.rows = [r for r in failures.rows if r[0] != "(none)"]
    detail = Section("jobs", "Jobs", tables=[job_table, failures], level=Level.DETAILED)
    return [head, images, detail, *glossary_sections(HEAD + ["failed_calls"])]
