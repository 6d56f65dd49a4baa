"""Failure analysis beyond counts: the most frequent error messages, grouped in SQL."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from desktop.core.analytics.facts import core_facts
from desktop.core.analytics.filters import Filter
from desktop.core.analytics.query import MetricEngine


@dataclass(frozen=True)
class FailureMessage:
    error_kind: str
    provider: str
    message: str
    calls: int
    jobs: int
    last_at: float


def top_error_messages(engine: MetricEngine, flt: Filter, limit: int = 20) -> list[FailureMessage]:
    """Failed provider calls grouped by kind, provider and message (first 200 characters)."""
    fact = core_facts()["attempts"]
    body, params = fact.from_and_where(flt, condition="a.outcome = 'failed'")
    sql = (
        "SELECT COALESCE(a.error_kind, ''), a.provider, SUBSTR(COALESCE(a.error_message, ''), 1, 200) AS msg,"
        f" COUNT(*) AS n, COUNT(DISTINCT a.job_id), MAX(a.started_at) {body}"
        " GROUP BY 1, 2, 3 ORDER BY n DESC, 1, 2, 3 LIMIT :limit"
    )
    with engine.connect() as conn:
        rows = conn.execute(text(sql), {**params, "limit": limit}).all()
    return [FailureMessage(r[0], r[1], r[2], int(r[3]), int(r[4]), float(r[5])) for r in rows]
