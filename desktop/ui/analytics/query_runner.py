"""Running the tab's store reads off the GUI thread: each named query runs in an
executor through the bridge's `run_task`, one at a time per name. A request made while
one is running replaces whatever was waiting, so a burst of filter changes costs one
extra query, never a queue of them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


@dataclass
class _Request:
    work: Callable[[], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None
    where: str


class QueryFailed(Exception):
    """A query raised: the original is `__cause__`; the tab shows the message in place."""


class QueryRunner(QObject):
    busy_changed = Signal(str, bool)  # query name, running

    def __init__(self, bridge: Any, executor: Executor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.executor = executor
        self._running: set[str] = set()
        self._waiting: dict[str, _Request] = {}
        self._closed = False

    def is_busy(self, name: str | None = None) -> bool:
        return bool(self._running) if name is None else name in self._running

    def run(self, name: str, work: Callable[[], Any], on_done: Callable[[Any], None], *,
            where: str, on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run `work()` in the executor; `on_done(result)` on the GUI thread. Failures are
        logged with their traceback and handed to `on_error` (the tab shows them where the
        numbers would be) rather than to the window's banner."""
        request = _Request(work, on_done, on_error, where)
        if self._closed:
            return
        if name in self._running:
            self._waiting[name] = request
            return
        self._start(name, request)

    def _start(self, name: str, request: _Request) -> None:
        self._running.add(name)
        self.busy_changed.emit(name, True)

        async def job() -> tuple[bool, Any]:
            loop = asyncio.get_running_loop()
            try:
                return True, await loop.run_in_executor(self.executor, request.work)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.exception("%s failed", request.where)
                return False, exc

        def finished(outcome: tuple[bool, Any]) -> None:
            ok, value = outcome
            self._running.discard(name)
            waiting = self._waiting.pop(name, None)
            if waiting is not None and not self._closed:
                self._start(name, waiting)  # a newer request: this result is already stale
                return
            self.busy_changed.emit(name, False)
            if ok:
                request.on_done(value)
            elif request.on_error is not None:
                request.on_error(value)

        def cancelled(_exc: BaseException) -> None:
            self._running.discard(name)

        self.bridge.run_task(job(), request.where, finished, cancelled, owner=self.parent() or self)

    def close(self) -> None:
        self._closed = True
        self._waiting.clear()
