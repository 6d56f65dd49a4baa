"""The Analytics tab's data: KPI tiles and every chart's series over the known store."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from desktop.core.analytics.filters import Filter
from desktop.core.analytics.service import AnalyticsService
from tests.core.analytics.known_data import D1, DAY, missing_contract


def _service(store, now: float = D1 + 3 * DAY, contract=None) -> AnalyticsService:
    return AnalyticsService(store.db, clock=lambda: now, contract=contract)


def test_kpi_tiles_hold_the_headline_numbers(workflow_store) -> None:
    dash = _service(workflow_store).dashboard(Filter(), monthly_budget_usd=2.0)
    month = dash.kpi("spend_this_month")
    assert month.value == pytest.approx(0.16) and month.target == 2.0
    assert month.fraction == pytest.approx(0.08)
    assert month.text == "$0.16 of $2.00"
    assert dash.kpi("images_made").value == 5
    assert dash.kpi("success_rate").text == "75.0%"
    assert dash.kpi("cost_per_accepted_image").value == pytest.approx(0.08)
    assert dash.kpi("cache_savings").text == "$0.035"
    assert dash.notes == []


def test_spend_this_month_ignores_the_range_but_keeps_the_dimensions(known_store) -> None:
    dash = _service(known_store).dashboard(Filter(provider="stability", start=D1 + 2 * DAY))
    assert dash.kpi("spend_this_month").value == pytest.approx(0.03)
    assert dash.kpi("spend_this_month").note == "no monthly budget set"
    assert dash.kpi("spend").value == 0  # nothing from stability on Nov 4


def test_cost_over_time_is_stacked_by_provider_with_every_day(known_store) -> None:
    chart = _service(known_store).dashboard(Filter.for_dates(date(2026, 11, 1), date(2026, 11, 5))).cost_by_provider
    assert chart.kind == "stacked_bar" and chart.unit.value == "usd"
    assert chart.categories == ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"]
    series = {s.name: [round(v, 6) for v in s.values] for s in chart.series}
    assert series == {"openai": [0, 0.08, 0, 0.05, 0], "stability": [0, 0, 0.03, 0, 0]}


def test_images_and_failures_over_time(known_store) -> None:
    chart = _service(known_store).dashboard(Filter()).images_and_failures
    assert chart.x_dates == [date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)]
    assert {s.name: s.values for s in chart.series} == {
        "Images made": [2, 1, 2], "Failed calls": [2, 3, 0], "Jobs failed": [1, 1, 0]}


def test_success_rate_per_model_and_failures_by_kind(known_store) -> None:
    dash = _service(known_store).dashboard(Filter())
    success = dict(zip(dash.success_by_model.categories, dash.success_by_model.series[0].values, strict=True))
    assert success == {"dall-e-3": 0.0, "gpt-image-1": 75.0, "sd3": 50.0, "sdxl": 100.0}
    failures = dash.failures_by_kind
    assert failures.categories == ["transient", "content_refused", "rate_limited"]
    assert [s.values for s in failures.series] == [[1, 1, 0], [3, 1, 1]]


def test_latency_distribution_per_provider(known_store) -> None:
    dash = _service(known_store).dashboard(Filter())
    openai = next(d for d in dash.latency if d.provider == "openai")
    assert (openai.calls, openai.p50_ms, openai.p95_ms) == (3, 2000, 4000)
    assert [n for _, _, n in openai.bins][:4] == [0, 1, 2, 0]  # 1000 ms in 1-2 s; 2000, 4000 in 2-5 s
    assert dash.latency_chart.kind == "histogram" and len(dash.latency_chart.series) == 3


def test_top_prompts_and_styles_by_picks(workflow_store) -> None:
    dash = _service(workflow_store).dashboard(Filter())
    assert [(t.label, t.accepted) for t in dash.top_prompts] == [
        ("portrait of a designer", 1), ("一隻在雨中的貓，水彩風格", 1)]
    assert [(t.label, t.accepted) for t in dash.top_styles] == [("photo", 1), ("watercolor", 1)]


def test_without_the_workflow_the_dashboard_says_what_is_not_available(known_store) -> None:
    dash = _service(known_store, contract=missing_contract()).dashboard(Filter())
    assert dash.top_prompts == [] and dash.top_prompts_chart.empty
    assert dash.kpi("cost_per_accepted_image").text.startswith("not available")
    assert any("absent_decisions" in n for n in dash.notes)


def test_an_empty_library_gives_an_empty_dashboard(library_dir) -> None:
    from desktop.core.store.database import Database

    db = Database(library_dir / "library.db").open()
    dash = AnalyticsService(db, clock=lambda: D1).dashboard(Filter())
    assert dash.kpi("images_made").value == 0
    assert dash.cost_by_provider.empty and dash.latency == []
    db.close()


def test_sync_backlog_counts_the_outbox_whatever_the_filter(known_store) -> None:
    with known_store.db.engine_or_raise().begin() as conn:
        conn.execute(text("INSERT INTO sync_destinations (id, name, url, options_json, created_at, manifest_seq)"
                          " VALUES (1, 'nas', 's3://b/p', '{}', 0, 0)"))
        conn.execute(text("INSERT OR IGNORE INTO sync_outbox (destination_id, asset_id, op, gen, attempts, next_attempt_at,"
                          " created_at) SELECT 1, id, 'put', 1, 0, 0, 0 FROM assets"))
    service = _service(known_store)
    assert service.values(["sync_backlog"], Filter())["sync_backlog"].value == 5
    assert service.values(["sync_backlog"], Filter(project_id=10, start=D1 + 9 * DAY))["sync_backlog"].value == 5


def test_filter_options_list_what_the_library_holds(workflow_store) -> None:
    options = _service(workflow_store).filter_options()
    assert options.providers == ["a1111", "openai", "stability"]
    assert options.models == ["dall-e-3", "gpt-image-1", "sd3", "sdxl"]
    assert options.projects == [(20, "Landscapes"), (10, "春季型錄")]
    assert (1, "小美") in options.profiles and options.batches[0] == (3, "misc")
