"""The three templates: brief (the headline numbers, top rows, main charts), detailed
(everything), client (everything except money: no spend, costs, budgets or prices)."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from desktop.core.reports.document import Level, ReportDoc, Section, Table


class Template(StrEnum):
    BRIEF = "brief"
    DETAILED = "detailed"
    CLIENT = "client"


def apply(doc: ReportDoc, template: Template) -> ReportDoc:
    """A copy of `doc` holding what the template shows."""
    brief = template is Template.BRIEF
    client = template is Template.CLIENT
    sections = []
    for section in doc.sections:
        if (brief and section.level is Level.DETAILED) or (client and section.cost):
            continue
        trimmed = _trim(section, brief=brief, client=client)
        if not trimmed.empty:
            sections.append(trimmed)
    return replace(doc, sections=sections, template=template.value, show_costs=not client)


def _trim(section: Section, *, brief: bool, client: bool) -> Section:
    kpis = [k for k in section.kpis if not (client and k.cost)]
    charts = [c for c in section.charts
              if not (client and c.cost) and not (brief and c.level is Level.DETAILED)]
    tables = []
    for table in section.tables:
        if brief and table.level is Level.DETAILED:
            continue
        tables.append(_trim_table(table, brief=brief, client=client))
    sheets = []
    for sheet in section.sheets:
        if brief and sheet.level is Level.DETAILED:
            continue
        items = sheet.items[: sheet.brief_items] if brief else sheet.items
        if client:
            items = [replace(i, cost_usd=0.0) for i in items]
        sheets.append(replace(sheet, items=items))
    return replace(section, kpis=kpis, charts=charts, tables=[t for t in tables if t.columns], sheets=sheets)


def _trim_table(table: Table, *, brief: bool, client: bool) -> Table:
    keep = [i for i, c in enumerate(table.columns) if not (client and c.cost)]
    if client and keep and all(table.columns[i].type.value == "text" for i in keep) and len(keep) < len(table.columns):
        keep = []  # only labels would be left: the table was about money
    rows = table.rows[: table.brief_rows] if brief else table.rows
    note = table.note
    if brief and len(table.rows) > table.brief_rows:
        note = (note + " " if note else "") + f"Top {table.brief_rows} of {len(table.rows)} rows."
    return replace(table, columns=[table.columns[i] for i in keep],
                   rows=[[row[i] for i in keep] for row in rows], note=note)
