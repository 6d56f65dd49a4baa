"""Excel with openpyxl: a Summary sheet with the key figures, one sheet per table with
typed cells (numbers, dates, money and percent formats), one sheet per chart holding its
data and a native Excel chart, and contact sheets with embedded thumbnails."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.drawing.image import Image as XlImage
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.reports import cells
from desktop.core.reports.document import Cell, Chart, ContactSheet, ReportDoc, Table
from desktop.core.reports.images import thumbnail_jpeg

FORMATS = {
    Cell.INT: "#,##0", Cell.NUMBER: "#,##0.00", Cell.USD: '"$"#,##0.00##', Cell.USD_PER_IMAGE: '"$"#,##0.0000',
    Cell.PERCENT: "0.0%", Cell.MS: '#,##0" ms"', Cell.SECONDS: '#,##0.0" s"', Cell.PER_HOUR: "#,##0.0",
    Cell.HOURS: '#,##0.0" h"', Cell.SCORE: "0.00", Cell.DATE: "yyyy-mm-dd", Cell.DATETIME: "yyyy-mm-dd hh:mm",
}
HEAD_FILL = PatternFill("solid", fgColor="EEF2F7")
BOLD = Font(bold=True)


def excel_value(value: object, cell: Cell, tz: int) -> object:
    """The typed value Excel stores: percent as a fraction, times as naive local datetimes."""
    if value is None:
        return None
    if cell is Cell.PERCENT and isinstance(value, int | float):
        return value / 100
    if cell is Cell.DATETIME and isinstance(value, int | float):
        return cells.to_datetime(value, tz).replace(tzinfo=None)
    if cell is Cell.INT and isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, date | int | float | str):
        return value
    return str(value)


class _Names:
    """Unique Excel sheet names (31 characters, no []:*?/\\)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, title: str) -> str:
        base = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:28] or "Sheet"
        name, n = base, 2
        while name.lower() in self.used:
            name = f"{base[:26]} {n}"
            n += 1
        self.used.add(name.lower())
        return name


def render(doc: ReportDoc, out: Path) -> None:
    wb = Workbook()
    names = _Names()
    summary = wb.active
    summary.title = names("Summary")
    _summary(summary, doc)
    for section in doc.sections:
        for t in section.tables:
            _table(wb.create_sheet(names(t.title)), t, doc.tz_offset_s, f"{section.title}: {t.title}")
        for c in section.charts:
            if not c.data.empty:
                _chart(wb.create_sheet(names(f"Chart {c.data.title}")), c)
        for sheet in section.sheets:
            _contact(wb.create_sheet(names(sheet.title)), sheet, doc)
    wb.properties.title = doc.title
    wb.properties.creator = "Batch Image Generator"
    wb.save(out)


def _summary(ws: Worksheet, doc: ReportDoc) -> None:
    ws.append([doc.title])
    ws["A1"].font = Font(bold=True, size=16)
    ws.append([doc.subtitle])
    ws.append(["Period", doc.period])
    ws.append(["Generated", cells.to_datetime(doc.generated_at, doc.tz_offset_s).replace(tzinfo=None)])
    ws["B4"].number_format = FORMATS[Cell.DATETIME]
    ws.append(["Template", doc.template])
    ws.append([])
    ws.append(["Section", "Figure", "Value", "As text", "Note"])
    for c in ws[ws.max_row]:
        c.font, c.fill = BOLD, HEAD_FILL
    for section in doc.sections:
        for k in section.kpis:
            ws.append([section.title, k.label, excel_value(k.value, k.type, doc.tz_offset_s), k.text, k.note])
            ws.cell(ws.max_row, 3).number_format = FORMATS.get(k.type, "General")
        for p in section.paragraphs:
            if p.startswith("not available"):
                ws.append([section.title, "", None, p])
    for col, width in zip("ABCDE", (28, 34, 16, 22, 50), strict=True):
        ws.column_dimensions[col].width = width


