"""PDF with reportlab: KPI tiles, charts (vector), tables and contact sheets, every string
set in a CJK-capable font (`pdf_fonts`) so Traditional Chinese prompts print and extract.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.reports import cells
from desktop.core.reports.document import ContactSheet, Kpi, ReportDoc, Section
from desktop.core.reports.document import Table as DocTable
from desktop.core.reports.images import thumbnail_jpeg
from desktop.core.reports.pdf_charts import drawing
from desktop.core.reports.pdf_fonts import FontSet, load_fonts
from desktop.core.reports.request import Progress

MAX_ROWS = 1000  # per table; JSON, CSV and Excel carry every row
BLUE = colors.HexColor("#4C78A8")
GREY = colors.HexColor("#666666")
NUMERIC = {"int", "number", "usd", "usd_per_image", "percent", "ms", "seconds", "per_hour", "hours", "score"}


class _Styles:
    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.base = {
            "title": ParagraphStyle("title", fontSize=20, leading=26, spaceAfter=4),
            "sub": ParagraphStyle("sub", fontSize=9, leading=12, textColor=GREY, spaceAfter=10),
            "h2": ParagraphStyle("h2", fontSize=14, leading=18, textColor=BLUE, spaceBefore=12, spaceAfter=6,
                                 keepWithNext=1),
            "h3": ParagraphStyle("h3", fontSize=11, leading=14, spaceBefore=6, spaceAfter=4, keepWithNext=1),
            "body": ParagraphStyle("body", fontSize=9.5, leading=13, spaceAfter=4),
            "cell": ParagraphStyle("cell", fontSize=8, leading=10),
            "small": ParagraphStyle("small", fontSize=7, leading=9, textColor=GREY),
            "kpi_label": ParagraphStyle("kpi_label", fontSize=7.5, leading=9, textColor=GREY),
            "kpi_value": ParagraphStyle("kpi_value", fontSize=13, leading=16),
        }

    def para(self, text: str, style: str) -> Paragraph:
        base = self.base[style]
        font = self.fonts.pick(text)
        # CJK line breaking may split anywhere, so use it only where there is CJK text.
        cjk = any(ord(c) >= 0x2E80 for c in text)
        return Paragraph(escape(text).replace("\n", "<br/>"),
                         ParagraphStyle(f"{style}-{font}-{cjk}", parent=base, fontName=font,
                                        wordWrap="CJK" if cjk else None))


def render(doc: ReportDoc, out: Path, progress: Progress | None = None, fonts: FontSet | None = None) -> None:
    fonts = fonts or load_fonts()
    st = _Styles(fonts)
    width = A4[0] - 30 * mm
    story: list = [st.para(doc.title, "title"), st.para(
        f"{doc.subtitle} · {doc.period} · generated {cells.to_datetime(doc.generated_at, doc.tz_offset_s):%Y-%m-%d %H:%M}"
        f" · template {doc.template}", "sub")]
    for i, section in enumerate(doc.sections):
        story += _section(section, doc, st, width)
        if progress:
            progress((i + 1) / len(doc.sections), f"laid out {section.title}")

    def footer(canvas, pdf) -> None:  # noqa: ANN001 - reportlab callback
        canvas.saveState()
        text = f"{doc.title} — page {pdf.page}"
        canvas.setFont(fonts.pick(text), 7.5)
        canvas.setFillColor(GREY)
        canvas.drawRightString(A4[0] - 15 * mm, 9 * mm, text)
        canvas.restoreState()

    pdf = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=14 * mm,
                            bottomMargin=16 * mm, title=doc.title, author="Batch Image Generator",
                            subject=doc.subtitle)
    pdf.build(story, onFirstPage=footer, onLaterPages=footer)


def _section(s: Section, doc: ReportDoc, st: _Styles, width: float) -> list:
    out: list = [st.para(s.title, "h2")]
    out += [st.para(p, "body") for p in s.paragraphs]
    if s.kpis:
        out.append(_kpis(s.kpis, st, width))
        out.append(Spacer(1, 6))
    for c in s.charts:
        if c.data.empty:
            out.append(st.para(f"{c.data.title}: no data for this period.", "small"))
        else:
            out.append(KeepTogether([drawing(c.data, st.fonts, width), Spacer(1, 6)]))
    for t in s.tables:
        out += _table(t, doc, st, width)
    for sheet in s.sheets:
        out += _sheet(sheet, doc, st, width)
    return out


def _kpis(kpis: list[Kpi], st: _Styles, width: float) -> Table:
    per_row = 4
    cells_ = [[st.para(k.label, "kpi_label"), st.para(k.text, "kpi_value")] for k in kpis]
    rows = [cells_[i:i + per_row] for i in range(0, len(cells_), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    table = Table(rows, colWidths=[width / per_row] * per_row)
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#DDDDDD")),
        ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#DDDDDD")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def _chars(text: str) -> int:
    """Width in Latin characters: CJK characters take two."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in text)


