"""Read connections for analytics, separate from the store's writer engine.

The store's engine begins every transaction with BEGIN IMMEDIATE (the write lock), which
is right for the queue's writes but would make every dashboard refresh or report stall
the queue for as long as its aggregation runs. These connections only read: no explicit
transaction (each SELECT sees a consistent WAL snapshot of its own), `query_only` on so
analytics can never write, and a larger page cache for scans of millions of rows.
(temp_store=MEMORY is left out on purpose: GROUP BY sorters then contend on SQLite's
global allocator and two dashboard threads ran no faster than one.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine

from desktop.core.store.database import Database


def _read_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=15000")
    cur.execute("PRAGMA query_only=ON")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MiB
    cur.execute("PRAGMA mmap_size=268435456")
    cur.close()


class StoreReader:
    """Lazily opened read-only engine over the same library file."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._engine: Engine | None = None

    def engine(self) -> Engine:
        if self._engine is None:
            self.db.engine_or_raise()  # the store must be open (and migrated) first
            self._engine = create_engine(f"sqlite:///{self.db.path}",
                                         connect_args={"check_same_thread": False, "timeout": 15})
            event.listen(self._engine, "connect", _read_pragmas)
        return self._engine

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.engine().connect() as conn:
            yield conn

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
