"""HTML: one self-contained file — styles inline, charts as inline SVG, thumbnails as
data: URIs — that opens offline and can be mailed as is. No scripts, no links out."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from desktop.core.reports import cells
from desktop.core.reports.document import ContactSheet, ReportDoc, Section, Table
from desktop.core.reports.images import thumbnail_jpeg
from desktop.core.reports.render_svg import svg

STYLE = """
body{font-family:'Noto Sans TC','PingFang TC','Microsoft JhengHei',system-ui,sans-serif;margin:32px;color:#222;max-width:1100px}
h1{margin:0 0 4px;font-size:26px} .sub{color:#666;margin:0 0 24px}
h2{border-bottom:2px solid #4C78A8;padding-bottom:4px;margin-top:36px;font-size:19px}
.kpis{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.kpi{border:1px solid #ddd;border-radius:8px;padding:10px 14px;min-width:150px}
.kpi .v{font-size:20px;font-weight:bold} .kpi .l{color:#666;font-size:12px} .kpi .n{color:#999;font-size:11px}
table{border-collapse:collapse;margin:8px 0 4px;font-size:13px} caption{text-align:left;font-weight:bold;padding:4px 0}
th,td{border-bottom:1px solid #e4e4e4;padding:4px 10px;text-align:left;vertical-align:top}
th{background:#f3f6fa} td.n{text-align:right;font-variant-numeric:tabular-nums}
.note{color:#777;font-size:12px;margin:2px 0 12px} .empty{color:#999}
.sheet{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:12px}
.card{border:1px solid #ddd;border-radius:6px;padding:6px;font-size:12px;break-inside:avoid}
.card img{width:100%;height:auto;display:block;border-radius:4px} .card .p{margin:4px 0;overflow-wrap:anywhere}
.card .m{color:#777} .pick{color:#1b7f3b;font-weight:bold} .reject{color:#b00020}
.ph{background:#eee;height:150px;display:flex;align-items:center;justify-content:center;color:#999}
"""


def render(doc: ReportDoc, out: Path) -> None:
    parts = [
        "<!DOCTYPE html>", '<html lang="zh-Hant"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(doc.title)}</h1>",
        f'<p class="sub">{escape(doc.subtitle)} · {escape(doc.period)} · generated '
        f'{cells.to_datetime(doc.generated_at, doc.tz_offset_s):%Y-%m-%d %H:%M} · template {escape(doc.template)}</p>',
    ]
    for section in doc.sections:
        parts.append(_section(section, doc))
    parts.append("</body></html>")
    out.write_text("\n".join(parts), encoding="utf-8")


def _section(s: Section, doc: ReportDoc) -> str:
    out = [f'<section id="{escape(s.key)}"><h2>{escape(s.title)}</h2>']
    out += [f"<p>{escape(p)}</p>" for p in s.paragraphs]
    if s.kpis:
        out.append('<div class="kpis">')
        for k in s.kpis:
            note = f'<div class="n">{escape(k.note)}</div>' if k.note and k.value is not None else ""
            out.append(f'<div class="kpi"><div class="l">{escape(k.label)}</div>'
                       f'<div class="v">{escape(k.text)}</div>{note}</div>')
        out.append("</div>")
    out += [svg(c.data) for c in s.charts]
    out += [_table(t, doc.tz_offset_s) for t in s.tables]
    out += [_sheet(sh, doc) for sh in s.sheets]
    out.append("</section>")
    return "\n".join(out)


def _table(t: Table, tz: int) -> str:
    head = "".join(f"<th>{escape(cells.header(c.label, c.type))}</th>" for c in t.columns)
    body = []
    for row in t.rows:
        tds = []
        for c, v in zip(t.columns, row, strict=True):
            cls = ' class="n"' if c.type.value not in ("text", "date", "datetime") else ""
            tds.append(f"<td{cls}>{escape(cells.text(v, c.type, tz))}</td>")
        body.append(f"<tr>{''.join(tds)}</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(t.columns)}" class="empty">no rows</td></tr>')
    note = f'<p class="note">{escape(t.note)}</p>' if t.note else ""
    return (f"<table><caption>{escape(t.title)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>{note}")


def _sheet(sheet: ContactSheet, doc: ReportDoc) -> str:
    out = [f"<h3>{escape(sheet.title)} ({len(sheet.items)})</h3>"]
    if sheet.note:
        out.append(f'<p class="note">{escape(sheet.note)}</p>')
    out.append('<div class="sheet">')
    for item in sheet.items:
        data = thumbnail_jpeg(item.image)
        pic = (f'<img alt="image {item.asset_id}" src="data:image/jpeg;base64,{base64.b64encode(data).decode()}">'
               if data else '<div class="ph">no thumbnail</div>')
        decision = ""
        if item.decision:
            cls = "reject" if item.decision.lower().startswith("rej") else "pick"
            decision = f'<span class="{cls}">{escape(item.decision)}</span> '
        check = f" · brand {escape(item.brand_check)}" if item.brand_check else ""
        cost = f" · ${item.cost_usd:.3f}" if doc.show_costs and item.cost_usd else ""
        out.append(f'<div class="card">{pic}<div class="p">{decision}{escape(item.prompt)}</div>'
                   f'<div class="m">#{item.asset_id} · {escape(item.provider)}/{escape(item.model)}{cost}{check}</div></div>')
    if not sheet.items:
        out.append('<p class="empty">No images.</p>')
    out.append("</div>")
    return "\n".join(out)
