"""gallery sort and facet indexes

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-29

Indexes for the gallery's sorts (newest, rating, cost, favourites) over the live library
and the model facet. Declared in desktop/core/gallery/tables.py. Saved searches need no
table: they are collections with `query_json`.
"""
from __future__ import annotations

from alembic import op

revision = '0003'
down_revision = '0001'
branch_labels = None
depends_on = None

INDEXES = [
    ('ix_assets_gallery_created', ['deleted_at', 'created_at']),
    ('ix_assets_gallery_rating', ['deleted_at', 'rating', 'created_at']),
    ('ix_assets_gallery_cost', ['deleted_at', 'cost_usd', 'created_at']),
    ('ix_assets_gallery_favorite', ['deleted_at', 'favorite', 'created_at']),
    ('ix_assets_gallery_model', ['model']),
]


def upgrade() -> None:
    for name, columns in INDEXES:
        op.create_index(name, 'assets', columns, unique=False)


def downgrade() -> None:
    for name, _columns in reversed(INDEXES):
        op.drop_index(name, table_name='assets')
