"""Retries with exponential backoff and jitter for transient remote failures."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from desktop.core.sync.errors import TransientRemoteError

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """`attempts` tries within a pass; an item that still fails waits `pass_delay()` for
    the next pass, growing with its failures up to `max_pass_delay`."""

    attempts: int = 4
    base_delay: float = 0.25
    max_delay: float = 8.0
    max_pass_delay: float = 600.0

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number `attempt` (1-based)."""
        raw = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return raw * (0.75 + random.random() * 0.5)

    def pass_delay(self, failures: int) -> float:
        return min(self.max_pass_delay, 2.0 * 2 ** max(0, failures - 1))

    def call(self, fn: Callable[[], T], what: str = "",
             sleep: Callable[[float], None] = time.sleep) -> T:
        for attempt in range(1, self.attempts + 1):
            try:
                return fn()
            except TransientRemoteError as exc:
                if attempt >= self.attempts:
                    raise
                wait = self.delay(attempt)
                log.info("%s failed (%s); retrying in %.2fs", what or "remote call", exc, wait)
                sleep(wait)
        raise AssertionError("unreachable")
