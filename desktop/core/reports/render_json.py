"""JSON: the whole document, rows as objects keyed by column, values typed."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.reports.cells import plain, relative, to_datetime
from desktop.core.reports.document import ReportDoc, Section


def to_dict(doc: ReportDoc) -> dict:
    return {
        "report": {
            "type": doc.type, "title": doc.title, "subtitle": doc.subtitle, "period": doc.period,
            "generated_at": to_datetime(doc.generated_at, doc.tz_offset_s).isoformat(timespec="seconds"),
            "library": doc.library, "template": doc.template, "show_costs": doc.show_costs,
        },
        "sections": [_section(s, doc) for s in doc.sections],
    }


def _section(s: Section, doc: ReportDoc) -> dict:
    tz = doc.tz_offset_s
    return {
        "key": s.key, "title": s.title, "paragraphs": s.paragraphs,
        "kpis": [{"label": k.label, "value": plain(k.value, k.type, tz), "type": k.type.value, "text": k.text,
                  "note": k.note} for k in s.kpis],
        "tables": [{
            "key": t.key, "title": t.title, "note": t.note,
            "columns": [{"key": c.key, "label": c.label, "type": c.type.value} for c in t.columns],
            "rows": [{c.key: plain(v, c.type, tz) for c, v in zip(t.columns, row, strict=True)} for row in t.rows],
        } for t in s.tables],
        "charts": [{
            "key": c.data.key, "title": c.data.title, "kind": c.data.kind, "unit": c.data.unit.value,
            "categories": c.data.categories, "note": c.data.note,
            "series": [{"name": x.name, "values": [None if v is None else round(v, 6) for v in x.values]}
                       for x in c.data.series],
        } for c in s.charts],
        "contact_sheets": [{
            "title": sh.title, "note": sh.note,
            "items": [{
                "asset_id": i.asset_id, "image": relative(i.image, doc.library), "prompt": i.prompt,
                "provider": i.provider, "model": i.model, "decision": i.decision, "brand_check": i.brand_check,
                **({"cost_usd": round(i.cost_usd, 6)} if doc.show_costs else {}),
            } for i in sh.items],
        } for sh in s.sheets],
    }


def render(doc: ReportDoc, out: Path) -> None:
    out.write_text(json.dumps(to_dict(doc), ensure_ascii=False, indent=2), encoding="utf-8")
