"""Moving presets to and from other tools: Automatic1111's `styles.csv` (columns name,
prompt, negative_prompt) and Fooocus style JSON (a list of {name, prompt, negative_prompt}).
Both use the same `{prompt}` slot rule as our presets, so text moves unchanged.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path

from desktop.core.prompts.decoding import decode_bytes
from desktop.core.workflow.errors import FormatError
from desktop.core.workflow.presets import SLOT, StylePreset

A1111_COLUMNS = ("name", "prompt", "negative_prompt")


def _text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FormatError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    return decode_bytes(raw).text


def read_a1111_styles(path: Path) -> list[StylePreset]:
    """Presets from an A1111/Forge `styles.csv`; a row without a name is an error."""
    reader = csv.reader(io.StringIO(_text(path)))
    rows = list(reader)
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    if "name" not in header or "prompt" not in header:
        raise FormatError(f"{path}:1", "the header needs columns name and prompt "
                          f"(found {', '.join(header) or 'nothing'})")
    col = {name: header.index(name) for name in A1111_COLUMNS if name in header}
    presets = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = row + [""] * (len(header) - len(row))
        name = cells[col["name"]].strip()
        if not name:
            raise FormatError(f"{path}:{line}:{col['name'] + 1}", "a style needs a name")
        negative = cells[col["negative_prompt"]] if "negative_prompt" in col else ""
        presets.append(StylePreset(name=name, positive=cells[col["prompt"]] or SLOT,
                                   negative=negative))
    return presets


def write_a1111_styles(presets: Iterable[StylePreset], path: Path) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(A1111_COLUMNS)
    for preset in presets:
        writer.writerow((preset.name, preset.positive, preset.negative))
    path.write_text(buf.getvalue(), encoding="utf-8-sig")  # Excel opens UTF-8 with a BOM


def read_fooocus_styles(path: Path) -> list[StylePreset]:
    """Presets from a Fooocus style file (`sdxl_styles_*.json`)."""
    try:
        data = json.loads(_text(path))
    except json.JSONDecodeError as exc:
        raise FormatError(f"{path}:{exc.lineno}:{exc.colno}", f"not valid JSON: {exc.msg}") from exc
    if not isinstance(data, list):
        raise FormatError(str(path), "a Fooocus style file is a list of styles")
    presets = []
    for i, item in enumerate(data):
        where = f"{path}[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise FormatError(where, "each style needs a name")
        prompt, negative = item.get("prompt", SLOT), item.get("negative_prompt", "")
        if not isinstance(prompt, str) or not isinstance(negative, str):
            raise FormatError(where, "prompt and negative_prompt must be text")
        presets.append(StylePreset(name=item["name"].strip(), positive=prompt or SLOT,
                                   negative=negative))
    return presets


def write_fooocus_styles(presets: Iterable[StylePreset], path: Path) -> None:
    data = [{"name": p.name, "prompt": p.positive, "negative_prompt": p.negative} for p in presets]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=4) + "\n", encoding="utf-8")


def read_styles(path: Path) -> list[StylePreset]:
    """By extension: `.csv` is A1111, `.json` is Fooocus."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_a1111_styles(path)
    if suffix == ".json":
        return read_fooocus_styles(path)
    raise FormatError(str(path), "style files are .csv (Automatic1111) or .json (Fooocus)")
