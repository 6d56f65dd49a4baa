"""The gallery's cloud badges: per-asset sync states read from `SyncService.asset_states`
in batches off the GUI thread, cached per id, and refreshed when sync makes progress.

The gallery model asks `state(id)` while painting (a dict lookup) and `prefetch(ids)` when
it loads a page of rows. Misses and stale entries are collected and read in one batch per
round trip; only ids whose badge changed are announced with `states_changed`. When sync
moves, the badges last painted (the cells on screen) are read again; others are read when
they are painted next. No signal ever covers all rows: `dataChanged` over 100,000 rows of
an icon-mode list costs about 60 ms.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core import events as ev

log = logging.getLogger(__name__)
BATCH = 400  # ids per read: one SQL round trip of three indexed IN queries
SHOWN = 400  # the ids painted last: about two screens of cells
CACHE_SIZE = 20_000  # ids remembered (the gallery model keeps 5,000 rows)
REFRESH_MS = 800  # while sync uploads, badges are re-read at most this often


class SyncBadgeCache(QObject):
    """`state(id)` → "synced", "pending", "error", "conflict" or None (no badge)."""

    states_changed = Signal(list)  # asset ids whose badge changed

    def __init__(self, sync: Any, executor: Any, bridge: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sync, self.executor, self.bridge = sync, executor, bridge
        self._states: OrderedDict[int, tuple[str, int]] = OrderedDict()  # id -> (badge, generation)
        self._generation = 0
        self._shown: OrderedDict[int, None] = OrderedDict()  # ids painted last, newest at the end
        self._wanted: dict[int, None] = {}  # ordered set: the most recently asked first out
        self._reading = False
        self.reads = 0  # batches read, for tests and the benchmark
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush)
        self._stale_timer = QTimer(self)
        self._stale_timer.setSingleShot(True)
        self._stale_timer.setInterval(REFRESH_MS)
        self._stale_timer.timeout.connect(self.invalidate_all)
        bridge.sync_progressed.connect(self._sync_progressed)
        bridge.event_arrived.connect(self._event_arrived)

    # -- what the model calls --------------------------------------------------------------
    def state(self, asset_id: int) -> str | None:
        shown = self._shown
        shown[asset_id] = None
        shown.move_to_end(asset_id)
        if len(shown) > SHOWN:
            shown.popitem(last=False)
        found = self._states.get(asset_id)
        if found is None or found[1] != self._generation:
            self._want((asset_id,))
        return (found[0] or None) if found is not None else None

    def prefetch(self, ids: Iterable[int]) -> None:
        gen = self._generation
        self._want(i for i in ids if (self._states.get(i) or ("", -1))[1] != gen)

    def forget(self, ids: Iterable[int]) -> None:
        for asset_id in ids:
            self._states.pop(asset_id, None)

    def invalidate_all(self) -> None:
        """Sync moved: keep showing the old badges, re-read those on screen now and the
        others when they are painted."""
        self._generation += 1
        self._want(reversed(self._shown))

    # -- reading -----------------------------------------------------------------------------
    def _sync_progressed(self, event: ev.SyncDidProgress) -> None:
        if event.detail == "done":
            self._stale_timer.stop()
            self.invalidate_all()
        elif not self._stale_timer.isActive():
            self._stale_timer.start()

    def _event_arrived(self, event: object) -> None:
        # A destination was added or removed: every badge may change (an event newer than
        # this module, matched by name).
        if type(event).__name__ == "SyncDestinationDidChange":
            self.invalidate_all()

    def _want(self, ids: Iterable[int]) -> None:
        for asset_id in ids:
            self._wanted[asset_id] = None
        if self._wanted and not self._reading and not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush(self) -> None:
        if self._reading or not self._wanted:
            return
        batch = list(self._wanted)[:BATCH]
        for asset_id in batch:
            del self._wanted[asset_id]
        self._reading = True
        generation, sync, executor = self._generation, self.sync, self.executor

        async def read() -> dict[int, Any]:
            return await asyncio.get_running_loop().run_in_executor(executor, sync.asset_states, batch)

        self.bridge.run_task(read(), self.tr("Reading sync states"),
                             on_done=lambda states: self._read(states, generation),
                             on_error=lambda _exc: self._read({}, generation), owner=self)

    def _read(self, states: dict[int, Any], generation: int) -> None:
        self._reading = False
        self.reads += 1
        changed = []
        for asset_id, state in states.items():
            badge = "" if state.value == "local_only" else state.value
            before = self._states.get(asset_id)
            self._states[asset_id] = (badge, generation)
            self._states.move_to_end(asset_id)
            if before is None or before[0] != badge:
                changed.append(asset_id)
        while len(self._states) > CACHE_SIZE:
            self._states.popitem(last=False)
        if changed:
            self.states_changed.emit(changed)
        if self._wanted:
            self._flush_timer.start()


def badges_for(services: Any, bridge: Any, parent: QObject | None = None) -> SyncBadgeCache | None:
    """The badge cache for a gallery, or None when these services do not sync."""
    sync = getattr(services, "sync", None)
    if sync is None:
        return None
    return SyncBadgeCache(sync, services.executors.io, bridge, parent)
