"""What the queue saw lately, per provider, turns a provider whose checks pass but whose
generations fail into a "degraded" dot — and back to "ok" once it works again."""

from __future__ import annotations

import time

import pytest

from desktop.core import events as ev
from desktop.core.models import ErrorKind, GenerationRequest, JobSpec
from desktop.core.providers.base import ProviderError
from desktop.core.providers.health_monitor import HealthTimings, ProviderHealthMonitor
from desktop.core.queue.types import BatchOptions

pytestmark = pytest.mark.asyncio


def specs(n: int, provider: str = "alpha", prompt: str = "p") -> list[JobSpec]:
    return [JobSpec(GenerationRequest(provider, "m1", f"{prompt} {i}")) for i in range(n)]


async def test_recent_calls_count_provider_side_failures_but_not_refusals(harness):
    harness.script.push("alpha", *[ProviderError(ErrorKind.TRANSIENT, "502", status=502)] * 3,
                        ProviderError(ErrorKind.CONTENT_REFUSED, "refused"))
    harness.script.push("beta", ProviderError(ErrorKind.PROVIDER_DOWN, "refused connection"))
    await harness.service.enqueue(specs(3))
    await harness.service.enqueue(specs(1, "beta"), BatchOptions())
    await harness.run()

    seen = harness.service.queries.recent_calls(time.time() - 60)

    assert seen["alpha"].calls == 6  # 3 transient + 1 refused + 2 more successes after retries
    assert seen["alpha"].failures == 3
    assert seen["beta"].calls == 2 and seen["beta"].failures == 1
    assert harness.service.queries.recent_calls(time.time() + 1) == {}


async def test_a_provider_whose_jobs_keep_failing_shows_degraded_then_ok_again(harness):
    published: list[ev.ProviderStatusDidChange] = []
    harness.engine.d.events.subscribe(ev.ProviderStatusDidChange, published.append)
    registry = harness.engine.d.providers
    window = {"since": 0.0}
    monitor = ProviderHealthMonitor(
        registry, harness.engine.d.events, lambda name: name == "alpha",
        observed=harness.service.queries.recent_calls,
        timings=HealthTimings(observe_window=3600, observe_min_calls=5, observe_bad_share=0.5),
        wall_clock=lambda: window["since"] + 3600)
    harness.script.push("alpha", *[ProviderError(ErrorKind.TRANSIENT, "overloaded", status=503)] * 6)
    window["since"] = time.time() - 1
    await harness.service.enqueue(specs(2))
    await harness.run()

    await monitor.check_due()
    await monitor.observe()
    degraded = [e for e in published if e.provider == "alpha"][-1]
    window["since"] = time.time() + 1  # later: the failures have left the window
    await monitor.observe()

    assert degraded.status == "degraded" and degraded.detail.startswith("6 of ")
    assert published[-1].provider == "alpha" and published[-1].status == "ok"
