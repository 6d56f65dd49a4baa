"""sync: destinations, outbox, object state, pull cursors, manifest lines, conflicts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

The outbox is filled by triggers, so every writer of `assets` (the queue, the gallery,
scripts) queues uploads in the same transaction as its change, and nothing is missed
when the app is killed. One row per (destination, asset): a newer change bumps `gen`.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# Unix seconds as REAL on any SQLite version (unixepoch() needs 3.38).
NOW = "((julianday('now') - 2440587.5) * 86400.0)"

# Queue one asset for every destination; a pending row for it gets a new generation.
_UPSERT = (
    "INSERT INTO sync_outbox (destination_id, asset_id, op, gen, attempts, next_attempt_at,"
    " created_at) SELECT d.id, a.id, CASE WHEN a.deleted_at IS NULL THEN 'put' ELSE 'trash' END,"
    f" 1, 0, 0, {NOW} FROM sync_destinations d JOIN assets a ON a.id = {{asset}} WHERE true"
    " ON CONFLICT (destination_id, asset_id) DO UPDATE SET op = excluded.op,"
    " gen = sync_outbox.gen + 1, attempts = 0, next_attempt_at = 0, last_error = NULL;"
)

_WATCHED = ("path", "thumb_path", "sha256", "size_bytes", "width", "height", "mime", "provider",
            "model", "prompt", "negative_prompt", "seed", "rating", "favorite", "deleted_at")

TRIGGERS = {
    "sync_assets_ai": f"CREATE TRIGGER sync_assets_ai AFTER INSERT ON assets BEGIN "
    f"{_UPSERT.format(asset='new.id')} END",
    "sync_assets_au": f"CREATE TRIGGER sync_assets_au AFTER UPDATE OF {', '.join(_WATCHED)} "
    f"ON assets WHEN {' OR '.join(f'old.{c} IS NOT new.{c}' for c in _WATCHED)} BEGIN "
    f"{_UPSERT.format(asset='new.id')} END",
    # A hard delete: forget the pending change, queue the removal of its keys (by snapshot,
    # since the row is gone), and detach object state from an id SQLite may reuse.
    "sync_assets_ad": "CREATE TRIGGER sync_assets_ad AFTER DELETE ON assets BEGIN "
    "DELETE FROM sync_outbox WHERE asset_id = old.id; "
    "UPDATE sync_objects SET asset_id = NULL WHERE asset_id = old.id; "
    "INSERT INTO sync_outbox (destination_id, asset_id, op, path, thumb_path, sha256, gen,"
    f" attempts, next_attempt_at, created_at) SELECT d.id, NULL, 'delete', old.path,"
    f" old.thumb_path, old.sha256, 1, 0, 0, {NOW} FROM sync_destinations d; END",
    "sync_asset_tags_ai": "CREATE TRIGGER sync_asset_tags_ai AFTER INSERT ON asset_tags BEGIN "
    f"{_UPSERT.format(asset='new.asset_id')} END",
    "sync_asset_tags_ad": "CREATE TRIGGER sync_asset_tags_ad AFTER DELETE ON asset_tags BEGIN "
    f"{_UPSERT.format(asset='old.asset_id')} END",
    "sync_tags_au": "CREATE TRIGGER sync_tags_au AFTER UPDATE OF name ON tags "
    "WHEN old.name IS NOT new.name BEGIN "
    "INSERT INTO sync_outbox (destination_id, asset_id, op, gen, attempts, next_attempt_at,"
    " created_at) SELECT d.id, a.id, CASE WHEN a.deleted_at IS NULL THEN 'put' ELSE 'trash' END,"
    f" 1, 0, 0, {NOW} FROM sync_destinations d JOIN asset_tags t ON t.tag_id = new.id"
    " JOIN assets a ON a.id = t.asset_id WHERE true"
    " ON CONFLICT (destination_id, asset_id) DO UPDATE SET op = excluded.op,"
    " gen = sync_outbox.gen + 1, attempts = 0, next_attempt_at = 0, last_error = NULL; END",
    # A new destination starts with every live asset queued.
    "sync_destinations_ai": "CREATE TRIGGER sync_destinations_ai AFTER INSERT ON"
    " sync_destinations BEGIN INSERT INTO sync_outbox (destination_id, asset_id, op, gen,"
    f" attempts, next_attempt_at, created_at) SELECT new.id, a.id, 'put', 1, 0, 0, {NOW}"
    " FROM assets a WHERE a.deleted_at IS NULL; END",
}


def upgrade() -> None:
    op.create_table('sync_destinations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('url', sa.String(), nullable=False),
    sa.Column('options_json', sa.Text(), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('manifest_seq', sa.Integer(), nullable=False),
    sa.Column('last_run_at', sa.Float(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('sync_objects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('destination_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('asset_id', sa.Integer(), nullable=True),
    sa.Column('local_sha256', sa.String(), nullable=False),
    sa.Column('md5', sa.String(), nullable=True),
    sa.Column('remote_etag', sa.String(), nullable=True),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(), nullable=False),
    sa.Column('upload_id', sa.Text(), nullable=True),
    sa.Column('part_size', sa.Integer(), nullable=True),
    sa.Column('parts_done', sa.Integer(), nullable=False),
    sa.Column('base_json', sa.Text(), nullable=True),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('uploaded_at', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['destination_id'], ['sync_destinations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('destination_id', 'key')
    )
    with op.batch_alter_table('sync_objects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_objects_asset_id'), ['asset_id'], unique=False)

    op.create_table('sync_outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('destination_id', sa.Integer(), nullable=False),
    sa.Column('asset_id', sa.Integer(), nullable=True),
    sa.Column('op', sa.String(), nullable=False),
    sa.Column('path', sa.String(), nullable=True),
    sa.Column('thumb_path', sa.String(), nullable=True),
    sa.Column('sha256', sa.String(), nullable=True),
    sa.Column('gen', sa.Integer(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.Float(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['destination_id'], ['sync_destinations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.create_index('ux_sync_outbox_asset', ['destination_id', 'asset_id'], unique=True)
        batch_op.create_index('ix_sync_outbox_due', ['destination_id', 'next_attempt_at'], unique=False)

    op.create_table('sync_pull_cursors',
    sa.Column('destination_id', sa.Integer(), nullable=False),
    sa.Column('library_id', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['destination_id'], ['sync_destinations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('destination_id', 'library_id')
    )
    op.create_table('sync_manifest_pending',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('destination_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=True),
    sa.Column('line', sa.Text(), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['destination_id'], ['sync_destinations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sync_manifest_pending', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_manifest_pending_destination_id'), ['destination_id'], unique=False)

    op.create_table('sync_conflicts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('destination_id', sa.Integer(), nullable=False),
    sa.Column('asset_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(), nullable=False),
    sa.Column('local_value', sa.Text(), nullable=False),
    sa.Column('remote_value', sa.Text(), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('resolved_at', sa.Float(), nullable=True),
    sa.Column('resolution', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['destination_id'], ['sync_destinations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_conflicts_asset_id'), ['asset_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_conflicts_destination_id'), ['destination_id'], unique=False)

    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ('sync_conflicts', 'sync_manifest_pending', 'sync_pull_cursors', 'sync_outbox',
                  'sync_objects', 'sync_destinations'):
        op.drop_table(table)
