"""The outbox: what each destination still has to catch up with. Rows are written by the
triggers of migration 0002; the engine reads due rows and removes them when done."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

from desktop.core.sync.store import SyncStore

NOW_SQL = "((julianday('now') - 2440587.5) * 86400.0)"


@dataclass(frozen=True)
class OutboxItem:
    id: int
    destination_id: int
    asset_id: int | None  # None: a hard-deleted asset, known by the snapshot below
    op: str  # put | trash | delete
    path: str | None
    thumb_path: str | None
    sha256: str | None
    gen: int
    attempts: int
    last_error: str | None = None


class OutboxRepository:
    def __init__(self, store: SyncStore) -> None:
        self.store = store

    def due(self, dest_id: int, now: float, limit: int = 100_000) -> list[OutboxItem]:
        """Rows ready to run, oldest first: one indexed range scan, so an idle pass is cheap."""
        with self.store.read() as conn:
            rows = conn.execute(text(
                "SELECT id, destination_id, asset_id, op, path, thumb_path, sha256, gen, attempts,"
                " last_error FROM sync_outbox WHERE destination_id=:d AND next_attempt_at<=:now"
                " ORDER BY id LIMIT :lim"), {"d": dest_id, "now": now, "lim": limit}).all()
        return [OutboxItem(*r) for r in rows]

    @staticmethod
    def complete(conn: Connection, item: OutboxItem) -> bool:
        """Remove the row unless a newer change arrived meanwhile (then it runs again)."""
        gone = conn.execute(text("DELETE FROM sync_outbox WHERE id=:id AND gen=:g"),
                            {"id": item.id, "g": item.gen}).rowcount
        return bool(gone)

    def fail(self, item: OutboxItem, error: str, retry_at: float) -> None:
        with self.store.write() as conn:
            conn.execute(text(
                "UPDATE sync_outbox SET attempts=attempts+1, next_attempt_at=:t, last_error=:e"
                " WHERE id=:id AND gen=:g"), {"t": retry_at, "e": error[:2000], "id": item.id,
                                              "g": item.gen})

    @staticmethod
    def enqueue(conn: Connection, dest_id: int, asset_id: int) -> None:
        conn.execute(text(
            "INSERT INTO sync_outbox (destination_id, asset_id, op, gen, attempts, next_attempt_at,"
            f" created_at) VALUES (:d, :a, 'put', 1, 0, 0, {NOW_SQL})"
            " ON CONFLICT (destination_id, asset_id) DO UPDATE SET gen=sync_outbox.gen+1,"
            " attempts=0, next_attempt_at=0, last_error=NULL"), {"d": dest_id, "a": asset_id})

    @staticmethod
    def drop(conn: Connection, dest_id: int, asset_id: int) -> None:
        conn.execute(text("DELETE FROM sync_outbox WHERE destination_id=:d AND asset_id=:a"),
                     {"d": dest_id, "a": asset_id})

    def retry_now(self, dest_id: int) -> int:
        """Make every waiting row due (the user asked to sync now)."""
        with self.store.write() as conn:
            return int(conn.execute(text(
                "UPDATE sync_outbox SET next_attempt_at=0 WHERE destination_id=:d AND next_attempt_at>0"),
                {"d": dest_id}).rowcount)

    def counts(self, dest_id: int) -> tuple[int, int]:
        """(pending rows, rows whose last attempt failed)."""
        with self.store.read() as conn:
            row = conn.execute(text(
                "SELECT COUNT(*), COALESCE(SUM(attempts > 0), 0) FROM sync_outbox WHERE destination_id=:d"),
                {"d": dest_id}).one()
        return int(row[0]), int(row[1])

    def errors(self, dest_id: int, limit: int = 20) -> list[OutboxItem]:
        with self.store.read() as conn:
            rows = conn.execute(text(
                "SELECT id, destination_id, asset_id, op, path, thumb_path, sha256, gen, attempts,"
                " last_error FROM sync_outbox WHERE destination_id=:d AND attempts>0"
                " ORDER BY id LIMIT :lim"), {"d": dest_id, "lim": limit}).all()
        return [OutboxItem(*r) for r in rows]
