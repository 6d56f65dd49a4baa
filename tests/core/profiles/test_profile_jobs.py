"""A password-protected profile's jobs run only while it is signed in and unlocked: after a
switch they do not run with the next designer's keys, and they are not failed for want of
their own; they wait and run when their profile is back. Built as the app builds it, over a
real A1111 fake."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.services import build_services
from tests.fakes.a1111_fake import FakeA1111


@pytest.fixture
def a1111():
    with FakeA1111() as running:
        yield running


def states(services, ids: list[int]) -> list[str]:
    return [j.state.value for j in services.queue.jobs(ids)]


def test_a_protected_profiles_jobs_wait_while_it_is_away_and_run_when_it_is_back(
        tmp_path: Path, a1111: FakeA1111) -> None:
    services = build_services(tmp_path / "lib", env={"SDWEBUI_BASE_URL": a1111.url})

    async def scenario() -> tuple[list[str], list[str], list[str]]:
        profiles = services.profiles
        profiles.create("Mei", password="lantern-festival-2026")
        profiles.switch("Mei", "lantern-festival-2026")
        _b, mei_jobs = await services.queue.enqueue([JobSpec(GenerationRequest("a1111", "", "燈籠", seed=1))])
        profiles.switch("Default")
        _b, default_jobs = await services.queue.enqueue([JobSpec(GenerationRequest("a1111", "", "貓", seed=2))])
        engine, _report = services.acquire_engine()
        await asyncio.wait_for(engine.run(until_idle=True, poll=0.05), 30)
        while_away = states(services, mei_jobs)
        defaults = states(services, default_jobs)
        profiles.switch("Mei", "lantern-festival-2026")
        await asyncio.wait_for(engine.run(until_idle=True, poll=0.05), 30)
        back = states(services, mei_jobs)
        await services.aclose()
        return while_away, defaults, back

    while_away, defaults, back = asyncio.run(scenario())

    assert defaults == ["succeeded"]
    assert while_away == ["pending"]
    assert back == ["succeeded"]
    assert len(a1111.requests_to("/sdapi/v1/txt2img")) == 2
