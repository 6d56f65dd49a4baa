"""Daily backups of the library database while the app runs, catching up at start, and the
list and restore the Backups dialog offers.

A scheduled backup is an ordinary `backup.make()` snapshot named `...-daily.db`; only those
are rotated here (keep N, default 7), so backups made before a migration, by hand or before
a restore stay until their own rules remove them. The setting lives in the config's
`extra["backups"]` section: `{"enabled": true, "keep": 7}`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from desktop.core.config import AppConfig
from desktop.core.queue.lock import QueueLock
from desktop.core.store import backup

log = logging.getLogger(__name__)
T = TypeVar("T")
DAY_S = 24 * 3600.0
DEFAULT_KEEP = 7
SCHEDULED = "daily"


@dataclass(frozen=True)
class BackupSettings:
    """What the user chose: daily backups on or off, and how many of them to keep."""

    enabled: bool = True
    keep: int = DEFAULT_KEEP

    @classmethod
    def from_config(cls, config: AppConfig) -> BackupSettings:
        section = config.extra.get("backups") or {}
        try:
            keep = max(1, int(section.get("keep", DEFAULT_KEEP)))
        except (TypeError, ValueError):
            keep = DEFAULT_KEEP
        return cls(enabled=bool(section.get("enabled", True)), keep=keep)

    def save_to(self, config: AppConfig) -> None:
        config.extra["backups"] = {"enabled": self.enabled, "keep": max(1, self.keep)}


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as the Backups dialog lists it."""

    path: Path
    made_at: float  # unix seconds (the file's modification time: when the snapshot finished)
    size: int  # bytes
    reason: str  # daily | manual | pre-migration | before-restore | ...

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class RestoreOutcome:
    """A restore that happened: from which backup, and where the state before it was kept."""

    backup: Path
    safety_copy: Path | None


class RestoreError(Exception):
    """A restore could not be done; the message says why and what was left unchanged."""


reason_of = backup.reason_of


class BackupSchedule:
    """The backups of one library: list them, make one now, keep N daily ones, run daily."""

    def __init__(self, root: Path, settings: BackupSettings | None = None, *,
                 clock: Callable[[], float] = time.time, interval_s: float = DAY_S) -> None:
        self.root = root
        self.db_path = root / "library.db"
        self.backups_dir = root / "backups"
        self.settings = settings or BackupSettings()
        self.clock = clock
        self.interval_s = interval_s

    # -- listing -----------------------------------------------------------------------------
    def backups(self) -> list[BackupInfo]:
        """Every backup of the library, newest first (disk I/O: call off the GUI thread)."""
        found = []
        for path in backup.list_backups(self.backups_dir):
            try:
                stat = path.stat()
            except OSError:  # rotated away while we looked
                continue
            found.append(BackupInfo(path, stat.st_mtime, stat.st_size, reason_of(path)))
        return found

    def last_scheduled(self) -> BackupInfo | None:
        return next((b for b in self.backups() if b.reason == SCHEDULED), None)

    def seconds_until_due(self) -> float:
        """0 when a scheduled backup is due: none yet, or the last is older than the interval."""
        last = self.last_scheduled()
        if last is None:
            return 0.0
        return max(0.0, last.made_at + self.interval_s - self.clock())

    def due(self) -> bool:
        return self.settings.enabled and self.seconds_until_due() <= 0

    # -- making --------------------------------------------------------------------------------
    def backup_now(self, reason: str = SCHEDULED) -> BackupInfo:
        """A snapshot through SQLite's backup API; scheduled ones are then rotated."""
        made = backup.make(self.db_path, self.backups_dir, reason=reason, keep=1_000_000)
        now = self.clock()
        os.utime(made, (now, now))  # the schedule's clock is the one `due()` compares with
        if reason == SCHEDULED:
            self.rotate()
        stat = made.stat()
        return BackupInfo(made, stat.st_mtime, stat.st_size, reason)

    def delete(self, path: Path) -> None:
        """Remove one backup of this library; anything else is refused."""
        path = Path(path)
        if path.parent.resolve() != self.backups_dir.resolve() or reason_of(path) == "unknown":
            raise RestoreError(f"{path}: not a backup of this library ({self.backups_dir})")
        try:
            path.unlink()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise RestoreError(f"{path}: cannot delete the backup: {exc.strerror or exc}") from exc

    def rotate(self) -> list[Path]:
        """Remove scheduled backups beyond the newest `keep`; other kinds are left alone."""
        scheduled = [b.path for b in self.backups() if b.reason == SCHEDULED]
        removed = scheduled[max(1, self.settings.keep):]
        for path in removed:
            path.unlink(missing_ok=True)
        return removed

    async def run(self, stop: asyncio.Event,
                  run_blocking: Callable[[Callable[[], T]], Awaitable[T]],
                  *, recheck_s: float = 3600.0) -> None:
        """Until `stop` is set: make a scheduled backup whenever one is due (at once when the
        last is older than a day). `run_blocking` runs a function off the event loop's thread.
        Looks again at least every `recheck_s` seconds, so a changed setting or a machine that
        slept is noticed."""
        while not stop.is_set():
            try:
                if self.due():
                    made = await run_blocking(self.backup_now)
                    log.info("scheduled backup %s (%d bytes)", made.path, made.size)
                wait = min(recheck_s, self.seconds_until_due() or recheck_s)
            except backup.BackupError as exc:
                log.error("the scheduled backup failed: %s", exc)
                wait = recheck_s
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=max(wait, 1.0))

    # -- restoring -----------------------------------------------------------------------------
    def restore(self, source: Path) -> RestoreOutcome:
        """Bring back `source`; the current database is backed up first (a `before-restore`
        backup, or moved aside when it is damaged), so the restore can be undone the same
        way. Every connection to the library must be closed: the queue lock is taken to
        make sure no other program runs this library."""
        lock = QueueLock(self.root)
        if not lock.try_acquire():
            raise RestoreError(f"{self.root}: the library is open in another program (process "
                               f"{lock.owner()}); close it and restore again. Nothing was changed.")
        try:
            backup.verify(Path(source))
            safety = self._safety_copy()
            if safety is None:  # damaged or missing: backup.restore moves it aside first
                safety = backup.restore(Path(source), self.db_path, self.backups_dir)
            else:
                _copy_database(Path(source), self.db_path)
        except (backup.BackupError, sqlite3.Error, OSError) as exc:
            raise RestoreError(f"{source}: cannot restore: {exc}") from exc
        finally:
            lock.release()
        return RestoreOutcome(Path(source), safety)

    def _safety_copy(self) -> Path | None:
        """The current database as a `before-restore` backup; None when there is none or it
        cannot be read."""
        if not self.db_path.exists():
            return None
        try:
            return backup.make(self.db_path, self.backups_dir, reason="before-restore", keep=1_000_000)
        except backup.BackupError:
            return None


def _copy_database(source: Path, db_path: Path) -> None:
    """Copy `source` over the database through SQLite's backup API, page by page and through
    its WAL, so a connection some part of the app still holds sees the restored state rather
    than a deleted log file (a plain file replace would give it "disk I/O error")."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(db_path, timeout=30)
    try:
        src.backup(dst)
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        dst.close()
        src.close()

