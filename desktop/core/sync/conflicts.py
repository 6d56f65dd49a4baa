"""Recorded conflicts: a field this library and another changed differently. Listed for
the user, resolved by keeping the local value or taking the remote one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from desktop.core.sync.store import SyncStore


@dataclass(frozen=True)
class Conflict:
    id: int
    destination: str
    asset_id: int
    asset_path: str
    field: str
    local_value: Any
    remote_value: Any
    created_at: float
    resolved_at: float | None = None
    resolution: str | None = None


class ConflictRepository:
    def __init__(self, store: SyncStore) -> None:
        self.store = store

    @staticmethod
    def record(conn: Connection, dest_id: int, asset_id: int, field: str, local: Any,
               remote: Any, now: float) -> None:
        """Open a conflict, or bring an open one on the same field up to date."""
        values = {"d": dest_id, "a": asset_id, "f": field, "l": json.dumps(local, ensure_ascii=False),
                  "r": json.dumps(remote, ensure_ascii=False), "t": now}
        updated = conn.execute(text(
            "UPDATE sync_conflicts SET local_value=:l, remote_value=:r WHERE destination_id=:d AND"
            " asset_id=:a AND field=:f AND resolved_at IS NULL"), values).rowcount
        if not updated:
            conn.execute(text(
                "INSERT INTO sync_conflicts (destination_id, asset_id, field, local_value,"
                " remote_value, created_at) VALUES (:d, :a, :f, :l, :r, :t)"), values)

    @staticmethod
    def open_for(conn: Connection, dest_id: int, asset_id: int) -> int:
        return int(conn.execute(text(
            "SELECT COUNT(*) FROM sync_conflicts WHERE destination_id=:d AND asset_id=:a AND"
            " resolved_at IS NULL"), {"d": dest_id, "a": asset_id}).scalar() or 0)

    def list(self, include_resolved: bool = False, destination: str | None = None) -> list[Conflict]:
        where = ["1=1"] if include_resolved else ["c.resolved_at IS NULL"]
        params: dict[str, Any] = {}
        if destination:
            where.append("d.name = :n")
            params["n"] = destination
        with self.store.read() as conn:
            rows = conn.execute(text(
                "SELECT c.id, d.name, c.asset_id, a.path, c.field, c.local_value, c.remote_value,"
                " c.created_at, c.resolved_at, c.resolution FROM sync_conflicts c"
                " JOIN sync_destinations d ON d.id = c.destination_id JOIN assets a ON a.id = c.asset_id"
                f" WHERE {' AND '.join(where)} ORDER BY c.id"), params).all()
        return [Conflict(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), json.loads(r[6]), r[7],
                         r[8], r[9]) for r in rows]

    def get(self, conflict_id: int) -> tuple[Conflict, int] | None:
        """The conflict and its destination id."""
        with self.store.read() as conn:
            dest_id = conn.execute(text("SELECT destination_id FROM sync_conflicts WHERE id=:i"),
                                   {"i": conflict_id}).scalar()
        if dest_id is None:
            return None
        found = [c for c in self.list(include_resolved=True) if c.id == conflict_id]
        return (found[0], int(dest_id)) if found else None

    @staticmethod
    def close(conn: Connection, conflict_id: int, resolution: str, now: float) -> None:
        conn.execute(text("UPDATE sync_conflicts SET resolved_at=:t, resolution=:r WHERE id=:i"),
                     {"t": now, "r": resolution, "i": conflict_id})

    def open_count(self) -> dict[int, int]:
        with self.store.read() as conn:
            rows = conn.execute(text("SELECT destination_id, COUNT(*) FROM sync_conflicts WHERE"
                                     " resolved_at IS NULL GROUP BY destination_id")).all()
        return {int(d): int(n) for d, n in rows}
