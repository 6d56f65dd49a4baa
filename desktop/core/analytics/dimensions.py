"""The dimensions metrics can be grouped and filtered by, and how time buckets are named.

Time buckets are computed in SQL from unix seconds plus the filter's UTC offset: a day is
`CAST((t + tz) / 86400 AS INTEGER)` (days since 1970-01-01), a week counts Mondays the same
way, a month is `strftime('%Y-%m', ...)`. The engine turns them back into `date` objects.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

EPOCH = date(1970, 1, 1)


class Dim(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    PROVIDER = "provider"
    MODEL = "model"
    BATCH = "batch"
    PROJECT = "project"
    PROFILE = "profile"
    ERROR_KIND = "error_kind"
    PROMPT = "prompt"
    STYLE = "style"

    @property
    def is_time(self) -> bool:
        return self in (Dim.DAY, Dim.WEEK, Dim.MONTH)


# Filter field -> the dimension it narrows.
FILTER_DIMS = {
    "project_id": Dim.PROJECT,
    "provider": Dim.PROVIDER,
    "model": Dim.MODEL,
    "batch_id": Dim.BATCH,
    "profile_id": Dim.PROFILE,
}


def time_bucket_sql(dim: Dim, column: str) -> str:
    day = f"CAST(({column} + :tz) / 86400 AS INTEGER)"
    if dim is Dim.DAY:
        return day
    if dim is Dim.WEEK:
        return f"(({day} + 3) / 7)"  # 1970-01-01 was a Thursday: +3 makes weeks start Monday
    if dim is Dim.MONTH:
        return f"strftime('%Y-%m', {column} + :tz, 'unixepoch')"
    raise ValueError(f"{dim} is not a time dimension")


def bucket_date(dim: Dim, raw: object) -> date:
    """The first day of a bucket from its SQL value."""
    if dim is Dim.DAY:
        return EPOCH + timedelta(days=int(raw))  # type: ignore[arg-type]
    if dim is Dim.WEEK:
        return EPOCH + timedelta(days=7 * int(raw) - 3)  # type: ignore[arg-type]
    if dim is Dim.MONTH:
        year, month = str(raw).split("-")
        return date(int(year), int(month), 1)
    raise ValueError(f"{dim} is not a time dimension")


def bucket_start(dim: Dim, day: date) -> date:
    """The first day of the bucket that holds `day`."""
    if dim is Dim.DAY:
        return day
    if dim is Dim.WEEK:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def next_bucket(dim: Dim, start: date) -> date:
    if dim is Dim.DAY:
        return start + timedelta(days=1)
    if dim is Dim.WEEK:
        return start + timedelta(days=7)
    return (start.replace(day=1) + timedelta(days=32)).replace(day=1)


def buckets_between(dim: Dim, first: date, last: date) -> list[date]:
    """Every bucket start from the bucket of `first` to the bucket of `last`, inclusive."""
    out, current = [], bucket_start(dim, first)
    while current <= last:
        out.append(current)
        current = next_bucket(dim, current)
    return out


def pick_bucket(first: date, last: date) -> Dim:
    """A bucket size that gives a readable chart: days up to ~3 months, then weeks, months."""
    span = (last - first).days + 1
    if span <= 92:
        return Dim.DAY
    if span <= 366:
        return Dim.WEEK
    return Dim.MONTH
