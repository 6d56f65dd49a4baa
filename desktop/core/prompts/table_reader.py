"""CSV and TSV prompt tables: a header row naming the columns, then one prompt a row.

Headers are matched case-insensitively ("Negative Prompt" is `negative_prompt`); unknown
columns become tags. A bad row is reported and skipped; an unterminated quote costs only the
line it starts on, because reading starts again on the next line.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator

from desktop.core.prompts.fields import Cell, Place, build_row, canonical_column
from desktop.core.prompts.types import Problem, PromptRow

DELIMITERS = (",", ";", "\t")
_MAX_RESTARTS = 1000  # after this many broken records the file is not a table worth reading


def sniff_delimiter(text: str) -> str:
    """The delimiter the header line uses most: ',' (also on a tie), ';' (Excel in Europe) or tab."""
    header = next((line for line in io.StringIO(text) if line.strip()), "")
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def looks_like_tsv(text: str) -> bool:
    """Whether a .txt file is really a table with a tab-separated header naming a prompt
    column (Excel's "Unicode Text" export)."""
    for line in itertools.islice(io.StringIO(text), 50):
        if line.strip() and not line.lstrip().startswith("#"):
            cells = line.split("\t")
            return len(cells) > 1 and any(canonical_column(c) == "prompt" for c in cells)
    return False


def read_table(
    text: str, file: str, encoding: str | None, delimiter: str | None = None
) -> tuple[list[PromptRow], list[Problem]]:
    """Rows and problems of a delimited table; `delimiter` None sniffs it from the header."""
    lines = io.StringIO(text, newline="").readlines()
    hint = lines[0].strip("\r\n") if lines else ""
    if len(hint) == 5 and hint.lower().startswith("sep="):  # Excel's delimiter hint line
        delimiter, lines[0] = hint[4], "\n"  # kept as a blank line, so line numbers hold
    delimiter = delimiter or sniff_delimiter(text)
    rows: list[PromptRow] = []
    problems: list[Problem] = []
    header: list[str] | None = None
    ignored: set[int] = set()
    for line, record in _records(lines, delimiter, file, problems):
        if not any(cell.strip() for cell in record):
            continue
        place = Place(file, line, encoding)
        if header is None:
            header = [cell.strip() for cell in record]
            found_prompt, ignored = _check_header(header, place, problems)
            if not found_prompt:
                return [], problems
            continue
        row_problem = _width_problem(record, header, place, delimiter)
        if row_problem:
            problems.append(row_problem)
            continue
        cells = [
            Cell(header[i], record[i], i + 1)
            for i in range(min(len(record), len(header)))
            if i not in ignored
        ]
        row, found = build_row(cells, place, skip_blank=True)
        problems.extend(found)
        if row is not None:
            rows.append(row)
    if header is None:
        problems.append(Problem(file, None, None, "no header row: the file has no cells"))
    return rows, problems


def _records(
    lines: list[str], delimiter: str, file: str, problems: list[Problem]
) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) of each record; broken records become problems."""
    start_index = 0
    for _ in range(_MAX_RESTARTS):
        reader = csv.reader(iter(lines[start_index:]), delimiter=delimiter, strict=True)
        last = 0
        while True:
            first = start_index + last + 1
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                message, skip_to = _record_error(str(error), first, start_index + reader.line_num)
                problems.append(Problem(file, first, None, message))
                start_index = skip_to
                break
            last = reader.line_num
            yield first, record
        if start_index >= len(lines):
            return
    problems.append(
        Problem(file, start_index + 1, None, "too many broken rows; stopped reading here")
    )


def _record_error(error: str, first: int, reached: int) -> tuple[str, int]:
    """The message for a broken record and the 0-based index of the line to read next."""
    if "unexpected end of data" in error or "field larger" in error:
        # An open quote swallowed the lines after it: drop only the line where it opened.
        what = (
            "a cell longer than the field limit"
            if "field larger" in error
            else ("unterminated quote: a quoted cell opens on this line and never closes")
        )
        return f"{what}; line skipped, reading goes on with the next line", first
    return f"bad quoting ({error}): quote the whole cell and double any quote inside it", max(
        reached, first
    )


def _check_header(
    header: list[str], place: Place, problems: list[Problem]
) -> tuple[bool, set[int]]:
    """Whether the header names a prompt column, and the cells to ignore (repeated columns)."""
    ignored: set[int] = set()
    seen: dict[str, int] = {}
    for index, name in enumerate(header):
        column = canonical_column(name) if name else None
        if column is not None and column in seen:
            message = (
                f"column {name!r} repeats {column} (cell {seen[column] + 1}); its cells are ignored"
            )
            problems.append(place.problem(message, index + 1))
            ignored.add(index)
        elif column is not None:
            seen[column] = index
    if "prompt" not in seen:
        found = ", ".join(repr(h) for h in header if h) or "none"
        problems.append(
            place.problem(
                f"no prompt column in the header row (found: {found}); "
                "the first row must name the columns, e.g. prompt,negative_prompt,count"
            )
        )
    return "prompt" in seen, ignored


def _width_problem(
    record: list[str], header: list[str], place: Place, delimiter: str
) -> Problem | None:
    extra = [v for v in record[len(header) :] if v.strip()]
    if not extra:
        return None
    shown = {",": "a comma", ";": "a semicolon", "\t": "a tab"}[delimiter]
    return place.problem(
        f"this row has {len(record)} cells but the header names {len(header)} columns; "
        f"a cell that contains {shown} must be in double quotes",
        len(header) + 1,
    )
