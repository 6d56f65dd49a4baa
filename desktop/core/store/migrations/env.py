"""Alembic environment: runs on the connection the store hands it (no ini file needed)."""

from __future__ import annotations

from alembic import context

from desktop.core.store.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite needs batch mode to alter tables
)
with context.begin_transaction():
    context.run_migrations()
