"""The queue carries a variant's parent from JobSpec to job to asset: on a normal finish,
on recovery after a crash, and a hard-deleted parent never blocks its pending variants."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.queue.recovery import Recovery
from desktop.core.services import Services
from tests.core.workflow.conftest import run_queue
from tests.core.workflow.painting_a1111 import paint

pytestmark = pytest.mark.asyncio


def spec(prompt: str, parent: int | None = None) -> JobSpec:
    return JobSpec(GenerationRequest("a1111", "", prompt, width=64, height=64), parent_asset_id=parent)


def rows(services: Services, sql: str) -> list[tuple]:
    with services.db.engine_or_raise().connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql)).all()]


async def test_a_finished_variant_job_records_its_parent_on_the_asset(services: Services) -> None:
    await services.queue.enqueue([spec("red original")])
    await run_queue(services)
    ((original,),) = rows(services, "SELECT id FROM assets")
    _, (job_id,) = await services.queue.enqueue([spec("red variant", original)])
    assert rows(services, f"SELECT parent_asset_id FROM jobs WHERE id={job_id}") == [(original,)]
    await run_queue(services)
    assert rows(services, "SELECT id, parent_id FROM assets ORDER BY id")[1][1] == original
    assert rows(services, "SELECT parent_id FROM assets ORDER BY id")[0] == (None,)


async def test_recovery_gives_an_adopted_variant_its_parent(services: Services) -> None:
    await services.queue.enqueue([spec("red original")])
    await run_queue(services)
    ((original,),) = rows(services, "SELECT id FROM assets")
    _, (job_id,) = await services.queue.enqueue([spec("red variant", original)])
    with services.db.engine_or_raise().begin() as conn:  # the app died mid-call, file written
        conn.execute(text("UPDATE jobs SET state='running', attempts=1 WHERE id=:j"), {"j": job_id})
    orphan = services.root / "images" / "2026-11" / f"{job_id:08d}-0123456789.png"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(paint("red", 64, 64, 1))
    report = Recovery(services.db, services.root).run()
    assert report.adopted == [job_id]
    assert rows(services, f"SELECT parent_id FROM assets WHERE job_id={job_id}") == [(original,)]


async def test_deleting_the_parent_for_good_clears_the_pending_variants_reference(services: Services) -> None:
    await services.queue.enqueue([spec("red original")])
    await run_queue(services)
    ((original,),) = rows(services, "SELECT id FROM assets")
    await services.queue.set_paused(True)
    _, (job_id,) = await services.queue.enqueue([spec("red variant", original)])
    with services.db.engine_or_raise().begin() as conn:
        conn.execute(text("UPDATE jobs SET asset_id=NULL"))
        conn.execute(text("DELETE FROM assets WHERE id=:a"), {"a": original})
    assert rows(services, f"SELECT parent_asset_id FROM jobs WHERE id={job_id}") == [(None,)]
    await services.queue.set_paused(False)
    await run_queue(services)
    assert rows(services, "SELECT parent_id FROM assets") == [(None,)]


async def test_the_column_is_declared_with_on_delete_set_null(services: Services) -> None:
    fks = rows(services, "PRAGMA foreign_key_list(jobs)")
    parent_fk = [fk for fk in fks if fk[3] == "parent_asset_id"]
    assert parent_fk and parent_fk[0][2] == "assets" and parent_fk[0][6] == "SET NULL"
