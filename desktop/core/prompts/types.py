"""What the prompt readers produce: rows ready to expand, and problems that name their place.

A `Problem` always says where (file, line, and a column when one is known) and what is
wrong, so that a user with a 2,000-row spreadsheet can go straight to the cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PromptRow:
    """One prompt as written in a file or typed, before expansion; None means "use the default"."""

    prompt: str
    negative_prompt: str = ""
    provider: str | None = None
    model: str | None = None
    width: int | None = None
    height: int | None = None
    seed: int | None = None
    count: int | None = None
    steps: int | None = None
    cfg_scale: float | None = None
    quality: str | None = None
    style: str | None = None
    name: str | None = None
    # Columns or flags we do not know, kept as key=value so nothing the user wrote is lost.
    tags: dict[str, str] = field(default_factory=dict)
    source: str = ""  # "prompts.csv:12"
    line: int = 0


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong at a place in an input: `str()` gives "file:line[:column]: message".

    `line` is None for problems with the whole file (empty, binary, too large). `column` is a
    1-based character column for text lines and JSON, or the cell number for CSV and Excel.
    """

    file: str
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ReadResult:
    """The valid rows of one input, every problem found in it, and the encoding it was read in."""

    rows: list[PromptRow]
    problems: list[Problem]
    encoding: str | None
    file: str

    @property
    def ok(self) -> bool:
        return not self.problems
