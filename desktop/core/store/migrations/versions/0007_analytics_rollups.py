"""analytics daily rollups

Revision ID: 0007
Revises: 0005
Create Date: 2026-11-29

Per-day sums of the three fact tables the dashboard scans (attempts, finished jobs, usage
ledger) and a fine latency histogram, kept current by triggers, so a year's dashboard reads
a few thousand rows instead of a million. Days are local days under the UTC offset held in
`analytics_rollup_state`; the tables stay empty and the triggers idle until the analytics
service builds them for an offset (AnalyticsService.ensure_rollups). Declared in
desktop/core/analytics/tables.py.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0005'
branch_labels = None
depends_on = None

Z = "(SELECT tz_offset_s FROM analytics_rollup_state WHERE id = 1)"
GUARD = "EXISTS (SELECT 1 FROM analytics_rollup_state WHERE id = 1)"
EDGES = (0, 1000, 2000, 5000, 10000, 20000, 30000, 60000, 120000)  # charts.LATENCY_EDGES_MS


def day(t: str) -> str:
    return f"(CAST(({t} + {Z}) / 86400 AS INTEGER) * 86400 - {Z})"


def fine_bin(d: str) -> str:
    return (f"(CASE WHEN {d} < 1000 THEN CAST({d} / 10 AS INTEGER) * 10 WHEN {d} < 10000 THEN"
            f" CAST({d} / 100 AS INTEGER) * 100 WHEN {d} < 100000 THEN CAST({d} / 1000 AS INTEGER) * 1000"
            f" ELSE CAST({d} / 10000 AS INTEGER) * 10000 END)")


def call_values(r: str) -> dict[str, str]:
    ok = f"({r}.outcome = 'succeeded' AND {r}.duration_ms IS NOT NULL)"
    values = {
        "n_rows": "1", "ok_calls": f"({r}.outcome = 'succeeded')",
        "finished_calls": f"({r}.outcome IN ('succeeded', 'failed'))",
        "failed_calls": f"({r}.outcome = 'failed')", "cache_hits": f"({r}.outcome = 'cached')",
        "lat_n": ok, "lat_sum": f"(CASE WHEN {ok} THEN {r}.duration_ms ELSE 0 END)",
    }
    bounds = list(zip(EDGES, list(EDGES[1:]) + [None], strict=True))
    for i, (lo, hi) in enumerate(bounds):
        upper = f" AND {r}.duration_ms < {hi}" if hi is not None else ""
        values[f"b{i}"] = f"({ok} AND {r}.duration_ms >= {lo}{upper})"
    return values


def job_values(r: str) -> dict[str, str]:
    won = f"{r}.state = 'succeeded'"
    return {"n_rows": "1", "succeeded": f"({won})", "failed": f"({r}.state = 'failed')",
            "cancelled": f"({r}.state = 'cancelled')",
            "est_sum": f"(CASE WHEN {won} THEN COALESCE({r}.estimated_cost, 0) ELSE 0 END)",
            "cost_sum": f"(CASE WHEN {won} THEN COALESCE({r}.cost_usd, 0) ELSE 0 END)"}


def ledger_values(r: str) -> dict[str, str]:
    return {"n_rows": "1", "amount": f"COALESCE({r}.amount_usd, 0)"}


# table, key column -> expression of the row, values, the count that empties a row, condition
def rollups(r: str) -> list[tuple[str, dict[str, str], dict[str, str], str, str]]:
    return [
        ("analytics_rollup_calls",
         {"day_start": day(f"{r}.started_at"), "provider": f"{r}.provider", "model": f"{r}.model",
          "error_kind": f"COALESCE({r}.error_kind, '')"}, call_values(r), "n_rows",
         f"{r}.started_at IS NOT NULL"),
        ("analytics_rollup_latency",
         {"day_start": day(f"{r}.started_at"), "provider": f"{r}.provider", "model": f"{r}.model",
          "bin_ms": fine_bin(f"{r}.duration_ms")},
         {"n": "1"}, "n",
         f"{r}.started_at IS NOT NULL AND {r}.outcome = 'succeeded' AND {r}.duration_ms IS NOT NULL"),
    ]


def job_rollups(r: str) -> list[tuple[str, dict[str, str], dict[str, str], str, str]]:
    return [("analytics_rollup_jobs",
             {"day_start": day(f"{r}.finished_at"), "provider": f"{r}.provider", "model": f"{r}.model",
              "error_kind": f"COALESCE({r}.error_kind, '')"}, job_values(r), "n_rows",
             f"{r}.finished_at IS NOT NULL")]


def ledger_rollups(r: str) -> list[tuple[str, dict[str, str], dict[str, str], str, str]]:
    return [("analytics_rollup_ledger",
             {"day_start": day(f"{r}.created_at"), "provider": f"{r}.provider", "model": f"{r}.model",
              "kind": f"{r}.kind"}, ledger_values(r), "n_rows", f"{r}.created_at IS NOT NULL")]


def add_sql(table: str, keys: dict[str, str], values: dict[str, str], cond: str) -> str:
    cols = list(keys) + list(values)
    exprs = list(keys.values()) + list(values.values())
    sets = ", ".join(f"{c} = {c} + excluded.{c}" for c in values)
    return (f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)} WHERE {cond}"
            f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {sets};")


def sub_sql(table: str, keys: dict[str, str], values: dict[str, str], count: str, cond: str) -> str:
    match = " AND ".join(f"{c} = {e}" for c, e in keys.items())
    sets = ", ".join(f"{c} = {c} - {e}" for c, e in values.items())
    return (f"UPDATE {table} SET {sets} WHERE {match} AND {cond};"
            f" DELETE FROM {table} WHERE {match} AND {count} <= 0;")


def triggers(source: str, plan, columns: str) -> list[str]:
    new, old = plan("new"), plan("old")
    add = " ".join(add_sql(t, k, v, c) for t, k, v, _n, c in new)
    sub = " ".join(sub_sql(t, k, v, n, c) for t, k, v, n, c in old)
    name = f"analytics_rollup_{source}"
    return [
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON {source} WHEN {GUARD} BEGIN {add} END",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON {source} WHEN {GUARD} BEGIN {sub} END",
        f"CREATE TRIGGER {name}_au AFTER UPDATE OF {columns} ON {source} WHEN {GUARD} BEGIN {sub} {add} END",
    ]


TRIGGERS = (
    triggers("attempts", rollups, "started_at, provider, model, outcome, error_kind, duration_ms")
    + triggers("jobs", job_rollups, "finished_at, state, provider, model, error_kind, estimated_cost, cost_usd")
    + triggers("usage_ledger", ledger_rollups, "created_at, provider, model, kind, amount_usd")
)
TRIGGER_NAMES = [f"analytics_rollup_{s}_{w}" for s in ("attempts", "jobs", "usage_ledger") for w in ("ai", "ad", "au")]


def _counts(*names: str) -> list[sa.Column]:
    return [sa.Column(n, sa.Integer(), nullable=False) for n in names]


def upgrade() -> None:
    op.create_table('analytics_rollup_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tz_offset_s', sa.Integer(), nullable=False),
    sa.Column('built_at', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('analytics_rollup_calls',
    sa.Column('day_start', sa.Float(), nullable=False),
    sa.Column('provider', sa.String(), nullable=False),
    sa.Column('model', sa.String(), nullable=False),
    sa.Column('error_kind', sa.String(), nullable=False),
    *_counts('n_rows', 'ok_calls', 'finished_calls', 'failed_calls', 'cache_hits', 'lat_n'),
    sa.Column('lat_sum', sa.Float(), nullable=False),
    *_counts('b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8'),
    sa.PrimaryKeyConstraint('day_start', 'provider', 'model', 'error_kind')
    )
    op.create_table('analytics_rollup_latency',
    sa.Column('day_start', sa.Float(), nullable=False),
    sa.Column('provider', sa.String(), nullable=False),
    sa.Column('model', sa.String(), nullable=False),
    sa.Column('bin_ms', sa.Integer(), nullable=False),
    sa.Column('n', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day_start', 'provider', 'model', 'bin_ms')
    )
    op.create_table('analytics_rollup_jobs',
    sa.Column('day_start', sa.Float(), nullable=False),
    sa.Column('provider', sa.String(), nullable=False),
    sa.Column('model', sa.String(), nullable=False),
    sa.Column('error_kind', sa.String(), nullable=False),
    *_counts('n_rows', 'succeeded', 'failed', 'cancelled'),
    sa.Column('est_sum', sa.Float(), nullable=False),
    sa.Column('cost_sum', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('day_start', 'provider', 'model', 'error_kind')
    )
    op.create_table('analytics_rollup_ledger',
    sa.Column('day_start', sa.Float(), nullable=False),
    sa.Column('provider', sa.String(), nullable=False),
    sa.Column('model', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('n_rows', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('day_start', 'provider', 'model', 'kind')
    )
    for statement in TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ('analytics_rollup_ledger', 'analytics_rollup_jobs', 'analytics_rollup_latency',
                  'analytics_rollup_calls', 'analytics_rollup_state'):
        op.drop_table(table)
