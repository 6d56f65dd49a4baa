"""Keeping the provider status dots true: each set-up provider's cheap check runs now and
then, and again soon (with growing back-off) after a check or a job found it failing, so a
recovered server turns green without the user doing anything and a dead one is not hammered.

A status is published only when it changes. Checks of cloud providers cost a request, so
healthy ones are checked rarely; local servers (A1111, ComfyUI, Ollama) are cheap to ask.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.core.events import EventBus, ProviderStatusDidChange
from desktop.core.providers.base import HealthReport
from desktop.core.providers.registry import ProviderRegistry

log = logging.getLogger(__name__)

# HealthReport.status -> the status bar's vocabulary (events.ProviderStatusDidChange).
DOT_STATUS = {"ok": "ok", "unreachable": "down", "bad_key": "error", "no_credits": "error",
              "wrong_base_url": "error", "error": "error"}


@dataclass(frozen=True)
class HealthTimings:
    cloud_every: float = 15 * 60.0
    local_every: float = 60.0
    first_retry: float = 15.0
    max_retry: float = 10 * 60.0
    check_timeout: float = 20.0
    observe_window: float = 10 * 60.0  # what the queue saw lately counts
    observe_min_calls: int = 5
    observe_bad_share: float = 0.5  # this share of failed calls makes a provider "degraded"


# Per provider, the queue's recent calls: objects with `calls` and `failures` (see
# QueueQueries.recent_calls), for calls started since the given time.
Observed = Callable[[float], Mapping[str, Any]]


@dataclass
class _Track:
    status: str | None = None  # what was published last
    checked: str | None = None  # what the last check said
    check_detail: str = ""
    observed: str = ""  # why the queue's calls say "degraded", or ""
    due: float = 0.0
    failures: int = 0


class ProviderHealthMonitor:
    """Runs providers' cheap checks on a schedule and publishes ProviderStatusDidChange."""

    def __init__(self, registry: ProviderRegistry, events: EventBus,
                 configured: Callable[[str], bool], *, observed: Observed | None = None,
                 timings: HealthTimings | None = None, clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], float] = time.time) -> None:
        self.registry = registry
        self.events = events
        self.configured = configured
        self.timings = timings or HealthTimings()
        self.clock = clock
        self.wall_clock = wall_clock
        self.observed = observed
        self._tracks: dict[str, _Track] = {}
        self._own: ProviderStatusDidChange | None = None  # the event being published by us
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._unsubscribe = events.subscribe(ProviderStatusDidChange, self._on_status)

    def status(self, name: str) -> str | None:
        track = self._tracks.get(name)
        return track.status if track else None

    def close(self) -> None:
        self._unsubscribe()

    # -- checking -------------------------------------------------------------------------
    async def check_due(self, names: Iterable[str] | None = None) -> dict[str, HealthReport]:
        """Check every set-up provider whose time has come (all of `names` if given)."""
        now = self.clock()
        wanted = list(names) if names is not None else [
            n for n in self.registry.names() if self._tracks.setdefault(n, _Track()).due <= now]
        # Whether a provider is set up may mean asking the OS keyring: not on the loop.
        chosen = await asyncio.to_thread(lambda: [n for n in wanted if self._is_set_up(n)])
        reports = await asyncio.gather(*(self._check(n) for n in chosen))
        return dict(zip(chosen, reports, strict=True))

    def _is_set_up(self, name: str) -> bool:
        try:
            return self.configured(name)
        except Exception:  # a broken keyring must not stop the other checks
            log.exception("could not tell whether %s is set up", name)
            return False

    async def _check(self, name: str) -> HealthReport:
        try:
            report = await asyncio.wait_for(self.registry.get(name).check(), self.timings.check_timeout)
        except TimeoutError:
            report = HealthReport("unreachable", f"no answer within {self.timings.check_timeout:.0f} s")
        except Exception as exc:  # a provider bug is an error state, not a dead monitor
            report = HealthReport("error", f"the check failed: {exc}")
        self._record(name, report)
        return report

    def _record(self, name: str, report: HealthReport) -> None:
        track = self._tracks.setdefault(name, _Track())
        status = DOT_STATUS.get(report.status)
        if status is None:  # unconfigured since it was asked: leave the dot to settings
            track.due = self.clock() + self.timings.cloud_every
            return
        track.failures = 0 if status == "ok" else track.failures + 1
        track.due = self.clock() + self._next_delay(name, track)
        track.checked, track.check_detail = status, ("" if status == "ok" else report.message)
        self._publish(name, track)

    def _publish(self, name: str, track: _Track) -> None:
        """A failed check wins; a passing check with failing generations is "degraded"."""
        if track.checked is None:
            return
        status, detail = track.checked, track.check_detail
        if status == "ok" and track.observed:
            status, detail = "degraded", track.observed
        if status == track.status:
            return
        track.status = status
        self._own = ProviderStatusDidChange(name, status, detail)
        try:
            self.events.publish(self._own)
        finally:
            self._own = None

    async def observe(self) -> None:
        """Fold in what the queue saw: many recent failures make a provider "degraded"."""
        if self.observed is None:
            return
        t = self.timings
        since = self.wall_clock() - t.observe_window
        try:
            seen = await asyncio.to_thread(self.observed, since)
        except Exception:
            log.exception("could not read the queue's recent calls")
            return
        for name, track in self._tracks.items():
            calls = seen.get(name)
            bad = calls is not None and calls.calls >= t.observe_min_calls \
                and calls.failures >= t.observe_bad_share * calls.calls
            minutes = round(t.observe_window / 60)
            track.observed = (f"{calls.failures} of {calls.calls} calls failed in the last {minutes} min"
                              if bad else "")
            self._publish(name, track)

    def _next_delay(self, name: str, track: _Track) -> float:
        t = self.timings
        if track.failures:
            return min(t.max_retry, t.first_retry * 2 ** (track.failures - 1))
        local = self.registry.get(name).capabilities().local
        return t.local_every if local else t.cloud_every

    def _on_status(self, event: ProviderStatusDidChange) -> None:
        """A job found the provider failing: check it again soon, so recovery shows."""
        if event is self._own:
            return
        track = self._tracks.setdefault(event.provider, _Track())
        track.status = event.status
        if event.status not in ("ok", "degraded"):
            track.due = min(track.due, self.clock() + self.timings.first_retry)
            if self._loop is not None and self._wake is not None and not self._loop.is_closed():
                self._loop.call_soon_threadsafe(self._wake.set)

    # -- background -------------------------------------------------------------------------
    async def run(self, stop: asyncio.Event) -> None:
        """Check at once, then whenever a check falls due, until `stop` is set."""
        self._loop, self._wake = asyncio.get_running_loop(), asyncio.Event()
        while not stop.is_set():
            try:
                await self.check_due()
                await self.observe()
            except Exception:
                log.exception("provider health checks failed")
            self._wake.clear()
            due = min((t.due for t in self._tracks.values()), default=self.clock() + 60.0)
            delay = max(1.0, min(60.0, due - self.clock()))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(_first(stop.wait(), self._wake.wait()), delay)


async def _first(*waits: object) -> None:
    tasks = [asyncio.ensure_future(w) for w in waits]  # type: ignore[arg-type]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
