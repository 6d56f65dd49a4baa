"""Scheduled reports: when they fall due, what period each covers, catch-up after the app
was closed, and the files they write (clock injected)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.core.reports.request import Format, ReportError
from desktop.core.reports.schedule import (
    Frequency,
    ReportSchedule,
    ScheduleStore,
    file_name,
    occurrences,
    period_for,
)
from desktop.core.reports.scheduler import ScheduleRunner
from desktop.core.reports.templates import Template


def ts(*parts: int) -> float:
    return datetime(*parts, tzinfo=UTC).timestamp()


def sched(freq: Frequency, folder: Path = Path("/tmp/x"), **kw) -> ReportSchedule:
    return ReportSchedule("usage", Format.JSON, freq, folder, created_at=kw.pop("created_at", ts(2026, 11, 1)), **kw)


def test_daily_weekly_and_monthly_times() -> None:
    daily = sched(Frequency.DAILY, at_minute=8 * 60)
    assert occurrences(daily, ts(2026, 11, 2, 8), ts(2026, 11, 4, 9), 0) == [ts(2026, 11, 3, 8), ts(2026, 11, 4, 8)]
    weekly = sched(Frequency.WEEKLY, weekday=0, at_minute=0)  # Mondays at midnight
    assert occurrences(weekly, ts(2026, 11, 1), ts(2026, 11, 30), 0) == [
        ts(2026, 11, 2), ts(2026, 11, 9), ts(2026, 11, 16), ts(2026, 11, 23), ts(2026, 11, 30)]
    monthly = sched(Frequency.MONTHLY, day_of_month=1, at_minute=60)
    assert occurrences(monthly, ts(2026, 10, 15), ts(2027, 1, 1, 1), 0) == [
        ts(2026, 11, 1, 1), ts(2026, 12, 1, 1), ts(2027, 1, 1, 1)]
    taipei = occurrences(daily, ts(2026, 11, 2, 12), ts(2026, 11, 3, 12), 8 * 3600)
    assert taipei == [ts(2026, 11, 3, 0)]  # 08:00 in Taipei is midnight UTC


def test_each_run_covers_the_period_before_it() -> None:
    assert period_for(sched(Frequency.DAILY), ts(2026, 11, 4, 8), 0) == (date(2026, 11, 3), date(2026, 11, 3))
    assert period_for(sched(Frequency.WEEKLY), ts(2026, 11, 9, 8), 0) == (date(2026, 11, 2), date(2026, 11, 8))
    assert period_for(sched(Frequency.MONTHLY), ts(2026, 11, 1, 8), 0) == (date(2026, 10, 1), date(2026, 10, 31))
    assert file_name(sched(Frequency.MONTHLY, name="月報 Monthly"), ts(2026, 11, 1, 8), 0) == "月報-Monthly-2026-10.json"


def test_bad_schedules_are_refused() -> None:
    with pytest.raises(ReportError, match="day of month"):
        sched(Frequency.MONTHLY, day_of_month=31)
    with pytest.raises(ReportError, match="unknown filter"):
        sched(Frequency.DAILY, filter={"colour": "red"})


def test_the_store_keeps_schedules(workflow_store, tmp_path) -> None:
    store = ScheduleStore(workflow_store.db)
    added = store.add(sched(Frequency.WEEKLY, tmp_path, name="週報", template=Template.CLIENT,
                            filter={"project_id": 10}, push_sync=True))
    again = store.get(added.id)
    assert again == added and again.filter == {"project_id": 10} and again.template is Template.CLIENT
    store.remove(added.id)
    assert store.all() == []


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _runner(reports, workflow_store, clock, pushed=None, **kw) -> ScheduleRunner:
    return ScheduleRunner(ScheduleStore(workflow_store.db), reports, clock=clock, tz_offset=lambda _t: 0,
                          push=(pushed.append if pushed is not None else None), **kw)


def test_a_daily_report_runs_once_at_its_time_and_covers_the_day_before(reports, workflow_store, tmp_path) -> None:
    store = ScheduleStore(workflow_store.db)
    store.add(sched(Frequency.DAILY, tmp_path / "out", at_minute=8 * 60, created_at=ts(2026, 11, 3, 12)))
    clock = Clock(ts(2026, 11, 4, 7, 59))
    runner = _runner(reports, workflow_store, clock)
    assert runner.run_due() == []
    clock.now = ts(2026, 11, 4, 8, 0, 30)
    [outcome] = runner.run_due()
    assert outcome.error is None and outcome.path == tmp_path / "out" / "usage-2026-11-03.json"
    doc = json.loads(outcome.path.read_text("utf-8"))
    kpis = {k["label"]: k["value"] for k in doc["sections"][0]["kpis"]}
    assert kpis["Images made"] == 1 and kpis["Spend"] == 0.03  # Nov 3 only: J4
    assert runner.run_due() == []  # done for today
    assert store.all()[0].last_run_at == ts(2026, 11, 4, 8)


def test_missed_runs_are_caught_up_at_start_newest_first_limited(reports, workflow_store, tmp_path) -> None:
    store = ScheduleStore(workflow_store.db)
    store.add(sched(Frequency.DAILY, tmp_path, at_minute=8 * 60, created_at=ts(2026, 11, 1),
                    last_run_at=ts(2026, 11, 1, 8)))
    runner = _runner(reports, workflow_store, Clock(ts(2026, 11, 7, 9)), max_catch_up=3)
    due = runner.due()
    assert [d.occurrence for d in due] == [ts(2026, 11, 5, 8), ts(2026, 11, 6, 8), ts(2026, 11, 7, 8)]
    assert due[0].skipped == 3  # Nov 2, 3 and 4 are not made up
    outcomes = runner.run_due()
    assert sorted(p.name for p in tmp_path.glob("*.json")) == [
        "usage-2026-11-04.json", "usage-2026-11-05.json", "usage-2026-11-06.json"]
    assert all(o.error is None for o in outcomes) and runner.due() == []


def test_a_schedule_can_push_its_report_with_sync(reports, workflow_store, tmp_path) -> None:
    store = ScheduleStore(workflow_store.db)
    store.add(sched(Frequency.WEEKLY, tmp_path, weekday=0, push_sync=True, created_at=ts(2026, 11, 8)))
    pushed: list[Path] = []
    [outcome] = _runner(reports, workflow_store, Clock(ts(2026, 11, 9, 9)), pushed).run_due()
    assert outcome.pushed and pushed == [tmp_path / "usage-2026-11-02_2026-11-08.json"]


def test_a_failing_run_is_recorded_and_not_retried_every_minute(reports, workflow_store, tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    store = ScheduleStore(workflow_store.db)
    store.add(sched(Frequency.DAILY, blocker / "reports", created_at=ts(2026, 11, 1, 12)))
    runner = _runner(reports, workflow_store, Clock(ts(2026, 11, 2, 9)))
    [outcome] = runner.run_due()
    assert outcome.path is None and "cannot write the report" in outcome.error
    assert "cannot write the report" in store.all()[0].last_error
    assert runner.run_due() == []


def test_disabled_schedules_do_not_run(reports, workflow_store, tmp_path) -> None:
    ScheduleStore(workflow_store.db).add(sched(Frequency.DAILY, tmp_path, enabled=False))
    assert _runner(reports, workflow_store, Clock(ts(2026, 12, 1))).due() == []


@pytest.mark.asyncio
async def test_the_app_loop_catches_up_at_once_and_stops_when_asked(reports, workflow_store, tmp_path) -> None:
    import asyncio

    from desktop.core.reports.scheduler import run_schedules

    ScheduleStore(workflow_store.db).add(sched(Frequency.DAILY, tmp_path, created_at=ts(2026, 11, 1, 12)))
    runner = _runner(reports, workflow_store, Clock(ts(2026, 11, 3, 9)))
    stop = asyncio.Event()
    task = asyncio.create_task(run_schedules(runner, interval_s=3600, stop=stop))
    for _ in range(200):
        if len(list(tmp_path.glob("*.json"))) == 2:
            break
        await asyncio.sleep(0.02)
    stop.set()
    await asyncio.wait_for(task, 5)
    assert sorted(p.name for p in tmp_path.glob("*.json")) == ["usage-2026-11-01.json", "usage-2026-11-02.json"]


def test_run_now_writes_the_period_it_would_cover_now_and_keeps_the_schedule(reports, workflow_store,
                                                                               tmp_path) -> None:
    store = ScheduleStore(workflow_store.db)
    added = store.add(sched(Frequency.DAILY, tmp_path / "out", at_minute=8 * 60, created_at=ts(2026, 11, 3, 12)))
    runner = _runner(reports, workflow_store, Clock(ts(2026, 11, 4, 7, 0)))

    outcome = runner.run_now(added.id)

    assert outcome.error is None and outcome.path == tmp_path / "out" / "usage-2026-11-03.json"
    kept = store.get(added.id)
    assert kept.last_output == str(outcome.path) and kept.last_run_at is None  # 08:00 still runs
    assert [d.occurrence for d in runner.due(ts(2026, 11, 4, 8, 1))] == [ts(2026, 11, 4, 8)]


def test_a_report_that_cannot_be_pushed_is_kept_and_the_run_is_not_repeated(reports, workflow_store,
                                                                             tmp_path) -> None:
    store = ScheduleStore(workflow_store.db)
    store.add(sched(Frequency.DAILY, tmp_path, push_sync=True, created_at=ts(2026, 11, 1, 12)))

    def unreachable(_path: Path) -> None:
        raise RuntimeError("bucket team-renders unreachable")  # e.g. a SyncError, not an OSError

    runner = _runner(reports, workflow_store, Clock(ts(2026, 11, 2, 9)))
    runner.push = unreachable
    [outcome] = runner.run_due()

    assert outcome.path is not None and outcome.path.exists() and not outcome.pushed
    assert "not pushed" in outcome.error and "unreachable" in store.all()[0].last_error
    assert runner.run_due() == []
