"""Indexes analytics adds to the core tables (revision 0005), declared on the tables'
metadata so the schema comparison test sees them.

Each is a covering index for one fact table's date-range scans: the aggregations read
only the index, never the table rows, which is what keeps a dashboard refresh over a
million attempts within budget.
"""

from __future__ import annotations

from sqlalchemy import Index

from desktop.core.store.schema import Attempt, Job, UsageEntry

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