def _table(ws: Worksheet, t: Table, tz: int, title: str) -> None:
    ws.append([c.label for c in t.columns])
    for c in ws[1]:
        c.font, c.fill = BOLD, HEAD_FILL
    for row in t.rows:
        ws.append([excel_value(v, c.type, tz) for c, v in zip(t.columns, row, strict=True)])
    for i, c in enumerate(t.columns, start=1):
        fmt = FORMATS.get(c.type)
        letter = get_column_letter(i)
        if fmt:
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.number_format = fmt
        longest = max([len(c.label)] + [len(str(r[i - 1] or "")) for r in t.rows[:200]])
        ws.column_dimensions[letter].width = min(max(longest + 2, 10), 60)
    ws.freeze_panes = "A2"
    if t.rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(t.columns))}{len(t.rows) + 1}"
    if t.note:
        ws.cell(len(t.rows) + 3, 1, t.note).font = Font(italic=True, color="777777")
    ws.sheet_properties.tabColor = "4C78A8"
    ws.oddHeader.center.text = title


def _chart(ws: Worksheet, chart: Chart) -> None:
    data = chart.data
    ws.append(["Category", *[s.name for s in data.series]])
    for c in ws[1]:
        c.font, c.fill = BOLD, HEAD_FILL
    percent = data.unit.value == "percent"
    for i, cat in enumerate(data.categories):
        row = [s.values[i] for s in data.series]
        ws.append([cat, *[(v / 100 if percent and v is not None else v) for v in row]])
    fmt = FORMATS.get(Cell.of_unit(data.unit), "General")
    for row in ws.iter_rows(min_row=2, min_col=2):
        for cell in row:
            cell.number_format = fmt
    ws.column_dimensions["A"].width = 24
    n = len(data.categories)
    if data.kind == "line":
        xl = LineChart()
    else:
        xl = BarChart()
        xl.type = "bar" if data.kind == "hbar" else "col"
        if data.kind == "stacked_bar":
            xl.grouping, xl.overlap = "stacked", 100
    xl.title = data.title
    xl.y_axis.title = data.y_label or data.unit.symbol or ""
    xl.height, xl.width = 9, 22
    values = Reference(ws, min_col=2, max_col=1 + len(data.series), min_row=1, max_row=n + 1)
    xl.add_data(values, titles_from_data=True)
    xl.set_categories(Reference(ws, min_col=1, min_row=2, max_row=n + 1))
    ws.add_chart(xl, f"{get_column_letter(len(data.series) + 3)}2")


def _contact(ws: Worksheet, sheet: ContactSheet, doc: ReportDoc) -> None:
    head = ["Thumbnail", "Image", "Prompt", "Provider", "Model", "Decision", "Brand check", "Created"]
    if doc.show_costs:
        head.append("Cost")
    ws.append(head)
    for c in ws[1]:
        c.font, c.fill = BOLD, HEAD_FILL
    for i, item in enumerate(sheet.items, start=2):
        row = [None, item.asset_id, item.prompt, item.provider, item.model, item.decision, item.brand_check,
               excel_value(item.created_at or None, Cell.DATETIME, doc.tz_offset_s)]
        if doc.show_costs:
            row.append(item.cost_usd)
        ws.append(row)
        ws.cell(i, 8).number_format = FORMATS[Cell.DATETIME]
        if doc.show_costs:
            ws.cell(i, 9).number_format = FORMATS[Cell.USD]
        ws.cell(i, 3).alignment = Alignment(wrap_text=True, vertical="top")
        data = thumbnail_jpeg(item.image, 96)
        if data:
            pic = XlImage(io.BytesIO(data))
            ws.add_image(pic, f"A{i}")
            ws.row_dimensions[i].height = 76
    for col, width in zip("ABCDEFGHI", (15, 8, 50, 12, 16, 10, 11, 17, 9), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
