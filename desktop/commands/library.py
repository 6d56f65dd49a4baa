"""`main.py library verify|repair|backup|restore`: the library's files and database."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from desktop.commands.common import (
    add_library_option,
    fail,
    guarded,
    library_root,
    open_database,
    print_table,
)
from desktop.core.audit import actions as act
from desktop.core.audit.offline import audit_log_for
from desktop.core.profiles.errors import ProfileError
from desktop.core.queue.lock import QueueLock
from desktop.core.store import backup


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("library", help="check, repair, back up and restore the library")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="check every file against its hash and every row against its file")
    add_library_option(verify)
    verify.set_defaults(func=guarded(_verify))
    repair = actions.add_parser("repair", help="reconcile files and rows (nothing is deleted)")
    add_library_option(repair)
    repair.set_defaults(func=guarded(_repair))
    make = actions.add_parser("backup", help="back up the database now (SQLite online backup)")
    add_library_option(make)
    make.add_argument("--keep", type=int, default=10, help="how many backups to keep")
    make.set_defaults(func=guarded(_backup))
    restore = actions.add_parser("restore", help="bring back a backup (the latest unless --from)")
    add_library_option(restore)
    restore.add_argument("--from", dest="source", type=Path, help="a backup file")
    restore.add_argument("--list", action="store_true", help="list the backups and stop")
    restore.set_defaults(func=guarded(_restore))


def _progress(done: int, total: int) -> None:
    print(f"\r  checked {done}/{total}", end="", flush=True)


def _verify(args: argparse.Namespace) -> int:
    from desktop.core.library import integrity
    from desktop.core.library.layout import LibraryPaths

    root = library_root(args)
    db = open_database(root)
    try:
        report = integrity.verify(db, LibraryPaths(root), progress=_progress)
    finally:
        db.close()
    print()
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def _repair(args: argparse.Namespace) -> int:
    from desktop.core.library import integrity
    from desktop.core.library.layout import LibraryPaths
    from desktop.core.queue.recovery import Recovery

    root = library_root(args)
    lock = QueueLock(root)
    if not lock.try_acquire():
        return fail(f"the queue is running in another process (pid {lock.owner()}); close it first")
    db = open_database(root)
    try:
        recovery = Recovery(db, root)
        report = integrity.repair(db, LibraryPaths(root), adopt=lambda job_id, rel: recovery.adopt(job_id, rel))
    finally:
        db.close()
        lock.release()
    for line in report.lines():
        print(line)
    return 0


def _backup(args: argparse.Namespace) -> int:
    root = library_root(args)
    db = open_database(root)
    db.close()
    made = backup.make(root / "library.db", root / "backups", reason="manual", keep=args.keep)
    print(f"backed up to {made}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    root = library_root(args)
    backups_dir = root / "backups"
    if args.list:
        rows = [[p.name, time.strftime("%Y-%m-%d %H:%M", time.localtime(p.stat().st_mtime)),
                 f"{p.stat().st_size / 1024:.0f} KB"] for p in backup.list_backups(backups_dir)]
        print_table(rows, ["backup", "made", "size"]) if rows else print(f"no backups in {backups_dir}")
        return 0
    source = args.source or backup.latest(backups_dir)
    if source is None:
        return fail(f"no backups in {backups_dir}")
    lock = QueueLock(root)
    if not lock.try_acquire():
        return fail(f"the library is open in another process (pid {lock.owner()}); close it first")
    try:
        safety = backup.restore(Path(source), root / "library.db", backups_dir)
    except backup.BackupError as exc:
        return fail(str(exc))
    finally:
        lock.release()
    print(f"restored {source}")
    if safety:
        print(f"the previous database was kept as {safety} (restore it the same way to undo)")
    _audit_restore(root, Path(source), safety, getattr(args, "acting_profile", None))
    return 0


def _audit_restore(root: Path, source: Path, safety: Path | None, profile: str | None) -> None:
    """The restored library records its own restore, at the end of the chain it had."""
    db = open_database(root)
    try:
        audit_log_for(db, profile).append(act.BACKUP_RESTORED, str(source),
                                          {"safety_copy": str(safety or ""), "via": "command line"})
    except ProfileError as exc:
        print(f"warning: the restore is not in the audit log: {exc}")
    finally:
        db.close()
