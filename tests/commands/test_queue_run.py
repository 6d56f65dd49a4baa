"""`main.py queue run` ends with a progress line of the jobs it ran."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.queue.lock import QueueLock
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


def test_watching_another_process_run_the_queue_ends_with_the_batches_it_watched(
        library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("台北101\n九份老街\n", encoding="utf-8")
    assert main(["batch", str(prompts), "--provider", "a1111", "--no-run",
                 "--library", str(library_dir)]) == 0
    capsys.readouterr()
    holder = QueueLock(library_dir)  # the other process, as far as the lock file is concerned
    holding = threading.Event()

    def other_process() -> None:
        assert holder.try_acquire()
        holding.set()
        time.sleep(0.5)
        con = sqlite3.connect(library_dir / "library.db")
        with con:
            con.execute("UPDATE jobs SET state='succeeded', finished_at=?", (time.time(),))
            con.execute("UPDATE batches SET finished_at=?", (time.time(),))
        con.close()

    thread = threading.Thread(target=other_process)
    thread.start()
    holding.wait(5)
    try:
        assert main(["queue", "run", "--library", str(library_dir)]) == 0
    finally:
        thread.join()
        holder.release()

    progress = [line for line in capsys.readouterr().out.splitlines() if " done (" in line]
    assert progress[-1].startswith("2/2 done (2 ok, 0 failed) · 0 running")


def test_a_paused_queue_is_named_as_the_reason_jobs_wait(
        library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("台北101\n", encoding="utf-8")
    lib = ["--library", str(library_dir)]
    assert main(["queue", "pause", "--all", *lib]) == 0

    assert main(["batch", str(prompts), "--provider", "a1111", *lib]) == 1
    assert "the queue is paused: `main.py queue resume --all`" in capsys.readouterr().err
    assert main(["queue", "run", *lib]) == 1
    assert "the queue is paused: `main.py queue resume --all`" in capsys.readouterr().err
