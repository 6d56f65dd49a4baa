"""analytics indexes and report schedules

Revision ID: 0005
Revises: 0001
Create Date: 2026-11-29

Covering indexes for the analytics fact scans (attempts, finished/started jobs, usage
ledger) and the `report_schedules` table. Declared in desktop/core/analytics/tables.py
and desktop/core/reports/tables.py.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0001'
branch_labels = None
depends_on = None

INDEXES = [
    ('ix_attempts_analytics', 'attempts',
     ['started_at', 'provider', 'model', 'outcome', 'error_kind', 'duration_ms', 'finished_at',
      'job_id']),
    ('ix_jobs_finished_analytics', 'jobs',
     ['finished_at', 'state', 'provider', 'model', 'error_kind', 'estimated_cost', 'cost_usd',
      'batch_id']),
    ('ix_jobs_started_analytics', 'jobs',
     ['started_at', 'created_at', 'provider', 'model', 'batch_id']),
    ('ix_usage_ledger_analytics', 'usage_ledger',
     ['created_at', 'kind', 'provider', 'model', 'amount_usd', 'batch_id']),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    op.create_table('report_schedules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('report_type', sa.String(), nullable=False),
    sa.Column('format', sa.String(), nullable=False),
    sa.Column('template', sa.String(), nullable=False),
    sa.Column('frequency', sa.String(), nullable=False),
    sa.Column('at_minute', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('day_of_month', sa.Integer(), nullable=False),
    sa.Column('folder', sa.Text(), nullable=False),
    sa.Column('push_sync', sa.Boolean(), nullable=False),
    sa.Column('filter_json', sa.Text(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('last_run_at', sa.Float(), nullable=True),
    sa.Column('last_output', sa.Text(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('report_schedules')
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
