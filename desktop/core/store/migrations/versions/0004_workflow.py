"""workflow: projects, style presets, brand rules and checks, decisions, consistency, captions

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-29

Declared in desktop/core/workflow/tables.py. Also adds `jobs.parent_asset_id`: a variant
job names the asset it varies, and the queue copies it to the new asset's `parent_id`.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0001'
branch_labels = None
depends_on = None

KINDS = ("pick", "reject", "approve", "request_changes", "comment", "preset_change", "rule_change")


def upgrade() -> None:
    # SQLite may add a column with a REFERENCES clause when its default is NULL.
    op.execute("ALTER TABLE jobs ADD COLUMN parent_asset_id INTEGER"
               " REFERENCES assets (id) ON DELETE SET NULL")

    op.create_table('projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('brief', sa.Text(), nullable=False),
    sa.Column('template', sa.String(), nullable=False),
    sa.Column('starter_prompts_json', sa.Text(), nullable=False),
    sa.Column('sizes_json', sa.Text(), nullable=False),
    sa.Column('profile_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('archived_at', sa.Float(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name'),
    )

    op.create_table('style_presets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('body_json', sa.Text(), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_style_presets_project', 'style_presets', ['project_id', 'name'], unique=False)

    op.create_table('brand_rules',
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('rules_json', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id'),
    )

    op.create_table('brand_checks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('asset_id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.Column('results_json', sa.Text(), nullable=False),
    sa.Column('rules_version', sa.Integer(), nullable=False),
    sa.Column('checked_at', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_brand_checks_asset_id', 'brand_checks', ['asset_id'], unique=False)
    op.create_index('ix_brand_checks_project', 'brand_checks', ['project_id', 'checked_at'], unique=False)

    op.create_table('decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('asset_id', sa.Integer(), nullable=True),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('profile_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('payload_json', sa.Text(), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.CheckConstraint("kind IN (" + ", ".join(f"'{k}'" for k in KINDS) + ")",
                       name='ck_decisions_kind'),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_decisions_asset_id', 'decisions', ['asset_id'], unique=False)
    op.create_index('ix_decisions_project', 'decisions', ['project_id', 'created_at'], unique=False)

    op.create_table('consistency_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('measures', sa.String(), nullable=False),
    sa.Column('asset_count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_consistency_runs_project_id', 'consistency_runs', ['project_id'], unique=False)

    op.create_table('consistency_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('asset_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('palette_distance', sa.Float(), nullable=False),
    sa.Column('phash_distance', sa.Float(), nullable=False),
    sa.Column('clip_similarity', sa.Float(), nullable=True),
    sa.Column('outlier', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['consistency_runs.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_consistency_scores_asset_id', 'consistency_scores', ['asset_id'], unique=False)
    op.create_index('ix_consistency_scores_run_id', 'consistency_scores', ['run_id'], unique=False)

    op.create_table('asset_captions',
    sa.Column('asset_id', sa.Integer(), nullable=False),
    sa.Column('model', sa.String(), nullable=False),
    sa.Column('caption', sa.Text(), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('asset_id'),
    )


def downgrade() -> None:
    op.drop_table('asset_captions')
    op.drop_index('ix_consistency_scores_run_id', table_name='consistency_scores')
    op.drop_index('ix_consistency_scores_asset_id', table_name='consistency_scores')
    op.drop_table('consistency_scores')
    op.drop_index('ix_consistency_runs_project_id', table_name='consistency_runs')
    op.drop_table('consistency_runs')
    op.drop_index('ix_decisions_project', table_name='decisions')
    op.drop_index('ix_decisions_asset_id', table_name='decisions')
    op.drop_table('decisions')
    op.drop_index('ix_brand_checks_project', table_name='brand_checks')
    op.drop_index('ix_brand_checks_asset_id', table_name='brand_checks')
    op.drop_table('brand_checks')
    op.drop_table('brand_rules')
    op.drop_index('ix_style_presets_project', table_name='style_presets')
    op.drop_table('style_presets')
    op.drop_table('projects')
    with op.batch_alter_table('jobs') as batch:
        batch.drop_column('parent_asset_id')
