"""A tiny synchronous event bus the core publishes on, and the events it carries.

Handlers run in the publisher's thread; the UI's qt_bridge re-emits them as Qt signals so
that widgets update on the GUI thread. Names follow `<noun>_did_<verb>`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

log = logging.getLogger(__name__)

E = TypeVar("E")


@dataclass(frozen=True)
class JobsDidChange:
    job_ids: tuple[int, ...]
    state: str | None = None  # the new state when all changed to one state


@dataclass(frozen=True)
class JobProgressDidChange:
    """A running job's own progress (async providers report it while polling)."""

    job_id: int
    fraction: float


@dataclass(frozen=True)
class LaneDidBlock:
    """A provider stopped taking jobs until the user acts (bad key, no credits)."""

    provider: str
    reason: str


@dataclass(frozen=True)
class AssetDidAdd:
    asset_id: int
    job_id: int | None = None
    batch_id: int | None = None


@dataclass(frozen=True)
class AssetsDidChange:
    asset_ids: tuple[int, ...]


@dataclass(frozen=True)
class BatchDidFinish:
    batch_id: int
    succeeded: int
    failed: int
    cancelled: int


@dataclass(frozen=True)
class BatchDidAdd:
    batch_id: int
    job_count: int


@dataclass(frozen=True)
class QueueDidChangeState:
    running: bool
    paused: bool
    pending: int = 0
    in_flight: int = 0


@dataclass(frozen=True)
class BudgetDidExceed:
    batch_id: int
    budget_usd: float
    spent_usd: float


@dataclass(frozen=True)
class ProviderStatusDidChange:
    provider: str
    status: str  # ok | degraded | down | unconfigured
    detail: str = ""


@dataclass(frozen=True)
class SyncDidProgress:
    destination: str
    done: int
    total: int
    errors: int = 0
    detail: str = ""


@dataclass(frozen=True)
class TaskDidFail:
    """A background task in the core failed; the UI shows it where the user is looking."""

    where: str
    message: str
    detail: str = ""


@dataclass(frozen=True)
class AssetsDidTrash:
    """Assets went to the trash, came back from it (`restored`) or were deleted for good
    (`purged`, emptying the trash). The audit log records these."""

    asset_ids: tuple[int, ...]
    restored: bool = False
    purged: bool = False


@dataclass(frozen=True)
class SyncDestinationDidChange:
    name: str
    change: str  # added | changed | removed
    kind: str = ""


@dataclass(frozen=True)
class ReportDidExport:
    path: str
    report_type: str
    format: str


@dataclass(frozen=True)
class ProviderSettingsDidApply:
    """Saved provider settings were applied to the running providers and queue lanes."""


@dataclass(frozen=True)
class LibraryDidRestore:
    """The library database was restored from `backup` (`safety_copy`: the state before)."""

    backup: str
    safety_copy: str = ""


@dataclass
class EventBus:
    """Publish/subscribe by event type. Thread-safe; handler errors are logged, not raised."""

    _handlers: dict[type, list[Callable[[Any], None]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def subscribe(self, event_type: type[E], handler: Callable[[E], None]) -> Callable[[], None]:
        with self._lock:
            self._handlers.setdefault(event_type, []).append(handler)

        def unsubscribe() -> None:
            with self._lock:
                handlers = self._handlers.get(event_type, [])
                if handler in handlers:
                    handlers.remove(handler)

        return unsubscribe

    def subscribe_all(self, handler: Callable[[Any], None]) -> Callable[[], None]:
        return self.subscribe(object, handler)

    def publish(self, event: object) -> None:
        with self._lock:
            handlers = list(self._handlers.get(type(event), ()))
            handlers += self._handlers.get(object, ())
        for handler in handlers:
            try:
                handler(event)
            except Exception:  # a broken subscriber must not break the publisher
                log.exception("event handler failed for %r", event)
