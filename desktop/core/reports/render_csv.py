"""CSV: every table (KPIs, tables, chart data, contact sheets) one after another in one
UTF-8 file with a byte-order mark (so Excel opens Chinese correctly). Each block starts
with a line `# <section> / <table>`, then a header row, then the rows, then a blank line;
numbers are plain (no currency signs), times ISO 8601.
"""

from __future__ import annotations

import csv
from pathlib import Path

from desktop.core.reports.cells import header, plain, relative
from desktop.core.reports.document import ReportDoc

MARK = "# "


def render(doc: ReportDoc, out: Path) -> None:
    tz = doc.tz_offset_s
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([f"{MARK}{doc.title}", doc.subtitle, doc.period])
        w.writerow([])
        for s in doc.sections:
            if s.kpis:
                w.writerow([f"{MARK}{s.title} / Key figures"])
                w.writerow(["Figure", "Value", "Type", "Text"])
                for k in s.kpis:
                    w.writerow([k.label, _cell(plain(k.value, k.type, tz)), k.type.value, k.text])
                w.writerow([])
            for t in s.tables:
                w.writerow([f"{MARK}{s.title} / {t.title}"])
                w.writerow([header(c.label, c.type) for c in t.columns])
                for row in t.rows:
                    w.writerow([_cell(plain(v, c.type, tz)) for c, v in zip(t.columns, row, strict=True)])
                w.writerow([])
            for c in s.charts:
                w.writerow([f"{MARK}{s.title} / Chart: {c.data.title}"])
                w.writerow(["Category", *[x.name for x in c.data.series]])
                for i, cat in enumerate(c.data.categories):
                    w.writerow([cat, *[_cell(None if x.values[i] is None else round(x.values[i], 6))
                                       for x in c.data.series]])
                w.writerow([])
            for sheet in s.sheets:
                w.writerow([f"{MARK}{s.title} / {sheet.title}"])
                cols = ["Image", "File", "Prompt", "Provider", "Model", "Decision", "Brand check"]
                w.writerow(cols + (["Cost (USD)"] if doc.show_costs else []))
                for i in sheet.items:
                    row = [i.asset_id, relative(i.image, doc.library) or "", i.prompt, i.provider, i.model,
                           i.decision, i.brand_check]
                    w.writerow(row + ([round(i.cost_usd, 6)] if doc.show_costs else []))
                w.writerow([])
            if not (s.kpis or s.tables or s.charts or s.sheets) and s.paragraphs:
                w.writerow([f"{MARK}{s.title}"])
                for p in s.paragraphs:
                    w.writerow([p])
                w.writerow([])


def _cell(value: object) -> object:
    return "" if value is None else value


def read_blocks(path: Path) -> dict[str, list[list[str]]]:
    """Parse a report CSV back into blocks by title (header row first): for tests and tools."""
    blocks: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.reader(fh):
            if row and row[0].startswith(MARK):
                current = blocks.setdefault(row[0][len(MARK):], [])
            elif not row:
                current = None
            elif current is not None:
                current.append(row)
    return blocks
