"""`main.py project ...` over a real library folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main


def test_templates_create_list_check_and_export_headless(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = ["--library", str(tmp_path / "lib")]
    assert main(["project", "templates", *lib]) == 0
    assert "social-media-campaign" in capsys.readouterr().out
    assert main(["project", "create", "夏日活動", "--template", "social-media-campaign", *lib]) == 0
    assert capsys.readouterr().out.strip() == "project 1: 夏日活動"
    assert main(["project", "create", "夏日活動", *lib]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["project", "create", "x", "--template", "nope", *lib]) == 1
    assert "no such template" in capsys.readouterr().err
    assert main(["project", "list", *lib]) == 0
    assert "夏日活動" in capsys.readouterr().out
    assert main(["project", "check", "1", *lib]) == 0
    assert "checked 0 image(s)" in capsys.readouterr().out
    assert main(["project", "check", "7", *lib]) == 1
    out = tmp_path / "history.json"
    assert main(["project", "export-history", "1", str(out), *lib]) == 0
    assert json.loads(out.read_text("utf-8")) == []
    assert main(["project", "consistency", "1", *lib]) == 1
    assert "fewer than two images" in capsys.readouterr().err
