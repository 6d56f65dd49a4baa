"""Audit extract: the accounts feature's audit log for the period when it exists, and
always the batches run in the period (who, what project, how many jobs) from the store."""

from __future__ import annotations

from sqlalchemy import text

from desktop.core.reports.builders.common import not_available
from desktop.core.reports.builders.context import BuildContext
from desktop.core.reports.document import Cell, Column, Level, Section, Table

MAX_ROWS = 20000


def build(ctx: BuildContext) -> list[Section]:
    analytics, flt = ctx.analytics, ctx.filter
    avail = analytics.availability()
    params = {"start": flt.start, "end": flt.end, "n": MAX_ROWS}
    sections = []
    if avail.has("audit"):
        a = analytics.engine.contract.audit
        at = a.col("at")
        sql = (f'SELECT {at}, {a.col("actor")}, {a.col("action")}, {a.col("target")}, {a.col("detail")}'
               f' FROM "{a.table}" WHERE (:start IS NULL OR {at} >= :start) AND (:end IS NULL OR {at} < :end)'
               f" ORDER BY {at}, rowid LIMIT :n")
        with analytics.engine.connect() as conn:
            rows = [list(r) for r in conn.execute(text(sql), params)]
        note = f"Only the first {MAX_ROWS} entries." if len(rows) == MAX_ROWS else ""
        sections.append(Section("audit", "Audit log", tables=[Table("audit", "Audit log", [
            Column("at", "When", Cell.DATETIME), Column("actor", "Who"), Column("action", "Action"),
            Column("target", "Target"), Column("detail", "Detail")], rows, note=note, brief_rows=50)]))
    else:
        sections.append(not_available("audit", "Audit log", avail.reason("audit")))
    ctx.step(0.5, "batches")
    profile_name = _profile_names(ctx)
    clauses = ["(:start IS NULL OR b.created_at >= :start)", "(:end IS NULL OR b.created_at < :end)"]
    for field, col in (("project_id", "b.project_id"), ("profile_id", "b.profile_id"), ("batch_id", "b.id")):
        if getattr(flt, field) is not None:
            clauses.append(f"{col} = :{field}")
            params[field] = getattr(flt, field)
    sql = ("SELECT b.id, b.created_at, b.name, b.profile_id, b.project_id, COUNT(j.id),"
           " SUM(j.state = 'succeeded'), SUM(j.state = 'failed'), b.source"
           f" FROM batches b LEFT JOIN jobs j ON j.batch_id = b.id WHERE {' AND '.join(clauses)}"
           " GROUP BY b.id ORDER BY b.created_at, b.id LIMIT :n")
    with analytics.engine.connect() as conn:
        rows = [[r[0], r[1], r[2], profile_name(r[3]), ctx.project_name(r[4]), r[5], r[6] or 0, r[7] or 0, r[8]]
                for r in conn.execute(text(sql), params)]
    sections.append(Section("batches", "Batches run", level=Level.BRIEF, tables=[Table("batches", "Batches run", [
        Column("id", "Batch", Cell.INT), Column("at", "Created", Cell.DATETIME), Column("name", "Name"),
        Column("profile", "Profile"), Column("project", "Project"), Column("jobs", "Jobs", Cell.INT),
        Column("succeeded", "Succeeded", Cell.INT), Column("failed", "Failed", Cell.INT),
        Column("source", "Source")], rows, brief_rows=50)]))
    return sections


def _profile_names(ctx: BuildContext):  # noqa: ANN202 - returns a small lookup function
    analytics = ctx.analytics
    names: dict[int, str] = {}
    if analytics.availability().has("profiles"):
        p = analytics.engine.contract.profiles
        with analytics.engine.connect() as conn:
            names = {int(i): str(n) for i, n in conn.execute(text(f'SELECT {p.col("id")}, {p.col("name")} FROM "{p.table}"'))}

    def name(pid: int | None) -> str:
        if pid is None:
            return ""
        return names.get(int(pid), f"Profile {pid}")

    return name
