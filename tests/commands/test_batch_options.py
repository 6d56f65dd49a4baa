"""`main.py batch` refuses option values that cannot mean anything, naming the option."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main


@pytest.mark.parametrize("option,value,message", [
    ("--budget", "-1", "--budget must be 0 or more"),
    ("--max-jobs", "-5", "--max-jobs must be at least 1"),
    ("--max-jobs", "0", "--max-jobs must be at least 1"),
    ("--fallback", "nosuch,a1111", "--fallback: unknown provider 'nosuch' (known: "),
])
def test_a_meaningless_option_value_is_refused_before_anything_is_queued(
        library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        option: str, value: str, message: str) -> None:
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("台北101\n", encoding="utf-8")

    assert main(["batch", str(prompts), "--provider", "a1111", "--no-run", option, value,
                 "--library", str(library_dir)]) == 1

    captured = capsys.readouterr()
    assert message in captured.err and "Queued" not in captured.out


def test_a_mistyped_provider_option_is_one_error_not_one_per_row(
        library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("".join(f"提示 {i}\n" for i in range(80)), encoding="utf-8")

    assert main(["batch", str(prompts), "--provider", "sdwebui", "--dry-run",
                 "--library", str(library_dir)]) == 1

    captured = capsys.readouterr()
    assert captured.err.count("unknown provider 'sdwebui'") == 1 and "(known: a1111" in captured.err
    assert "unknown provider" not in captured.out


def test_the_provider_option_is_read_without_regard_to_case_like_a_provider_column(
        library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("台北101\n", encoding="utf-8")

    assert main(["batch", str(prompts), "--provider", "A1111", "--fallback", "OpenAI", "--dry-run",
                 "--library", str(library_dir)]) == 0

    assert "prompts.txt:1: a1111/- 1024x1024" in capsys.readouterr().out
