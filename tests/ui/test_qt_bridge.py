"""The bridge: core events become Qt signals on the GUI thread, and run_task is the one
error boundary for background work."""

from __future__ import annotations

import asyncio
import threading

from PySide6.QtCore import QThread

from desktop.core import events as ev
from desktop.core.events import EventBus
from desktop.ui.qt_bridge import QtBridge, TaskFailure
from tests.ui.conftest import keep, run


def test_an_event_published_on_a_worker_thread_arrives_on_the_gui_thread(qtbot, qapp):
    bus = EventBus()
    bridge = keep(QtBridge(bus))
    seen: list[tuple[object, bool]] = []
    bridge.jobs_changed.connect(
        lambda e: seen.append((e, QThread.currentThread() == qapp.thread())))
    worker = threading.Thread(target=lambda: bus.publish(ev.JobsDidChange((1, 2), "running")))
    with qtbot.waitSignal(bridge.jobs_changed, timeout=2000):
        worker.start()
    worker.join()
    assert seen == [(ev.JobsDidChange((1, 2), "running"), True)]
    bridge.close()


def test_every_event_type_has_its_own_signal_and_the_generic_one(qtbot):
    bus = EventBus()
    bridge = keep(QtBridge(bus))
    got: list[str] = []
    bridge.batch_finished.connect(lambda e: got.append(f"finished {e.batch_id}"))
    bridge.lane_blocked.connect(lambda e: got.append(f"blocked {e.provider}"))
    bridge.event_arrived.connect(lambda e: got.append(type(e).__name__))
    bus.publish(ev.BatchDidFinish(7, 1, 0, 0))
    bus.publish(ev.LaneDidBlock("openai", "bad key"))
    assert got == ["finished 7", "BatchDidFinish", "blocked openai", "LaneDidBlock"]


def test_a_core_task_failure_event_reaches_task_failed(qtbot):
    bus = EventBus()
    bridge = keep(QtBridge(bus))
    with qtbot.waitSignal(bridge.task_failed) as blocker:
        bus.publish(ev.TaskDidFail("sync", "bucket gone", "trace"))
    assert blocker.args[0] == TaskFailure("sync", "bucket gone", "trace")


def test_after_close_the_bridge_no_longer_relays(qtbot):
    bus = EventBus()
    bridge = keep(QtBridge(bus))
    got = []
    bridge.event_arrived.connect(got.append)
    bridge.close()
    bus.publish(ev.BatchDidAdd(1, 3))
    assert got == []


def test_run_task_returns_the_result_to_on_done(qloop, qtbot):
    bridge = keep(QtBridge(EventBus()))
    results = []

    async def work() -> int:
        await asyncio.sleep(0.01)
        return 42

    task = bridge.run_task(work(), "Adding", on_done=results.append)
    assert bridge.running_tasks == 1
    run(qtbot, task)
    qtbot.waitUntil(lambda: results == [42])
    assert bridge.running_tasks == 0


def test_a_failing_task_is_reported_with_where_message_and_traceback(qloop, qtbot):
    bridge = keep(QtBridge(EventBus()))
    errors = []

    async def work() -> None:
        raise ValueError("job 5 is running and cannot be edited")

    with qtbot.waitSignal(bridge.task_failed, timeout=2000) as blocker:
        bridge.run_task(work(), "Editing the job", on_error=errors.append)
    failure = blocker.args[0]
    assert failure.where == "Editing the job"
    assert failure.message == "job 5 is running and cannot be edited"
    assert "Traceback" in failure.detail and "ValueError" in failure.detail
    assert isinstance(errors[0], ValueError)


def test_a_cancelled_task_is_not_reported_as_a_failure(qloop, qtbot):
    bridge = keep(QtBridge(EventBus()))
    failures = []
    bridge.task_failed.connect(failures.append)
    task = bridge.run_task(asyncio.sleep(10), "Waiting")
    bridge.cancel_all()
    qtbot.waitUntil(task.done)
    qtbot.wait(10)
    assert task.cancelled() and failures == [] and bridge.running_tasks == 0


def test_a_broken_on_done_callback_is_reported_too(qloop, qtbot):
    bridge = keep(QtBridge(EventBus()))

    async def work() -> int:
        return 1

    def broken(_result: int) -> None:
        raise RuntimeError("view went away")

    with qtbot.waitSignal(bridge.task_failed, timeout=2000) as blocker:
        bridge.run_task(work(), "Showing", on_done=broken)
    assert blocker.args[0].message == "view went away"
