"""The Backups dialog lists backups (date, kind, size), backs up now, saves the daily setting,
and a confirmed restore is done by the session: the library closes, is restored (the state
before kept as a backup) and opens again in a new window with a banner that says so."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop.app import WindowSession, _restore
from desktop.core.config import ConfigStore
from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.services import build_services
from desktop.core.store.backup_schedule import BackupSchedule, BackupSettings, reason_of
from desktop.ui.backups.backups_dialog import BackupsDialog
from tests.ui.conftest import keep, run


def test_the_dialog_lists_backs_up_and_saves_the_setting(qtbot, services, bridge, qtmodeltester, artifacts_dir, appearance):
    schedule = BackupSchedule(services.root, BackupSettings.from_config(services.config))
    schedule.backup_now()
    dialog = BackupsDialog(services, bridge, schedule)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.backups_loaded, timeout=5000):
        dialog.show()
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "Daily"
    assert not dialog.restore_button.isEnabled()

    with qtbot.waitSignal(dialog.backups_loaded, timeout=5000):
        dialog.backup_button.click()
    assert dialog.model.rowCount() == 2
    assert dialog.model.index(0, 1).data() == "Made by hand"
    assert "Backed up at" in dialog.status.text()
    assert dialog.model.index(0, 2).data()  # a size, formatted by QLocale

    dialog.keep.setValue(3)
    qtbot.waitUntil(lambda: ConfigStore(services.config_store.directory).path.exists(), timeout=5000)
    qtbot.waitUntil(lambda: BackupSettings.from_config(services.config_store.load()).keep == 3, timeout=5000)
    assert schedule.settings.keep == 3
    dialog.table.selectRow(1)
    assert dialog.restore_button.isEnabled()
    dialog.grab().save(str(artifacts_dir / "backups_dialog_en.png"))
    appearance.translations.apply("zh_TW")
    assert dialog.model.index(1, 1).data() == "每日"
    assert dialog.backup_button.text() == "立即備份"
    dialog.grab().save(str(artifacts_dir / "backups_dialog_zh_TW.png"))
    appearance.translations.apply("en")


def test_a_confirmed_delete_removes_only_that_backup(qtbot, services, bridge):
    schedule = BackupSchedule(services.root, BackupSettings.from_config(services.config))
    kept, doomed = schedule.backup_now("manual"), schedule.backup_now()
    dialog = BackupsDialog(services, bridge, schedule)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.backups_loaded, timeout=5000):
        dialog.show()
    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.backup_at(r).path == doomed.path)
    dialog.table.selectRow(row)
    with qtbot.waitSignal(dialog.confirm_opened, timeout=5000) as opened:
        dialog.delete_button.click()

    box = opened.args[0]
    delete = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    with qtbot.waitSignal(dialog.backups_loaded, timeout=5000):
        delete.click()

    assert not doomed.path.exists() and kept.path.exists()
    assert [dialog.model.backup_at(r).path for r in range(dialog.model.rowCount())] == [kept.path]


def test_deleting_something_that_is_not_a_backup_of_this_library_is_refused(tmp_path):
    import pytest

    from desktop.core.store.backup_schedule import RestoreError

    schedule = BackupSchedule(tmp_path / "lib")
    stranger = tmp_path / "library-20260101-000000-000000-manual.db"
    stranger.write_text("not ours")
    with pytest.raises(RestoreError, match="not a backup of this library"):
        schedule.delete(stranger)
    assert stranger.exists()


def note_count(library: Path) -> int:
    con = sqlite3.connect(library / "library.db")
    try:
        return con.execute("SELECT COUNT(*) FROM jobs").fetchone()[0]
    finally:
        con.close()


def test_a_confirmed_restore_closes_restores_and_reopens_the_library(qloop, qtbot, qapp, tmp_path):
    library = tmp_path / "lib"
    services = build_services(library, env={})
    session = keep(WindowSession(qapp, services))
    finished = asyncio.ensure_future(session.run())
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible(), timeout=5000)
    # The daily backup is made at start (none existed): it holds no jobs.
    qtbot.waitUntil(lambda: any(b.reason == "daily" for b in session.backups.backups()), timeout=5000)
    run(qtbot, services.queue.enqueue([JobSpec(GenerationRequest("a1111", "", "a fox"))], ))
    daily = next(b for b in session.backups.backups() if b.reason == "daily")

    with qtbot.waitSignal(session.window.backups_opened, timeout=2000) as opened:
        session.window.backups_action.trigger()
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.model.rowCount() >= 1, timeout=5000)
    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.backup_at(r).path == daily.path)
    dialog.table.selectRow(row)
    with qtbot.waitSignal(dialog.confirm_opened, timeout=2000) as confirm:
        dialog.restore_button.click()
    box: QMessageBox = confirm.args[0]
    accept = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    accept.click()
    qtbot.waitUntil(finished.done, timeout=10000)
    assert session.restore_from == daily.path
    assert not services.lock.held  # the session let go of the library

    result = _restore(library, session.restore_from)  # what main() does between two sessions
    assert result.error == "" and note_count(library) == 0
    assert reason_of(result.outcome.safety_copy) == "before-restore"

    again = build_services(library, env={})
    second = keep(WindowSession(qapp, again, restored=result))
    reopened = asyncio.ensure_future(second.run())
    qtbot.waitUntil(lambda: second.window is not None and second.window.isVisible(), timeout=5000)
    assert "Restored the backup" in second.window.banner.text
    assert again.queue.queries.state_counts() == {}
    second.window.close()
    qtbot.waitUntil(reopened.done, timeout=10000)
    assert reopened.result() == 0
    assert _restore(library, result.outcome.safety_copy).error == ""  # and back again
    assert note_count(library) == 1
