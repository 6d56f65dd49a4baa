"""Indexes the gallery adds to `assets` (revision 0003), declared on the table's metadata
so the schema comparison test sees them.

Each one serves a sort the gallery offers over the live library (`deleted_at IS NULL`)
straight from the index, so listing 100,000 ids in order never sorts in a temp B-tree.
"""

from __future__ import annotations

from sqlalchemy import Index

from desktop.core.store.schema import Asset

A = Asset.__table__.c

GALLERY_INDEXES = (
    Index("ix_assets_gallery_created", A.deleted_at, A.created_at),
    Index("ix_assets_gallery_rating", A.deleted_at, A.rating, A.created_at),
    Index("ix_assets_gallery_cost", A.deleted_at, A.cost_usd, A.created_at),
    Index("ix_assets_gallery_favorite", A.deleted_at, A.favorite, A.created_at),
    Index("ix_assets_gallery_model", A.model),
)
