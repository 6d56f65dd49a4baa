"""Images for contact sheets: a batch's or a project's assets with their prompts, the
latest pick/approval decision and brand check when the workflow tables exist, and the
thumbnail file to draw (the image itself when the thumbnail is missing)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from desktop.core.analytics.query import MetricEngine
from desktop.core.analytics.workflow_tables import sql_literals
from desktop.core.reports.document import ContactItem


def _latest(table: str, asset_col: str, value_col: str, where: str = "1=1") -> str:
    return (f"(SELECT {asset_col} AS asset_id, {value_col} AS value FROM \"{table}\" WHERE rowid IN "
            f"(SELECT MAX(rowid) FROM \"{table}\" WHERE {where} GROUP BY {asset_col}))")


def contact_items(engine: MetricEngine, root: Path, *, batch_id: int | None = None,
                  project_id: int | None = None, limit: int = 200, start: float | None = None,
                  end: float | None = None) -> list[ContactItem]:
    """Images of a batch or a project made in [start, end), oldest first."""
    if batch_id is None and project_id is None:
        raise ValueError("a contact sheet needs a batch or a project")
    avail = engine.availability()
    c = engine.contract
    joins, cols = [], ["NULL", "NULL"]
    if avail.has("decisions"):
        verdicts = f"{c.decisions.col('decision')} IN ({sql_literals(c.verdict_values)})"
        joins.append(f"LEFT JOIN {_latest(c.decisions.table, c.decisions.col('asset_id'), c.decisions.col('decision'), verdicts)}"
                     " d ON d.asset_id = s.id")
        cols[0] = "d.value"
    if avail.has("brand_checks"):
        joins.append(f"LEFT JOIN {_latest(c.brand_checks.table, c.brand_checks.col('asset_id'), c.brand_checks.col('passed'))}"
                     " c ON c.asset_id = s.id")
        cols[1] = "c.value"
    where = "s.batch_id = :id" if batch_id is not None else "s.project_id = :id"
    where += (" AND s.created_at >= :start" if start is not None else "") + (
        " AND s.created_at < :end" if end is not None else "")
    sql = (f"SELECT s.id, s.thumb_path, s.path, s.prompt, s.provider, s.model, s.cost_usd, s.created_at,"
           f" {cols[0]}, {cols[1]} FROM assets s {' '.join(joins)}"
           f" WHERE {where} AND s.deleted_at IS NULL ORDER BY s.created_at, s.id LIMIT :n")
    with engine.connect() as conn:
        rows = conn.execute(text(sql), {"id": batch_id if batch_id is not None else project_id,
                                      "n": limit, "start": start, "end": end}).all()
    return [ContactItem(
        asset_id=int(r[0]), image=_picture(root, r[1], r[2]), prompt=r[3] or "", provider=r[4] or "",
        model=r[5] or "", decision=str(r[8] or ""), cost_usd=float(r[6] or 0.0), created_at=float(r[7] or 0.0),
        brand_check=_check(r[9])) for r in rows]


def _picture(root: Path, thumb: str | None, image: str | None) -> Path | None:
    for rel in (thumb, image):
        if rel and (root / rel).is_file():
            return root / rel
    return None


def _check(value: object) -> str:
    if value is None:
        return ""
    return "pass" if str(value).lower() in ("1", "true", "pass", "passed") else "fail"
