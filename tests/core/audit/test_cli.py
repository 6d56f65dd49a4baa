"""`main.py audit verify|export|list` and `--profile NAME` on headless commands."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.commands.common import open_database
from desktop.core.audit.log import Actor, AuditLog


def _log(library: Path, n: int = 3) -> None:
    db = open_database(library)
    audit = AuditLog(db)
    audit.actor = Actor(1, "Default")
    for i in range(n):
        audit.append("batch_started", f"batch {i}", {"jobs": i})
    audit.append("sign_in", "Mei", actor=Actor(2, "Mei"))
    db.close()


def test_verify_exits_0_when_intact_and_1_with_the_broken_entry(library_dir: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profile", "list", "--library", str(library_dir)]) == 0
    _log(library_dir)
    assert main(["audit", "verify", "--library", str(library_dir)]) == 0
    assert "intact" in capsys.readouterr().out
    con = sqlite3.connect(library_dir / "library.db", isolation_level=None)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET target = 'batch 99' WHERE id = 3")
    con.close()
    assert main(["audit", "verify", "--library", str(library_dir)]) == 1
    out = capsys.readouterr().out
    assert "BROKEN at entry 3" in out and "changed" in out


def test_export_writes_filtered_csv_and_json_and_is_itself_recorded(library_dir: Path, tmp_path: Path) -> None:
    assert main(["profile", "create", "Mei", "--library", str(library_dir)]) == 0
    _log(library_dir)
    out_csv, out_json = tmp_path / "audit.csv", tmp_path / "audit.json"
    assert main(["audit", "export", "--format", "csv", "--out", str(out_csv), "--action", "batch_started",
                 "--library", str(library_dir)]) == 0
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8-sig")))
    assert [r["target"] for r in rows] == ["batch 0", "batch 1", "batch 2"]
    assert all(len(r["hash"]) == 64 for r in rows)
    assert main(["audit", "export", "--format", "json", "--out", str(out_json), "--profile", "Mei",
                 "--library", str(library_dir)]) == 0
    data = json.loads(out_json.read_text("utf-8"))
    assert [e["action"] for e in data["entries"]] == ["sign_in"]
    db = open_database(library_dir)
    exported = [e for e in AuditLog(db).query() if e.action == "audit_exported"]
    db.close()
    assert len(exported) == 2


def test_an_unknown_profile_is_a_clear_error_listing_the_profiles(library_dir: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profile", "create", "Mei", "--library", str(library_dir)]) == 0
    assert main(["queue", "list", "--profile", "Nobody", "--library", str(library_dir)]) == 1
    err = capsys.readouterr().err
    assert "no profile named 'Nobody'" in err and "Default, Mei" in err
    assert main(["audit", "export", "--format", "json", "--out", "x.json", "--profile", "Nobody",
                 "--library", str(library_dir)]) == 1


def test_a_headless_command_acts_as_the_named_profile(library_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-pass\n"))
    assert main(["profile", "create", "Mei", "--password", "--library", str(library_dir)]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["providers", "list", "--profile", "Mei", "--library", str(library_dir)]) == 1  # no password
    monkeypatch.setenv("BATCHGEN_PROFILE_PASSWORD", "s3cret-pass")
    monkeypatch.setattr("sys.stdin", io.StringIO("sk-test-0123456789\n"))
    assert main(["providers", "set-key", "openai", "--profile", "Mei", "--library", str(library_dir)]) == 0
    db = open_database(library_dir)
    entries = AuditLog(db).query()
    db.close()
    assert ("Mei", "key_added", "openai.api_key") in [(e.actor, e.action, e.target) for e in entries]


def test_an_unknown_action_filter_is_an_error_listing_the_actions(library_dir: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "audit.csv"

    assert main(["audit", "export", "--format", "csv", "--out", str(out), "--action", "signin",
                 "--library", str(library_dir)]) == 1

    err = capsys.readouterr().err
    assert "--action: unknown action 'signin'" in err and "sign_in" in err
    assert not out.exists()
