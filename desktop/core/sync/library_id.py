"""A library's stable id: names its manifest and backups in a bucket, and tells a pull
which entries it wrote itself. Kept in `app_state` under `library.id`."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from desktop.core.sync.store import SyncStore

KEY = "library.id"


def library_id(store: SyncStore) -> str:
    with store.read() as conn:
        found = conn.execute(text("SELECT value FROM app_state WHERE key=:k"), {"k": KEY}).scalar()
    if found:
        return str(found)
    with store.write() as conn:
        conn.execute(text("INSERT OR IGNORE INTO app_state (key, value) VALUES (:k, :v)"),
                     {"k": KEY, "v": uuid.uuid4().hex})
        return str(conn.execute(text("SELECT value FROM app_state WHERE key=:k"), {"k": KEY}).scalar())
