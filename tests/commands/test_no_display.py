"""`main.py` with no command on a Linux machine without a display explains itself instead
of Qt aborting with a platform-plugin message."""

from __future__ import annotations

import sys

import pytest

from desktop.cli import main


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is how Linux finds a screen")
def test_no_command_and_no_display_points_at_the_headless_commands(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)

    assert main([]) == 2

    captured = capsys.readouterr()
    assert "no display to open the window on" in captured.err
    assert "batch" in captured.out + captured.err  # the headless commands are listed
