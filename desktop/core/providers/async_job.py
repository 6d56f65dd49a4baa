"""Pacing for providers whose generation is a remote job: poll interval, a bounded total wait,
progress reports while waiting, and the best-effort remote cancel when our task is cancelled.

Firefly, Leonardo, Replicate and ComfyUI all hand back a job id and expect the client to poll;
that loop is part of the provider's flow, so it lives with the adapters, not in the queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from desktop.core.config import ProviderSettings

ProgressCallback = Callable[[float], None]

DEFAULT_JOB_TIMEOUT_S = 600.0


@dataclass(frozen=True)
class PollPlan:
    """How often to ask and how long to wait in total for one remote job."""

    interval: float = 1.0
    max_interval: float = 5.0
    timeout: float = DEFAULT_JOB_TIMEOUT_S
    expected: float = 20.0  # typical job duration, for a time-based progress estimate

    @classmethod
    def from_settings(
        cls, settings: ProviderSettings, interval: float = 1.0, expected: float = 20.0
    ) -> PollPlan:
        """`timeout_s` bounds the whole job; options `poll_interval_s` and
        `poll_max_interval_s` pace the polling (tests make them tiny)."""
        opts = settings.options or {}
        first = float(opts.get("poll_interval_s", interval))
        ceiling = float(opts.get("poll_max_interval_s", max(first * 5, first)))
        return cls(
            interval=first,
            max_interval=max(first, ceiling),
            timeout=float(settings.timeout_s or opts.get("job_timeout_s") or DEFAULT_JOB_TIMEOUT_S),
            expected=float(opts.get("expected_job_s", expected)),
        )


class JobClock:
    """Deadline, back-off and progress for one job; progress never goes backwards."""

    def __init__(self, plan: PollPlan, progress: ProgressCallback | None = None) -> None:
        self.plan = plan
        self._progress = progress
        self._started = time.monotonic()
        self._interval = plan.interval
        self._reported = 0.0

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self._started

    @property
    def expired(self) -> bool:
        return self.elapsed >= self.plan.timeout

    def report(self, fraction: float) -> None:
        fraction = min(1.0, max(0.0, float(fraction)))
        if self._progress is None or fraction < self._reported:
            return
        self._reported = fraction
        self._progress(fraction)

    def report_estimate(self, floor: float = 0.05, ceiling: float = 0.95) -> None:
        """When the provider says nothing about progress: an asymptotic guess from time."""
        guess = 1.0 - math.exp(-self.elapsed / max(self.plan.expected, 0.001))
        self.report(floor + (ceiling - floor) * guess)

    async def wait(self) -> None:
        """Sleep until the next poll, never past the deadline; the interval grows 1.5x."""
        remaining = self.plan.timeout - self.elapsed
        await asyncio.sleep(max(0.0, min(self._interval, remaining)))
        self._interval = min(self.plan.max_interval, self._interval * 1.5)


async def cancel_quietly(cancel: Callable[[], Awaitable[object]], timeout: float = 5.0) -> None:
    """Ask the provider to stop a job we no longer want; never raise (we are already
    failing or being cancelled, and the remote cancel is only a courtesy that saves money)."""
    with contextlib.suppress(Exception):  # a failed courtesy must not mask the real outcome
        await asyncio.wait_for(cancel(), timeout)
