"""A bandwidth limit shared by a destination's transfer threads (a token bucket in bytes)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Bandwidth:
    """Blocks callers so the bytes they declare average out to `bytes_per_s` or less.

    A burst of one second's worth is allowed, so small files are not delayed one by one.
    `0` means unlimited. Thread-safe: transfers run on a pool of worker threads.
    """

    def __init__(self, bytes_per_s: int, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.rate = max(0, int(bytes_per_s))
        self._clock, self._sleep = clock, sleep
        self._lock = threading.Lock()
        self._tokens = float(self.rate)
        self._stamp = clock()

    def consume(self, n: int) -> float:
        """Take `n` bytes' worth of tokens, sleeping as needed; returns the time slept."""
        if self.rate <= 0 or n <= 0:
            return 0.0
        with self._lock:
            now = self._clock()
            self._tokens = min(float(self.rate), self._tokens + (now - self._stamp) * self.rate)
            self._stamp = now
            self._tokens -= n
            wait = -self._tokens / self.rate if self._tokens < 0 else 0.0
        if wait > 0:
            self._sleep(wait)
        return wait
