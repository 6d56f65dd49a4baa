"""Every report type in every format, generated from the known store and read back."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from desktop.core.analytics.filters import Filter
from desktop.core.analytics.roi import RoiInputs
from desktop.core.reports.catalog import REPORT_TYPES
from desktop.core.reports.render_csv import read_blocks
from desktop.core.reports.request import Format, ReportRequest
from tests.core.reports.readers import html_problems, pdf_text, text_of

CAT = "一隻在雨中的貓，水彩風格"  # J1's prompt, batch 1, project 10
FILTERS = {"project": Filter(project_id=10), "batch": Filter(batch_id=1)}
MUST_MENTION = {
    "usage": ["Usage and cost summary", "openai", "stability"],
    "providers": ["Provider comparison", "Latency p50", "gpt-image-1"],
    "project": ["春季型錄", CAT, "a red fox in snow"],
    "batch": ["封面 batch", CAT, "城市夜景，霓虹燈"],
    "failures": ["Failure analysis", "content_refused", "內容被拒絕 (moderation)"],
    "forecast": ["Forecast", "not enough history"],
    "audit": ["Audit extract", "封面候選", "小美"],
}


def _request(kind: str, fmt: Format, **extra) -> ReportRequest:
    return ReportRequest(kind, fmt, filter=FILTERS.get(kind, Filter()), roi=RoiInputs(0.5, 40.0), **extra)


def test_every_type_is_covered() -> None:
    assert {t.key for t in REPORT_TYPES} == set(MUST_MENTION)


@pytest.mark.parametrize("fmt", list(Format))
@pytest.mark.parametrize("kind", list(MUST_MENTION))
def test_every_type_in_every_format_reads_back(reports, tmp_path, kind: str, fmt: Format) -> None:
    steps: list[float] = []
    out = tmp_path / f"{kind}.{fmt.value}"
    result = reports.generate(_request(kind, fmt), out, lambda f, _m: steps.append(f))
    assert result.path == out and out.stat().st_size == result.bytes > 0
    assert steps[0] == 0.0 and steps[-1] == 1.0 and steps == sorted(steps)
    text = text_of(out)
    for needle in MUST_MENTION[kind]:
        assert needle in text, f"{kind}.{fmt.value} lacks {needle!r}"
    if fmt is Format.HTML:
        assert html_problems(out.read_text("utf-8")) == []
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, nothing left behind


def test_usage_json_holds_the_exact_numbers(reports, tmp_path) -> None:
    out = reports.generate(_request("usage", Format.JSON, monthly_budget_usd=1.0), tmp_path / "u.json").path
    doc = json.loads(out.read_text("utf-8"))
    sections = {s["key"]: s for s in doc["sections"]}
    kpis = {k["label"]: k["value"] for k in sections["summary"]["kpis"]}
    assert kpis["Images made"] == 5 and kpis["Spend"] == 0.16 and kpis["Success rate"] == 75.0
    assert kpis["Cost per accepted image"] == 0.08 and kpis["Spend this month vs budget"] == 0.16
    by_provider = {r["provider"]: r for r in sections["spend"]["tables"][0]["rows"]}
    assert by_provider["openai"] == {"provider": "openai", "images_made": 3, "provider_calls": 7,
                                     "call_success_rate": pytest.approx(300 / 7), "spend": 0.13,
                                     "spend_actual": 0.13, "spend_estimated": 0.0,
                                     "cost_per_image": pytest.approx(0.043333, abs=1e-6)}
    chart = sections["spend"]["charts"][0]
    assert chart["kind"] == "stacked_bar" and chart["categories"] == ["2026-11-02", "2026-11-03", "2026-11-04"]
    assert doc["report"]["template"] == "detailed" and doc["report"]["show_costs"] is True


def test_batch_report_has_a_contact_sheet_with_prompts_and_picks(reports, tmp_path, workflow_store) -> None:
    doc = json.loads(reports.generate(_request("batch", Format.JSON), tmp_path / "b.json").path.read_text("utf-8"))
    sheet = next(s for s in doc["sections"] if s["key"] == "images")["contact_sheets"][0]
    items = [(i["prompt"], i["decision"], i["brand_check"], i["image"]) for i in sheet["items"]]
    # In the order they were made: J2's image came before J1's retried call finished.
    assert items == [("a red fox in snow", "reject", "fail", "thumbs/job2.png"), (CAT, "pick", "pass", "thumbs/job1.png")]
    jobs = next(s for s in doc["sections"] if s["key"] == "jobs")["tables"][0]["rows"]
    assert [(j["id"], j["state"]) for j in jobs] == [(1, "succeeded"), (2, "succeeded"), (3, "failed")]
    assert jobs[2]["error"] == "content_refused: stability: 內容被拒絕 (moderation)"
    assert doc["report"]["period"] == "the whole of batch 1"


def test_project_report_lists_decisions_and_brand_checks(reports, tmp_path) -> None:
    doc = json.loads(reports.generate(_request("project", Format.JSON), tmp_path / "p.json").path.read_text("utf-8"))
    sections = {s["key"]: s for s in doc["sections"]}
    decisions = sections["decisions"]["tables"][0]["rows"]
    assert [(d["prompt"], d["decision"], d["actor"], d["note"]) for d in decisions] == [
        (CAT, "pick", "小美", "封面候選"), ("a red fox in snow", "reject", "小美", "")]
    checks = sections["brand_checks"]["tables"][0]["rows"]
    assert [c["result"] for c in checks] == ["pass", "fail"]
    assert decisions[0]["at"] == "2026-11-07T00:00:00+00:00"
    assert sections["summary"]["title"] == "Project: 春季型錄"


def test_project_report_without_workflow_says_not_available(plain_reports, tmp_path) -> None:
    doc = json.loads(plain_reports.generate(_request("project", Format.JSON), tmp_path / "p.json").path.read_text("utf-8"))
    sections = {s["key"]: s for s in doc["sections"]}
    assert sections["decisions"]["paragraphs"][0].startswith("not available: picks and approvals")
    assert sections["brand_checks"]["paragraphs"][0].startswith("not available: brand checks")


def test_failure_report_ranks_kinds_and_messages(reports, tmp_path) -> None:
    out = reports.generate(_request("failures", Format.CSV), tmp_path / "f.csv").path
    blocks = read_blocks(out)
    kinds = blocks["By error kind / Failures by error kind"]
    assert kinds == [["Error kind", "Failed calls", "Jobs failed", "Retried automatically"],
                     ["transient", "3", "1", "yes"], ["content_refused", "1", "1", "no"],
                     ["rate_limited", "1", "0", "yes"]]
    messages = blocks["Most frequent error messages / Error messages"]
    assert messages[1][:5] == ["transient", "openai", "openai: HTTP 5xx", "3", "1"]


def test_audit_report_without_accounts_still_lists_batches(plain_reports, tmp_path) -> None:
    out = plain_reports.generate(_request("audit", Format.CSV), tmp_path / "a.csv").path
    blocks = read_blocks(out)
    assert blocks["Audit log"][0][0].startswith("not available: the audit log (accounts)")
    batches = blocks["Batches run / Batches run"]
    assert [r[0] for r in batches[1:]] == ["1", "2", "3"] and batches[1][5:8] == ["3", "2", "1"]


def test_xlsx_has_typed_cells_a_sheet_per_table_and_native_charts(reports, tmp_path) -> None:
    out = reports.generate(_request("usage", Format.XLSX), tmp_path / "u.xlsx").path
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Summary" and "By provider" in wb.sheetnames and "By day" in wb.sheetnames
    ws = wb["By provider"]
    header = [c.value for c in ws[1]]
    openai = next(row for row in ws.iter_rows(min_row=2, values_only=True) if row[0] == "openai")
    assert openai[header.index("Images made")] == 3 and isinstance(openai[header.index("Images made")], int)
    assert openai[header.index("Spend")] == pytest.approx(0.13)
    rate = ws.cell(2 + [r[0] for r in ws.iter_rows(min_row=2, values_only=True)].index("openai"),
                   header.index("Call success rate") + 1)
    assert rate.value == pytest.approx(3 / 7) and rate.number_format == "0.0%"
    day = wb["By day"]["A2"]
    assert day.is_date and day.value.date().isoformat() == "2026-11-02"
    charts = [ws for ws in wb.worksheets if ws.title.startswith("Chart")]
    assert charts and all(len(ws._charts) == 1 for ws in charts)
    summary = {row[1]: row[2] for row in wb["Summary"].iter_rows(min_row=8, values_only=True) if row[1]}
    assert summary["Images made"] == 5 and summary["Success rate"] == pytest.approx(0.75)


def test_pdf_keeps_chinese_prompts_as_text(reports, tmp_path) -> None:
    text = pdf_text(reports.generate(_request("batch", Format.PDF), tmp_path / "b.pdf").path)
    assert CAT in text and "城市夜景，霓虹燈" in text and "內容被拒絕" in text


def test_html_draws_charts_inline_and_embeds_thumbnails(reports, tmp_path) -> None:
    html = reports.generate(_request("batch", Format.HTML), tmp_path / "b.html").path.read_text("utf-8")
    assert html.count('src="data:image/jpeg;base64,') == 2  # J1's and J2's images
    usage = reports.generate(_request("usage", Format.HTML), tmp_path / "u.html").path.read_text("utf-8")
    assert usage.count("<svg") == 2 and "Spend over time by provider" in usage


def test_a_progress_callback_can_cancel_and_nothing_is_written(reports, tmp_path) -> None:
    from desktop.core.reports.request import ReportCancelled

    def cancel_midway(fraction: float, _message: str) -> None:
        if fraction > 0.5:
            raise ReportCancelled("cancelled by the user")

    with pytest.raises(ReportCancelled):
        reports.generate(_request("usage", Format.PDF), tmp_path / "u.pdf", cancel_midway)
    assert not (tmp_path / "u.pdf").exists() and not list(tmp_path.glob(".u.pdf.*"))


def test_an_unknown_type_is_refused_with_the_known_ones(reports, tmp_path) -> None:
    from desktop.core.reports.request import ReportError

    with pytest.raises(ReportError, match="unknown report type 'nope'; known: usage, providers"):
        reports.generate(ReportRequest("nope", Format.JSON), tmp_path / "x.json")
