"""Running scheduled reports while the app is open, and catching up at start-up.

`ScheduleRunner.due(now)` lists what should have run by `now` and has not; `run_due(now)`
writes those reports to each schedule's folder, hands them to `push` (the sync service,
given by the composition root) when the schedule asks, and records the run. The clock
and the UTC offset are injected so tests can move time. `run_schedules` is the loop the
app starts: it checks once a minute and does the work in an executor.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.core.analytics.filters import local_offset
from desktop.core.reports.request import Progress, ReportError, ReportRequest
from desktop.core.reports.schedule import (
    ReportSchedule,
    ScheduleStore,
    file_name,
    occurrences,
    run_filter,
)
from desktop.core.reports.service import ReportService

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DueRun:
    schedule: ReportSchedule
    occurrence: float  # the scheduled time (unix seconds)
    skipped: int = 0  # older missed occurrences not caught up (beyond max_catch_up)


@dataclass(frozen=True)
class RunOutcome:
    schedule_id: int
    occurrence: float
    path: Path | None
    error: str | None = None
    pushed: bool = False


class ScheduleRunner:
    def __init__(self, store: ScheduleStore, reports: ReportService, *,
                 clock: Callable[[], float] = time.time,
                 tz_offset: Callable[[float], int] = local_offset,
                 push: Callable[[Path], None] | None = None, max_catch_up: int = 3) -> None:
        self.store = store
        self.reports = reports
        self.clock = clock
        self.tz_offset = tz_offset
        self.push = push
        self.max_catch_up = max_catch_up

    def due(self, now: float | None = None) -> list[DueRun]:
        """Occurrences that fell due and have not run, newest `max_catch_up` per schedule."""
        now = self.clock() if now is None else now
        tz = self.tz_offset(now)
        out = []
        for s in self.store.all():
            if not s.enabled:
                continue
            missed = occurrences(s, s.last_run_at if s.last_run_at is not None else s.created_at, now, tz)
            kept = missed[-self.max_catch_up:] if self.max_catch_up else []
            skipped = len(missed) - len(kept)
            out += [DueRun(s, at, skipped if i == 0 else 0) for i, at in enumerate(kept)]
        return out

    def run_due(self, now: float | None = None, progress: Progress | None = None) -> list[RunOutcome]:
        now = self.clock() if now is None else now
        outcomes = []
        for run in self.due(now):
            outcomes.append(self._run(run, now, progress))
        return outcomes

    def run_now(self, schedule_id: int, progress: Progress | None = None) -> RunOutcome:
        """Write one schedule's report at once, for the period it would cover now ("run
        now" in the tab); the next scheduled run still happens at its time."""
        s = self.store.get(schedule_id)
        now = self.clock()
        written, error, pushed = self._write(s, now, progress)
        self.store.save(replace(s, last_output=str(written) if written else s.last_output, last_error=error))
        return RunOutcome(s.id or 0, now, written, error, pushed)

    def _run(self, run: DueRun, now: float, progress: Progress | None) -> RunOutcome:
        s = run.schedule
        written, error, pushed = self._write(s, run.occurrence, progress)
        # The occurrence is done either way: a broken folder is reported once, not every minute.
        note = f"; skipped {run.skipped} older missed runs" if run.skipped else ""
        self.store.save(replace(s, last_run_at=run.occurrence, last_output=str(written) if written else s.last_output,
                                last_error=(error + note) if error else (note.lstrip("; ") or None)))
        return RunOutcome(s.id or 0, run.occurrence, written, error, pushed)

    def _write(self, s: ReportSchedule, at: float,
               progress: Progress | None) -> tuple[Path | None, str | None, bool]:
        """The report for the period before `at`, written and (if asked) pushed."""
        tz = self.tz_offset(at)
        path = Path(s.folder) / file_name(s, at, tz)
        request = ReportRequest(s.report_type, s.format, s.template, run_filter(s, at, tz), title=s.name)
        try:
            written = self.reports.generate(request, path, progress).path
        except (ReportError, OSError) as exc:
            log.warning("scheduled report %s (%s) failed: %s", s.id, s.name or s.report_type, exc)
            return None, str(exc), False
        if not (s.push_sync and self.push is not None):
            return written, None, False
        try:
            self.push(written)
        except Exception as exc:  # a sync failure (any backend's error) must not lose the run
            log.warning("scheduled report %s was written but not pushed: %s", s.id, exc)
            return written, f"written, but not pushed with sync: {exc}", False
        return written, None, True


async def run_schedules(runner: ScheduleRunner, executor: Executor | None = None, *,
                        interval_s: float = 60.0, stop: asyncio.Event | None = None) -> None:
    """Check at once (catching up what was missed), then every `interval_s`, until `stop`."""
    loop = asyncio.get_running_loop()
    stop = stop or asyncio.Event()
    while not stop.is_set():
        try:
            await loop.run_in_executor(executor, runner.run_due)
        except Exception:  # one bad run must not end the loop
            log.exception("scheduled reports failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=interval_s)
