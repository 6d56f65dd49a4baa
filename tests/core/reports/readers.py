"""Reading generated reports back, one function per format, for the tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.core.reports.render_csv import read_blocks


def pdf_text(path: Path) -> str:
    """The text of every page, and once more with line breaks removed (table cells wrap)."""
    text = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    return text + "\n" + text.replace("\n", "")


def pdf_fonts(path: Path) -> dict[str, bool]:
    """Font name -> whether its glyphs are embedded in the file."""
    out: dict[str, bool] = {}
    for page in PdfReader(str(path)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            name = str(font.get("/BaseFont"))
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            desc = desc.get_object() if desc else {}
            out[name] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return out


def html_problems(text: str) -> list[str]:
    """Anything that would make an HTML report fetch something or run something."""
    problems = []
    if re.search(r"<script", text, re.I):
        problems.append("script")
    if re.search(r"<link\b", text, re.I):
        problems.append("link")
    for src in re.findall(r'\b(?:src|href)="([^"]*)"', text):
        if not src.startswith(("data:", "#")):
            problems.append(f"external {src}")
    for url in re.findall(r"url\(([^)]*)\)", text):
        problems.append(f"css url {url}")
    outside = [u for u in re.findall(r"https?://[^\s\"'<]+", text) if u != "http://www.w3.org/2000/svg"]
    problems += [f"address {u}" for u in outside]
    return problems


def text_of(path: Path) -> str:
    """All the text of a report in any format, for "does it mention X" checks."""
    suffix = path.suffix
    if suffix == ".pdf":
        return pdf_text(path)
    if suffix == ".xlsx":
        wb = load_workbook(path)
        return "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                         if c.value is not None)
    if suffix == ".csv":
        return "\n".join("\t".join(r) for rows in read_blocks(path).values() for r in rows) + "\n" + "\n".join(read_blocks(path))
    if suffix == ".json":
        return json.dumps(json.loads(path.read_text("utf-8")), ensure_ascii=False)
    return path.read_text("utf-8")
