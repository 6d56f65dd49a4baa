"""`main.py project check|consistency|export-*` take a project's name, as the README shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main


def test_a_project_is_named_by_its_name_or_its_id(
        library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = ["--library", str(library_dir)]
    assert main(["project", "create", "春節 Campaign", "--template", "social-media-campaign", *lib]) == 0
    capsys.readouterr()

    assert main(["project", "check", "春節 campaign", *lib]) == 0
    assert main(["project", "check", "1", *lib]) == 0
    assert capsys.readouterr().out.count("checked 0 image(s)") == 2
    out = tmp_path / "history.json"
    assert main(["project", "export-history", "春節 Campaign", str(out), *lib]) == 0
    assert isinstance(json.loads(out.read_text(encoding="utf-8")), (list, dict))


def test_an_unknown_project_name_is_an_error_listing_the_projects(
        library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = ["--library", str(library_dir)]
    assert main(["project", "create", "春節 Campaign", *lib]) == 0

    assert main(["project", "consistency", "Spring", *lib]) == 1

    err = capsys.readouterr().err
    assert "no project named 'Spring'" in err and "春節 Campaign" in err


def test_an_export_into_a_new_folder_makes_it_and_an_unwritable_one_is_one_error_line(
        library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = ["--library", str(library_dir)]
    assert main(["project", "create", "春節 Campaign", *lib]) == 0

    out = tmp_path / "exports" / "2026" / "history.csv"
    assert main(["project", "export-history", "春節 Campaign", str(out), *lib]) == 0
    assert out.is_file()

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    capsys.readouterr()
    assert main(["project", "export-checks", "1", str(blocker / "checks.json"), *lib]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "checks.json" in err and "Traceback" not in err
