"""Live monitoring while batches run: throughput now, jobs in flight per provider, recent
errors, and this process's CPU and memory.

The monitor listens to the queue's events to know when something changed (and to keep
what only events carry: blocked lanes, provider status, queue state), and reads counts
from the store with small indexed queries, so it is right even when another process (a
headless `queue run`) does the work. `on_update` is called on the publisher's thread at
most once per `min_interval_s`; the tab re-reads `snapshot()` in a worker.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import psutil
from sqlalchemy import text

from desktop.core import events as ev
from desktop.core.analytics.reader import StoreReader
from desktop.core.store.database import Database


@dataclass(frozen=True)
class RecentError:
    at: float
    provider: str
    model: str
    error_kind: str
    message: str
    job_id: int | None


@dataclass(frozen=True)
class LiveSnapshot:
    at: float
    window_s: float
    images_in_window: int
    throughput_per_hour: float  # images finished in the window, scaled to an hour
    in_flight: dict[str, int]  # provider -> running jobs
    pending: int
    recent_errors: list[RecentError]
    cpu_percent: float
    rss_mb: float
    queue_running: bool | None = None  # None until the queue has said
    queue_paused: bool | None = None
    blocked: dict[str, str] = field(default_factory=dict)  # provider -> why
    provider_status: dict[str, str] = field(default_factory=dict)


class LiveMonitor:
    """Subscribe with `start()`, read with `snapshot()`, stop with `stop()`."""

    def __init__(self, db: Database, events: ev.EventBus, *, clock: Callable[[], float] = time.time,
                 window_s: float = 600.0, errors_kept: int = 10, min_interval_s: float = 0.5,
                 on_update: Callable[[], None] | None = None,
                 process: psutil.Process | None = None) -> None:
        self.db = db
        self.reader = StoreReader(db)
        self.events = events
        self.clock = clock
        self.window_s = window_s
        self.errors_kept = errors_kept
        self.min_interval_s = min_interval_s
        self.on_update = on_update
        self.process = process or psutil.Process()
        self._lock = threading.Lock()
        self._unsubscribe: list[Callable[[], None]] = []
        self._task_errors: deque[RecentError] = deque(maxlen=errors_kept)
        self._blocked: dict[str, str] = {}
        self._status: dict[str, str] = {}
        self._queue: tuple[bool | None, bool | None] = (None, None)
        self._last_notice = float("-inf")
        self.events_seen = 0
        self.process.cpu_percent(None)  # the first reading is always 0: prime it

    def start(self) -> None:
        if not self._unsubscribe:
            self._unsubscribe.append(self.events.subscribe_all(self._on_event))

    def stop(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        self.reader.close()

    def _on_event(self, event: object) -> None:
        with self._lock:
            self.events_seen += 1
            if isinstance(event, ev.LaneDidBlock):
                self._blocked[event.provider] = event.reason
            elif isinstance(event, ev.ProviderStatusDidChange):
                self._status[event.provider] = event.status
                if event.status == "ok":
                    self._blocked.pop(event.provider, None)
            elif isinstance(event, ev.QueueDidChangeState):
                self._queue = (event.running, event.paused)
            elif isinstance(event, ev.TaskDidFail):
                self._task_errors.append(RecentError(self.clock(), "", "", "task", f"{event.where}: {event.message}", None))
            now = self.clock()
            notify = self.on_update is not None and now - self._last_notice >= self.min_interval_s
            if notify:
                self._last_notice = now
        if notify and self.on_update is not None:
            self.on_update()

    def snapshot(self) -> LiveSnapshot:
        now = self.clock()
        since = now - self.window_s
        with self.reader.connect() as conn:
            # started_at bounds the scan to the index; no image call runs for an hour.
            images = int(conn.execute(text(
                "SELECT COUNT(*) FROM attempts WHERE started_at >= :t AND outcome = 'succeeded'"
                " AND finished_at >= :s"), {"t": since - 3600, "s": since}).scalar_one())
            flight = dict(conn.execute(text(
                "SELECT provider, COUNT(*) FROM jobs WHERE state = 'running' GROUP BY provider")).all())
            pending = int(conn.execute(text("SELECT COUNT(*) FROM jobs WHERE state = 'pending'")).scalar_one())
            rows = conn.execute(text(
                "SELECT finished_at, provider, model, error_kind, error_message, job_id FROM attempts"
                " WHERE outcome = 'failed' ORDER BY id DESC LIMIT :n"), {"n": self.errors_kept}).all()
        errors = [RecentError(r[0] or 0.0, r[1], r[2], r[3] or "", r[4] or "", r[5]) for r in rows]
        with self._lock:
            errors = sorted(errors + list(self._task_errors), key=lambda e: -e.at)[: self.errors_kept]
            blocked, status, queue = dict(self._blocked), dict(self._status), self._queue
        memory = self.process.memory_info().rss / (1024 * 1024)
        return LiveSnapshot(
            at=now, window_s=self.window_s, images_in_window=images,
            throughput_per_hour=images * 3600.0 / self.window_s,
            in_flight={str(k): int(v) for k, v in flight.items()}, pending=pending, recent_errors=errors,
            cpu_percent=float(self.process.cpu_percent(None)), rss_mb=memory,
            queue_running=queue[0], queue_paused=queue[1], blocked=blocked, provider_status=status,
        )
