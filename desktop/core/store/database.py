"""Opening a library database: pragmas, integrity check, migrations with a backup first.

WAL with synchronous=NORMAL keeps every committed transaction across a process kill; an
integrity check on open turns a damaged file into a clear error that names the latest
backup instead of a crash later.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.store import backup

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


class StoreError(Exception):
    """The library database cannot be used."""


class LibraryCorruptError(StoreError):
    """The database failed its integrity check; `latest_backup` may bring it back."""

    def __init__(self, path: Path, reason: str, latest_backup: Path | None) -> None:
        offer = (
            f"; the latest backup is {latest_backup} (restore it with "
            f"`main.py library restore --library {path.parent}`)"
            if latest_backup
            else "; no backup was found"
        )
        super().__init__(f"{path}: the library database is damaged ({reason}){offer}")
        self.path = path
        self.reason = reason
        self.latest_backup = latest_backup


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # The sqlite3 module would otherwise commit DDL on its own (a kill in the middle of a
    # migration left half a schema); we issue BEGIN ourselves in `_begin_immediate`.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=15000")
    cur.close()


def _begin(conn: Connection) -> None:
    """Write transactions take the write lock up front, so two writers (the window and a
    headless batch) never fail upgrading a read lock and busy_timeout applies. Readers
    (`Database.read()`) begin deferred and never wait for a writer (WAL)."""
    deferred = conn.get_execution_options().get("deferred", False)
    conn.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revisions() -> set[str]:
    """Every head: features add their tables on branches from 0001 (see migrations/README)."""
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


class Database:
    """One library database file: engine, sessions, migrations and integrity."""

    def __init__(self, path: Path, backups_dir: Path | None = None) -> None:
        self.path = Path(path)
        self.backups_dir = backups_dir or self.path.parent / "backups"
        self.engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None

    # -- lifecycle -------------------------------------------------------------------
    def open(self, *, check: bool = True, migrate: bool = True) -> Database:
        try:
            existed = self.path.exists() and self.path.stat().st_size > 0
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # the library folder is a file, or not ours to write
            folder = self.path.parent
            reason = "it is a file, not a folder" if folder.is_file() else exc.strerror or str(exc)
            raise StoreError(f"cannot use {self.path.parent} as a library folder: {reason}") from exc
        if existed and check:
            self.check_integrity()
        self.engine = create_engine(
            f"sqlite:///{self.path}",
            connect_args={"check_same_thread": False, "timeout": 15},
        )
        event.listen(self.engine, "connect", _set_pragmas)
        event.listen(self.engine, "begin", _begin)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            self.migrate(backup_first=existed)
        return self

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
        self.engine = None
        self._sessions = None

    def check_integrity(self) -> None:
        try:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=15)
            try:
                rows = con.execute("PRAGMA integrity_check").fetchall()
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            raise LibraryCorruptError(self.path, str(exc), self.latest_backup()) from exc
        problems = [r[0] for r in rows if r[0] != "ok"]
        if problems:
            raise LibraryCorruptError(self.path, "; ".join(problems[:3]), self.latest_backup())

    def latest_backup(self) -> Path | None:
        return backup.latest(self.backups_dir)

    # -- migrations ------------------------------------------------------------------
    def current_revisions(self) -> set[str]:
        with self.read() as conn:
            return set(MigrationContext.configure(conn).get_current_heads())

    def migrate(self, *, backup_first: bool = True) -> None:
        if self.current_revisions() == head_revisions():
            return
        if backup_first:
            made = backup.make(self.path, self.backups_dir, reason="pre-migration")
            log.info("backed up %s to %s before migrating", self.path, made)
        cfg = alembic_config()
        with self.engine_or_raise().begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")

    # -- sessions --------------------------------------------------------------------
    def engine_or_raise(self) -> Engine:
        if self.engine is None:
            raise StoreError(f"{self.path}: the database is not open")
        return self.engine

    def read(self) -> Connection:
        """A connection for reading (`with db.read() as conn:`); it never takes the write
        lock. Use `engine_or_raise().begin()` for anything that writes."""
        return self.engine_or_raise().connect().execution_options(deferred=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        if self._sessions is None:
            raise StoreError(f"{self.path}: the database is not open")
        with self._sessions() as session, session.begin():
            yield session

    def scalar(self, sql: str, **params: object) -> object:
        with self.read() as conn:
            return conn.execute(text(sql), params).scalar()
