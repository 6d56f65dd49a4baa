"""Daily rollups give the dashboard the same numbers as the raw rows (revision 0007): built
on demand for one UTC offset, kept current by triggers through inserts, updates and deletes
(the real queue's writes included), ignored when the filter asks for what they cannot
answer, and close to exact for long-range latency percentiles."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from desktop.core.analytics.dimensions import Dim
from desktop.core.analytics.filters import Filter, midnight
from desktop.core.analytics.rollups import SQL, fine_bin_width
from desktop.core.analytics.service import AnalyticsService
from tests.core.analytics.known_data import D1, DAY

ROUTED = sorted(SQL)
NOV = Filter.for_dates(date(2026, 11, 1), date(2026, 11, 30))
FILTERS = [Filter(), NOV, NOV.narrowed(provider="openai"), NOV.narrowed(model="sd3"),
           Filter.for_dates(date(2026, 11, 3), date(2026, 11, 3))]


def _pair(db, now: float = D1 + 3 * DAY) -> tuple[AnalyticsService, AnalyticsService]:
    return (AnalyticsService(db, clock=lambda: now, use_rollups=False),
            AnalyticsService(db, clock=lambda: now))


def _rounded(grouped) -> dict:
    return {row.key: {k: (round(v, 9) if v is not None else None) for k, v in row.values.items()}
            for row in grouped.rows}


def _same_everywhere(raw: AnalyticsService, summed: AnalyticsService) -> None:
    for flt in FILTERS:
        for by in [(), (Dim.DAY, Dim.PROVIDER), (Dim.WEEK, Dim.MODEL, Dim.ERROR_KIND), (Dim.MONTH,)]:
            keys = [k for k in ROUTED if by != (Dim.WEEK, Dim.MODEL, Dim.ERROR_KIND) or not k.startswith(("spend", "cache_s"))]
            assert _rounded(summed.grouped(keys, flt, by)) == _rounded(raw.grouped(keys, flt, by)), (flt, by)


def _dashboards_match(raw: AnalyticsService, summed: AnalyticsService, flt: Filter) -> None:
    a, b = raw.dashboard(flt, monthly_budget_usd=2.0), summed.dashboard(flt, monthly_budget_usd=2.0)
    assert [(k.key, k.text) for k in b.kpis] == [(k.key, k.text) for k in a.kpis]
    for chart in ("cost_by_provider", "images_and_failures", "success_by_model", "failures_by_kind"):
        ca, cb = getattr(a, chart), getattr(b, chart)
        assert cb.categories == ca.categories
        assert [(s.name, [round(v or 0, 9) for v in s.values]) for s in cb.series] == \
               [(s.name, [round(v or 0, 9) for v in s.values]) for s in ca.series]
    assert [(d.provider, d.calls, d.p50_ms, d.p95_ms, round(d.mean_ms, 6), d.bins) for d in b.latency] == \
           [(d.provider, d.calls, d.p50_ms, d.p95_ms, round(d.mean_ms, 6), d.bins) for d in a.latency]


def test_the_dashboard_reads_the_same_numbers_from_the_rollups(workflow_store) -> None:
    raw, summed = _pair(workflow_store.db)
    assert summed.ensure_rollups(0) is True and summed.ensure_rollups(0) is False
    for flt in FILTERS:
        _dashboards_match(raw, summed, flt)
    assert summed.engine.rollup_reads > 0 and raw.engine.rollup_reads == 0
    _same_everywhere(raw, summed)


def test_triggers_keep_the_rollups_current_through_inserts_updates_and_deletes(known_store) -> None:
    raw, summed = _pair(known_store.db)
    summed.ensure_rollups(0)
    with known_store.db.engine_or_raise().begin() as conn:
        # A job still running, then done: its attempt and the job row change in place.
        conn.execute(text("INSERT INTO jobs (id, batch_id, state, priority, position, provider, model, prompt,"
                          " request_json, cache_key, allow_cache, source, name, tags_json, attempts, next_attempt_at,"
                          " fallback_index, estimated_cost, cost_usd, created_at, updated_at) VALUES (20, 1,"
                          " 'running', 0, 20, 'openai', 'gpt-image-1', 'p', '{}', 'k20', 1, '', '', '[]', 1, 0, 0,"
                          " 0.04, 0, :t, :t)"), {"t": D1 + DAY + 5})
        conn.execute(text("INSERT INTO attempts (id, job_id, provider, model, started_at, outcome, cost_usd,"
                          " cost_source, cached) VALUES (100, 20, 'openai', 'gpt-image-1', :t, 'running', 0, 'none',"
                          " 0)"), {"t": D1 + DAY + 10})
    with known_store.db.engine_or_raise().begin() as conn:
        conn.execute(text("UPDATE attempts SET outcome = 'succeeded', duration_ms = 1500, finished_at = :f,"
                          " cost_usd = 0.04 WHERE id = 100"), {"f": D1 + DAY + 11.5})
        conn.execute(text("UPDATE jobs SET state = 'succeeded', finished_at = :f, cost_usd = 0.04 WHERE id = 20"),
                     {"f": D1 + DAY + 11.5})
        conn.execute(text("INSERT INTO usage_ledger (created_at, attempt_id, job_id, batch_id, provider, model,"
                          " amount_usd, kind, note) VALUES (:t, 100, 20, 1, 'openai', 'gpt-image-1', 0.04,"
                          " 'actual', '')"), {"t": D1 + DAY + 11.5})
        # A failed call re-classified, a job moved to another day, a ledger row and an attempt removed.
        conn.execute(text("UPDATE attempts SET error_kind = 'provider_down' WHERE job_id = 6 AND duration_ms = 900"))
        conn.execute(text("UPDATE jobs SET finished_at = finished_at + 86400 WHERE id = 4"))
        conn.execute(text("DELETE FROM usage_ledger WHERE job_id = 7"))
        conn.execute(text("DELETE FROM attempts WHERE job_id = 8"))
    _same_everywhere(raw, summed)
    _dashboards_match(raw, summed, NOV)


def test_rollups_for_another_offset_are_not_used_until_rebuilt(known_store) -> None:
    raw, summed = _pair(known_store.db)
    summed.ensure_rollups(0)
    taipei = Filter.for_dates(date(2026, 11, 1), date(2026, 11, 30), 8 * 3600)
    before = summed.engine.rollup_reads
    summed.grouped(["images_made"], taipei, (Dim.DAY,))
    assert summed.engine.rollup_reads == before  # built for UTC: Taipei's days are other days
    assert summed.ensure_rollups(8 * 3600) is True
    got = summed.grouped(["images_made", "spend"], taipei, (Dim.DAY,))
    assert summed.engine.rollup_reads > before
    assert _rounded(got) == _rounded(raw.grouped(["images_made", "spend"], taipei, (Dim.DAY,)))


def test_what_the_rollups_cannot_answer_is_read_from_the_rows(workflow_store) -> None:
    raw, summed = _pair(workflow_store.db)
    summed.ensure_rollups(0)
    before = summed.engine.rollup_reads
    odd_hours = Filter(start=D1 + 3600, end=D1 + 3 * DAY)
    for flt, by, keys in [(NOV.narrowed(project_id=10), (), ["spend", "images_made"]),
                          (NOV, (Dim.BATCH,), ["images_made"]), (odd_hours, (), ["images_made", "spend"]),
                          (NOV, (), ["retries", "busy_hours"])]:
        assert _rounded(summed.grouped(keys, flt, by)) == _rounded(raw.grouped(keys, flt, by))
    assert summed.engine.rollup_reads == before


def test_long_range_percentiles_come_within_half_a_bin(library_dir) -> None:
    from desktop.core.store.database import Database

    db = Database(library_dir / "library.db").open()
    rng = random.Random(3)
    first = date(2026, 6, 1)
    with db.engine_or_raise().begin() as conn:
        conn.execute(text("INSERT INTO batches (id, name, source, created_at, paused, priority, fallback_json,"
                          " notified) VALUES (1, 'b', '', 0, 0, 0, '[]', 0)"))
        conn.execute(text("INSERT INTO jobs (id, batch_id, state, priority, position, provider, model, prompt,"
                          " request_json, cache_key, allow_cache, source, name, tags_json, attempts, next_attempt_at,"
                          " fallback_index, cost_usd, created_at, updated_at) VALUES (1, 1, 'succeeded', 0, 1,"
                          " 'openai', 'm', 'p', '{}', 'k', 1, '', '', '[]', 1, 0, 0, 0, 0, 0)"))
        for i in range(3000):
            day = first + timedelta(days=i % 90)
            ms = round(rng.lognormvariate(8.5, 0.6), 1)
            provider = ("openai", "stability")[i % 2]
            conn.execute(text("INSERT INTO attempts (job_id, provider, model, started_at, finished_at, duration_ms,"
                              " outcome, cost_usd, cost_source, cached) VALUES (1, :p, 'm', :t, :t, :ms,"
                              " 'succeeded', 0, 'none', 0)"), {"p": provider, "t": midnight(day, 0) + 3600 + i, "ms": ms})
    raw, summed = _pair(db, now=midnight(first + timedelta(days=100), 0))
    summed.ensure_rollups(0)
    long_range = Filter.for_dates(first, first + timedelta(days=89))
    exact = {d.provider: d for d in raw.latency(long_range)}
    approx = summed.latency(long_range)
    assert [d.provider for d in approx] == ["openai", "stability"]
    for d in approx:
        e = exact[d.provider]
        assert d.approximate and not e.approximate and (d.calls, d.bins) == (e.calls, e.bins)
        for got, want in ((d.p50_ms, e.p50_ms), (d.p95_ms, e.p95_ms)):
            assert abs(got - want) <= fine_bin_width(want) / 2 + 1e-9
    month = Filter.for_dates(first, first + timedelta(days=29))
    assert [(d.p50_ms, d.p95_ms) for d in summed.latency(month)] == [(d.p50_ms, d.p95_ms) for d in raw.latency(month)]
    db.close()


@pytest.mark.asyncio
async def test_rollups_follow_what_the_real_queue_writes(harness) -> None:  # noqa: F811
    from tests.core.analytics.test_with_the_real_queue import spec

    raw, summed = _pair(harness.db)
    summed.ensure_rollups(0)
    from desktop.core.models import ErrorKind
    from desktop.core.providers.base import ProviderError

    harness.script.push("alpha", ProviderError(ErrorKind.TRANSIENT, "boom", status=502))
    await harness.service.enqueue([spec("alpha", "貓", 1), spec("alpha", "狗", 2), spec("beta", "魚", 3)])
    await harness.run()
    await harness.service.enqueue([spec("alpha", "貓", 1)])  # a cache hit
    await harness.run()
    flt = Filter()
    keys = ["images_made", "provider_calls", "failed_calls", "cache_hits", "jobs_succeeded", "jobs_failed",
            "spend", "cache_savings"]
    for by in [(), (Dim.DAY, Dim.PROVIDER), (Dim.MODEL, Dim.ERROR_KIND)]:
        assert _rounded(summed.grouped(keys, flt, by)) == _rounded(raw.grouped(keys, flt, by))
    assert summed.values(["images_made"], flt)["images_made"].value == 3
    assert summed.engine.rollup_reads > 0
    raw.close()
    summed.close()


from tests.core.queue.conftest import harness  # noqa: E402, F401 - the queue's fixture
