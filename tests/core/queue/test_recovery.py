"""After a kill, running jobs are finished from images already on disk or sent back to the
queue; leftover temporary files go."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.queue.recovery import Recovery

from .conftest import png_bytes

pytestmark = pytest.mark.asyncio


async def _two_running_jobs(harness) -> list[int]:
    _, ids = await harness.service.enqueue([JobSpec(GenerationRequest("alpha", "m1", f"p{i}")) for i in range(2)])
    with harness.db.engine_or_raise().begin() as conn:
        conn.execute(text("UPDATE jobs SET state='running', attempts=1"))
        for job_id in ids:
            conn.execute(text("INSERT INTO attempts (job_id, provider, model, started_at, outcome, cost_usd,"
                              " cost_source, cached) VALUES (:j, 'alpha', 'm1', 0, 'running', 0, 'none', 0)"),
                         {"j": job_id})
    return ids


async def test_a_job_whose_image_was_written_is_finished_not_generated_again(harness):
    written, lost = await _two_running_jobs(harness)
    orphan = harness.root / "images" / "2026-11" / f"{written:08d}-abcdef1234.png"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(png_bytes())
    (harness.root / ".tmp").mkdir()
    (harness.root / ".tmp" / "half-written.part").write_bytes(b"x")

    report = Recovery(harness.db, harness.root).run()

    assert report.adopted == [written] and report.requeued == [lost] and report.temp_removed == 1
    by_id = {j.id: j for j in harness.jobs()}
    assert by_id[written].state.value == "succeeded" and by_id[written].asset_id is not None
    assert by_id[lost].state.value == "pending"
    with harness.db.engine_or_raise().connect() as conn:
        outcomes = dict(conn.execute(text("SELECT job_id, outcome FROM attempts")).all())
    assert outcomes == {written: "succeeded", lost: "interrupted"}
    await harness.run()
    assert len(harness.script.calls) == 1  # only the lost job was asked for again


async def test_a_damaged_leftover_file_is_not_adopted(harness):
    job_id, _ = await _two_running_jobs(harness)
    bad = harness.root / "images" / "2026-11" / f"{job_id:08d}-deadbeef00.png"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(png_bytes()[:20])
    report = Recovery(harness.db, harness.root).run()
    assert job_id in report.requeued and not report.adopted