CHAR_PT = 5.0  # advance of a Latin character at the 8 pt table font, with a margin
PAD_PT = 14.0  # the cell padding reportlab adds (6 pt a side) and a little air


def _widths(t: DocTable, width: float, tz: int) -> list[float]:
    """Every column gets room for its header words and short values (up to 16 characters)
    unbroken; what is left goes to the columns with long text (prompts, messages)."""
    minimum, desire = [], []
    for i, c in enumerate(t.columns):
        head = max((_chars(w) for w in cells.header(c.label, c.type).split()), default=4)
        longest = max((_chars(cells.text(r[i], c.type, tz)) for r in t.rows[:200]), default=4)
        minimum.append(max(head, min(longest, 16), 3) * CHAR_PT + PAD_PT)
        desire.append(max(head, min(longest, 80), 3) * CHAR_PT + PAD_PT)
    if sum(desire) <= width:
        return [width * d / sum(desire) for d in desire]
    if sum(minimum) >= width:
        return [width * m / sum(minimum) for m in minimum]
    spare, extra = width - sum(minimum), [d - m for d, m in zip(desire, minimum, strict=True)]
    return [m + spare * e / sum(extra) for m, e in zip(minimum, extra, strict=True)]


def _table(t: DocTable, doc: ReportDoc, st: _Styles, width: float) -> list:
    tz = doc.tz_offset_s
    head = [st.para(cells.header(c.label, c.type), "cell") for c in t.columns]
    body = []
    for row in t.rows[:MAX_ROWS]:
        body.append([st.para(cells.text(v, c.type, tz), "cell") for c, v in zip(t.columns, row, strict=True)])
    if not body:
        body = [[st.para("no rows", "small")] + [""] * (len(t.columns) - 1)]
    table = Table([head] + body, colWidths=_widths(t, width, tz), repeatRows=1)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEF2F7")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#DDDDDD")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for i, c in enumerate(t.columns):
        if c.type.value in NUMERIC:
            style.append(("ALIGN", (i, 1), (i, -1), "RIGHT"))
    table.setStyle(TableStyle(style))
    note = t.note
    if len(t.rows) > MAX_ROWS:
        note = (note + " " if note else "") + f"First {MAX_ROWS} of {len(t.rows)} rows; the Excel and CSV reports have all."
    out = [st.para(t.title, "h3"), table]
    if note:
        out.append(st.para(note, "small"))
    out.append(Spacer(1, 6))
    return out


def _sheet(sheet: ContactSheet, doc: ReportDoc, st: _Styles, width: float) -> list:
    per_row = 4
    cell_w = width / per_row
    pic_w = cell_w - 8
    items = []
    for item in sheet.items:
        data = thumbnail_jpeg(item.image, 320)
        pic = Image(io.BytesIO(data), width=pic_w, height=pic_w, kind="proportional") if data else st.para("no thumbnail", "small")
        meta = f"#{item.asset_id} · {item.provider}/{item.model}"
        if doc.show_costs and item.cost_usd:
            meta += f" · ${item.cost_usd:.3f}"
        if item.brand_check:
            meta += f" · brand {item.brand_check}"
        parts = [pic]
        if item.decision:
            parts.append(st.para(f"★ {item.decision}" if not item.decision.lower().startswith("rej") else item.decision, "cell"))
        parts += [st.para(item.prompt, "cell"), st.para(meta, "small")]
        items.append(parts)
    out = [st.para(f"{sheet.title} ({len(sheet.items)})", "h3")]
    if sheet.note:
        out.append(st.para(sheet.note, "small"))
    if not items:
        return out + [st.para("No images.", "body")]
    rows = [items[i:i + per_row] for i in range(0, len(items), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    table = Table(rows, colWidths=[cell_w] * per_row)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return out + [table]
