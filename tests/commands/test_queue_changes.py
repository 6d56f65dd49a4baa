"""`main.py queue pause|resume|cancel|retry` names the jobs and batches that do not exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main


def queue_two_jobs(library_dir: Path, tmp_path: Path) -> None:
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("台北101\n九份老街\n", encoding="utf-8")
    assert main(["batch", str(prompts), "--provider", "a1111", "--no-run",
                 "--library", str(library_dir)]) == 0


def test_cancelling_a_job_that_does_not_exist_says_so_and_fails(
        library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    queue_two_jobs(library_dir, tmp_path)
    capsys.readouterr()

    assert main(["queue", "cancel", "1", "999", "--library", str(library_dir)]) == 1

    out = capsys.readouterr().out
    assert "no job 999" in out
    assert "cancel: 1 job(s) changed" in out and "not in a state" not in out


def test_pausing_a_batch_that_does_not_exist_says_so_and_fails(
        library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    queue_two_jobs(library_dir, tmp_path)
    capsys.readouterr()

    assert main(["queue", "pause", "--batch", "7", "--library", str(library_dir)]) == 1

    out = capsys.readouterr().out
    assert "no batch 7" in out and "paused batch" not in out


def test_a_library_option_naming_a_file_is_one_error_line_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prompts = tmp_path / "prompts.csv"
    prompts.write_text("prompt\n貓\n", encoding="utf-8")

    assert main(["queue", "list", "--library", str(prompts)]) == 1

    err = capsys.readouterr().err
    assert err.startswith("error: ") and "prompts.csv" in err and "Traceback" not in err


def test_a_damaged_secrets_key_file_leaves_commands_working_and_is_one_error_line(
        library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    config = Path(os.environ["BATCHGEN_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "secrets.key").write_text("garbage\n")

    assert main(["queue", "list", "--library", str(library_dir)]) == 0
    assert main(["providers", "list", "--library", str(library_dir)]) == 0
    capsys.readouterr()
    assert main(["providers", "test", "openai", "--library", str(library_dir)]) == 1

    err = capsys.readouterr()
    assert "Traceback" not in err.err + err.out


@pytest.mark.parametrize("action,hint", [("retry", "job ids, --batch or --failed"),
                                         ("cancel", "job ids or --batch"),
                                         ("pause", "job ids, --batch or --all")])
def test_a_change_with_nothing_named_suggests_only_the_options_that_action_has(
        library_dir: Path, capsys: pytest.CaptureFixture[str], action: str, hint: str) -> None:
    assert main(["queue", action, "--library", str(library_dir)]) == 2

    assert capsys.readouterr().out.strip() == f"nothing to do: name {hint}"
