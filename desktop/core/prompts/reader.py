"""The one entry point for prompt input: a file of any supported kind, or text typed in the UI.

Never raises for bad input: a missing, empty, binary, too large or undecodable file, and
every bad row, becomes a `Problem`; every valid row is still returned.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.core.prompts.decoding import decode_text_file
from desktop.core.prompts.json_reader import read_json, read_jsonl
from desktop.core.prompts.table_reader import looks_like_tsv, read_table
from desktop.core.prompts.txt_reader import read_txt
from desktop.core.prompts.types import Problem, PromptRow, ReadResult
from desktop.core.prompts.xlsx_reader import read_xlsx

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
TextReader = Callable[[str, str, "str | None"], "tuple[list[PromptRow], list[Problem]]"]


def _read_csv(text: str, file: str, encoding: str | None) -> tuple[list[PromptRow], list[Problem]]:
    return read_table(text, file, encoding)


def _read_tsv(text: str, file: str, encoding: str | None) -> tuple[list[PromptRow], list[Problem]]:
    return read_table(text, file, encoding, delimiter="\t")


def _read_txt(text: str, file: str, encoding: str | None) -> tuple[list[PromptRow], list[Problem]]:
    if looks_like_tsv(text):  # Excel's "Unicode Text" export is a .txt table
        return read_table(text, file, encoding, delimiter="\t")
    return read_txt(text, file, encoding)


TEXT_READERS: dict[str, TextReader] = {
    ".txt": _read_txt,
    ".prompts": _read_txt,  # the app's own file type (packaging/linux: application/x-batchgen-prompts)
    ".csv": _read_csv,
    ".tsv": _read_tsv,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
}
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
SUPPORTED_SUFFIXES = (*TEXT_READERS, *WORKBOOK_SUFFIXES)


def read_prompt_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read a prompt file, choosing the reader by its extension (case-insensitive)."""
    path = Path(path)
    file = path.name
    suffix = path.suffix.lower()

    def failed(message: str) -> ReadResult:
        return ReadResult([], [Problem(file, None, None, message)], None, file)

    if path.is_dir():
        return failed(f"a folder, not a prompt file; give the files in it (e.g. {file}/*.csv)")
    if suffix not in SUPPORTED_SUFFIXES:
        hint = " (save it as .xlsx or .csv)" if suffix == ".xls" else ""
        return failed(
            f"unsupported file type {suffix or '(no extension)'!r}{hint}; "
            f"supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )
    try:
        size = path.stat().st_size
        if not path.is_file():
            return failed("not a file")
        if size > max_bytes:
            return failed(f"file is too large: {_mb(size)}; the limit is {_mb(max_bytes)}")
        if size == 0:
            return failed("the file is empty")
        if suffix in WORKBOOK_SUFFIXES:
            return _read_workbook(path, file)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as error:
        return failed(f"cannot read the file: {error.strerror or error}")
    if len(data) > max_bytes:
        return failed(f"file is too large: more than {_mb(max_bytes)}")
    return _read_bytes(data, file, TEXT_READERS[suffix])


def read_prompt_text(text: str, source: str = "typed") -> ReadResult:
    """Prompts typed in the editor, in the .txt syntax; rows are named "typed:3"."""
    rows, problems = read_txt(text, source, None)
    return ReadResult(rows, problems, None, source)


def _read_bytes(data: bytes, file: str, reader: TextReader) -> ReadResult:
    decoded = decode_text_file(data)
    if isinstance(decoded, str):
        return ReadResult([], [Problem(file, None, None, decoded)], None, file)
    rows, problems = reader(decoded.text, file, decoded.encoding)
    if not rows and not problems:
        problems = [
            Problem(file, None, None, "no prompts in the file (only blank or # comment lines)")
        ]
    return ReadResult(rows, problems, decoded.encoding, file)


def _read_workbook(path: Path, file: str) -> ReadResult:
    with path.open("rb") as handle:
        head = handle.read(8)
    if not head.startswith(b"PK\x03\x04"):
        return ReadResult(
            [],
            [
                Problem(
                    file,
                    None,
                    None,
                    "not an Excel workbook (an .xlsx file is a zip archive; "
                    "if this is a CSV file, give it the .csv extension)",
                )
            ],
            None,
            file,
        )
    rows, problems = read_xlsx(path, file)
    if not rows and not problems:
        problems = [Problem(file, None, None, "no prompts in the workbook's first sheet")]
    return ReadResult(rows, problems, None, file)


def _mb(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} bytes"
