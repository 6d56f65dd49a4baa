"""Live monitoring from queue events and small store reads."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.core import events as ev
from desktop.core.analytics.live import LiveMonitor
from tests.core.analytics.known_data import D1, DAY, H


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_snapshot_counts_recent_images_in_flight_jobs_and_errors(known_store) -> None:
    clock = Clock(D1 + 2 * DAY + 14 * H + 600)  # ten minutes after J7/J8 were created
    with known_store.db.engine_or_raise().begin() as conn:
        conn.execute(text("UPDATE jobs SET state = 'running' WHERE id IN (3, 6)"))
        conn.execute(text("UPDATE jobs SET state = 'pending' WHERE id = 9"))
    monitor = LiveMonitor(known_store.db, ev.EventBus(), clock=clock, window_s=600)
    snap = monitor.snapshot()
    assert snap.images_in_window == 2  # J7 and J8 finished within the last ten minutes
    assert snap.throughput_per_hour == pytest.approx(12.0)
    assert snap.in_flight == {"openai": 1, "stability": 1} and snap.pending == 1
    assert [e.error_kind for e in snap.recent_errors[:3]] == ["transient"] * 3  # J6's, newest first
    assert snap.recent_errors[0].message == "openai: HTTP 5xx"
    assert snap.rss_mb > 10 and snap.cpu_percent >= 0
    monitor.stop()


def test_events_update_blocked_lanes_queue_state_and_notify_at_most_twice_a_second(known_store) -> None:
    clock, bus, calls = Clock(1000.0), ev.EventBus(), []
    monitor = LiveMonitor(known_store.db, bus, clock=clock, on_update=lambda: calls.append(clock.now))
    monitor.start()
    bus.publish(ev.LaneDidBlock("openai", "bad key"))
    bus.publish(ev.QueueDidChangeState(running=True, paused=False, pending=3, in_flight=1))
    bus.publish(ev.TaskDidFail("sync", "bucket gone"))
    clock.now += 1.0
    bus.publish(ev.JobsDidChange((1,), "succeeded"))
    snap = monitor.snapshot()
    assert snap.blocked == {"openai": "bad key"} and snap.queue_running is True
    assert any(e.message == "sync: bucket gone" for e in snap.recent_errors)
    assert calls == [1000.0, 1001.0] and monitor.events_seen == 4
    bus.publish(ev.ProviderStatusDidChange("openai", "ok"))
    assert monitor.snapshot().blocked == {}
    monitor.stop()
    bus.publish(ev.JobsDidChange((2,), "failed"))
    assert monitor.events_seen == 5  # stopped: no longer listening
