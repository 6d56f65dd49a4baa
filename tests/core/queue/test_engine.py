"""The queue engine runs jobs to a final state, honouring the provider's signals."""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy import text

from desktop.core import events as ev
from desktop.core.models import ErrorKind, GenerationRequest, JobSpec, JobState
from desktop.core.providers.base import ProviderError
from desktop.core.queue.types import BatchOptions

pytestmark = pytest.mark.asyncio


def specs(n: int, provider: str = "alpha", model: str = "m1", seed: int | None = None) -> list[JobSpec]:
    return [JobSpec(GenerationRequest(provider, model, f"prompt {i}", seed=seed), source=f"f.csv:{i + 2}")
            for i in range(n)]


def rows(h, sql: str) -> list:
    with h.db.engine_or_raise().connect() as conn:
        return conn.execute(text(sql)).all()


async def test_a_batch_runs_to_success_with_one_asset_per_job(harness):
    batch_id, ids = await harness.service.enqueue(specs(5))
    await harness.run()
    jobs = harness.jobs()
    assert [j.state for j in jobs] == [JobState.SUCCEEDED] * 5
    assert len({j.asset_id for j in jobs}) == 5
    assert rows(harness, "SELECT COUNT(*) FROM assets")[0][0] == 5
    assert all((harness.root / p).is_file() for (p,) in rows(harness, "SELECT path FROM assets"))
    finished = [e for e in harness.events if isinstance(e, ev.BatchDidFinish)]
    assert finished == [ev.BatchDidFinish(batch_id, 5, 0, 0)]


async def test_seeds_are_fixed_at_enqueue_so_results_can_be_made_again(harness):
    await harness.service.enqueue(specs(3))
    seeds = [j.request.seed for j in harness.jobs()]
    assert all(isinstance(s, int) for s in seeds)
    assert len(set(seeds)) == 3


async def test_transient_errors_are_retried_and_each_attempt_is_recorded(harness):
    harness.script.push("alpha", ProviderError(ErrorKind.TRANSIENT, "boom", status=502))
    await harness.service.enqueue(specs(1))
    await harness.run()
    (job,) = harness.jobs()
    assert job.state is JobState.SUCCEEDED
    outcomes = rows(harness, "SELECT outcome, http_status, error_kind FROM attempts ORDER BY id")
    assert outcomes == [("failed", 502, "transient"), ("succeeded", None, None)] or \
        outcomes == [("failed", 502, "transient"), ("succeeded", 200, None)]


async def test_a_job_that_keeps_failing_ends_failed_with_its_last_error(harness):
    harness.script.push("alpha", *[ProviderError(ErrorKind.TRANSIENT, f"down {i}") for i in range(5)])
    await harness.service.enqueue(specs(1))
    await harness.run()
    (job,) = harness.jobs()
    assert job.state is JobState.FAILED
    assert job.error_kind == "transient"
    assert job.error_message.endswith("down 2")  # max_attempts=3 in the harness
    assert len(harness.script.calls) == 3


async def test_auth_errors_are_not_retried_and_block_the_lane(harness):
    harness.script.push("alpha", ProviderError(ErrorKind.AUTH, "invalid key", status=401, provider="alpha"))
    harness.engine.lane("alpha").concurrency = 1
    await harness.service.enqueue(specs(3))
    await harness.run()
    states = [j.state for j in harness.jobs()]
    assert states.count(JobState.FAILED) == 1
    assert states.count(JobState.PENDING) == 2  # waiting for the user to fix the key
    assert len(harness.script.calls) == 1
    assert any(isinstance(e, ev.LaneDidBlock) and e.provider == "alpha" for e in harness.events)


async def test_rate_limits_wait_as_long_as_the_provider_asks(harness):
    harness.script.push("alpha", ProviderError(ErrorKind.RATE_LIMITED, "slow down", status=429, retry_after=0.4))
    await harness.service.enqueue(specs(1))
    start = time.monotonic()
    await harness.run()
    assert time.monotonic() - start >= 0.4
    (job,) = harness.jobs()
    assert job.state is JobState.SUCCEEDED
    assert rows(harness, "SELECT retry_after FROM attempts WHERE outcome='failed'") == [(0.4,)]


async def test_content_refusal_moves_the_job_to_the_next_provider_in_the_batch(harness):
    harness.script.push("alpha", ProviderError(ErrorKind.CONTENT_REFUSED, "moderation_blocked", status=400))
    await harness.service.enqueue(specs(1), BatchOptions(fallback=("alpha", "beta:m1")))
    await harness.run()
    (job,) = harness.jobs()
    assert job.state is JobState.SUCCEEDED
    assert job.provider == "beta"
    assert [p for p, _ in harness.script.calls] == ["alpha", "beta"]
    (msg,) = rows(harness, "SELECT error_message FROM attempts WHERE outcome='failed'")[0]
    assert "moved to beta" in msg


async def test_content_refusal_without_fallback_fails_at_once(harness):
    harness.script.push("alpha", ProviderError(ErrorKind.CONTENT_REFUSED, "blocked"))
    await harness.service.enqueue(specs(1))
    await harness.run()
    (job,) = harness.jobs()
    assert (job.state, job.error_kind) == (JobState.FAILED, "content_refused")
    assert len(harness.script.calls) == 1


