"""Mapping a requested width x height onto the aspect ratios a provider accepts.

Providers such as Gemini and Stability take a ratio ("16:9"), not pixels; a job carries
pixels. The nearest ratio is chosen on a log scale (so 2:1 and 1:2 are equally far from 1:1)
and how far off it is comes back too, so an adapter can refuse a size it would distort.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass


def ratio_value(ratio: str) -> float:
    """`"16:9"` -> 1.777...; raises ValueError for anything else."""
    left, sep, right = ratio.partition(":")
    if not sep:
        raise ValueError(f"aspect ratio {ratio!r} is not of the form W:H")
    width, height = float(left), float(right)
    if width <= 0 or height <= 0:
        raise ValueError(f"aspect ratio {ratio!r} must have positive sides")
    return width / height


@dataclass(frozen=True)
class RatioMatch:
    """The allowed ratio nearest to a size, and the relative distortion choosing it means."""

    ratio: str
    error: float  # 0.0 exact; 0.1 means the shapes differ by about 10 %

    def describe(self, width: int, height: int) -> str:
        return f"{width}x{height} is closest to {self.ratio} ({self.error:.0%} off)"


def nearest_ratio(width: int, height: int, allowed: Iterable[str]) -> RatioMatch:
    """The allowed ratio closest in shape to `width` x `height`."""
    if width <= 0 or height <= 0:
        raise ValueError(f"size {width}x{height} must have positive sides")
    wanted = math.log(width / height)
    best: RatioMatch | None = None
    for ratio in allowed:
        distance = abs(math.log(ratio_value(ratio)) - wanted)
        if best is None or distance < math.log1p(best.error):
            best = RatioMatch(ratio, math.expm1(distance))
    if best is None:
        raise ValueError("no aspect ratios to choose from")
    return best
