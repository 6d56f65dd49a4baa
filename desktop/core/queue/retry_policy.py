"""When a failed attempt is tried again, and when a job gives up."""

from __future__ import annotations

import random
from dataclasses import dataclass

from desktop.core.models import ErrorKind


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5  # failures other than rate limiting
    max_rate_limited: int = 30  # 429s are the provider asking us to wait, not a failure
    base_delay: float = 2.0
    max_delay: float = 120.0
    jitter: float = 0.25

    def should_retry(self, kind: ErrorKind, failures: int, rate_limited: int) -> bool:
        if not kind.retryable:
            return False
        if kind is ErrorKind.RATE_LIMITED:
            return rate_limited < self.max_rate_limited
        return failures < self.max_attempts

    def delay(self, kind: ErrorKind, failures: int, retry_after: float | None, rng: random.Random) -> float:
        """Seconds before the next attempt: the provider's own wait when it gave one, else
        exponential backoff with jitter so parallel jobs do not retry in lockstep."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), 3600.0) + rng.uniform(0, 0.05)
        step = 1 if kind is ErrorKind.RATE_LIMITED else max(failures, 1)
        base = min(self.max_delay, self.base_delay * (2 ** (step - 1)))
        return base * (1 + rng.uniform(-self.jitter, self.jitter))
