"""The dashboard page of the Analytics tab over the known library: tiles show the exact
numbers, charts get the expected series, the filter narrows them, failures show in place."""

from __future__ import annotations

from datetime import date

import pytest

from tests.ui.analytics.conftest import wait_dashboard


def _tile_text(view, key: str) -> str:
    return view.dashboard.tiles.tiles[key].value.text()


def test_tiles_show_the_headline_numbers_of_the_month(qtbot, view) -> None:
    wait_dashboard(qtbot, view)
    assert view.filter_bar.period_key() == "this_month"
    assert (view.filter_bar.first.date().day(), view.filter_bar.last.date().day()) == (1, 30)
    assert _tile_text(view, "spend_this_month") == "$0.16"
    assert _tile_text(view, "images_made") == "5"
    assert _tile_text(view, "success_rate") == "75.0%"  # 6 of the 8 jobs that ended made an image
    assert _tile_text(view, "cost_per_accepted_image") == "$0.080"  # $0.16 / 2 picks and approvals
    assert _tile_text(view, "cache_savings") == "$0.035"
    assert view.dashboard.tiles.tiles["spend_this_month"].note.text() == "No monthly budget set"


def test_the_budget_typed_on_the_cost_benefit_page_fills_the_spend_tile(qtbot, view, filled) -> None:
    wait_dashboard(qtbot, view)
    view.roi.budget.setValue(2.0)
    view.roi.flush()
    qtbot.waitUntil(lambda: view.dashboard.tiles.tiles["spend_this_month"].note.text() == "8.0% of the $2.00 budget",
                    timeout=10_000)
    assert view.dashboard.tiles.tiles["spend_this_month"].bar.value() == 80
    qtbot.waitUntil(lambda: filled.config_store.load().extra.get("analytics", {}).get("monthly_budget_usd") == 2.0,
                    timeout=5000)


def test_charts_get_the_series_of_the_chosen_days(qtbot, view) -> None:
    wait_dashboard(qtbot, view)
    view.filter_bar.set_period("custom", date(2026, 11, 1), date(2026, 11, 5))
    qtbot.waitUntil(lambda: view.dashboard.charts["cost_by_provider"].categories[:1] == ["2026-11-01"]
                    and len(view.dashboard.charts["cost_by_provider"].categories) == 5, timeout=10_000)
    charts = view.dashboard.charts
    cost = {name: [round(v, 6) for v in values] for name, values in charts["cost_by_provider"].drawn}
    assert cost == {"openai": [0, 0.08, 0, 0.05, 0], "stability": [0, 0, 0.03, 0, 0]}
    assert dict(charts["images_and_failures"].drawn) == {
        "Images made": [0, 2, 1, 2, 0], "Failed calls": [0, 2, 3, 0, 0], "Jobs failed": [0, 1, 1, 0, 0]}
    success = dict(zip(charts["success_by_model"].categories, charts["success_by_model"].drawn[0][1], strict=True))
    assert success == {"dall-e-3": 0.0, "gpt-image-1": 75.0, "sd3": 50.0, "sdxl": 100.0}
    assert [name for name, _ in charts["latency"].drawn] == ["a1111", "openai", "stability"]
    assert charts["top_prompts"].categories == ["portrait of a designer", "一隻在雨中的貓，水彩風格"]
    assert not charts["top_prompts"].plot.isHidden()


def test_days_after_today_are_not_drawn_in_the_current_month(qtbot, view) -> None:
    wait_dashboard(qtbot, view)
    chart = view.dashboard.charts["images_and_failures"]
    assert chart.categories[0] == "2026-11-01" and chart.categories[-1] == "2026-11-05"


