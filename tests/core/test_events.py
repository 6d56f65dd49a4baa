"""The event bus delivers by type, survives broken handlers and unsubscribes."""

from __future__ import annotations

from desktop.core.events import EventBus, JobsDidChange


def test_handlers_get_their_events_and_a_broken_one_does_not_stop_others() -> None:
    bus, got = EventBus(), []

    def broken(_e):
        raise RuntimeError("bug")

    bus.subscribe(JobsDidChange, broken)
    stop = bus.subscribe(JobsDidChange, got.append)
    bus.subscribe_all(got.append)
    bus.publish(JobsDidChange((1,), "running"))
    assert got == [JobsDidChange((1,), "running")] * 2
    stop()
    bus.publish(JobsDidChange((2,)))
    assert len(got) == 3
