"""Online backups of the library database through SQLite's backup API, rotated, and restore.

A file copy of a live WAL database can miss committed pages still in the -wal file; the
backup API copies a consistent snapshot while the app keeps working.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import time
from pathlib import Path

PREFIX = "library-"
SUFFIX = ".db"


class BackupError(Exception):
    """A backup could not be made or restored."""


def _stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S", time.localtime()) + f"-{time.time_ns() % 1_000_000:06d}"


def list_backups(backups_dir: Path) -> list[Path]:
    """Backups, newest first."""
    if not backups_dir.is_dir():
        return []
    files = [p for p in backups_dir.glob(f"{PREFIX}*{SUFFIX}") if p.is_file()]
    return sorted(files, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def latest(backups_dir: Path) -> Path | None:
    found = list_backups(backups_dir)
    return found[0] if found else None


def make(db_path: Path, backups_dir: Path, *, reason: str = "manual", keep: int = 10) -> Path:
    """Snapshot `db_path` into `backups_dir` and keep the newest `keep` backups of the same
    reason (a burst of manual or pre-migration backups never pushes out the daily ones)."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    safe_reason = "".join(c if c.isalnum() or c == "-" else "-" for c in reason)
    dest = backups_dir / f"{PREFIX}{_stamp()}-{safe_reason}{SUFFIX}"
    tmp = dest.with_suffix(".part")
    try:
        src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        tmp.replace(dest)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"cannot back up {db_path} to {backups_dir}: {exc}") from exc
    rotate(backups_dir, keep, reason=safe_reason)
    return dest


_NAME = re.compile(rf"^{PREFIX}\d{{8}}-\d{{6}}-\d{{6}}-(?P<reason>.+){re.escape(SUFFIX)}$")


def reason_of(path: Path) -> str:
    """The reason a backup was made, from its name (`library-<date>-<time>-<n>-<reason>.db`)."""
    match = _NAME.match(path.name)
    return match.group("reason") if match else "unknown"


def rotate(backups_dir: Path, keep: int, *, reason: str | None = None) -> list[Path]:
    """Remove all but the newest `keep` backups (of `reason` only, when given)."""
    removed = []
    found = [p for p in list_backups(backups_dir) if reason is None or reason_of(p) == reason]
    for old in found[max(keep, 1):]:
        old.unlink(missing_ok=True)
        removed.append(old)
    return removed


def verify(backup_file: Path) -> None:
    if Path(backup_file).is_dir():
        raise BackupError(f"{backup_file}: is a folder, not a backup file (see `library restore --list`)")
    if not Path(backup_file).exists():
        raise BackupError(f"{backup_file}: no such file")
    try:
        con = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
        try:
            result = con.execute("PRAGMA integrity_check").fetchone()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise BackupError(f"{backup_file}: not a usable backup: {exc}") from exc
    if not result or result[0] != "ok":
        raise BackupError(f"{backup_file}: the backup itself is damaged: {result}")


def restore(backup_file: Path, db_path: Path, backups_dir: Path) -> Path | None:
    """Replace `db_path` with `backup_file`. The current database is backed up first when it
    can be read, or moved aside when it is damaged, so a restore can always be undone.
    The caller must have closed its own connections. Returns the safety copy's path."""
    verify(backup_file)
    safety: Path | None = None
    if db_path.exists():
        try:
            safety = make(db_path, backups_dir, reason="before-restore", keep=1000)
        except BackupError:
            safety = db_path.with_name(f"{db_path.name}.damaged-{_stamp()}")
            shutil.move(db_path, safety)
        for side in ("-wal", "-shm"):
            Path(f"{db_path}{side}").unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    dst = sqlite3.connect(db_path)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return safety
