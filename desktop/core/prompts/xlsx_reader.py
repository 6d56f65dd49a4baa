"""Excel workbooks: the first sheet, a header row naming the columns, one prompt a row.

Read with openpyxl in read-only mode, which streams the sheet instead of building it in
memory. Line numbers are Excel's row numbers and columns are Excel's column numbers, so
"prompts.xlsx:12:3" is cell C12.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from desktop.core.prompts.fields import Cell, Place, build_row, canonical_column
from desktop.core.prompts.types import Problem, PromptRow


def read_xlsx(path: Path, file: str) -> tuple[list[PromptRow], list[Problem]]:
    import openpyxl  # here, not at the top: it costs 0.2 s and most files are CSV or text

    rows: list[PromptRow] = []
    problems: list[Problem] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions we ignore
        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # a broken workbook raises anything from zipfile to lxml
            return [], [
                Problem(file, None, None, f"not a readable Excel workbook ({_brief(error)})")
            ]
        try:
            _read_sheet(workbook, file, rows, problems)
        except Exception as error:  # corrupt sheet XML part-way: keep what was read
            problems.append(
                Problem(file, None, None, f"stopped reading the sheet: {_brief(error)}")
            )
        finally:
            workbook.close()
    return rows, problems


def _read_sheet(workbook: Any, file: str, rows: list[PromptRow], problems: list[Problem]) -> None:
    if not workbook.worksheets:
        problems.append(Problem(file, None, None, "the workbook has no worksheet"))
        return
    sheet = workbook.worksheets[0]
    header: dict[int, str] | None = None
    for sheet_row in sheet.iter_rows():
        filled = [c for c in sheet_row if getattr(c, "value", None) not in (None, "")]
        if not filled:
            continue
        line = filled[0].row
        if header is None:
            header = {c.column: str(c.value).strip() for c in filled}
            if not any(canonical_column(name) == "prompt" for name in header.values()):
                found = ", ".join(repr(name) for name in header.values())
                problems.append(
                    Problem(
                        file,
                        line,
                        None,
                        f"no prompt column in the header row of sheet {sheet.title!r} (found: {found}); "
                        "the first row must name the columns, e.g. prompt, negative_prompt, count",
                    )
                )
                return
            continue
        cells = [Cell(header.get(c.column, ""), c.value, c.column) for c in filled]
        row, found = build_row(cells, Place(file, line), skip_blank=True)
        problems.extend(found)
        if row is not None:
            rows.append(row)
    if header is None:
        problems.append(Problem(file, None, None, f"sheet {sheet.title!r} is empty"))


def _brief(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text[:200]}" if text else type(error).__name__
