"""The filter every metric, chart and report takes: a date range plus the dimensions a
user can narrow by (project, provider, model, batch, user profile).

Dates are turned into unix seconds at local midnight using a fixed UTC offset carried by
the filter, so day/week/month buckets computed in SQL match the user's calendar.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone

DAY = 86400


class FilterError(ValueError):
    """A filter value cannot be understood (a date, a range)."""


def local_offset(at: float | None = None) -> int:
    """The machine's UTC offset in seconds at `at` (now by default)."""
    moment = datetime.fromtimestamp(time.time() if at is None else at).astimezone()
    offset = moment.utcoffset()
    return int(offset.total_seconds()) if offset else 0


def parse_date(text: str, field: str = "date") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise FilterError(f"{field}: {text!r} is not a date like 2026-11-30") from exc


def midnight(day: date, tz_offset_s: int) -> float:
    """Unix seconds at the start of `day` in the zone `tz_offset_s` east of UTC."""
    tz = timezone(timedelta(seconds=tz_offset_s))
    return datetime(day.year, day.month, day.day, tzinfo=tz).timestamp()


def day_of(ts: float, tz_offset_s: int) -> date:
    return datetime.fromtimestamp(ts, timezone(timedelta(seconds=tz_offset_s))).date()


@dataclass(frozen=True)
class Filter:
    """What to aggregate: [start, end) in unix seconds (None = open) and optional dimensions."""

    start: float | None = None
    end: float | None = None
    project_id: int | None = None
    provider: str | None = None
    model: str | None = None
    batch_id: int | None = None
    profile_id: int | None = None
    tz_offset_s: int = 0

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise FilterError(f"the range ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def for_dates(cls, first: date | None, last: date | None, tz_offset_s: int = 0,
                  **dims: object) -> Filter:
        """Whole days from `first` to `last`, both included."""
        start = midnight(first, tz_offset_s) if first else None
        end = midnight(last + timedelta(days=1), tz_offset_s) if last else None
        return cls(start=start, end=end, tz_offset_s=tz_offset_s, **dims)  # type: ignore[arg-type]

    def with_range(self, start: float | None, end: float | None) -> Filter:
        return replace(self, start=start, end=end)

    def narrowed(self, **dims: object) -> Filter:
        return replace(self, **dims)  # type: ignore[arg-type]

    @property
    def dimensions(self) -> dict[str, object]:
        """The dimension filters that are set, by name."""
        names = ("project_id", "provider", "model", "batch_id", "profile_id")
        return {n: getattr(self, n) for n in names if getattr(self, n) is not None}

    def first_day(self) -> date | None:
        return day_of(self.start, self.tz_offset_s) if self.start is not None else None

    def last_day(self) -> date | None:
        """The last day inside the range (the end is exclusive)."""
        return day_of(self.end - 1, self.tz_offset_s) if self.end is not None else None

    def describe(self) -> str:
        first, last = self.first_day(), self.last_day()
        period = f"{first or 'the beginning'} to {last or 'now'}"
        extra = ", ".join(f"{k.removesuffix('_id')} {v}" for k, v in self.dimensions.items())
        return f"{period}; {extra}" if extra else period


def month_bounds(day: date, tz_offset_s: int) -> tuple[float, float]:
    """[start, end) of the calendar month holding `day`."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return midnight(first, tz_offset_s), midnight(following, tz_offset_s)


def this_month(now: float, tz_offset_s: int) -> Filter:
    start, end = month_bounds(day_of(now, tz_offset_s), tz_offset_s)
    return Filter(start=start, end=end, tz_offset_s=tz_offset_s)


def last_days(days: int, now: float, tz_offset_s: int) -> Filter:
    """The `days` whole days ending with today."""
    today = day_of(now, tz_offset_s)
    return Filter.for_dates(today - timedelta(days=days - 1), today, tz_offset_s)
