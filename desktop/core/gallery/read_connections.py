"""Read-only SQLite connections for the gallery, one per thread.

The store's engine begins every transaction with BEGIN IMMEDIATE (right for writers),
which would make each gallery read wait for the queue's writes. WAL lets readers run
beside the writer, so gallery reads use plain autocommit connections with `query_only`:
paging a screen of rows never waits for a write to finish.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class ReadConnections:
    """Hands each thread its own connection to one database file; `close()` closes all."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False

    def get(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        if self._closed:
            raise sqlite3.ProgrammingError(f"{self.path}: the gallery's reads are closed")
        conn = sqlite3.connect(self.path, timeout=15, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA query_only=1")
        conn.execute("PRAGMA busy_timeout=15000")
        self._local.conn = conn
        with self._lock:
            self._all.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            self._closed = True
            conns, self._all = self._all, []
        for conn in conns:
            conn.close()
