"""How cell values become text or plain data, shared by the renderers."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from desktop.core.analytics.units import Unit, format_value
from desktop.core.reports.document import Cell

_UNIT_OF = {
    Cell.INT: Unit.COUNT, Cell.USD: Unit.USD, Cell.USD_PER_IMAGE: Unit.USD_PER_IMAGE,
    Cell.PERCENT: Unit.PERCENT, Cell.MS: Unit.MS, Cell.SECONDS: Unit.SECONDS,
    Cell.PER_HOUR: Unit.PER_HOUR, Cell.HOURS: Unit.HOURS, Cell.SCORE: Unit.SCORE,
}

HEADER_UNITS = {Cell.USD: "USD", Cell.USD_PER_IMAGE: "USD", Cell.PERCENT: "%", Cell.MS: "ms",
                Cell.SECONDS: "s", Cell.PER_HOUR: "per hour", Cell.HOURS: "h"}


def to_datetime(ts: float, tz_offset_s: int) -> datetime:
    return datetime.fromtimestamp(ts, timezone(timedelta(seconds=tz_offset_s)))


def text(value: object, cell: Cell, tz_offset_s: int = 0) -> str:
    """What a person reads in a table cell."""
    if value is None:
        return "–"
    if cell is Cell.DATETIME and isinstance(value, int | float):
        return to_datetime(value, tz_offset_s).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if cell in _UNIT_OF and isinstance(value, int | float):
        return format_value(value, _UNIT_OF[cell])
    if cell is Cell.NUMBER and isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def plain(value: object, cell: Cell, tz_offset_s: int = 0) -> object:
    """A machine-readable value for JSON and CSV: numbers stay numbers, times are ISO."""
    if value is None:
        return None
    if cell is Cell.DATETIME and isinstance(value, int | float):
        return to_datetime(value, tz_offset_s).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if cell is Cell.INT and isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, float):
        return round(value, 6)
    return value


def header(label: str, cell: Cell) -> str:
    unit = HEADER_UNITS.get(cell)
    return f"{label} ({unit})" if unit else label


def relative(path: Path | None, root: str) -> str | None:
    if path is None:
        return None
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
