"""Indexes analytics adds to the core tables (revision 0005) and its daily rollup tables
(revision 0007, kept by triggers: see rollups.py), declared on the store's metadata so the
schema comparison test sees them.

Each is a covering index for one fact table's date-range scans: the aggregations read
only the index, never the table rows, which is what keeps a dashboard refresh over a
million attempts within budget.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, Index, Integer, String, Table

from desktop.core.store.schema import Attempt, Base, Job, UsageEntry

A, J, U = Attempt.__table__.c, Job.__table__.c, UsageEntry.__table__.c

ANALYTICS_INDEXES = (
    Index("ix_attempts_analytics", A.started_at, A.provider, A.model, A.outcome, A.error_kind,
          A.duration_ms, A.finished_at, A.job_id),
    Index("ix_jobs_finished_analytics", J.finished_at, J.state, J.provider, J.model, J.error_kind,
          J.estimated_cost, J.cost_usd, J.batch_id),
    Index("ix_jobs_started_analytics", J.started_at, J.created_at, J.provider, J.model, J.batch_id),
    Index("ix_usage_ledger_analytics", U.created_at, U.kind, U.provider, U.model, U.amount_usd,
          U.batch_id),
)


def _counts(*names: str) -> list[Column]:
    return [Column(n, Integer, nullable=False) for n in names]


def _table(name: str, *columns: Column) -> Table:
    if name in Base.metadata.tables:  # imported twice (tests reload modules)
        return Base.metadata.tables[name]
    return Table(name, Base.metadata, *columns)


ROLLUP_STATE = _table(
    "analytics_rollup_state",
    Column("id", Integer, primary_key=True), Column("tz_offset_s", Integer, nullable=False),
    Column("built_at", Float, nullable=False),
)
ROLLUP_CALLS = _table(
    "analytics_rollup_calls",
    Column("day_start", Float, primary_key=True), Column("provider", String, primary_key=True),
    Column("model", String, primary_key=True), Column("error_kind", String, primary_key=True),
    *_counts("n_rows", "ok_calls", "finished_calls", "failed_calls", "cache_hits", "lat_n"),
    Column("lat_sum", Float, nullable=False),
    *_counts(*(f"b{i}" for i in range(9))),
)
ROLLUP_LATENCY = _table(
    "analytics_rollup_latency",
    Column("day_start", Float, primary_key=True), Column("provider", String, primary_key=True),
    Column("model", String, primary_key=True), Column("bin_ms", Integer, primary_key=True),
    Column("n", Integer, nullable=False),
)
ROLLUP_JOBS = _table(
    "analytics_rollup_jobs",
    Column("day_start", Float, primary_key=True), Column("provider", String, primary_key=True),
    Column("model", String, primary_key=True), Column("error_kind", String, primary_key=True),
    *_counts("n_rows", "succeeded", "failed", "cancelled"),
    Column("est_sum", Float, nullable=False), Column("cost_sum", Float, nullable=False),
)
ROLLUP_LEDGER = _table(
    "analytics_rollup_ledger",
    Column("day_start", Float, primary_key=True), Column("provider", String, primary_key=True),
    Column("model", String, primary_key=True), Column("kind", String, primary_key=True),
    Column("n_rows", Integer, nullable=False), Column("amount", Float, nullable=False),
)
