"""Checking that the library's files and rows agree, and repairing what can be repaired
without losing anything.

`verify` reads only: every asset's file exists and hashes to its row's sha256 (streamed,
two threads), every thumbnail exists, and it lists files no row claims and leftovers in
`.tmp/`. `repair` then removes leftovers, gives orphan files back to their jobs (through
the queue's `adopt` callback) or moves them to `images/.orphans/`, makes missing
thumbnails, and marks rows whose file is gone. It never deletes an image or a row.
Run repair only while holding the library's queue lock (the queue writes these files).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import bindparam, select, update

from desktop.core.library.atomic import TEMP_SUFFIX, describe_os_error, hash_file
from desktop.core.library.errors import LibraryError
from desktop.core.library.integrity_report import (
    AssetRef,
    BadFile,
    OrphanFile,
    RepairReport,
    VerifyReport,
)
from desktop.core.library.layout import LibraryPaths
from desktop.core.library.naming import job_id_from_name
from desktop.core.library.thumbnails import write_thumbnail
from desktop.core.store.database import Database
from desktop.core.store.schema import Asset, Job

Progress = Callable[[int, int], None]
Adopt = Callable[[int, str], bool]
_JUNK = {"thumbs.db", "desktop.ini", "icon\r"}  # files the OS drops into folders
_BATCH = 128  # files hashed per pool task: few tasks, steady progress
_UNFINISHED = ("pending", "running", "paused")


@dataclass(frozen=True)
class _Row:
    asset_id: int
    path: str
    sha256: str
    size_bytes: int
    thumb_path: str | None


def _walk(folder: Path, root: Path, *, hidden: bool = False,
          temps: list[str] | None = None) -> Iterator[str]:
    """Relative paths (forward slashes) of the files under `folder`. Hidden entries
    (which include images/.orphans/) and OS junk files are skipped unless `hidden`;
    hidden temporary files (written next to their target when images/ is on another
    disk) are added to `temps`."""
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if not hidden and (entry.name.startswith(".") or entry.name.lower() in _JUNK):
                if temps is not None and entry.name.endswith(TEMP_SUFFIX) and entry.is_file():
                    temps.append(Path(entry.path).relative_to(root).as_posix())
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
            elif entry.is_file():
                yield Path(entry.path).relative_to(root).as_posix()


def _rows(db: Database) -> list[_Row]:
    query = select(Asset.id, Asset.path, Asset.sha256, Asset.size_bytes, Asset.thumb_path)
    with db.read() as conn:
        return [_Row(*r) for r in conn.execute(query)]


def _job_states(db: Database, job_ids: set[int]) -> dict[int, str]:
    if not job_ids:
        return {}
    query = select(Job.id, Job.state).where(Job.id.in_(bindparam("ids", expanding=True)))
    states: dict[int, str] = {}
    ids = sorted(job_ids)
    with db.read() as conn:
        for start in range(0, len(ids), 500):
            for job_id, state in conn.execute(query, {"ids": ids[start:start + 500]}):
                states[job_id] = state
    return states


def _check_batch(paths: LibraryPaths, rows: list[_Row]) -> list[tuple[str, _Row, str]]:
    """Problems in one batch of files: ("corrupt"|"unreadable", row, reason)."""
    problems: list[tuple[str, _Row, str]] = []
    for row in rows:
        try:
            size = paths.abs(row.path).stat().st_size
            if row.size_bytes and size != row.size_bytes:
                problems.append(("corrupt", row, f"{size} bytes, expected {row.size_bytes}"))
                continue
            digest, _ = hash_file(paths.abs(row.path))
        except (OSError, LibraryError) as exc:
            cause = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
            problems.append(("unreadable", row, cause))
            continue
        if digest != row.sha256:
            problems.append(("corrupt", row, f"sha256 {digest[:12]}…, expected {row.sha256[:12]}…"))
    return problems


def _hash_all(paths: LibraryPaths, rows: list[_Row], report: VerifyReport, workers: int,
              progress: Progress | None) -> None:
    batches = [rows[i:i + _BATCH] for i in range(0, len(rows), _BATCH)]
    done = 0
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="library-verify") as pool:
        for batch, problems in zip(batches, pool.map(lambda b: _check_batch(paths, b), batches),
                                   strict=True):
            for kind, row, reason in problems:
                target = report.corrupt if kind == "corrupt" else report.unreadable
                target.append(BadFile(row.asset_id, row.path, reason))
            done += len(batch)
            report.hashed = done
            if progress is not None:
                progress(done, len(rows))


def verify(db: Database, paths: LibraryPaths, *, progress: Progress | None = None,
           hash_files: bool = True, workers: int = 2) -> VerifyReport:
    """Compare the library's rows and files; reads only. `progress(done, total)` is
    called from this thread as files are hashed."""
    started = time.monotonic()
    report = VerifyReport()
    rows = _rows(db)
    report.assets = len(rows)
    stray_temps: list[str] = []
    on_disk = set(_walk(paths.images, paths.root, temps=stray_temps))
    thumbs_on_disk = set(_walk(paths.thumbs, paths.root))
    present: list[_Row] = []
    for row in rows:
        if row.path not in on_disk:
            report.missing.append(AssetRef(row.asset_id, row.path))
            continue
        present.append(row)
        if row.thumb_path is None or row.thumb_path not in thumbs_on_disk:
            report.thumbs_missing.append(AssetRef(row.asset_id, row.path))
    if hash_files:
        _hash_all(paths, present, report, workers, progress)
    elif progress is not None:
        progress(len(rows), len(rows))
    claimed = {row.path for row in rows}
    loose = sorted(on_disk - claimed)
    job_ids = {j for p in loose if (j := job_id_from_name(p)) is not None}
    states = _job_states(db, job_ids)
    for rel in loose:
        job_id = job_id_from_name(rel)
        report.orphans.append(OrphanFile(rel, job_id, states.get(job_id) if job_id else None))
    claimed_thumbs = {r.thumb_path for r in rows if r.thumb_path} | {
        paths.thumb_rel(r.path) for r in rows}
    report.orphan_thumbs = sorted(thumbs_on_disk - claimed_thumbs)
    report.temp_files = sorted([*_walk(paths.tmp, paths.root, hidden=True), *stray_temps])
    report.seconds = time.monotonic() - started
    return report


def _quarantine(paths: LibraryPaths, rel: str) -> str:
    """Move an orphan under images/.orphans/, keeping its sub-path; never overwrite."""
    inner = rel.split("/", 1)[1] if rel.startswith("images/") else rel
    dest = paths.orphans / inner
    dest.parent.mkdir(parents=True, exist_ok=True)
    counter = 1
    while dest.exists():
        dest = dest.with_name(f"{Path(inner).stem}.{counter}{Path(inner).suffix}")
        counter += 1
    os.replace(paths.abs(rel), dest)
    return paths.rel(dest)


def _set_thumbs(db: Database, values: list[tuple[int, str | None]]) -> None:
    if not values:
        return
    stmt = update(Asset).where(Asset.id == bindparam("aid")).values(thumb_path=bindparam("thumb"))
    with db.engine_or_raise().begin() as conn:
        for start in range(0, len(values), 1000):
            conn.execute(stmt, [{"aid": a, "thumb": t} for a, t in values[start:start + 1000]])


def _remove_temp(paths: LibraryPaths, files: list[str], grace: float, now: float) -> int:
    removed = 0
    for rel in files:
        target = paths.abs(rel)
        with contextlib.suppress(OSError):
            if now - target.stat().st_mtime >= grace:
                target.unlink()
                removed += 1
    return removed


def _handle_orphans(db: Database, paths: LibraryPaths, report: RepairReport,
                    adopt: Adopt | None) -> None:
    for orphan in report.verify.orphans:
        if orphan.job_id is not None and adopt is not None:
            if adopt(orphan.job_id, orphan.path):
                report.adopted.append(orphan.path)
                continue
        elif orphan.job_id is not None and orphan.job_state in _UNFINISHED:
            report.left_for_queue.append(orphan.path)  # the queue's recovery adopts it
            continue
        try:
            report.quarantined.append((orphan.path, _quarantine(paths, orphan.path)))
        except OSError as exc:
            report.move_failures.append((orphan.path, describe_os_error(exc)))


def _make_thumbs(db: Database, paths: LibraryPaths, report: RepairReport, workers: int) -> None:
    missing = {m.asset_id for m in report.verify.missing}

    def needs_thumb(row: _Row) -> bool:
        try:
            return paths.abs(row.path).is_file() and (
                row.thumb_path is None or not paths.abs(row.thumb_path).is_file())
        except LibraryError:  # a path that points outside the library: leave it alone
            return False

    todo = [r for r in _rows(db) if r.asset_id not in missing and needs_thumb(r)]

    def make(row: _Row) -> tuple[_Row, str | None, str | None]:
        try:
            return row, write_thumbnail(paths, row.path), None
        except (LibraryError, OSError) as exc:
            return row, None, str(exc)

    made: list[tuple[int, str | None]] = []
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="library-thumbs") as pool:
        for row, thumb, error in pool.map(make, todo):
            if thumb is not None:
                made.append((row.asset_id, thumb))
            else:
                report.thumb_failures.append((row.path, error or "unknown error"))
    _set_thumbs(db, made)
    report.thumbs_made = len(made)


def repair(db: Database, paths: LibraryPaths, *, adopt: Adopt | None = None,
           progress: Progress | None = None, temp_grace_seconds: float = 60.0,
           workers: int = 2, clock: Callable[[], float] = time.time) -> RepairReport:
    """Verify, then fix what is safe to fix (see the module docstring). `adopt(job_id,
    rel_path)` is the queue's way to finish a job from a file it wrote; an orphan is
    quarantined only when adopt returns False (or there is no job)."""
    report = RepairReport(verify(db, paths, progress=progress, workers=workers))
    report.temp_removed = _remove_temp(paths, report.verify.temp_files, temp_grace_seconds, clock())
    report.marked_missing = [m.asset_id for m in report.verify.missing]
    _set_thumbs(db, [(asset_id, None) for asset_id in report.marked_missing])
    _handle_orphans(db, paths, report, adopt)
    _make_thumbs(db, paths, report, workers)
    for rel in report.verify.orphan_thumbs:  # derived data, remade on demand
        with contextlib.suppress(OSError):
            paths.abs(rel).unlink()
            report.orphan_thumbs_removed += 1
    return report
