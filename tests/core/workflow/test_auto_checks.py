"""Automatic brand checks start from `AssetDidAdd` wherever it is published: on the event
loop, from a worker thread while a loop runs, or from a thread with no loop at all."""

from __future__ import annotations

import asyncio
import threading

import pytest
from sqlalchemy import text

from desktop.core import events as ev
from desktop.core.services import Services
from desktop.core.workflow.brand_rules import BrandRules
from desktop.core.workflow.presets import StylePreset
from tests.core.workflow.conftest import run_queue

pytestmark = pytest.mark.asyncio


async def unchecked_image(services: Services) -> tuple[int, int]:
    """An image made before the project had rules, so no check exists for it yet."""
    wf = services.workflow
    project_id = await wf.projects.create("Auto")
    preset_id = await wf.projects.save_preset(project_id, StylePreset("Plain"))
    await wf.projects.enqueue_with_preset(project_id, preset_id, ["red"], sizes=["64x64"], provider="a1111")
    await run_queue(services)
    await wf.projects.set_rules(project_id, BrandRules(min_width=100))
    (asset_id,) = wf.ctx.records.asset_ids(project_id)
    assert wf.checks.latest([asset_id]) == {}
    return project_id, asset_id


def publish_from_thread(services: Services, asset_id: int) -> None:
    thread = threading.Thread(target=services.events.publish, args=(ev.AssetDidAdd(asset_id),))
    thread.start()
    thread.join()


async def wait_for_check(services: Services, asset_id: int) -> None:
    for _ in range(200):
        if services.workflow.checks.latest([asset_id]):
            return
        await asyncio.sleep(0.02)
    raise AssertionError("no check was stored")


async def test_an_event_from_a_worker_thread_is_checked_on_the_running_loop(services: Services) -> None:
    _, asset_id = await unchecked_image(services)
    services.workflow.checks._loop = asyncio.get_running_loop()  # as after any event on the loop
    publish_from_thread(services, asset_id)
    await wait_for_check(services, asset_id)
    await services.workflow.checks.drain()
    assert services.workflow.checks.latest([asset_id])[asset_id].passed is False


async def test_an_event_with_no_loop_anywhere_still_gets_the_pixel_rules(services: Services) -> None:
    _, asset_id = await unchecked_image(services)
    services.workflow.checks._loop = None
    publish_from_thread(services, asset_id)
    await wait_for_check(services, asset_id)
    assert services.workflow.checks.latest([asset_id])[asset_id].result.results[0].rule == "min_size"


async def test_images_outside_projects_or_without_rules_are_not_checked(services: Services) -> None:
    from desktop.core.models import GenerationRequest, JobSpec

    await services.queue.enqueue([JobSpec(GenerationRequest("a1111", "", "red", width=64, height=64))])
    await run_queue(services)
    with services.db.engine_or_raise().connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM brand_checks")).scalar() == 0
