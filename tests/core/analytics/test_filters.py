"""Filters: dates to unix seconds in the user's zone, and clear errors."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.core.analytics.filters import Filter, FilterError, last_days, parse_date, this_month


def test_whole_days_in_a_time_zone() -> None:
    f = Filter.for_dates(date(2026, 11, 1), date(2026, 11, 30), 8 * 3600, project_id=3)
    assert f.start == datetime(2026, 10, 31, 16, tzinfo=UTC).timestamp()
    assert f.end == datetime(2026, 11, 30, 16, tzinfo=UTC).timestamp()
    assert (f.first_day(), f.last_day()) == (date(2026, 11, 1), date(2026, 11, 30))
    assert f.describe() == "2026-11-01 to 2026-11-30; project 3"


def test_this_month_and_last_days() -> None:
    now = datetime(2026, 2, 14, 12, tzinfo=UTC).timestamp()
    month = this_month(now, 0)
    assert (month.first_day(), month.last_day()) == (date(2026, 2, 1), date(2026, 2, 28))
    week = last_days(7, now, 0)
    assert (week.first_day(), week.last_day()) == (date(2026, 2, 8), date(2026, 2, 14))


def test_bad_dates_and_ranges_say_what_is_wrong() -> None:
    with pytest.raises(FilterError, match="--from: '2026-13-01' is not a date"):
        parse_date("2026-13-01", "--from")
    with pytest.raises(FilterError, match="ends"):
        Filter(start=10, end=5)
