"""The provider health monitor against a real A1111 fake over loopback HTTP: the dot turns
red when the server dies, green again when it is back, dead servers are asked with growing
back-off, a failing job brings the next check forward, and unset providers are left alone."""

from __future__ import annotations

import httpx
import pytest
import pytest_asyncio

from desktop.core.config import AppConfig
from desktop.core.events import EventBus, ProviderStatusDidChange
from desktop.core.providers.health_monitor import HealthTimings, ProviderHealthMonitor
from desktop.core.providers.registry import ProviderRegistry
from tests.fakes.a1111_fake import FakeA1111
from tests.fakes.server import FakeResponse


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def fake():
    with FakeA1111() as running:
        yield running


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


@pytest.fixture
def bus() -> EventBus:
    return EventBus()


@pytest.fixture
def published(bus: EventBus) -> list[ProviderStatusDidChange]:
    seen: list[ProviderStatusDidChange] = []
    bus.subscribe(ProviderStatusDidChange, seen.append)
    return seen


def monitor(fake: FakeA1111, http: httpx.AsyncClient, bus: EventBus, clock: Clock,
            set_up: tuple[str, ...] = ("a1111",)) -> ProviderHealthMonitor:
    registry = ProviderRegistry(http, AppConfig(), None, {"SDWEBUI_BASE_URL": fake.url})
    timings = HealthTimings(local_every=60, first_retry=15, max_retry=120, check_timeout=5)
    return ProviderHealthMonitor(registry, bus, lambda name: name in set_up, timings=timings, clock=clock)


def sd_model_calls(fake: FakeA1111) -> int:
    return len(fake.requests_to("/sdapi/v1/sd-models"))


@pytest.mark.asyncio
async def test_a_reachable_server_turns_the_dot_green_once(fake, http, bus, published) -> None:
    clock = Clock()
    health = monitor(fake, http, bus, clock)

    await health.check_due()
    clock.now += 61
    await health.check_due()

    assert [(e.provider, e.status) for e in published] == [("a1111", "ok")]
    assert sd_model_calls(fake) == 2  # checked again when due, but told only on change


@pytest.mark.asyncio
async def test_a_dead_server_goes_red_is_asked_with_back_off_and_turns_green_when_back(
        fake, http, bus, published) -> None:
    clock = Clock()
    health = monitor(fake, http, bus, clock)
    down = FakeResponse.json({"detail": "Service Unavailable"}, 503)
    fake.fail_next(down, times=3)

    await health.check_due()  # fails: next in 15 s
    clock.now += 10
    await health.check_due()  # not due yet
    clock.now += 6
    await health.check_due()  # fails again: next in 30 s
    clock.now += 20
    await health.check_due()  # not due yet
    clock.now += 11
    await health.check_due()  # third failure
    calls_while_down = sd_model_calls(fake)
    clock.now += 61
    await health.check_due()  # the server answers again

    assert calls_while_down == 3
    assert [e.status for e in published] == ["down", "ok"]
    assert published[0].detail and published[-1].detail == ""


@pytest.mark.asyncio
async def test_a_failing_job_brings_the_next_check_forward(fake, http, bus, published) -> None:
    clock = Clock()
    health = monitor(fake, http, bus, clock)
    await health.check_due()
    clock.now += 5

    bus.publish(ProviderStatusDidChange("a1111", "down", "connection refused"))
    clock.now += 16
    await health.check_due()  # long before the healthy 60 s interval

    assert sd_model_calls(fake) == 2
    assert [e.status for e in published] == ["ok", "down", "ok"]


@pytest.mark.asyncio
async def test_providers_that_are_not_set_up_are_never_checked(fake, http, bus, published) -> None:
    clock = Clock()
    health = monitor(fake, http, bus, clock, set_up=())

    reports = await health.check_due()

    assert reports == {} and published == [] and sd_model_calls(fake) == 0
