"""The one place the core and Qt meet: core events become Qt signals on the GUI thread, and
background coroutines start through one error boundary, `run_task()`.

Each signal carries the core's event dataclass unchanged (`desktop.core.events`). Events
published on the GUI thread are re-emitted at once; events from worker threads are queued
to the GUI thread first, so slots never run on a worker.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, Signal

from desktop.core import events as ev

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TaskFailure:
    """A background task failed: what the user was doing, the readable message, the detail."""

    where: str
    message: str
    detail: str


class QtBridge(QObject):
    """Re-emits core events as signals and runs background tasks for the window."""

    jobs_changed = Signal(object)  # ev.JobsDidChange
    job_progress_changed = Signal(object)  # ev.JobProgressDidChange
    lane_blocked = Signal(object)  # ev.LaneDidBlock
    asset_added = Signal(object)  # ev.AssetDidAdd
    assets_changed = Signal(object)  # ev.AssetsDidChange
    batch_finished = Signal(object)  # ev.BatchDidFinish
    batch_added = Signal(object)  # ev.BatchDidAdd
    queue_state_changed = Signal(object)  # ev.QueueDidChangeState
    budget_exceeded = Signal(object)  # ev.BudgetDidExceed
    provider_status_changed = Signal(object)  # ev.ProviderStatusDidChange
    sync_progressed = Signal(object)  # ev.SyncDidProgress
    event_arrived = Signal(object)  # every core event, for tabs that listen to others
    task_failed = Signal(object)  # TaskFailure, from run_task or ev.TaskDidFail
    _relay = Signal(object)

    def __init__(self, bus: ev.EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self._tasks: set[asyncio.Future[Any]] = set()
        self._signals: dict[type, Any] = {
            ev.JobsDidChange: self.jobs_changed,
            ev.JobProgressDidChange: self.job_progress_changed,
            ev.LaneDidBlock: self.lane_blocked,
            ev.AssetDidAdd: self.asset_added,
            ev.AssetsDidChange: self.assets_changed,
            ev.BatchDidFinish: self.batch_finished,
            ev.BatchDidAdd: self.batch_added,
            ev.QueueDidChangeState: self.queue_state_changed,
            ev.BudgetDidExceed: self.budget_exceeded,
            ev.ProviderStatusDidChange: self.provider_status_changed,
            ev.SyncDidProgress: self.sync_progressed,
        }
        self._relay.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = bus.subscribe_all(self._on_event)

    # -- events ---------------------------------------------------------------------------
    def _on_event(self, event: object) -> None:
        if QThread.currentThread() == self.thread():
            self._dispatch(event)
        else:
            self._relay.emit(event)

    def _dispatch(self, event: object) -> None:
        if isinstance(event, ev.TaskDidFail):
            self.task_failed.emit(TaskFailure(event.where, event.message, event.detail))
        signal = self._signals.get(type(event))
        if signal is not None:
            signal.emit(event)
        self.event_arrived.emit(event)

    def close(self) -> None:
        """Stop listening to the core (the window is going away)."""
        self._unsubscribe()

    # -- background tasks -----------------------------------------------------------------
    def run_task(
        self,
        work: Awaitable[Any],
        where: str,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> asyncio.Future[Any]:
        """Start `work` on the running loop and keep it alive until it ends. Failures are
        logged with their traceback and reported through `task_failed` (`where` says, in
        the user's words, what was being done); `on_done` gets the result. With an `owner`
        (the widget that shows the result), the task is cancelled when the owner is
        destroyed and its callbacks are skipped."""
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        if owner is not None:
            owner.destroyed.connect(lambda *_: task.cancel())
        task.add_done_callback(lambda t: self._finished(t, where, on_done, on_error, owner))
        return task

    def _finished(self, task: asyncio.Future[Any], where: str,
                  on_done: Callable[[Any], None] | None,
                  on_error: Callable[[BaseException], None] | None,
                  owner: QObject | None = None) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        if owner is not None and not shiboken6.isValid(owner):
            on_done = on_error = None  # the widget that wanted the result is gone
        exc = task.exception()
        if exc is None:
            if on_done is not None:
                try:
                    on_done(task.result())
                except RuntimeError as callback_exc:
                    if "already deleted" not in str(callback_exc):
                        self._report(where, callback_exc)
                    else:  # the widget that wanted the result closed meanwhile: nothing to show
                        log.warning("%s finished after its widget was closed: %s", where, callback_exc)
                except Exception as callback_exc:  # a broken callback must still be seen
                    self._report(where, callback_exc)
            return
        self._report(where, exc)
        if on_error is not None:
            try:
                on_error(exc)
            except Exception:
                log.exception("error callback failed for %s", where)

    def _report(self, where: str, exc: BaseException) -> None:
        detail = "".join(traceback.format_exception(exc))
        log.error("%s failed: %s\n%s", where, exc, detail)
        message = str(exc) or type(exc).__name__
        self.task_failed.emit(TaskFailure(where, message, detail))

    @property
    def running_tasks(self) -> int:
        return len(self._tasks)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    async def drain(self, timeout: float = 5.0) -> None:
        """Wait for the tasks still running (window closing), cancelling stragglers."""
        pending = [t for t in self._tasks if not t.done()]
        if not pending:
            return
        _done, late = await asyncio.wait(pending, timeout=timeout)
        for task in late:
            task.cancel()
        if late:
            await asyncio.gather(*late, return_exceptions=True)
