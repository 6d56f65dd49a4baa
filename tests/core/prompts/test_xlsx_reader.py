"""Excel prompt workbooks: the first sheet, a header row, Excel row and column numbers."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from desktop.core.prompts import read_prompt_file


def _workbook(path: Path, rows: list[list[object]], at_row: int = 1, extra_sheet: bool = False) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Prompts"
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(row=at_row + offset, column=column, value=value)
    if extra_sheet:
        book.create_sheet("Other")["A1"] = "prompt"
    book.save(path)
    return path


def test_first_sheet_rows_are_read_with_excel_row_numbers(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "p.xlsx", [
        ["Prompt", "Seed", "Count", "Size", "Client"],
        ["一隻在雨中的貓，水彩風格", 5, 2, "512x768", "ACME"],
        [None, None, None, None, None],
        ["a red fox", 7.0, None, None, 12.0],
    ], at_row=3, extra_sheet=True)  # fmt: skip
    result = read_prompt_file(path)
    assert result.problems == []
    first, second = result.rows
    assert (first.prompt, first.seed, first.count, first.width, first.height) == (
        "一隻在雨中的貓，水彩風格", 5, 2, 512, 768,
    )
    assert first.tags == {"Client": "ACME"}
    assert (first.source, second.source) == ("p.xlsx:4", "p.xlsx:6")
    assert (second.seed, second.tags) == (7, {"Client": "12"})


def test_bad_cells_give_row_and_column_and_good_rows_stay(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "p.xlsx", [
        ["prompt", "seed", "count"],
        ["ok", 1, 1],
        ["bad", "abc", 1],
        ["bad too", 1, -3],
        [None, 4, None],
    ])  # fmt: skip
    result = read_prompt_file(path)
    assert [r.prompt for r in result.rows] == ["ok"]
    assert [str(p) for p in result.problems] == [
        "p.xlsx:3:2: seed 'abc' is not a whole number",
        "p.xlsx:4:3: count -3 must be at least 1",
        "p.xlsx:5: empty prompt",
    ]


def test_missing_prompt_column_names_the_sheet_and_columns(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "p.xlsx", [["text", "count"], ["a cat", 2]])
    [problem] = read_prompt_file(path).problems
    assert problem.line == 1
    assert "sheet 'Prompts'" in problem.message and "'text', 'count'" in problem.message


def test_a_csv_named_xlsx_is_a_clear_problem(tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    path.write_text("prompt\na cat\n")
    [problem] = read_prompt_file(path).problems
    assert "not an Excel workbook" in problem.message and ".csv" in problem.message


def test_a_broken_zip_named_xlsx_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    [problem] = read_prompt_file(path).problems
    assert problem.message.startswith("not a readable Excel workbook")


def test_empty_sheet_is_reported(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "p.xlsx", [])
    [problem] = read_prompt_file(path).problems
    assert "is empty" in problem.message
