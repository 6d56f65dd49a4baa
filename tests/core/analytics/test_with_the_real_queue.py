"""Metrics over rows the real queue engine wrote (scripted in-process providers), so the
analytics definitions and the queue's store conventions cannot drift apart unnoticed."""

from __future__ import annotations

import pytest

from desktop.core.analytics.filters import Filter
from desktop.core.analytics.service import AnalyticsService
from desktop.core.models import ErrorKind, GenerationRequest, JobSpec
from desktop.core.providers.base import ProviderError
from tests.core.queue.conftest import harness  # noqa: F401 - the queue's fixture

pytestmark = pytest.mark.asyncio


def spec(provider: str, prompt: str, seed: int) -> JobSpec:
    return JobSpec(GenerationRequest(provider, "m1", prompt, seed=seed))


async def test_metrics_count_what_the_queue_did(harness) -> None:  # noqa: F811
    harness.script.push("alpha", ProviderError(ErrorKind.TRANSIENT, "boom", status=502))
    harness.script.push("beta", ProviderError(ErrorKind.CONTENT_REFUSED, "refused", status=400))
    await harness.service.enqueue([spec("alpha", "貓", 1), spec("alpha", "狗", 2), spec("alpha", "魚", 42),
                                   spec("beta", "refused one", 3)])
    await harness.run()
    await harness.service.enqueue([spec("alpha", "魚", 42)])  # the same request: a cache hit
    await harness.run()
    assert len(harness.script.calls) == 5  # 3 images + 1 retried transient + 1 refusal

    analytics = AnalyticsService(harness.db)
    values = analytics.values(["images_made", "failed_calls", "provider_calls", "cache_hits", "retries",
                               "jobs_succeeded", "jobs_failed", "success_rate", "spend", "spend_estimated",
                               "cache_savings", "cost_per_image", "latency_p50"], Filter())
    got = {k: v.value for k, v in values.items()}
    assert got["images_made"] == 3 and got["failed_calls"] == 2 and got["provider_calls"] == 5
    assert got["cache_hits"] == 1 and got["retries"] == 1
    assert got["jobs_succeeded"] == 4 and got["jobs_failed"] == 1 and got["success_rate"] == 80.0
    # The scripted provider reports no cost: the queue books the price table's estimate.
    assert got["spend"] == pytest.approx(0.06) and got["spend_estimated"] == pytest.approx(0.06)
    assert got["cache_savings"] == pytest.approx(0.02) and got["cost_per_image"] == pytest.approx(0.02)
    assert got["latency_p50"] is not None and got["latency_p50"] >= 0
    failures = analytics.grouped(["jobs_failed", "failed_calls"], Filter(), ())
    assert failures.total_row() == {"jobs_failed": 1, "failed_calls": 2}
    analytics.close()
