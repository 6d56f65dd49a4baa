"""`main.py queue run` ends with a progress line of the jobs it ran."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from tests.fakes.a1111_fake import FakeA1111


def test_the_last_progress_line_counts_the_jobs_that_ran_not_zero_of_zero(
        library_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("台北101\n九份老街\n", encoding="utf-8")
    with FakeA1111() as a1111:
        monkeypatch.setenv("SDWEBUI_BASE_URL", a1111.url)
        assert main(["batch", str(prompts), "--provider", "a1111", "--no-run",
                     "--library", str(library_dir)]) == 0
        capsys.readouterr()

        assert main(["queue", "run", "--library", str(library_dir)]) == 0

    lines = capsys.readouterr().out.splitlines()
    progress = [line for line in lines if " done (" in line]
    assert progress[-1].startswith("2/2 done (2 ok, 0 failed) · 0 running")
