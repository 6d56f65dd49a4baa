"""Wildcard files (`__colors__` -> one line of `wildcards/colors.txt`) read with our own
decoder, and a dynamicprompts wildcard manager that remembers which names had no file.

dynamicprompts reads wildcard files as UTF-8 and silently drops what does not decode, which
would mangle a Big5 wildcard file; so we read the folder ourselves and hand the library the
values in memory. It also keeps an unknown `__name__` as literal text with only a log line;
`RecordingWildcardManager` notes it so the row can be reported instead of sent to a provider.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dynamicprompts.wildcards import WildcardManager
from dynamicprompts.wildcards.values import WildcardValues

from desktop.core.prompts.decoding import decode_text_file, first_mark, marked_bytes
from desktop.core.prompts.types import Problem

MAX_WILDCARD_FILE_BYTES = 5 * 1024 * 1024
_MISSING = "missing-wildcard"


@dataclass(frozen=True)
class WildcardLibrary:
    """The values of every wildcard file under a folder, by name ("colors", "animals/cats")."""

    folder: Path | None = None
    values: dict[str, list[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def load(cls, folder: Path | None) -> WildcardLibrary:
        """Read every `*.txt` under `folder` (hidden folders skipped); never raises."""
        if folder is None:
            return cls()
        folder = Path(folder)
        values: dict[str, list[str]] = {}
        problems: list[Problem] = []
        if folder.is_file():
            message = f"a file, not a folder: give the folder that holds the wildcard files ({folder.parent})"
            problems.append(Problem(str(folder), None, None, message))
            return cls(folder, values, problems)
        if not folder.is_dir():
            problems.append(Problem(str(folder), None, None, "wildcards folder not found"))
            return cls(folder, values, problems)
        for path in sorted(folder.rglob("*.txt")):
            relative = path.relative_to(folder)
            if any(part.startswith(".") for part in relative.parts):
                continue
            name = relative.with_suffix("").as_posix()
            lines = _read_lines(path, relative.as_posix(), problems)
            if lines is not None:
                values[name] = lines
        return cls(folder, values, problems)

    def names(self) -> list[str]:
        return sorted(self.values)

    def manager(self) -> RecordingWildcardManager:
        return RecordingWildcardManager({"": [dict(self.values)]} if self.values else None)


class RecordingWildcardManager(WildcardManager):
    """A WildcardManager that records the wildcard names it found no values for."""

    def __init__(self, root_map: dict | None) -> None:
        super().__init__(root_map=root_map)
        self.missing: list[str] = []

    def get_values(self, wildcard: str) -> WildcardValues:
        values = super().get_values(wildcard)
        if len(values) == 0:
            if wildcard not in self.missing:
                self.missing.append(wildcard)
            # A stand-in value: the row is rejected anyway, and with no values at all the
            # library would log a warning on every expansion.
            return WildcardValues.from_items([_MISSING])
        return values


def _read_lines(path: Path, name: str, problems: list[Problem]) -> list[str] | None:
    try:
        if path.stat().st_size > MAX_WILDCARD_FILE_BYTES:
            problems.append(Problem(name, None, None, "wildcard file is larger than 5 MB; skipped"))
            return None
        data = path.read_bytes()
    except OSError as error:
        problems.append(Problem(name, None, None, f"cannot read: {error.strerror or error}"))
        return None
    decoded = decode_text_file(data)
    if isinstance(decoded, str):
        problems.append(Problem(name, None, None, decoded))
        return None
    lines: list[str] = []
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    for number, line in enumerate(text.split("\n"), start=1):
        value = line.strip()
        if not value or value.startswith("#"):
            continue
        mark = first_mark(line)
        if mark is not None:
            message = (
                f"bytes that are not valid text: {marked_bytes(line)} "
                f"(read as {decoded.encoding}); value skipped"
            )
            problems.append(Problem(name, number, mark + 1, message))
            continue
        lines.append(value.lstrip("\ufeff"))
    return lines
