"""Daily backups (keep N, catching up at start), the list the Backups dialog shows, and
restores that back up the current state first, with the database open until just before."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from desktop.core.config import AppConfig
from desktop.core.queue.lock import QueueLock
from desktop.core.store import backup
from desktop.core.store.backup_schedule import (
    BackupSchedule,
    BackupSettings,
    RestoreError,
    reason_of,
)
from desktop.core.store.database import Database


def open_library(root: Path) -> Database:
    return Database(root / "library.db").open()


def add_note(db: Database, text: str) -> None:
    with db.engine_or_raise().begin() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS notes (text TEXT)")
        conn.exec_driver_sql("INSERT INTO notes VALUES (?)", (text,))


def notes(root: Path) -> list[str]:
    con = sqlite3.connect(root / "library.db")
    try:
        return [r[0] for r in con.execute("SELECT text FROM notes ORDER BY rowid")]
    finally:
        con.close()


class Clock:
    def __init__(self) -> None:
        import time

        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def test_settings_default_to_daily_backups_keeping_seven_and_round_trip_through_the_config() -> None:
    config = AppConfig()
    assert BackupSettings.from_config(config) == BackupSettings(enabled=True, keep=7)
    BackupSettings(enabled=False, keep=3).save_to(config)
    assert BackupSettings.from_config(AppConfig.from_dict(config.to_dict())) == BackupSettings(False, 3)
    config.extra["backups"] = {"keep": "lots"}
    assert BackupSettings.from_config(config).keep == 7


def test_a_backup_is_due_when_there_is_none_and_again_a_day_after_the_last(tmp_path: Path) -> None:
    db = open_library(tmp_path)
    clock = Clock()
    schedule = BackupSchedule(tmp_path, clock=clock)
    assert schedule.due()
    made = schedule.backup_now()
    assert made.reason == "daily" and made.size > 0 and made.path.exists()
    assert not schedule.due()
    clock.now += 23 * 3600
    assert not schedule.due() and 3500 < schedule.seconds_until_due() <= 3600
    clock.now += 3600
    assert schedule.due()
    assert not BackupSchedule(tmp_path, BackupSettings(enabled=False), clock=clock).due()
    db.close()


def test_only_the_newest_n_daily_backups_are_kept_and_other_kinds_stay(tmp_path: Path) -> None:
    db = open_library(tmp_path)
    backup.make(tmp_path / "library.db", tmp_path / "backups", reason="pre-migration")
    backup.make(tmp_path / "library.db", tmp_path / "backups", reason="manual")
    schedule = BackupSchedule(tmp_path, BackupSettings(keep=2))
    made = [schedule.backup_now() for _ in range(4)]
    reasons = sorted(b.reason for b in schedule.backups())
    assert reasons == ["daily", "daily", "manual", "pre-migration"]
    kept = {b.path for b in schedule.backups() if b.reason == "daily"}
    assert kept == {made[-1].path, made[-2].path}
    db.close()


def test_many_backups_of_another_kind_never_push_out_the_daily_ones(tmp_path: Path) -> None:
    db = open_library(tmp_path)
    schedule = BackupSchedule(tmp_path, BackupSettings(keep=3))
    daily = [schedule.backup_now() for _ in range(3)]
    for _ in range(4):
        backup.make(tmp_path / "library.db", tmp_path / "backups", reason="pre-migration", keep=2)

    by_kind = sorted(reason_of(p) for p in backup.list_backups(tmp_path / "backups"))

    assert by_kind == ["daily"] * 3 + ["pre-migration"] * 2
    assert all(d.path.exists() for d in daily)
    db.close()


def test_the_list_is_newest_first_with_size_and_kind(tmp_path: Path) -> None:
    db = open_library(tmp_path)
    schedule = BackupSchedule(tmp_path)
    first = schedule.backup_now("manual")
    second = schedule.backup_now()
    listed = schedule.backups()
    assert [b.path for b in listed] == [second.path, first.path]
    assert listed[0].made_at >= listed[1].made_at
    assert all(b.size == b.path.stat().st_size for b in listed)
    assert reason_of(Path("library-20260101-120000-123456-pre-migration.db")) == "pre-migration"
    assert reason_of(Path("something-else.db")) == "unknown"
    db.close()


def test_the_running_schedule_catches_up_at_start_and_stops_when_asked(tmp_path: Path) -> None:
    db = open_library(tmp_path)
    clock = Clock()
    schedule = BackupSchedule(tmp_path, clock=clock)
    schedule.backup_now()
    clock.now += 2 * 24 * 3600  # the app was closed for two days

    async def scenario() -> int:
        stop = asyncio.Event()
        task = asyncio.create_task(schedule.run(stop, asyncio.to_thread, recheck_s=1.0))
        while len(schedule.backups()) < 2:
            await asyncio.sleep(0.02)
        stop.set()
        await asyncio.wait_for(task, 5)
        return len(schedule.backups())

    assert asyncio.run(scenario()) == 2
    assert not schedule.due()
    db.close()


def test_a_restore_brings_the_backup_back_and_keeps_the_state_before_it(tmp_path: Path) -> None:
    db = open_library(tmp_path)
    add_note(db, "monday")
    schedule = BackupSchedule(tmp_path)
    monday = schedule.backup_now()
    add_note(db, "tuesday")  # in the WAL, not yet checkpointed
    db.close()

    outcome = schedule.restore(monday.path)

    assert notes(tmp_path) == ["monday"]
    assert outcome.safety_copy is not None and reason_of(outcome.safety_copy) == "before-restore"
    # Reversible: restoring the safety copy brings Tuesday back.
    schedule.restore(outcome.safety_copy)
    assert notes(tmp_path) == ["monday", "tuesday"]
    reopened = open_library(tmp_path)  # the restored file opens and passes its checks
    reopened.close()


def test_a_restore_is_refused_while_another_program_runs_the_library(tmp_path: Path) -> None:
    db = open_library(tmp_path)
    add_note(db, "current")
    schedule = BackupSchedule(tmp_path)
    made = schedule.backup_now()
    add_note(db, "newer")
    other = QueueLock(tmp_path)
    assert other.try_acquire()
    try:
        with pytest.raises(RestoreError, match="open in another program"):
            schedule.restore(made.path)
    finally:
        other.release()
        db.close()
    assert notes(tmp_path) == ["current", "newer"]


def test_a_damaged_backup_is_not_restored(tmp_path: Path) -> None:
    db = open_library(tmp_path)
    add_note(db, "good")
    db.close()
    bad = tmp_path / "backups" / "library-20260101-000000-000000-daily.db"
    bad.parent.mkdir()
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(RestoreError, match="cannot restore"):
        BackupSchedule(tmp_path).restore(bad)
    assert notes(tmp_path) == ["good"]
