"""Plain-text prompt lists: one prompt a line, `#` comments, and A1111 "prompts from file" lines.

A line starting with `--` is split like a shell command line (shlex, POSIX rules) into
`--flag value` pairs: `--prompt "a cat" --negative_prompt "blurry" --seed 5 --n_iter 2`.
As in A1111, the words after `--prompt` or `--negative_prompt` up to the next flag are
joined, and the image count is `n_iter` x `batch_size`. Flags we do not know are kept as tags.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import replace

from desktop.core.prompts.decoding import first_mark, marked_bytes
from desktop.core.prompts.fields import Cell, Place, build_row, canonical_column, whole_number
from desktop.core.prompts.types import Problem, PromptRow

_JOINED_FLAGS = ("prompt", "negative_prompt")
# Backslash-free lines are split by this regex (fast, and the same result as shlex);
# shlex does the rest and reports unterminated quotes.
_FAST_TOKEN = re.compile(r"""(?:[^ \t\r\n'"]+|'[^']*'|"[^"]*")+""")
_FAST_PIECE = re.compile(r"""'([^']*)'|"([^"]*)"|([^'"]+)""")


class FlagSyntaxError(ValueError):
    """A flags line that cannot be split: `column` is where the trouble starts (1-based)."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.column = column


def read_txt(text: str, file: str, encoding: str | None) -> tuple[list[PromptRow], list[Problem]]:
    """Rows and problems of a prompt list; a bad line never stops the lines after it."""
    rows: list[PromptRow] = []
    problems: list[Problem] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        place = Place(file, number, encoding)
        mark = first_mark(line)
        if mark is not None:
            how = f" (the file was read as {encoding})" if encoding else ""
            message = f"bytes that are not valid text: {marked_bytes(line)}{how}; line skipped"
            problems.append(place.problem(message, mark + 1))
            continue
        if stripped.startswith("--"):
            row, found = _flags_row(line, place)
        else:
            row, found = build_row([Cell("prompt", stripped, line.index(stripped[0]) + 1)], place)
        problems.extend(found)
        if row is not None:
            rows.append(row)
    return rows, problems


def split_flags(line: str) -> list[tuple[str, int]]:
    """Shell-like tokens of a line with the 1-based column each starts at."""
    if "\\" not in line:
        tokens = _fast_tokens(line)
        if tokens is not None:
            return tokens
    try:
        words = shlex.split(line, comments=False, posix=True)
    except ValueError as error:
        raise FlagSyntaxError(_quote_message(str(error)), _open_quote_column(line)) from None
    starts = _token_starts(line)
    if len(starts) != len(words):  # cannot happen with POSIX rules; never fail for a column
        starts = [0] * len(words)
    return [(word, start + 1) for word, start in zip(words, starts, strict=True)]


def _flags_row(line: str, place: Place) -> tuple[PromptRow | None, list[Problem]]:
    try:
        tokens = split_flags(line)
    except FlagSyntaxError as error:
        return None, [place.problem(str(error), error.column)]
    cells: list[Cell] = []
    problems: list[Problem] = []
    batch_size: Cell | None = None
    index = 0
    while index < len(tokens):
        flag, column = tokens[index]
        if not flag.startswith("--") or len(flag) == 2:
            problems.append(place.problem(f"expected a flag like --prompt, found {flag!r}", column))
            index += 1
            continue
        name = flag[2:]
        values: list[tuple[str, int]] = []
        index += 1
        while index < len(tokens) and not tokens[index][0].startswith("--"):
            values.append(tokens[index])
            index += 1
            if name not in _JOINED_FLAGS:
                break
        if not values:
            problems.append(place.problem(f"{flag} needs a value", column))
            continue
        value = " ".join(v for v, _ in values)
        cell = Cell(name, value, values[0][1])
        if name == "batch_size":
            batch_size = cell
        else:
            cells.append(cell)
    if not any(canonical_column(c.key) == "prompt" for c in cells):
        problems.append(place.problem('a line of flags needs --prompt "..."', 1))
        return None, problems
    row, found = build_row(cells, place)
    problems.extend(found)
    if problems or row is None:
        return None, problems
    if batch_size is not None:
        return _with_batch_size(row, batch_size, place)
    return row, []


def _with_batch_size(
    row: PromptRow, cell: Cell, place: Place
) -> tuple[PromptRow | None, list[Problem]]:
    size, error = whole_number("batch_size", cell.value, 1, None)
    if error or size is None:
        return None, [place.problem(error or "bad batch_size", cell.column)]
    return replace(row, count=(row.count or 1) * size), []


def _fast_tokens(line: str) -> list[tuple[str, int]] | None:
    tokens: list[tuple[str, int]] = []
    end = 0
    for match in _FAST_TOKEN.finditer(line):
        if line[end : match.start()].strip(" \t\r\n"):
            return None  # something the regex could not take (an unmatched quote)
        pieces = _FAST_PIECE.findall(match.group())
        tokens.append(("".join(a or b or c for a, b, c in pieces), match.start() + 1))
        end = match.end()
    return tokens if not line[end:].strip(" \t\r\n") else None


def _token_starts(line: str) -> list[int]:
    """The 0-based index where each shell word of `line` starts (POSIX quoting rules)."""
    starts: list[int] = []
    quote: str | None = None
    in_word = False
    index = 0
    while index < len(line):
        char = line[index]
        if quote is None and char in " \t\r\n":
            in_word = False
            index += 1
            continue
        if not in_word:
            starts.append(index)
            in_word = True
        if char == "\\" and quote != "'":
            index += 2
            continue
        if quote is None and char in "'\"":
            quote = char
        elif char == quote:
            quote = None
        index += 1
    return starts


def _quote_message(error: str) -> str:
    if "quotation" in error:
        return "unterminated quote: add the closing quote"
    if "escaped" in error:
        return "a backslash at the end of the line escapes nothing"
    return error


def _open_quote_column(line: str) -> int:
    """The 1-based column of the quote left open (POSIX shell rules), or the line's end."""
    quote: str | None = None
    opened = 0
    index = 0
    while index < len(line):
        char = line[index]
        if char == "\\" and quote != "'":
            index += 2
            continue
        if quote is None and char in "'\"":
            quote, opened = char, index
        elif char == quote:
            quote = None
        index += 1
    return opened + 1 if quote else len(line)
