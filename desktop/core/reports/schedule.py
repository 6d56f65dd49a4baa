"""Scheduled reports: what a schedule is, when it falls due, which period each run covers,
and the table that keeps them (report_schedules, revision 0005).

Times are local through a fixed UTC offset given by the caller. A daily report at 08:00
covers the day before; a weekly one the seven days before its day; a monthly one the
calendar month before. `last_run_at` holds the scheduled time of the last occurrence
handled, so occurrences missed while the app was closed are found at the next start.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from sqlalchemy import text

from desktop.core.analytics.filters import Filter, day_of, midnight
from desktop.core.reports.request import Format, ReportError
from desktop.core.reports.templates import Template
from desktop.core.store.database import Database

FILTER_FIELDS = ("project_id", "provider", "model", "batch_id", "profile_id")
MAX_DAYS_BACK = 400  # occurrences older than this are not looked for


class Frequency(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


@dataclass(frozen=True)
class ReportSchedule:
    report_type: str
    format: Format
    frequency: Frequency
    folder: Path
    created_at: float
    name: str = ""
    template: Template = Template.DETAILED
    at_minute: int = 8 * 60  # minutes after local midnight
    weekday: int = 0  # weekly: 0 = Monday
    day_of_month: int = 1  # monthly: 1..28
    push_sync: bool = False
    filter: dict[str, object] = field(default_factory=dict)
    enabled: bool = True
    last_run_at: float | None = None
    last_output: str | None = None
    last_error: str | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.at_minute < 1440:
            raise ReportError(f"schedule {self.name!r}: time of day must be 00:00..23:59")
        if not 0 <= self.weekday <= 6:
            raise ReportError(f"schedule {self.name!r}: weekday must be 0 (Monday) .. 6 (Sunday)")
        if not 1 <= self.day_of_month <= 28:
            raise ReportError(f"schedule {self.name!r}: day of month must be 1..28 (every month has it)")
        unknown = set(self.filter) - set(FILTER_FIELDS)
        if unknown:
            raise ReportError(f"schedule {self.name!r}: unknown filter fields {sorted(unknown)}")

    def matches(self, day: date) -> bool:
        if self.frequency is Frequency.WEEKLY:
            return day.weekday() == self.weekday
        if self.frequency is Frequency.MONTHLY:
            return day.day == self.day_of_month
        return True


def occurrences(s: ReportSchedule, after: float, until: float, tz_offset_s: int) -> list[float]:
    """Scheduled times t with after < t <= until, oldest first."""
    first = max(day_of(after, tz_offset_s), day_of(until, tz_offset_s) - timedelta(days=MAX_DAYS_BACK))
    last = day_of(until, tz_offset_s)
    out, day = [], first
    while day <= last:
        if s.matches(day):
            at = midnight(day, tz_offset_s) + s.at_minute * 60
            if after < at <= until:
                out.append(at)
        day += timedelta(days=1)
    return out


def period_for(s: ReportSchedule, occurrence: float, tz_offset_s: int) -> tuple[date, date]:
    """The first and last day (inclusive) a run at `occurrence` reports on."""
    day = day_of(occurrence, tz_offset_s)
    if s.frequency is Frequency.DAILY:
        return day - timedelta(days=1), day - timedelta(days=1)
    if s.frequency is Frequency.WEEKLY:
        return day - timedelta(days=7), day - timedelta(days=1)
    last = day.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def run_filter(s: ReportSchedule, occurrence: float, tz_offset_s: int) -> Filter:
    first, last = period_for(s, occurrence, tz_offset_s)
    return Filter.for_dates(first, last, tz_offset_s, **s.filter)


def file_name(s: ReportSchedule, occurrence: float, tz_offset_s: int) -> str:
    first, last = period_for(s, occurrence, tz_offset_s)
    stem = re.sub(r"[^\w.-]+", "-", s.name, flags=re.UNICODE).strip("-") or s.report_type
    if s.frequency is Frequency.DAILY:
        period = first.isoformat()
    elif s.frequency is Frequency.MONTHLY:
        period = first.strftime("%Y-%m")
    else:
        period = f"{first.isoformat()}_{last.isoformat()}"
    return f"{stem}-{period}.{Format(s.format).value}"


class ScheduleStore:
    """The report_schedules rows, through the store's writer engine."""

    COLUMNS = ("name", "report_type", "format", "template", "frequency", "at_minute", "weekday",
               "day_of_month", "folder", "push_sync", "filter_json", "enabled", "created_at",
               "last_run_at", "last_output", "last_error")

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, s: ReportSchedule) -> ReportSchedule:
        values = self._values(s)
        with self.db.engine_or_raise().begin() as conn:
            new_id = conn.execute(text(
                f"INSERT INTO report_schedules ({', '.join(self.COLUMNS)}) VALUES"
                f" ({', '.join(':' + c for c in self.COLUMNS)})"), values).lastrowid
        return replace(s, id=int(new_id))

    def all(self) -> list[ReportSchedule]:
        with self.db.engine_or_raise().begin() as conn:
            rows = conn.execute(text("SELECT * FROM report_schedules ORDER BY id")).mappings().all()
        return [self._schedule(r) for r in rows]

    def get(self, schedule_id: int) -> ReportSchedule:
        for s in self.all():
            if s.id == schedule_id:
                return s
        raise ReportError(f"there is no report schedule {schedule_id}")

    def save(self, s: ReportSchedule) -> None:
        if s.id is None:
            raise ReportError("a schedule must be added before it is saved")
        sets = ", ".join(f"{c} = :{c}" for c in self.COLUMNS)
        with self.db.engine_or_raise().begin() as conn:
            conn.execute(text(f"UPDATE report_schedules SET {sets} WHERE id = :id"), {**self._values(s), "id": s.id})

    def remove(self, schedule_id: int) -> None:
        with self.db.engine_or_raise().begin() as conn:
            conn.execute(text("DELETE FROM report_schedules WHERE id = :id"), {"id": schedule_id})

    @staticmethod
    def _values(s: ReportSchedule) -> dict[str, object]:
        return {
            "name": s.name, "report_type": s.report_type, "format": Format(s.format).value,
            "template": Template(s.template).value, "frequency": Frequency(s.frequency).value,
            "at_minute": s.at_minute, "weekday": s.weekday, "day_of_month": s.day_of_month,
            "folder": str(s.folder), "push_sync": bool(s.push_sync),
            "filter_json": json.dumps(s.filter, ensure_ascii=False, sort_keys=True), "enabled": bool(s.enabled),
            "created_at": s.created_at, "last_run_at": s.last_run_at, "last_output": s.last_output,
            "last_error": s.last_error,
        }

    @staticmethod
    def _schedule(r: object) -> ReportSchedule:
        m = dict(r)  # type: ignore[call-overload]
        return ReportSchedule(
            id=m["id"], name=m["name"], report_type=m["report_type"], format=Format(m["format"]),
            template=Template(m["template"]), frequency=Frequency(m["frequency"]), at_minute=m["at_minute"],
            weekday=m["weekday"], day_of_month=m["day_of_month"], folder=Path(m["folder"]),
            push_sync=bool(m["push_sync"]), filter=json.loads(m["filter_json"] or "{}"),
            enabled=bool(m["enabled"]), created_at=m["created_at"], last_run_at=m["last_run_at"],
            last_output=m["last_output"], last_error=m["last_error"])
