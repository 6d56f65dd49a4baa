"""Helpers for prompt tests: write real files in the test's folder and read them back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.core.prompts import ReadResult, read_prompt_file

WriteAndRead = Callable[..., ReadResult]


@pytest.fixture
def read_file(tmp_path: Path) -> WriteAndRead:
    """Write `content` (str in `encoding`, or bytes) to `name` and read it as a prompt file."""

    def write_and_read(name: str, content: str | bytes, encoding: str = "utf-8", **kw) -> ReadResult:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return read_prompt_file(path, **kw)

    return write_and_read


def messages(result: ReadResult) -> list[str]:
    return [str(problem) for problem in result.problems]
