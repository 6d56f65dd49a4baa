"""Daily rollups: per-day sums of the attempts, finished jobs and usage ledger, plus a fine
latency histogram, in the tables of revision 0007. Triggers keep them current on every
insert, update and delete once they are built for a UTC offset (`rebuild`); the metric
engine reads them instead of the raw rows when they give the same answer:

  * the offset they were built for is the filter's,
  * the range starts and ends at local midnight (or is open),
  * the filter and the grouping use only time, provider, model and error kind,
  * every metric asked of a fact has a rollup formula below.

Sums and counts are then exact. Latency percentiles over long ranges come from the fine
histogram (bins of 10 ms below 1 s, 100 ms below 10 s, 1 s below 100 s): the value shown is
the middle of the bin holding the nearest rank, within half a bin of the exact one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from sqlalchemy import text
from sqlalchemy.engine import Connection

from desktop.core.analytics.dimensions import FILTER_DIMS, Dim
from desktop.core.analytics.facts import Fact
from desktop.core.analytics.filters import Filter
from desktop.core.analytics.metrics import Metric

TABLES = ("analytics_rollup_calls", "analytics_rollup_latency", "analytics_rollup_jobs",
          "analytics_rollup_ledger")
STATE = "analytics_rollup_state"
DIMS = {Dim.DAY, Dim.WEEK, Dim.MONTH, Dim.PROVIDER, Dim.MODEL, Dim.ERROR_KIND}
EXACT_PERCENTILES_UP_TO_DAYS = 31  # longer ranges read percentiles from the histogram
EDGES = (0, 1000, 2000, 5000, 10000, 20000, 30000, 60000, 120000)  # charts.LATENCY_EDGES_MS


@dataclass(frozen=True)
class RollupState:
    tz_offset_s: int
    built_at: float


def _day(column: str) -> str:
    return f"(CAST(({column} + :tz) / 86400 AS INTEGER) * 86400 - :tz)"


def fine_bin_width(bin_ms: float) -> float:
    return 10.0 if bin_ms < 1000 else 100.0 if bin_ms < 10000 else 1000.0 if bin_ms < 100000 else 10000.0


_OK = "(a.outcome = 'succeeded' AND a.duration_ms IS NOT NULL)"
_BINS = ", ".join(
    f"SUM({_OK} AND a.duration_ms >= {lo}" + (f" AND a.duration_ms < {hi})" if hi is not None else ")")
    for lo, hi in zip(EDGES, list(EDGES[1:]) + [None], strict=True))
_FINE = ("CASE WHEN a.duration_ms < 1000 THEN CAST(a.duration_ms / 10 AS INTEGER) * 10"
         " WHEN a.duration_ms < 10000 THEN CAST(a.duration_ms / 100 AS INTEGER) * 100"
         " WHEN a.duration_ms < 100000 THEN CAST(a.duration_ms / 1000 AS INTEGER) * 1000"
         " ELSE CAST(a.duration_ms / 10000 AS INTEGER) * 10000 END")
BUILD = (
    "INSERT INTO analytics_rollup_calls (day_start, provider, model, error_kind, n_rows, ok_calls,"
    " finished_calls, failed_calls, cache_hits, lat_n, lat_sum, b0, b1, b2, b3, b4, b5, b6, b7, b8)"
    f" SELECT {_day('a.started_at')}, a.provider, a.model, COALESCE(a.error_kind, ''), COUNT(*),"
    " SUM(a.outcome = 'succeeded'), SUM(a.outcome IN ('succeeded', 'failed')), SUM(a.outcome = 'failed'),"
    f" SUM(a.outcome = 'cached'), SUM({_OK}), SUM(CASE WHEN {_OK} THEN a.duration_ms ELSE 0 END), {_BINS}"
    " FROM attempts a WHERE a.started_at IS NOT NULL GROUP BY 1, 2, 3, 4",
    "INSERT INTO analytics_rollup_latency (day_start, provider, model, bin_ms, n)"
    f" SELECT {_day('a.started_at')}, a.provider, a.model, {_FINE}, COUNT(*) FROM attempts a"
    f" WHERE a.started_at IS NOT NULL AND {_OK} GROUP BY 1, 2, 3, 4",
    "INSERT INTO analytics_rollup_jobs (day_start, provider, model, error_kind, n_rows, succeeded, failed,"
    f" cancelled, est_sum, cost_sum) SELECT {_day('j.finished_at')}, j.provider, j.model,"
    " COALESCE(j.error_kind, ''), COUNT(*), SUM(j.state = 'succeeded'), SUM(j.state = 'failed'),"
    " SUM(j.state = 'cancelled'),"
    " SUM(CASE WHEN j.state = 'succeeded' THEN COALESCE(j.estimated_cost, 0) ELSE 0 END),"
    " SUM(CASE WHEN j.state = 'succeeded' THEN COALESCE(j.cost_usd, 0) ELSE 0 END)"
    " FROM jobs j WHERE j.finished_at IS NOT NULL GROUP BY 1, 2, 3, 4",
    "INSERT INTO analytics_rollup_ledger (day_start, provider, model, kind, n_rows, amount)"
    f" SELECT {_day('u.created_at')}, u.provider, u.model, u.kind, COUNT(*), SUM(COALESCE(u.amount_usd, 0))"
    " FROM usage_ledger u WHERE u.created_at IS NOT NULL GROUP BY 1, 2, 3, 4",
)


def read_state(conn: Connection) -> RollupState | None:
    """The offset the rollups were built for; None when they are not built (or this library
    predates revision 0007)."""
    if conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :n"),
                    {"n": STATE}).first() is None:
        return None
    row = conn.execute(text(f"SELECT tz_offset_s, built_at FROM {STATE} WHERE id = 1")).first()
    return RollupState(int(row[0]), float(row[1])) if row else None


def rebuild(conn: Connection, tz_offset_s: int, now: float | None = None) -> None:
    """Sum everything again for `tz_offset_s`, in the caller's write transaction (the
    triggers see the new offset from the same transaction on)."""
    for table in TABLES:
        conn.execute(text(f"DELETE FROM {table}"))
    conn.execute(text(f"INSERT OR REPLACE INTO {STATE} (id, tz_offset_s, built_at) VALUES (1, :tz, :now)"),
                 {"tz": tz_offset_s, "now": time.time() if now is None else now})
    for statement in BUILD:
        conn.execute(text(statement), {"tz": tz_offset_s})


def _aligned(at: float | None, tz: int) -> bool:
    return at is None or (at + tz) % 86400 == 0


def usable(state: RollupState | None, flt: Filter, by: tuple[Dim, ...]) -> bool:
    if state is None or state.tz_offset_s != flt.tz_offset_s:
        return False
    if not (_aligned(flt.start, flt.tz_offset_s) and _aligned(flt.end, flt.tz_offset_s)):
        return False
    return all(FILTER_DIMS[n] in DIMS for n in flt.dimensions) and all(d in DIMS for d in by)


_TIME_AND_KEYS = {Dim.PROVIDER: ("r.provider", ()), Dim.MODEL: ("r.model", ()),
                  Dim.ERROR_KIND: ("NULLIF(r.error_kind, '')", ())}
FACTS = {
    "attempts": Fact("attempts", "analytics_rollup_calls r", "r.day_start", dict(_TIME_AND_KEYS)),
    "jobs_finished": Fact("jobs_finished", "analytics_rollup_jobs r", "r.day_start", dict(_TIME_AND_KEYS)),
    "ledger": Fact("ledger", "analytics_rollup_ledger r", "r.day_start",
                   {Dim.PROVIDER: ("r.provider", ()), Dim.MODEL: ("r.model", ())}),
}
LATENCY_FACT = Fact("latency", "analytics_rollup_latency r", "r.day_start",
                    {Dim.PROVIDER: ("r.provider", ()), Dim.MODEL: ("r.model", ())})


def _kinds(*kinds: str) -> str:
    listed = ", ".join(f"'{k}'" for k in kinds)
    return f"SUM(CASE WHEN r.kind IN ({listed}) THEN r.amount ELSE 0 END)"


# The rollup formula of each additive metric; the same numbers as metrics.METRICS' SQL.
SQL = {
    "images_made": "SUM(r.ok_calls)", "provider_calls": "SUM(r.finished_calls)",
    "failed_calls": "SUM(r.failed_calls)", "cache_hits": "SUM(r.cache_hits)",
    "latency_avg": "SUM(r.lat_sum) / NULLIF(SUM(r.lat_n), 0)",
    "jobs_succeeded": "SUM(r.succeeded)", "jobs_failed": "SUM(r.failed)", "jobs_cancelled": "SUM(r.cancelled)",
    "jobs_settled": "SUM(r.succeeded + r.failed)", "estimated_at_enqueue": "SUM(r.est_sum)",
    "cost_of_jobs": "SUM(r.cost_sum)",
    "spend": _kinds("actual", "estimated"), "spend_actual": _kinds("actual"),
    "spend_estimated": _kinds("estimated"), "cache_savings": _kinds("saved"),
}


def swap(fact_key: str, metrics: list[Metric]) -> tuple[Fact, list[Metric]] | None:
    """The rollup fact and the metrics rewritten for it, or None if one has no formula."""
    fact = FACTS.get(fact_key)
    if fact is None or any(m.key not in SQL for m in metrics):
        return None
    return fact, [replace(m, sql=SQL[m.key], fact=fact_key) for m in metrics]
