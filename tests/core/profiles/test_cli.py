"""`main.py profile list|create|reset-password|delete`: the forgot-password way out when no
admin can reset from the window."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.commands.common import open_database
from desktop.core.audit.log import AuditLog


def test_create_list_and_reset_a_forgotten_password(library_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    lib = ["--library", str(library_dir)]
    monkeypatch.setattr("sys.stdin", io.StringIO("first-pass\n"))
    assert main(["profile", "create", "陳美", "--password", "--color", "#aa3366", *lib]) == 0
    assert main(["profile", "list", *lib]) == 0
    out = capsys.readouterr().out
    assert "陳美" in out and "#aa3366" in out and "Default" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("second-pass\n"))
    assert main(["profile", "reset-password", "陳美", *lib]) == 0
    assert "discarded" in capsys.readouterr().out
    db = open_database(library_dir)
    try:
        stored = str(db.scalar("SELECT password_hash FROM profiles WHERE name = '陳美'"))
        entries = [(e.action, e.target, e.details_dict.get("via")) for e in AuditLog(db).query()]
    finally:
        db.close()
    assert stored.startswith("$argon2id$")
    assert ("password_reset", "陳美", "command line") in entries
    monkeypatch.setenv("BATCHGEN_PROFILE_PASSWORD", "second-pass")
    assert main(["providers", "list", "--profile", "陳美", *lib]) == 0  # the new password opens it
    monkeypatch.setenv("BATCHGEN_PROFILE_PASSWORD", "first-pass")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["providers", "list", "--profile", "陳美", *lib]) == 1
    assert "wrong password" in capsys.readouterr().err


def test_reset_password_remove_and_delete(library_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = ["--library", str(library_dir)]
    monkeypatch.setattr("sys.stdin", io.StringIO("first-pass\n"))
    assert main(["profile", "create", "Lin", "--password", *lib]) == 0
    assert main(["profile", "reset-password", "Lin", "--remove", *lib]) == 0
    db = open_database(library_dir)
    assert db.scalar("SELECT password_hash FROM profiles WHERE name = 'Lin'") is None
    db.close()
    assert main(["profile", "delete", "Lin", *lib]) == 0
    assert main(["profile", "delete", "Lin", *lib]) == 1
