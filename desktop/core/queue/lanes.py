"""One lane per provider: its concurrency limit, its token bucket, and what it has measured
(call durations, recent completions) for ETAs and live status."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.queue.rate_limit import TokenBucket


@dataclass
class LaneStats:
    ewma_seconds: float | None = None
    completions: deque[float] = field(default_factory=lambda: deque(maxlen=512))
    failures: deque[tuple[float, str]] = field(default_factory=lambda: deque(maxlen=64))

    def record_success(self, seconds: float, now: float) -> None:
        alpha = 0.2
        self.ewma_seconds = seconds if self.ewma_seconds is None else (
            alpha * seconds + (1 - alpha) * self.ewma_seconds
        )
        self.completions.append(now)

    def record_failure(self, kind: str, now: float) -> None:
        self.failures.append((now, kind))

    def per_second(self, now: float, window: float = 60.0) -> float:
        recent = [t for t in self.completions if now - t <= window]
        if len(recent) < 2:
            return 0.0
        span = max(now - recent[0], 1.0)
        return len(recent) / span


class Lane:
    """Scheduling state of one provider."""

    def __init__(
        self,
        provider: str,
        concurrency: int,
        rate_per_minute: float,
        default_seconds: float = 15.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.provider = provider
        self.concurrency = max(1, concurrency)
        self.bucket = TokenBucket(rate_per_minute, clock=clock)
        self.in_flight = 0
        self.blocked_reason: str | None = None  # bad key / no credits: wait for the user
        self.default_seconds = default_seconds
        self.stats = LaneStats()

    @property
    def free_slots(self) -> int:
        if self.blocked_reason:
            return 0
        return max(0, self.concurrency - self.in_flight)

    def throughput(self, now: float) -> float:
        """Jobs per second this lane can be expected to finish."""
        measured = self.stats.per_second(now)
        per_job = self.stats.ewma_seconds or self.default_seconds
        modelled = min(self.concurrency / max(per_job, 0.001), self.bucket.rate / 60.0)
        return max(measured, modelled) if measured else modelled

    def eta(self, remaining: int, now: float) -> float:
        if remaining <= 0:
            return 0.0
        return remaining / max(self.throughput(now), 1e-6)
