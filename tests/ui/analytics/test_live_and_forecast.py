"""The live panel follows queue events; the forecast shows history, the forecast and its
held-out error; the cost-benefit page remembers the user's numbers."""

from __future__ import annotations

from sqlalchemy import text

from desktop.core import events as ev
from tests.ui.analytics.conftest import add_history


def _cells(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_live_panel_reacts_to_published_queue_events(qtbot, view, filled) -> None:
    view.show_page("live")
    live = view.live
    qtbot.waitUntil(lambda: live.refreshes >= 1, timeout=5000)
    assert live.flight.rowCount() == 0
    with filled.db.engine_or_raise().begin() as conn:
        conn.execute(text("UPDATE jobs SET state = 'running' WHERE id IN (3, 6)"))
        conn.execute(text("UPDATE jobs SET state = 'pending' WHERE id = 9"))
    filled.events.publish(ev.JobsDidChange((3, 6, 9)))
    filled.events.publish(ev.LaneDidBlock("openai", "the key was refused"))
    filled.events.publish(ev.QueueDidChangeState(running=True, paused=False, pending=1, in_flight=2))
    filled.events.publish(ev.TaskDidFail("Syncing", "bucket gone"))
    qtbot.waitUntil(lambda: live.flight.rowCount() == 2, timeout=5000)
    assert _cells(live.flight, 0) == ["openai", "stability"]
    assert _cells(live.flight, 1) == ["1", "1"]
    assert _cells(live.flight, 2)[0] == "Stopped: the key was refused"
    assert live.pending.text() == "1" and live.queue_state.text() == "Running"
    assert "Syncing: bucket gone" in _cells(live.errors, 3)
    assert live.memory.text().endswith("MB") and live.snapshot.rss_mb > 10


def test_throughput_counts_images_finished_in_the_last_minutes(qtbot, view, filled) -> None:
    from tests.core.analytics.known_data import D1, DAY, H

    filled.analytics.clock = lambda: D1 + 2 * DAY + 14 * H + 240  # J7 and J8 finished minutes ago
    view.live.monitor.clock = filled.analytics.clock
    view.show_page("live")
    qtbot.waitUntil(lambda: view.live.snapshot is not None and view.live.snapshot.images_in_window == 2,
                    timeout=5000)
    assert view.live.throughput.text() == "0.4"  # 2 images in 5 minutes


def test_forecast_shows_history_the_forecast_and_its_held_out_error(qtbot, view, filled) -> None:
    add_history(filled)
    view.show_page("forecast")
    page = view.forecast
    qtbot.waitUntil(lambda: page.forecast is not None and page.forecast.ok, timeout=10_000)
    f = page.forecast
    assert len(page.drawn["history"]) == len(f.history) >= 60
    assert len(page.drawn["forecast"]) == 28 and page.weekly.rowCount() == 4
    text_shown = page.quality.text()
    assert "held out of the fit" in text_shown and f"{len(f.holdout)} days" in text_shown
    assert "Trend: +$3.50 a week." in text_shown
    page.weeks.setValue(2)
    qtbot.waitUntil(lambda: page.weekly.rowCount() == 2, timeout=10_000)
    page.metric.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.forecast.metric_key == "images_made", timeout=10_000)


def test_too_little_history_is_said_plainly(qtbot, view) -> None:
    view.show_page("forecast")
    page = view.forecast
    qtbot.waitUntil(lambda: page.forecast is not None, timeout=10_000)
    assert page.quality.text().startswith("Not enough history to forecast: 3 days with data, 21 needed")  # Nov 2-4; today is not whole


def test_cost_benefit_uses_and_remembers_the_users_numbers(qtbot, view, filled) -> None:
    view.show_page("roi")
    page = view.roi
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    page.hours.setValue(1.0)
    page.rate.setValue(50.0)
    page.flush()
    qtbot.waitUntil(lambda: page.model.rows and page.model.rows[0].value == 50.0, timeout=10_000)
    by_name = {page.model.data(page.model.index(r, 0)): r for r in range(page.model.rowCount())}
    row = by_name["春季型錄"]  # J1 picked (J2 rejected): one accepted image, $0.08 spent
    assert page.model.data(page.model.index(row, 3)) == "1"
    assert page.model.data(page.model.index(row, 5)) == "$50.00"
    assert page.model.data(page.model.index(row, 6)) == "$49.92"
    qtbot.waitUntil(lambda: filled.config_store.load().extra.get("analytics", {}).get("hourly_rate_usd") == 50.0,
                    timeout=5000)
    assert filled.config.extra["analytics"]["hours_saved_per_image"] == 1.0
