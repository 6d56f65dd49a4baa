"""Every batch, job, asset, decision and report records the profile that made it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.reports.request import Format, ReportRequest
from desktop.core.services import build_services
from tests.core.queue.conftest import QueueHarness, harness  # noqa: F401 - the queue's fixture

pytestmark = pytest.mark.asyncio


async def test_a_batch_enqueued_while_a_profile_is_current_gives_its_jobs_assets_that_profile(
        harness: QueueHarness) -> None:  # noqa: F811
    harness.service.profile_id = 7
    batch_id, _ids = await harness.service.enqueue(
        [JobSpec(GenerationRequest("alpha", "m1", "a red kite", seed=1))])
    await harness.run()
    with harness.db.read() as conn:
        assert conn.execute(text("SELECT profile_id FROM batches WHERE id = :b"), {"b": batch_id}).scalar() == 7
        assets = conn.execute(text("SELECT profile_id FROM assets WHERE batch_id = :b"), {"b": batch_id}).all()
    assert [a[0] for a in assets] == [7]


async def test_services_follow_the_current_profile_for_batches_decisions_and_reports(tmp_path: Path) -> None:
    services = build_services(tmp_path / "library")
    try:
        mei = services.profiles.create("Mei")
        services.profiles.switch("Mei")
        assert services.queue.profile_id == mei.id
        assert services.workflow.ctx.profile_id == mei.id
        batch_id, _ = await services.queue.enqueue([JobSpec(GenerationRequest("openai", "gpt-image-1", "kite"))])
        await services.workflow.history.record("comment", note="looks good")
        out = services.reports.generate(ReportRequest("usage", Format.JSON), tmp_path / "usage.json").path
        with services.db.read() as conn:
            assert conn.execute(text("SELECT profile_id FROM batches WHERE id = :b"),
                                {"b": batch_id}).scalar() == mei.id
            assert conn.execute(text("SELECT profile_id FROM decisions")).scalar() == mei.id
        assert "profile Mei" in out.read_text("utf-8")
        services.audit.flush()
        actions = [(e.actor, e.action) for e in services.audit.query()]
        assert ("Mei", "batch_started") in actions and ("Mei", "report_exported") in actions
    finally:
        await services.aclose()
