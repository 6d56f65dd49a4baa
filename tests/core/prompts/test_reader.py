"""The entry point: dispatch by extension, and whole-file problems (missing, empty, binary,
too large, unknown type) as one clear message instead of an exception."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from desktop.core.prompts import SUPPORTED_SUFFIXES, read_prompt_file
from tests.core.prompts.conftest import WriteAndRead, messages


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("p.txt", "a cat\n"),
        ("p.TXT", "a cat\n"),
        ("p.csv", "prompt\na cat\n"),
        ("p.tsv", "prompt\na cat\n"),
        ("p.jsonl", '{"prompt": "a cat"}\n'),
        ("p.ndjson", '"a cat"\n'),
        ("p.json", '["a cat"]'),
    ],
)
def test_each_extension_goes_to_its_reader(read_file: WriteAndRead, name: str, content: str) -> None:
    result = read_file(name, content)
    assert [r.prompt for r in result.rows] == ["a cat"]
    assert result.problems == []
    assert result.file == name


def test_unknown_extension_lists_the_supported_ones(read_file: WriteAndRead) -> None:
    [message] = messages(read_file("p.docx", "a cat"))
    assert message.startswith("p.docx: unsupported file type '.docx'")
    for suffix in SUPPORTED_SUFFIXES:
        assert suffix in message


def test_old_excel_files_get_a_hint(read_file: WriteAndRead) -> None:
    [message] = messages(read_file("p.xls", b"\xd0\xcf\x11\xe0"))
    assert "save it as .xlsx or .csv" in message


def test_empty_file_is_a_clear_problem(read_file: WriteAndRead) -> None:
    assert messages(read_file("p.csv", b"")) == ["p.csv: the file is empty"]


def test_comments_only_file_says_there_are_no_prompts(read_file: WriteAndRead) -> None:
    assert messages(read_file("p.txt", "# nothing yet\n\n")) == [
        "p.txt: no prompts in the file (only blank or # comment lines)"
    ]


@pytest.mark.parametrize("name", ["p.txt", "p.csv", "p.jsonl", "p.json"])
def test_an_image_renamed_to_a_prompt_file_is_binary(read_file: WriteAndRead, name: str) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    [message] = messages(read_file(name, png))
    assert "not a text prompt file (looks binary" in message


def test_missing_file_and_folder_are_problems(tmp_path: Path) -> None:
    [missing] = read_prompt_file(tmp_path / "nope.csv").problems
    assert missing.file == "nope.csv" and "cannot read the file" in missing.message
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    [not_file] = read_prompt_file(folder).problems
    assert not_file.message.startswith("a folder, not a prompt file")


def test_file_over_the_cap_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:  # a sparse 3 GB file: reading it would take ages
        handle.truncate(3 * 1024**3)
    started = time.perf_counter()
    [problem] = read_prompt_file(path).problems
    assert time.perf_counter() - started < 1.0
    assert problem.message == "file is too large: 3072.0 MB; the limit is 50.0 MB"


def test_the_cap_is_configurable(read_file: WriteAndRead) -> None:
    content = "prompt\n" + "a cat\n" * 100
    [problem] = read_file("p.csv", content, max_bytes=100).problems
    assert problem.message == "file is too large: 607 bytes; the limit is 100 bytes"
    assert len(read_file("p.csv", content, max_bytes=10_000).rows) == 100


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("a cat")
    path.chmod(0)
    [problem] = read_prompt_file(path).problems
    assert "cannot read the file" in problem.message


def test_a_folder_given_as_a_prompt_file_is_called_a_folder(tmp_path) -> None:
    from desktop.core.prompts import read_prompt_file

    folder = tmp_path / "春節 prompts"
    folder.mkdir()

    assert messages(read_prompt_file(folder)) == [
        "春節 prompts: a folder, not a prompt file; give the files in it (e.g. 春節 prompts/*.csv)"
    ]
