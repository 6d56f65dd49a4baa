"""Reading "try again later" signals: Retry-After, retry-after-ms, x-ratelimit-reset-*, and
Google's `RetryInfo.retryDelay` durations."""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Mapping
from email.utils import parsedate_to_datetime

_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|h|m|s)")


def parse_duration(text: str) -> float | None:
    """Seconds in a Go/OpenAI-style duration: "12ms", "1s", "6m0s", "1h2m3.5s", "19s"."""
    text = text.strip().lower()
    if not text:
        return None
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    parts = _DURATION.findall(text)
    if not parts or "".join(n + u for n, u in parts) != text:
        return None
    scale = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}
    return sum(float(n) * scale[u] for n, u in parts)


def _retry_after_value(value: str, now: float) -> float | None:
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - now)


def parse_retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """The longest wait any rate-limit header asks for, in seconds, or None."""
    now = time.time() if now is None else now
    lower = {k.lower(): v for k, v in headers.items()}
    waits: list[float] = []
    if "retry-after-ms" in lower:
        with contextlib.suppress(ValueError):
            waits.append(max(0.0, float(lower["retry-after-ms"]) / 1000))
    if "retry-after" in lower:
        value = _retry_after_value(lower["retry-after"], now)
        if value is not None:
            waits.append(value)
    if not waits:
        for name in ("x-ratelimit-reset-requests", "x-ratelimit-reset-tokens", "x-ratelimit-reset"):
            if name in lower:
                value = parse_duration(lower[name])
                if value is not None:
                    waits.append(value)
    return max(waits) if waits else None


def google_retry_delay(body: object) -> float | None:
    """`error.details[].retryDelay` of type google.rpc.RetryInfo, in seconds."""
    if not isinstance(body, dict):
        return None
    error = body.get("error")
    details = error.get("details") if isinstance(error, dict) else None
    for detail in details or []:
        if isinstance(detail, dict) and str(detail.get("@type", "")).endswith("RetryInfo"):
            return parse_duration(str(detail.get("retryDelay", "")))
    return None
