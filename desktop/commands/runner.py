"""Running the queue from a terminal: a live progress line, Ctrl-C that leaves jobs safe,
and, when the window (or another process) already runs the queue, watching it instead."""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import dataclass
from typing import TextIO

from desktop.core import events as ev
from desktop.core.queue.types import BatchProgress
from desktop.core.services import Services


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


@dataclass
class ProgressPrinter:
    out: TextIO
    tty: bool
    last: float = 0.0
    width: int = 0

    def show(self, line: str, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < (0.2 if self.tty else 5.0):
            return
        self.last = now
        if self.tty:
            pad = max(0, self.width - len(line))
            self.out.write("\r" + line + " " * pad)
            self.width = len(line)
        else:
            self.out.write(line + "\n")
        self.out.flush()

    def done(self) -> None:
        if self.tty and self.width:
            self.out.write("\n")
            self.out.flush()


def progress_line(batches: list[BatchProgress], eta: float | None) -> str:
    total = sum(b.total for b in batches)
    done = sum(b.done for b in batches)
    ok = sum(b.succeeded for b in batches)
    failed = sum(b.failed for b in batches)
    running = sum(b.running for b in batches)
    cost = sum(b.cost_usd for b in batches)
    return (f"{done}/{total} done ({ok} ok, {failed} failed) · {running} running · "
            f"${cost:.2f} · ETA {format_duration(eta)}")


def interrupted_message(services: Services) -> str:
    """What Ctrl-C left behind: jobs back in the queue, or (when watching) still running elsewhere."""
    if services.engine is None:
        return "stopped watching; the other process goes on running the jobs."
    return "interrupted: running jobs went back to the queue; `main.py queue run` continues them."


async def run_until_done(services: Services, batch_ids: list[int] | None, out: TextIO | None = None) -> str:
    """Run (or watch) the queue until the given batches (or all) have nothing runnable.
    Returns 'ran', 'watched' or 'interrupted'."""
    out = out or sys.stdout  # read at call time: sys.stdout may have been replaced since import
    printer = ProgressPrinter(out, out.isatty())
    engine, report = services.acquire_engine()
    if report and report.changed:
        print(f"Recovered after an interrupted run: {len(report.requeued)} job(s) back in the queue, "
              f"{len(report.adopted)} finished from images already on disk.", file=out)
    only = frozenset(batch_ids) if batch_ids else None
    seen: set[int] = set(batch_ids or ())  # batches this run touched, for the closing line

    def current() -> list[BatchProgress]:
        if batch_ids:
            return services.queue.batches(batch_ids)
        seen.update(b.id for b in services.queue.batches(active_only=True))
        return services.queue.batches(sorted(seen))

    def refresh(_event: object = None) -> None:
        printer.show(progress_line(current(), services.queue.queue_eta()))

    if engine is None:
        print(f"The queue is being run by another process (pid {services.lock.owner()}); "
              "watching it until these jobs finish. Ctrl-C stops watching; the jobs go on.", file=out)
        return await _watch(services, batch_ids, printer)
    unsubscribe = services.events.subscribe(ev.JobsDidChange, refresh)
    current()  # note the batches waiting now
    try:
        await engine.run(until_idle=True, poll=0.5, only_batches=only)
        refresh()
        printer.show(progress_line(current(), 0), force=True)
        return "ran"
    except (KeyboardInterrupt, asyncio.CancelledError):
        return "interrupted"
    finally:
        unsubscribe()
        printer.done()


async def _watch(services: Services, batch_ids: list[int] | None, printer: ProgressPrinter) -> str:
    seen: set[int] = set()  # batches watched, so the closing line still counts them once finished
    try:
        while True:
            if not batch_ids:
                seen.update(b.id for b in services.queue.batches(active_only=True))
            found = services.queue.batches(batch_ids or sorted(seen))
            printer.show(progress_line(found, None), force=True)
            if all(b.pending + b.running == 0 for b in found):
                return "watched"
            await asyncio.sleep(1.0)
    except (KeyboardInterrupt, asyncio.CancelledError):
        return "interrupted"
    finally:
        printer.done()
