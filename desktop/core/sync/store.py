"""Access to the library database for the sync tables; writes go one at a time.

SQLite allows one writer; the sync's worker threads take `write()` in turn instead of
spinning in SQLite's busy handler, and other processes still wait via busy_timeout.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection

from desktop.core.store.database import Database


class SyncStore:
    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.clock = clock
        self._write_lock = threading.Lock()

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction, committed on success, with the writer lock held."""
        with self._write_lock, self.db.engine_or_raise().begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.db.read() as conn:
            yield conn
