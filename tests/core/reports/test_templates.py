"""Templates choose what goes in: brief trims, client drops every money figure."""

from __future__ import annotations

import json

import pytest

from desktop.core.analytics.filters import Filter
from desktop.core.analytics.roi import RoiInputs
from desktop.core.reports.request import Format, ReportRequest
from desktop.core.reports.templates import Template
from tests.core.reports.readers import pdf_text

MONEY = {"usd", "usd_per_image"}


def _json(reports, tmp_path, kind: str, template: Template, **flt) -> dict:
    request = ReportRequest(kind, Format.JSON, template, Filter(**flt), monthly_budget_usd=5.0,
                            roi=RoiInputs(0.5, 40.0))
    return json.loads(reports.generate(request, tmp_path / f"{kind}-{template}.json").path.read_text("utf-8"))


@pytest.mark.parametrize("kind", ["usage", "providers", "project", "batch", "failures", "forecast", "audit"])
def test_client_reports_carry_no_money(reports, tmp_path, kind: str) -> None:
    flt = {"project": {"project_id": 10}, "batch": {"batch_id": 1}}.get(kind, {})
    doc = _json(reports, tmp_path, kind, Template.CLIENT, **flt)
    assert doc["report"]["show_costs"] is False
    for section in doc["sections"]:
        assert not [k for k in section["kpis"] if k["type"] in MONEY], section["key"]
        for table in section["tables"]:
            assert not [c for c in table["columns"] if c["type"] in MONEY], table["key"]
        assert not [c for c in section["charts"] if c["unit"] in MONEY]
        for sheet in section["contact_sheets"]:
            assert all("cost_usd" not in i for i in sheet["items"])
        assert section["key"] not in ("spend", "prices", "estimates", "roi", "spend_forecast", "glossary_costs")
    assert "$" not in json.dumps([s["paragraphs"] for s in doc["sections"]], ensure_ascii=False)


def test_a_client_pdf_shows_no_dollar_sign(reports, tmp_path) -> None:
    for kind, flt in (("usage", Filter()), ("batch", Filter(batch_id=1))):
        out = reports.generate(ReportRequest(kind, Format.PDF, Template.CLIENT, flt), tmp_path / f"{kind}.pdf").path
        text = pdf_text(out)
        assert "$" not in text and "Spend" not in text
    detailed = reports.generate(ReportRequest("usage", Format.PDF, Template.DETAILED), tmp_path / "d.pdf").path
    assert "$0.16" in pdf_text(detailed)  # the same report with costs does show them


def test_brief_keeps_the_headline_and_drops_detail(reports, tmp_path) -> None:
    brief = _json(reports, tmp_path, "usage", Template.BRIEF)
    detailed = _json(reports, tmp_path, "usage", Template.DETAILED)
    keys = [s["key"] for s in brief["sections"]]
    assert keys == ["summary", "spend", "volume"]
    assert {"projects", "estimates", "glossary"} <= {s["key"] for s in detailed["sections"]}
    tables = {t["key"] for s in brief["sections"] for t in s["tables"]}
    assert "by_day" not in tables and "by_model" not in tables and "by_provider" in tables


def test_brief_tables_keep_their_top_rows_and_say_so(reports, tmp_path) -> None:
    from desktop.core.reports.document import Cell, Column, ReportDoc, Section, Table
    from desktop.core.reports.templates import apply

    table = Table("t", "T", [Column("n", "N", Cell.INT), Column("cost", "Cost", Cell.USD)],
                  [[i, i / 10] for i in range(25)], brief_rows=10)
    doc = ReportDoc("x", "X", "", "", 0.0, "", [Section("s", "S", tables=[table])])
    brief = apply(doc, Template.BRIEF).sections[0].tables[0]
    assert len(brief.rows) == 10 and brief.note == "Top 10 of 25 rows."
    client = apply(doc, Template.CLIENT).sections[0].tables[0]
    assert [c.key for c in client.columns] == ["n"] and client.rows[3] == [3]
    assert len(doc.sections[0].tables[0].rows) == 25  # the original is untouched
