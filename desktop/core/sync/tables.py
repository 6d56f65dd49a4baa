"""The sync feature's tables: destinations, the outbox, per-destination object state,
pull cursors, manifest lines waiting to be written, and metadata conflicts.

The outbox is filled by SQLite triggers on `assets` (see migration 0002), so a change made
by any writer — the queue, the gallery, a script — is queued in the same transaction that
makes it, and a pass with nothing to do is one indexed query.
"""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.store.schema import Base


class SyncDestination(Base):
    """A bucket (or container) and prefix the library is mirrored to."""

    __tablename__ = "sync_destinations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    url: Mapped[str] = mapped_column(String)
    options_json: Mapped[str] = mapped_column(Text, default="{}")  # endpoint, policy, limits
    created_at: Mapped[float] = mapped_column(Float)
    manifest_seq: Mapped[int] = mapped_column(Integer, default=0)  # last segment written
    last_run_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)


class SyncObject(Base):
    """What one destination holds (or is receiving) under one key, as this library knows it.

    `state` is `uploading` while a multipart/resumable transfer is open (`upload_id`,
    `part_size`, `parts_done` let a restarted app resume it) and `verified` once the remote
    checksum matched the local hash. `base_json` is, for sidecars, the metadata both sides
    last agreed on: the base of the three-way merge that finds conflicts.
    """

    __tablename__ = "sync_objects"
    __table_args__ = (UniqueConstraint("destination_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    destination_id: Mapped[int] = mapped_column(
        ForeignKey("sync_destinations.id", ondelete="CASCADE")
    )
    key: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)  # image | thumb | sidecar | backup
    asset_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    local_sha256: Mapped[str] = mapped_column(String)
    md5: Mapped[str | None] = mapped_column(String, nullable=True)  # hex
    remote_etag: Mapped[str | None] = mapped_column(String, nullable=True)
    size: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String)  # uploading | verified
    upload_id: Mapped[str | None] = mapped_column(Text, nullable=True)
    part_size: Mapped[int | None] = mapped_column(Integer, nullable=True)
    parts_done: Mapped[int] = mapped_column(Integer, default=0)
    base_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[float] = mapped_column(Float)
    uploaded_at: Mapped[float | None] = mapped_column(Float, nullable=True)


class SyncOutboxItem(Base):
    """An asset (or a deleted asset's keys) one destination still has to catch up with.

    One row per (destination, asset): a later change bumps `gen`, so a worker that finished
    an older generation does not remove the newer change.
    """

    __tablename__ = "sync_outbox"
    __table_args__ = (
        Index("ux_sync_outbox_asset", "destination_id", "asset_id", unique=True),
        Index("ix_sync_outbox_due", "destination_id", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    destination_id: Mapped[int] = mapped_column(
        ForeignKey("sync_destinations.id", ondelete="CASCADE")
    )
    asset_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # NULL: a hard delete
    op: Mapped[str] = mapped_column(String)  # put | trash | delete
    path: Mapped[str | None] = mapped_column(String, nullable=True)  # snapshot for deletes
    thumb_path: Mapped[str | None] = mapped_column(String, nullable=True)
    sha256: Mapped[str | None] = mapped_column(String, nullable=True)
    gen: Mapped[int] = mapped_column(Integer, default=1)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[float] = mapped_column(Float, default=0.0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[float] = mapped_column(Float)


class SyncPullCursor(Base):
    """The last manifest segment of another library that this library has imported."""

    __tablename__ = "sync_pull_cursors"

    destination_id: Mapped[int] = mapped_column(
        ForeignKey("sync_destinations.id", ondelete="CASCADE"), primary_key=True
    )
    library_id: Mapped[str] = mapped_column(String, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)


class SyncManifestLine(Base):
    """A manifest entry waiting to be written; `seq` is set once it is assigned a segment,
    so a segment rewritten after a crash has exactly the same lines."""

    __tablename__ = "sync_manifest_pending"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    destination_id: Mapped[int] = mapped_column(
        ForeignKey("sync_destinations.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    line: Mapped[str] = mapped_column(Text)
    created_at: Mapped[float] = mapped_column(Float)


class SyncConflict(Base):
    """A field both this library and another changed differently; the local value is kept
    until the user resolves it (`resolution` = local | remote)."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    destination_id: Mapped[int] = mapped_column(
        ForeignKey("sync_destinations.id", ondelete="CASCADE"), index=True
    )
    asset_id: Mapped[int] = mapped_column(ForeignKey("assets.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String)
    local_value: Mapped[str] = mapped_column(Text)  # JSON
    remote_value: Mapped[str] = mapped_column(Text)  # JSON
    created_at: Mapped[float] = mapped_column(Float)
    resolved_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    resolution: Mapped[str | None] = mapped_column(String, nullable=True)
