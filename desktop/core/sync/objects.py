"""Per-destination state of each remote object: verified copies, open uploads, and the
metadata last agreed on for sidecars (the base of the three-way merge)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from desktop.core.sync.store import SyncStore

_COLUMNS = ("destination_id, key, kind, asset_id, local_sha256, md5, remote_etag, size, state,"
            " upload_id, part_size, parts_done, base_json, uploaded_at")


@dataclass(frozen=True)
class ObjectState:
    destination_id: int
    key: str
    kind: str  # image | thumb | sidecar | backup | manifest
    asset_id: int | None
    local_sha256: str
    md5: str | None
    remote_etag: str | None
    size: int
    state: str  # uploading | verified
    upload_id: str | None = None
    part_size: int | None = None
    parts_done: int = 0
    base_json: str | None = None
    uploaded_at: float | None = None

    @property
    def verified(self) -> bool:
        return self.state == "verified"


class ObjectRepository:
    def __init__(self, store: SyncStore) -> None:
        self.store = store

    def get(self, dest_id: int, key: str) -> ObjectState | None:
        with self.store.read() as conn:
            row = conn.execute(text(f"SELECT {_COLUMNS} FROM sync_objects WHERE destination_id=:d"
                                    " AND key=:k"), {"d": dest_id, "k": key}).first()
        return ObjectState(*row) if row else None

    def for_assets(self, dest_id: int, asset_ids: Iterable[int]) -> dict[int, list[ObjectState]]:
        ids = list(asset_ids)
        found: dict[int, list[ObjectState]] = {}
        with self.store.read() as conn:
            for start in range(0, len(ids), 500):
                stmt = text(f"SELECT {_COLUMNS} FROM sync_objects WHERE destination_id=:d"
                            " AND asset_id IN :ids").bindparams(bindparam("ids", expanding=True))
                for row in conn.execute(stmt, {"d": dest_id, "ids": ids[start:start + 500]}):
                    state = ObjectState(*row)
                    found.setdefault(int(state.asset_id or 0), []).append(state)
        return found

    def of_kind(self, dest_id: int, kind: str) -> list[ObjectState]:
        with self.store.read() as conn:
            rows = conn.execute(text(f"SELECT {_COLUMNS} FROM sync_objects WHERE destination_id=:d"
                                     " AND kind=:k ORDER BY key"), {"d": dest_id, "k": kind}).all()
        return [ObjectState(*r) for r in rows]

    def begin_upload(self, dest_id: int, key: str, kind: str, asset_id: int | None, sha256: str,
                     size: int, upload_id: str, part_size: int) -> None:
        with self.store.write() as conn:
            conn.execute(text(
                "INSERT INTO sync_objects (destination_id, key, kind, asset_id, local_sha256, size,"
                " state, upload_id, part_size, parts_done, updated_at) VALUES (:d, :k, :kind, :a,"
                " :sha, :size, 'uploading', :u, :ps, 0, :t) ON CONFLICT (destination_id, key) DO"
                " UPDATE SET kind=excluded.kind, asset_id=excluded.asset_id,"
                " local_sha256=excluded.local_sha256, size=excluded.size, state='uploading',"
                " upload_id=excluded.upload_id, part_size=excluded.part_size, parts_done=0,"
                " updated_at=excluded.updated_at"),
                {"d": dest_id, "k": key, "kind": kind, "a": asset_id, "sha": sha256, "size": size,
                 "u": upload_id, "ps": part_size, "t": self.store.clock()})

    def note_parts(self, dest_id: int, key: str, parts_done: int) -> None:
        with self.store.write() as conn:
            conn.execute(text("UPDATE sync_objects SET parts_done=:n, updated_at=:t WHERE"
                              " destination_id=:d AND key=:k"),
                         {"n": parts_done, "t": self.store.clock(), "d": dest_id, "k": key})

    @staticmethod
    def save_verified(conn: Connection, state: ObjectState, now: float) -> None:
        """Record a copy whose remote checksum matched (clears any open upload)."""
        conn.execute(text(
            "INSERT INTO sync_objects (destination_id, key, kind, asset_id, local_sha256, md5,"
            " remote_etag, size, state, parts_done, base_json, updated_at, uploaded_at) VALUES"
            " (:d, :k, :kind, :a, :sha, :md5, :etag, :size, 'verified', 0, :base, :t, :t)"
            " ON CONFLICT (destination_id, key) DO UPDATE SET kind=excluded.kind,"
            " asset_id=excluded.asset_id, local_sha256=excluded.local_sha256, md5=excluded.md5,"
            " remote_etag=excluded.remote_etag, size=excluded.size, state='verified',"
            " upload_id=NULL, part_size=NULL, parts_done=0,"
            " base_json=COALESCE(excluded.base_json, sync_objects.base_json),"
            " updated_at=excluded.updated_at, uploaded_at=excluded.uploaded_at"),
            {"d": state.destination_id, "k": state.key, "kind": state.kind, "a": state.asset_id,
             "sha": state.local_sha256, "md5": state.md5, "etag": state.remote_etag,
             "size": state.size, "base": state.base_json, "t": now})

    @staticmethod
    def forget(conn: Connection, dest_id: int, keys: Iterable[str]) -> None:
        for key in keys:
            conn.execute(text("DELETE FROM sync_objects WHERE destination_id=:d AND key=:k"),
                         {"d": dest_id, "k": key})

    def counts(self, dest_id: int) -> tuple[int, int, int]:
        """(verified objects, their bytes, unfinished uploads)."""
        with self.store.read() as conn:
            row = conn.execute(text(
                "SELECT COALESCE(SUM(state='verified'), 0), COALESCE(SUM(CASE WHEN state='verified'"
                " THEN size END), 0), COALESCE(SUM(state='uploading'), 0) FROM sync_objects"
                " WHERE destination_id=:d"), {"d": dest_id}).one()
        return int(row[0]), int(row[1]), int(row[2])
