"""Analytics at scale: a dashboard refresh and a monthly PDF report on a library of
1,000,000 attempts (about 800,000 jobs over a year, 8,000 batches, 20 projects).

Prints milliseconds per dashboard refresh (goal < 300 ms) and seconds per monthly PDF
report (goal < 10 s). The library is generated once with plain SQL into
$BENCH_DIR (default: the system temp folder) and reused by later runs.
Run: PYTHONPATH=. .venv/bin/python tests/perf/bench_analytics.py [attempts]
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from desktop.core.analytics.filters import Filter, midnight
from desktop.core.analytics.service import AnalyticsService
from desktop.core.reports.request import Format, ReportRequest
from desktop.core.reports.service import ReportService
from desktop.core.store.database import Database

END = date(2026, 11, 30)  # the library's last day; "now" is the next morning
DAYS = 365
PROVIDERS = [("openai", "gpt-image-1", 0.04, 9000), ("openai", "dall-e-3", 0.08, 12000),
             ("stability", "sd3", 0.035, 6000), ("stability", "core", 0.03, 4000),
             ("a1111", "sdxl", 0.0, 15000), ("replicate", "flux-schnell", 0.003, 2500),
             ("firefly", "image4", 0.05, 8000)]
KINDS = ["transient", "rate_limited", "content_refused", "provider_down", "bad_request"]
PROMPTS = ["一隻在雨中的貓，水彩風格", "城市夜景，霓虹燈", "山水畫，水墨風格", "a red fox in snow",
           "product shot of a teapot", "台北 101 的黃昏", "logo, flat, blue"]
VERSION = "2"


def build(path: Path, attempts_wanted: int, seed: int = 7) -> None:
    """Write the library with executemany in time order (indexes append at their end)."""
    rng = random.Random(seed)
    db = Database(path).open()
    db.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    first = midnight(END - timedelta(days=DAYS - 1), 0)
    jobs, attempts, ledger, batches = [], [], [], []
    job_id = attempt_id = 0
    batch_id, left_in_batch = 0, 0
    t = first
    span = DAYS * 86400.0
    per_job = attempts_wanted / 1.243  # measured attempts per job with these odds
    step = span / per_job * 1.045  # and the weekday factors below average a little under 1
    while attempt_id < attempts_wanted:
        t += rng.expovariate(1.0 / step) * (1.4 if time.gmtime(t).tm_wday >= 5 else 0.85)
        if left_in_batch == 0:
            batch_id += 1
            left_in_batch = 100
            batches.append((batch_id, f"batch {batch_id}", t, rng.randint(1, 20), rng.randint(1, 5)))
        left_in_batch -= 1
        job_id += 1
        provider, model, price, ms = rng.choice(PROVIDERS)
        tries = 1 if rng.random() < 0.8 else (2 if rng.random() < 0.75 else 3)
        cached = rng.random() < 0.03
        fails_at_end = not cached and rng.random() < 0.05
        started = t + rng.uniform(0, 90)
        at, cost, state, kind = started, 0.0, "succeeded", None
        for n in range(1 if cached else tries):
            attempt_id += 1
            dur = 0.0 if cached else rng.lognormvariate(0, 0.5) * ms
            last = n == (0 if cached else tries - 1)
            if cached:
                outcome = "cached"
                ledger.append((at, attempt_id, job_id, batch_id, provider, model, price, "saved"))
            elif last and not fails_at_end:
                outcome = "succeeded"
                cost = price
                if price:
                    ledger.append((at + dur / 1000, attempt_id, job_id, batch_id, provider, model, price,
                                   "actual" if provider == "openai" else "estimated"))
            else:
                outcome, kind = "failed", rng.choice(KINDS)
            attempts.append((attempt_id, job_id, provider, model, at, at + dur / 1000, dur, outcome,
                             kind, cost, int(cached)))
            at += dur / 1000 + (rng.uniform(1, 30) if outcome == "failed" else 0)
        if fails_at_end:
            state = "failed"
        jobs.append((job_id, batch_id, state, provider, model, PROMPTS[job_id % len(PROMPTS)],
                     json.dumps({"provider": provider, "model": model}), f"k{job_id}", tries, kind if fails_at_end else None,
                     price, cost, t, at, started, at))
        if len(attempts) > 200_000:
            _flush(con, batches, jobs, attempts, ledger)
    _flush(con, batches, jobs, attempts, ledger)
    con.execute("INSERT OR REPLACE INTO app_state (key, value) VALUES ('bench_version', ?)", (VERSION,))
    con.commit()
    con.execute("ANALYZE")
    con.close()


def _flush(con: sqlite3.Connection, batches: list, jobs: list, attempts: list, ledger: list) -> None:
    con.executemany("INSERT INTO batches (id, name, source, created_at, paused, priority, fallback_json,"
                    " project_id, profile_id, notified) VALUES (?, ?, '', ?, 0, 0, '[]', ?, ?, 0)", batches)
    con.executemany("INSERT INTO jobs (id, batch_id, state, priority, position, provider, model, prompt,"
                    " request_json, cache_key, allow_cache, source, name, tags_json, attempts, next_attempt_at,"
                    " fallback_index, error_kind, estimated_cost, cost_usd, created_at, updated_at, started_at,"
                    " finished_at) VALUES (?1, ?2, ?3, 0, ?1, ?4, ?5, ?6, ?7, ?8, 1, '', '', '[]', ?9, 0, 0,"
                    " ?10, ?11, ?12, ?13, ?14, ?15, ?16)", jobs)
    con.executemany("INSERT INTO attempts (id, job_id, provider, model, started_at, finished_at, duration_ms,"
                    " outcome, error_kind, cost_usd, cost_source, cached) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    " 'actual', ?)", attempts)
    con.executemany("INSERT INTO usage_ledger (created_at, attempt_id, job_id, batch_id, provider, model,"
                    " amount_usd, kind, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')", ledger)
    con.commit()
    for rows in (batches, jobs, attempts, ledger):
        rows.clear()


def library(attempts: int) -> Path:
    folder = Path(os.environ.get("BENCH_DIR", tempfile.gettempdir())) / f"bench-analytics-{attempts}"
    path = folder / "library.db"
    if path.exists():
        con = sqlite3.connect(path)
        try:
            ok = con.execute("SELECT value FROM app_state WHERE key='bench_version'").fetchone() == (VERSION,)
        except sqlite3.Error:
            ok = False
        con.close()
        if ok:
            return path
        for f in folder.glob("library.db*"):
            f.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    build(path, attempts)
    print(f"built {path} in {time.perf_counter() - began:.0f} s ({path.stat().st_size / 1e6:.0f} MB)")
    return path


def timed(fn, runs: int = 5) -> tuple[float, float, float]:
    """(first run, median of the following runs, median CPU time of this process across its
    threads) in milliseconds. CPU time shows the work when other processes load the machine."""
    times, cpu = [], []
    for _ in range(runs + 1):
        began, began_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return times[0], statistics.median(times[1:]), statistics.median(cpu[1:])


def main(attempts: int = 1_000_000) -> None:
    path = library(attempts)
    db = Database(path).open()
    now = midnight(END + timedelta(days=1), 0) + 9 * 3600
    analytics = AnalyticsService(db, clock=lambda: now)
    with db.engine_or_raise().connect() as conn:
        from sqlalchemy import text

        counts = [conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in ("attempts", "jobs", "usage_ledger")]
    print(f"library: {counts[0]:,} attempts, {counts[1]:,} jobs, {counts[2]:,} ledger rows")
    if os.environ.get("BENCH_ROLLUPS", "1") != "0":  # revision 0007: daily rollups (built once)
        began = time.perf_counter()
        built = analytics.ensure_rollups(0)
        print(f"daily rollups {'built' if built else 'already built'} in {time.perf_counter() - began:.1f} s")
    else:
        analytics.engine.use_rollups = False
    month = Filter.for_dates(date(2026, 11, 1), END)
    cases = [
        ("dashboard, this month", month),
        ("dashboard, last 7 days", Filter.for_dates(END - timedelta(days=6), END)),
        ("dashboard, this month, one project", month.narrowed(project_id=3)),
        ("dashboard, this month, one provider", month.narrowed(provider="openai")),
        ("dashboard, the whole year", Filter.for_dates(END - timedelta(days=DAYS - 1), END)),
    ]
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{'case':42} {'first':>9} {'median':>9} {'cpu':>9}  goal")
    for name, flt in cases:
        first, median, cpu = timed(lambda flt=flt: analytics.dashboard(flt, monthly_budget_usd=2000.0))
        print(f"{name:42} {first:7.0f}ms {median:7.0f}ms {cpu:7.0f}ms  {'ok' if median < 300 else 'over'} (< 300 ms)")
    first, median, cpu = timed(lambda: analytics.live_monitor(analytics_events()).snapshot())
    print(f"{'live snapshot':42} {first:7.0f}ms {median:7.0f}ms {cpu:7.0f}ms")
    reports = ReportService(analytics, path.parent, clock=lambda: now)
    out = Path(tempfile.mkdtemp())
    for kind in ("usage", "providers", "failures"):
        began = time.perf_counter()
        result = reports.generate(ReportRequest(kind, Format.PDF, filter=month), out / f"{kind}.pdf")
        took = time.perf_counter() - began
        print(f"{'monthly PDF report, ' + kind:42} {took:8.2f} s  {'ok' if took < 10 else 'over'} (< 10 s)"
              f"  {result.bytes / 1024:.0f} KB")
    began = time.perf_counter()
    reports.generate(ReportRequest("forecast", Format.PDF), out / "forecast.pdf")
    print(f"{'forecast PDF report (112 days of history)':42} {time.perf_counter() - began:8.2f} s")
    analytics.close()
    db.close()


def analytics_events():
    from desktop.core.events import EventBus

    return EventBus()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
