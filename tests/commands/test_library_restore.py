"""`main.py library restore` backs up the current state first, so a restore can be undone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.cli import main
from desktop.core.store import backup
from desktop.core.store.backup_schedule import reason_of
from desktop.core.store.database import Database


def set_note(root: Path, text: str) -> None:
    db = Database(root / "library.db").open()
    with db.engine_or_raise().begin() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS notes (text TEXT)")
        conn.exec_driver_sql("DELETE FROM notes")
        conn.exec_driver_sql("INSERT INTO notes VALUES (?)", (text,))
    db.close()


def note(root: Path) -> str:
    con = sqlite3.connect(root / "library.db")
    try:
        return con.execute("SELECT text FROM notes").fetchone()[0]
    finally:
        con.close()


def test_restore_keeps_the_current_state_as_a_backup_and_can_be_undone(library_dir: Path, capsys) -> None:
    set_note(library_dir, "last night")
    assert main(["library", "backup", "--library", str(library_dir)]) == 0
    set_note(library_dir, "broken this morning")

    assert main(["library", "restore", "--library", str(library_dir)]) == 0
    assert note(library_dir) == "last night"
    safety = [p for p in backup.list_backups(library_dir / "backups") if reason_of(p) == "before-restore"]
    assert len(safety) == 1
    assert str(safety[0]) in capsys.readouterr().out  # the command says where the old state went

    assert main(["library", "restore", "--library", str(library_dir), "--from", str(safety[0])]) == 0
    assert note(library_dir) == "broken this morning"


def test_a_restore_from_the_command_line_is_in_the_audit_log_and_the_chain_holds(library_dir: Path) -> None:
    set_note(library_dir, "last night")
    assert main(["library", "backup", "--library", str(library_dir)]) == 0
    source = backup.latest(library_dir / "backups")

    assert main(["library", "restore", "--library", str(library_dir)]) == 0

    con = sqlite3.connect(library_dir / "library.db")
    try:
        action, target, details = con.execute(
            "SELECT action, target, details FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        con.close()
    assert (action, target) == ("backup_restored", str(source)) and "before-restore" in details
    assert main(["audit", "verify", "--library", str(library_dir)]) == 0


def test_restoring_from_a_folder_or_a_missing_file_says_which(library_dir: Path, tmp_path: Path, capsys) -> None:
    set_note(library_dir, "today")
    lib = ["--library", str(library_dir)]

    assert main(["library", "restore", "--from", str(tmp_path), *lib]) == 1
    assert "is a folder, not a backup file" in capsys.readouterr().err
    assert main(["library", "restore", "--from", str(tmp_path / "nope.db"), *lib]) == 1
    assert "no such file" in capsys.readouterr().err
    assert note(library_dir) == "today"
