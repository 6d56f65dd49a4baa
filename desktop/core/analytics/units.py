"""Units every metric is expressed in, and the one way their values are written as text.

Percentages are held as 0–100 (not fractions) everywhere in the core; renderers that need
a fraction (Excel's percent format) divide by 100 themselves.
"""

from __future__ import annotations

from enum import StrEnum


class Unit(StrEnum):
    COUNT = "count"
    USD = "usd"
    PERCENT = "percent"
    MS = "ms"
    SECONDS = "seconds"
    PER_HOUR = "per_hour"
    USD_PER_IMAGE = "usd_per_image"
    SCORE = "score"
    HOURS = "hours"

    @property
    def symbol(self) -> str:
        return _SYMBOLS[self]

    @property
    def is_money(self) -> bool:
        return self in (Unit.USD, Unit.USD_PER_IMAGE)


_SYMBOLS = {
    Unit.COUNT: "",
    Unit.USD: "USD",
    Unit.PERCENT: "%",
    Unit.MS: "ms",
    Unit.SECONDS: "s",
    Unit.PER_HOUR: "images/h",
    Unit.USD_PER_IMAGE: "USD/image",
    Unit.SCORE: "",
    Unit.HOURS: "h",
}

NOT_AVAILABLE = "not available"


def format_value(value: float | int | None, unit: Unit) -> str:
    """Plain English text for a value; None means the metric could not be computed."""
    if value is None:
        return NOT_AVAILABLE
    if unit is Unit.COUNT:
        return f"{int(round(value)):,}"
    if unit is Unit.USD:
        # Cents hide small amounts (a cache hit saves $0.035): keep a third decimal below $1.
        exact = abs(value) >= 1 or abs(value * 100 - round(value * 100)) < 1e-6
        return f"${value:,.2f}" if exact else f"${value:,.3f}"
    if unit is Unit.USD_PER_IMAGE:
        return f"${value:,.4f}"
    if unit is Unit.PERCENT:
        return f"{value:.1f}%"
    if unit is Unit.MS:
        return f"{value:,.0f} ms"
    if unit is Unit.SECONDS:
        return f"{value:,.1f} s"
    if unit is Unit.PER_HOUR:
        return f"{value:,.1f}/h"
    if unit is Unit.HOURS:
        return f"{value:,.1f} h"
    return f"{value:,.2f}"