def test_choosing_a_provider_narrows_every_number(qtbot, view) -> None:
    wait_dashboard(qtbot, view)
    combo = view.filter_bar.combos["provider"]
    qtbot.waitUntil(lambda: combo.findData("stability") > 0, timeout=5000)
    view.filter_bar.set_dimension("provider", "stability")
    qtbot.waitUntil(lambda: _tile_text(view, "spend_this_month") == "$0.03", timeout=10_000)
    assert _tile_text(view, "images_made") == "1"
    assert [name for name, _ in view.dashboard.charts["cost_by_provider"].drawn] == ["stability"]
    assert "stability" in view.describe_filter()


def test_a_failed_read_says_so_in_the_tab_and_can_be_retried(qtbot, view, filled, monkeypatch) -> None:
    wait_dashboard(qtbot, view)
    original = filled.analytics.dashboard

    def broken(*args, **kwargs):
        raise RuntimeError("library.db: database disk image is malformed")

    monkeypatch.setattr(filled.analytics, "dashboard", broken)
    view.refresh_all()
    state = view.dashboard.state
    qtbot.waitUntil(lambda: bool(state.error), timeout=10_000)
    assert "database disk image is malformed" in state.label.text() and state.retry.isVisibleTo(view)
    monkeypatch.setattr(filled.analytics, "dashboard", original)
    state.retry.click()
    qtbot.waitUntil(lambda: not state.isVisibleTo(view), timeout=10_000)


def test_the_page_is_busy_while_it_reads(qtbot, view, filled, monkeypatch) -> None:
    import threading

    wait_dashboard(qtbot, view)
    release = threading.Event()
    original = filled.analytics.dashboard

    def slow(*args, **kwargs):
        release.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(filled.analytics, "dashboard", slow)
    view.refresh_all()
    qtbot.waitUntil(lambda: view.dashboard.state.busy.isVisibleTo(view), timeout=5000)
    assert view.dashboard.state.label.text() == "Loading…"
    release.set()
    qtbot.waitUntil(lambda: not view.dashboard.state.isVisibleTo(view), timeout=10_000)


@pytest.mark.parametrize("period,first,last", [
    ("this_month", date(2026, 11, 1), date(2026, 11, 30)),
    ("last_30_days", date(2026, 10, 7), date(2026, 11, 5)),
    ("this_quarter", date(2026, 10, 1), date(2026, 12, 31)),
    ("this_year", date(2026, 1, 1), date(2026, 12, 31)),
])
def test_period_presets_cover_the_calendar(period, first, last) -> None:
    from desktop.ui.analytics.filter_bar_view import period_range

    assert period_range(period, date(2026, 11, 5)) == (first, last)


def test_the_tab_builds_the_daily_rollups_and_reads_the_same_numbers_from_them(qtbot, view, filled) -> None:
    from desktop.core.analytics.filters import Filter

    wait_dashboard(qtbot, view)
    qtbot.waitUntil(lambda: filled.analytics.engine.rollups_usable(Filter()), timeout=10_000)
    before = filled.analytics.engine.rollup_reads
    view.refresh_all()
    qtbot.waitUntil(lambda: filled.analytics.engine.rollup_reads > before and not view.reader.is_busy("dashboard"),
                    timeout=10_000)
    assert _tile_text(view, "images_made") == "5" and _tile_text(view, "success_rate") == "75.0%"
    assert _tile_text(view, "spend_this_month") == "$0.16"


def test_the_seeded_profile_in_the_profile_box_follows_a_language_switch(qtbot, appearance) -> None:
    from desktop.core.analytics.service import FilterOptions
    from desktop.ui.analytics.filter_bar_view import FilterBarView

    bar = FilterBarView()
    qtbot.addWidget(bar)
    bar.set_options(FilterOptions(providers=[], models=[], batches=[], projects=[],
                                  profiles=[(1, "Default"), (2, "阿明")]))
    profiles = bar.combos["profile_id"]
    assert [profiles.itemText(i) for i in (1, 2)] == ["Default", "阿明"]
    appearance.translations.apply("zh_TW")
    assert profiles.itemText(1) not in ("Default", "") and profiles.itemText(2) == "阿明"
    assert profiles.itemData(1) == 1