async def test_a_budget_pauses_the_batch_before_it_would_be_exceeded(harness):
    batch_id, _ = await harness.service.enqueue(specs(5), BatchOptions(budget_usd=0.05))
    harness.engine.lane("alpha").concurrency = 1
    await harness.run()
    states = [j.state for j in harness.jobs()]
    assert states.count(JobState.SUCCEEDED) == 2  # 2 x $0.02 fits, a third would not
    (batch,) = harness.service.batches([batch_id])
    assert batch.paused and "budget" in batch.pause_reason
    assert any(isinstance(e, ev.BudgetDidExceed) for e in harness.events)


async def test_the_request_cache_reuses_an_identical_deterministic_image(harness):
    await harness.service.enqueue(specs(1, seed=42))
    await harness.run()
    await harness.service.enqueue(specs(1, seed=42))
    await harness.run()
    first, second = harness.jobs()
    assert second.state is JobState.SUCCEEDED and second.asset_id == first.asset_id
    assert len(harness.script.calls) == 1
    assert rows(harness, "SELECT kind, amount_usd FROM usage_ledger ORDER BY id")[-1] == ("saved", 0.02)


async def test_non_deterministic_models_are_never_answered_from_the_cache(harness):
    await harness.service.enqueue(specs(1, model="m2", seed=7))
    await harness.run()
    await harness.service.enqueue(specs(1, model="m2", seed=7))
    await harness.run()
    assert len(harness.script.calls) == 2


async def test_cancelling_a_running_job_keeps_no_image(harness):
    harness.script.gate = asyncio.Event()
    _, (job_id,) = await harness.service.enqueue(specs(1))
    runner = asyncio.create_task(harness.engine.run(until_idle=True, poll=0.02))
    while not harness.engine.tasks:
        await asyncio.sleep(0.01)
    await harness.service.cancel([job_id])
    await asyncio.wait_for(runner, 5)
    (job,) = harness.jobs()
    assert job.state is JobState.CANCELLED and job.asset_id is None
    assert rows(harness, "SELECT COUNT(*) FROM assets")[0][0] == 0
    assert rows(harness, "SELECT outcome FROM attempts") == [("interrupted",)]


async def test_paused_jobs_wait_and_moved_jobs_run_first(harness):
    harness.engine.lane("alpha").concurrency = 1
    _, ids = await harness.service.enqueue(specs(3))
    await harness.service.pause([ids[0]])
    await harness.service.move([ids[2]], to_front=True)
    await harness.run()
    assert [r.prompt for _, r in harness.script.calls] == ["prompt 2", "prompt 1"]
    assert harness.service.jobs([ids[0]])[0].state is JobState.PAUSED
    await harness.service.resume([ids[0]])
    await harness.run()
    assert harness.service.jobs([ids[0]])[0].state is JobState.SUCCEEDED


async def test_retrying_a_failed_job_gives_it_a_fresh_allowance(harness):
    harness.script.push("alpha", *[ProviderError(ErrorKind.TRANSIENT, "x") for _ in range(3)])
    _, (job_id,) = await harness.service.enqueue(specs(1))
    await harness.run()
    assert harness.service.jobs([job_id])[0].state is JobState.FAILED
    harness.script.push("alpha", ProviderError(ErrorKind.TRANSIENT, "once more"))
    await harness.service.retry([job_id])
    await harness.run()
    assert harness.service.jobs([job_id])[0].state is JobState.SUCCEEDED


async def test_global_pause_stops_new_work_until_resumed(harness):
    await harness.service.set_paused(True)
    await harness.service.enqueue(specs(2))
    await harness.run()
    assert harness.script.calls == []
    await harness.service.set_paused(False)
    await harness.run()
    assert [j.state for j in harness.jobs()] == [JobState.SUCCEEDED] * 2


async def test_actual_cost_wins_over_the_estimate_and_both_reach_the_ledger(harness):
    from desktop.core.models import GeneratedImage, GenerationResult

    from .conftest import png_bytes

    harness.script.push("alpha", GenerationResult([GeneratedImage(png_bytes())], cost_usd=0.5))
    await harness.service.enqueue(specs(2))
    harness.engine.lane("alpha").concurrency = 1
    await harness.run()
    assert sorted(rows(harness, "SELECT kind, amount_usd FROM usage_ledger")) == [
        ("actual", 0.5), ("estimated", 0.02)]
    assert rows(harness, "SELECT SUM(cost_usd) FROM jobs")[0][0] == pytest.approx(0.52)


async def test_a_global_pause_set_by_another_process_stops_new_work_here(harness):
    from desktop.core.queue.commands import QueueCommands

    harness.script.delay = 0.1
    await harness.service.enqueue(specs(60))  # 3 s of work at 2 at a time
    run = asyncio.create_task(harness.engine.run(until_idle=True, poll=0.05))
    while not harness.script.calls:
        await asyncio.sleep(0.01)

    QueueCommands(harness.db).set_global_paused(True)  # `main.py queue pause --all` elsewhere
    await asyncio.wait_for(run, 10)

    states = [j.state for j in harness.jobs()]
    assert JobState.PENDING in states  # it stopped taking new jobs...
    assert JobState.RUNNING not in states  # ...and let the started ones finish
    assert harness.engine.paused
