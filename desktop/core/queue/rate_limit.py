"""A token bucket per provider lane, with a pause that honours the provider's retry signals
and a gentle adaptive rate that backs off on 429s and creeps back up on successes."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


class TokenBucket:
    """`rate_per_minute` requests, spaced evenly. The bucket holds at most one second's
    worth of tokens (at least one), so a provider's sliding-window limit is never overrun by
    more than a second's burst, while fast local lanes are not throttled to one job a round."""

    def __init__(
        self,
        rate_per_minute: float,
        capacity: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.configured_rate = max(rate_per_minute, 0.001)
        self.rate = self.configured_rate
        self.capacity = max(capacity if capacity is not None else self.rate / 60.0, 1.0)
        self._clock = clock
        self._tokens = self.capacity
        self._stamp = clock()
        self._paused_until = 0.0
        self._lock = asyncio.Lock()

    def _refill(self, now: float) -> None:
        self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate / 60.0)
        self._stamp = now

    def wait_time(self) -> float:
        """Seconds until a token is available (0 if now)."""
        now = self._clock()
        self._refill(now)
        pause = max(0.0, self._paused_until - now)
        need = 0.0 if self._tokens >= 1 else (1 - self._tokens) * 60.0 / self.rate
        return max(pause, need)

    def take(self, wanted: int) -> int:
        """Take up to `wanted` tokens that are available now; returns how many."""
        if wanted <= 0 or self.wait_time() > 0:
            return 0
        taken = min(wanted, int(self._tokens))
        self._tokens -= taken
        return taken

    def give_back(self, count: int) -> None:
        """Return tokens taken for jobs that turned out not to need a call."""
        if count > 0:
            self._tokens = min(self.capacity, self._tokens + count)

    async def acquire(self) -> None:
        async with self._lock:
            while True:
                wait = self.wait_time()
                if wait <= 0:
                    self._tokens -= 1
                    return
                await asyncio.sleep(wait)

    def pause_for(self, seconds: float) -> None:
        """Stop handing out tokens for `seconds` (a provider's Retry-After)."""
        self._paused_until = max(self._paused_until, self._clock() + max(seconds, 0.0))
        self._tokens = min(self._tokens, 0.0)

    @property
    def paused_for(self) -> float:
        return max(0.0, self._paused_until - self._clock())

    def on_rate_limited(self) -> None:
        self.rate = max(self.configured_rate * 0.1, self.rate * 0.8)

    def on_success(self) -> None:
        if self.rate < self.configured_rate:
            self.rate = min(self.configured_rate, self.rate + self.configured_rate * 0.02)

    def set_rate(self, rate_per_minute: float) -> None:
        self.configured_rate = self.rate = max(rate_per_minute, 0.001)
