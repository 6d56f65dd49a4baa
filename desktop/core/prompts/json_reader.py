"""JSON Lines and JSON prompt files: objects with the same keys as the table columns.

A `.jsonl` file has one object (or one prompt string) a line; a bad line is reported with
the JSON error's column and the other lines are kept. A `.json` file is a list of objects
or strings, `{"prompts": [...]}`, or one object; each item keeps the line it starts on.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.prompts.decoding import first_mark, marked_bytes
from desktop.core.prompts.fields import Cell, Place, build_row, canonical_column
from desktop.core.prompts.types import Problem, PromptRow

_WHITESPACE = " \t\n\r"
_DECODER = json.JSONDecoder()  # stateless; raw_decode gives the positions json.loads hides


def read_jsonl(text: str, file: str, encoding: str | None) -> tuple[list[PromptRow], list[Problem]]:
    rows: list[PromptRow] = []
    problems: list[Problem] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        place = Place(file, number, encoding)
        mark = first_mark(line)
        if mark is not None:
            how = f" (the file was read as {encoding})" if encoding else ""
            message = f"bytes that are not valid text: {marked_bytes(line)}{how}; line skipped"
            problems.append(place.problem(message, mark + 1))
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(place.problem(f"invalid JSON: {error.msg}", error.colno))
            continue
        except RecursionError:
            problems.append(place.problem("invalid JSON: nested too deeply", 1))
            continue
        _add_item(value, place, rows, problems)
    return rows, problems


def read_json(text: str, file: str, encoding: str | None) -> tuple[list[PromptRow], list[Problem]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data" and error.lineno > 1:
            return read_jsonl(text, file, encoding)  # JSON Lines saved as .json
        mark = first_mark(text, 0, error.pos + 1)
        if mark is not None:  # the real trouble: bytes that did not decode
            line = text.count("\n", 0, mark) + 1
            column = mark - text.rfind("\n", 0, mark)
            how = f" (the file was read as {encoding})" if encoding else ""
            message = f"bytes that are not valid text: {marked_bytes(text[mark : mark + 8])}{how}"
            return [], [Problem(file, line, column, message)]
        return [], [Problem(file, error.lineno, error.colno, f"invalid JSON: {error.msg}")]
    except RecursionError:
        return [], [Problem(file, None, None, "invalid JSON: nested too deeply")]
    rows: list[PromptRow] = []
    problems: list[Problem] = []
    if isinstance(data, dict) and "prompts" in data:
        if not isinstance(data["prompts"], list):
            return [], [Problem(file, 1, None, '"prompts" must be a list of prompts')]
        items = _items_with_lines(text, inside_key=True)
    elif isinstance(data, list):
        items = _items_with_lines(text, inside_key=False)
    elif isinstance(data, dict | str):
        items = [(data, _first_line(text))]
    else:
        kind = type(data).__name__.replace("NoneType", "null")
        message = f'expected a list of prompts, {{"prompts": [...]}} or one object; found {kind}'
        return [], [Problem(file, 1, None, message)]
    for value, line in items:
        _add_item(value, Place(file, line, encoding), rows, problems)
    return rows, problems


def _add_item(value: Any, place: Place, rows: list[PromptRow], problems: list[Problem]) -> None:
    if isinstance(value, dict):
        cells = [Cell(str(key), item) for key, item in value.items()]
        if cells and not any(canonical_column(c.key) == "prompt" for c in cells):
            found = ", ".join(repr(c.key) for c in cells[:8])
            problems.append(place.problem(f'no "prompt" key in this object (found: {found})'))
            return
    elif isinstance(value, str):
        cells = [Cell("prompt", value)]
    else:
        kind = {bool: "true/false", int: "a number", float: "a number", list: "a list"}.get(
            type(value), "null"
        )
        problems.append(place.problem(f"expected an object or a prompt string, found {kind}"))
        return
    row, found = build_row(cells, place)
    problems.extend(found)
    if row is not None:
        rows.append(row)


def _items_with_lines(text: str, inside_key: bool) -> list[tuple[Any, int]]:
    """Each item of the top-level list (or of the "prompts" list) with the line it starts on.
    The text is known to be valid JSON, so the scan cannot fail."""
    index = _skip(text, 0)
    if inside_key:
        index = _find_prompts_list(text, index)
    items: list[tuple[Any, int]] = []
    line, counted = 1, 0
    index = _skip(text, index + 1)
    while text[index] != "]":
        value, end = _DECODER.raw_decode(text, index)
        line += text.count("\n", counted, index)
        counted = index
        items.append((value, line))
        index = _skip(text, end)
        if text[index] == ",":
            index = _skip(text, index + 1)
    return items


def _find_prompts_list(text: str, index: int) -> int:
    """The index of the '[' of the last "prompts" key of the top-level object at `index`."""
    found = -1
    index = _skip(text, index + 1)
    while text[index] != "}":
        key, end = _DECODER.raw_decode(text, index)
        index = _skip(text, _skip(text, end) + 1)  # past the ':'
        if key == "prompts":
            found = index
        _value, end = _DECODER.raw_decode(text, index)
        index = _skip(text, end)
        if text[index] == ",":
            index = _skip(text, index + 1)
    return found


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in _WHITESPACE:
        index += 1
    return index


def _first_line(text: str) -> int:
    return text.count("\n", 0, _skip(text, 0)) + 1
