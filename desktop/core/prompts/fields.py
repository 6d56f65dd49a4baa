"""From the cells of one row (a CSV line, a JSON object, txt flags, an Excel row) to a
`PromptRow`, checking every value and naming the cell of each problem.

All formats share the column names and the rules here, so "seed" means the same thing in a
spreadsheet, a JSON line and an A1111-style `--seed` flag.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop.core.prompts.decoding import first_mark, marked_bytes
from desktop.core.prompts.types import Problem, PromptRow

COLUMNS = (
    "prompt", "negative_prompt", "provider", "model", "size", "width", "height", "seed",
    "count", "steps", "cfg_scale", "quality", "style", "name",
)  # fmt: skip
_ALIASES = {
    "negative": "negative_prompt", "neg_prompt": "negative_prompt",
    "n_iter": "count", "batch_count": "count", "images": "count", "num_images": "count",
    "cfg": "cfg_scale", "guidance": "cfg_scale", "guidance_scale": "cfg_scale",
    "sd_model": "model", "styles": "style", "sampling_steps": "steps",
    "filename": "name", "file_name": "name", "title": "name",
    "resolution": "size", "dimensions": "size",
    # Headers zh-TW and zh-CN users write in their own spreadsheets.
    "提示詞": "prompt", "提示词": "prompt", "提示": "prompt",
    "負面提示詞": "negative_prompt", "负面提示词": "negative_prompt",
    "反向提示詞": "negative_prompt", "反向提示词": "negative_prompt",
    "數量": "count", "数量": "count", "張數": "count", "张数": "count",
    "尺寸": "size", "種子": "seed", "种子": "seed", "模型": "model",
    "供應商": "provider", "供应商": "provider", "風格": "style", "风格": "style",
    "名稱": "name", "名称": "name", "寬度": "width", "宽度": "width", "高度": "height",
    "步數": "steps", "步数": "steps", "品質": "quality", "质量": "quality",
}  # fmt: skip
MAX_SIDE = 16384
MAX_SEED = 2**63 - 1  # what a SQLite integer holds; providers check their own range
_SIZE_RE = re.compile(r"^\s*(\d{1,6})\s*[xX×*ｘＸ＊]\s*(\d{1,6})\s*$")  # ｘＸ＊: full width, as a Chinese IME types them
_SEPARATORS_RE = re.compile(r"[\s\-]+")


def canonical_column(key: str) -> str | None:
    """The column a header, JSON key or flag names ("Negative Prompt" -> "negative_prompt"),
    or None when it is not one of ours (it is then kept as a tag)."""
    norm = _SEPARATORS_RE.sub("_", key.strip().lower())
    norm = _ALIASES.get(norm, norm)
    return norm if norm in COLUMNS else None


@dataclass(frozen=True, slots=True)
class Cell:
    """One value as read: the key as written, the raw value, and its cell/character column."""

    key: str
    value: Any
    column: int | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """Where a row is: for problems and for `PromptRow.source`."""

    file: str
    line: int
    encoding: str | None = None

    def problem(self, message: str, column: int | None = None) -> Problem:
        return Problem(self.file, self.line, column, message)


def build_row(
    cells: Iterable[Cell], place: Place, *, skip_blank: bool = False
) -> tuple[PromptRow | None, list[Problem]]:
    """A checked row, or None with the problems that rule it out. With `skip_blank`, a row
    with no value at all (a blank spreadsheet line) gives (None, []); without, "empty prompt"."""
    known: dict[str, Cell] = {}
    tags: dict[str, str] = {}
    problems: list[Problem] = []
    prompt_column: int | None = None  # where an empty prompt cell is, to point at it
    for cell in cells:
        if _is_empty(cell.value):
            if prompt_column is None and canonical_column(cell.key) == "prompt":
                prompt_column = cell.column
            continue
        marks = _marks_in(cell.value)
        if marks:
            problems.append(place.problem(_undecodable(cell.key, marks, place), cell.column))
            if canonical_column(cell.key) == "prompt":
                known["prompt"] = cell  # reported already; not "empty" as well
            continue
        name = canonical_column(cell.key)
        if name is None:
            tags[cell.key.strip() or f"column {cell.column}"] = _tag_text(cell.value)
        elif name in known:
            problems.append(place.problem(f"{name} is given twice", cell.column))
        else:
            known[name] = cell
    if skip_blank and not known and not tags and not problems:
        return None, []
    values = _checked_values(known, place, problems, prompt_column)
    if problems:
        return None, problems
    row = PromptRow(tags=tags, source=f"{place.file}:{place.line}", line=place.line, **values)
    return row, []


def _checked_values(
    known: dict[str, Cell], place: Place, problems: list[Problem], prompt_column: int | None
) -> dict[str, Any]:
    values: dict[str, Any] = {}

    def check(name: str, convert: Any, *args: Any) -> None:
        cell = known.get(name)
        if cell is None:
            return
        value, error = convert(name, cell.value, *args)
        if error:
            problems.append(place.problem(error, cell.column))
        else:
            values[name] = value

    if "prompt" not in known:
        problems.append(place.problem("empty prompt", prompt_column))
    for name in ("prompt", "negative_prompt", "model", "quality", "style", "name"):
        check(name, _text)
    check("provider", _provider)
    for name, low, high in (
        ("seed", -1, MAX_SEED),
        ("count", 1, None),
        ("steps", 1, None),
        ("width", 1, MAX_SIDE),
        ("height", 1, MAX_SIDE),
    ):
        check(name, whole_number, low, high)
    check("cfg_scale", _number)
    if values.get("seed") == -1:
        values["seed"] = None  # A1111's "random seed"
    size = known.get("size")
    if size is not None:
        parsed, error = _size(size.value)
        if error:
            problems.append(place.problem(error, size.column))
        else:
            _merge_size(parsed, values, known, place, problems)
    values.pop("size", None)
    return values


def _merge_size(
    parsed: tuple[int, int],
    values: dict[str, Any],
    known: dict[str, Cell],
    place: Place,
    problems: list[Problem],
) -> None:
    for name, side in zip(("width", "height"), parsed, strict=True):
        given = values.get(name)
        if given is not None and given != side:
            problems.append(
                place.problem(
                    f"size {parsed[0]}x{parsed[1]} disagrees with {name} {given}",
                    known[name].column,
                )
            )
        values[name] = side


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _marks_in(value: Any) -> str | None:
    return marked_bytes(value) if isinstance(value, str) and first_mark(value) is not None else None


def _undecodable(key: str, marks: str, place: Place) -> str:
    how = f" (the file was read as {place.encoding})" if place.encoding else ""
    return f"{key.strip() or 'cell'} has bytes that are not valid text: {marks}{how}; row skipped"


def _describe(value: Any) -> str:
    if isinstance(value, str):
        shown = value.strip()
        return repr(shown if len(shown) <= 40 else shown[:37] + "...")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return "a list" if isinstance(value, list) else "an object"
    return repr(value)


def _text(name: str, value: Any) -> tuple[str | None, str | None]:
    if isinstance(value, list | dict):
        return None, f"{name} must be text, not {_describe(value)}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool):
        value = "true" if value else "false"
    text = str(value).strip()
    if name == "prompt" and not text:
        return None, "empty prompt"
    return text, None


def _provider(name: str, value: Any) -> tuple[str | None, str | None]:
    text, error = _text(name, value)
    return (text.lower() if text else text), error


def whole_number(
    name: str, value: Any, low: int, high: int | None
) -> tuple[int | None, str | None]:
    """`value` (an int, an integral float, or text such as "5" or "5.0") as an int in
    [low, high], or an error message naming `name`."""
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        number = _int_from_text(value)
    if number is None:
        return None, f"{name} {_describe(value)} is not a whole number"
    if name == "seed" and number < low:
        return None, f"seed {number} is negative (use -1 or leave it empty for a random seed)"
    if number < low:
        return None, f"{name} {number} must be at least {low}"
    if high is not None and number > high:
        return None, f"{name} {number} must be at most {high}"
    return number, None


def _int_from_text(text: str) -> int | None:
    text = text.strip().replace("_", "")
    try:
        return int(text)
    except ValueError:
        pass
    try:
        number = float(text)  # "5.0", as spreadsheets write whole numbers
    except ValueError:
        return None
    return int(number) if math.isfinite(number) and number.is_integer() else None


def _number(name: str, value: Any) -> tuple[float | None, str | None]:
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            number = None
    if number is None or not math.isfinite(number):
        return None, f"{name} {_describe(value)} is not a number"
    if number < 0:
        return None, f"{name} {value} must not be negative"
    return number, None


def _size(value: Any) -> tuple[tuple[int, int], str | None]:
    match = _SIZE_RE.match(value) if isinstance(value, str) else None
    if not match:
        return (0, 0), f"size {_describe(value)} is not WIDTHxHEIGHT, e.g. 1024x1024"
    width, height = int(match[1]), int(match[2])
    for side in (width, height):
        if not 1 <= side <= MAX_SIDE:
            return (0, 0), f"size {width}x{height}: each side must be 1 to {MAX_SIDE} pixels"
    return (width, height), None


def _tag_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()
