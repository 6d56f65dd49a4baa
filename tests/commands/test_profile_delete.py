"""`main.py profile delete` of the profile last used says how to act as another one headless."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desktop.cli import main


def test_deleting_the_current_profile_names_the_option_that_switches(
        library_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    lib = ["--library", str(library_dir)]
    monkeypatch.setattr("sys.stdin", io.StringIO("secret123\n"))
    assert main(["profile", "create", "小美", "--password", *lib]) == 0
    monkeypatch.setenv("BATCHGEN_PROFILE_PASSWORD", "secret123")
    assert main(["queue", "list", "--profile", "小美", *lib]) == 0  # signed in: now the current one
    monkeypatch.delenv("BATCHGEN_PROFILE_PASSWORD")
    capsys.readouterr()

    assert main(["profile", "delete", "小美", *lib]) == 1
    assert "--profile NAME" in capsys.readouterr().err

    assert main(["profile", "delete", "小美", "--profile", "Default", *lib]) == 0
