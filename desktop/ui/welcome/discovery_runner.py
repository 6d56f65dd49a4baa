"""Runs the core's local-server discovery in a worker thread and hands the result back on the
GUI thread as a signal (the welcome opens before the window's asyncio loop exists)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)


class DiscoveryRunner(QObject):
    """`start()` calls `discover()` on a thread; `finished(list[LocalServer])` or
    `failed(str)` arrive on the GUI thread. A result that arrives after a newer start is
    dropped."""

    finished = Signal(list)
    failed = Signal(str)
    _done = Signal(int, object, str)  # generation, servers or None, error text

    def __init__(self, discover: Callable[[], list[Any]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.discover = discover
        self.running = False
        self._generation = 0
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        self._generation += 1
        generation = self._generation
        self.running = True

        def work() -> None:
            try:
                servers, error = self.discover(), ""
            except Exception as exc:  # a bug in a check must not leave the page waiting
                log.exception("looking for local servers failed")
                servers, error = None, str(exc)
            try:
                self._done.emit(generation, servers, error)
            except RuntimeError:  # the welcome was closed meanwhile
                log.debug("discovery finished after the welcome closed")

        threading.Thread(target=work, name="welcome-discovery", daemon=True).start()

    def _deliver(self, generation: int, servers: Any, error: str) -> None:
        if generation != self._generation:
            return
        self.running = False
        if servers is None:
            self.failed.emit(error)
        else:
            self.finished.emit(list(servers))
