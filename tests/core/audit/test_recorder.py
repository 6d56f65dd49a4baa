"""What the app does is recorded: keys (names only), provider settings, batches started and
cancelled, budgets exceeded, the trash, sync destinations, reports and restores."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core import events as ev
from desktop.core.audit.log import AuditLog
from desktop.core.audit.recorder import AuditRecorder
from desktop.core.config import AppConfig, ProviderSettings
from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.provider_settings import apply_provider_settings
from desktop.core.services import build_services
from desktop.core.store.database import Database

KEY = "sk-proj-0123456789abcdefXYZ"


def _actions(audit: AuditLog) -> list[tuple[str, str]]:
    audit.flush()
    return [(e.action, e.target) for e in audit.query()]


def test_events_without_a_store_read_become_entries(db: Database) -> None:
    audit, bus, config = AuditLog(db), ev.EventBus(), AppConfig()
    AuditRecorder(audit, bus, config).attach()
    bus.publish(ev.BudgetDidExceed(4, 10.0, 10.4))
    bus.publish(ev.AssetsDidTrash((1, 2)))
    bus.publish(ev.AssetsDidTrash((2,), restored=True))
    bus.publish(ev.AssetsDidTrash((1,), purged=True))
    bus.publish(ev.SyncDestinationDidChange("studio-s3", "added", "s3"))
    bus.publish(ev.SyncDestinationDidChange("studio-s3", "removed", "s3"))
    bus.publish(ev.ReportDidExport("/tmp/r.pdf", "usage", "pdf"))
    bus.publish(ev.LibraryDidRestore("backups/library-1.db", "backups/before-restore.db"))
    bus.publish(ev.JobsDidChange((5,), "paused"))  # not audited
    assert _actions(audit) == [
        ("budget_exceeded", "batch 4"), ("assets_deleted", "2 asset(s)"), ("assets_restored", "1 asset(s)"),
        ("assets_deleted", "1 asset(s)"), ("sync_destination_added", "studio-s3"),
        ("sync_destination_removed", "studio-s3"), ("report_exported", "/tmp/r.pdf"),
        ("backup_restored", "backups/library-1.db")]
    purged = audit.query()[3]
    assert purged.details_dict == {"count": 1, "ids": [1], "permanently": True}


def test_only_changed_provider_settings_are_recorded_with_their_new_values(db: Database) -> None:
    audit, bus = AuditLog(db), ev.EventBus()
    config = AppConfig(providers={"openai": ProviderSettings(concurrency=2)})
    AuditRecorder(audit, bus, config).attach()
    config.providers["openai"].concurrency = 4
    config.providers["ollama"] = ProviderSettings(base_url="http://127.0.0.1:11434")
    bus.publish(ev.ProviderSettingsDidApply())
    bus.publish(ev.ProviderSettingsDidApply())  # nothing new: nothing recorded
    entries = audit.query()
    assert [(e.action, e.target) for e in entries] == [("provider_settings_changed", "ollama"),
                                                       ("provider_settings_changed", "openai")]
    assert entries[1].details_dict == {"changed": {"concurrency": 4}}


@pytest.mark.asyncio
async def test_the_app_records_keys_by_name_batches_cancels_and_settings(tmp_path: Path) -> None:
    services = build_services(tmp_path / "library")
    try:
        services.secrets.set("openai.api_key", KEY)
        services.secrets.set("openai.api_key", KEY + "2")
        services.secrets.delete("openai.api_key")
        batch_id, job_ids = await services.queue.enqueue(
            [JobSpec(GenerationRequest("openai", "gpt-image-1", "kite"))] * 2)
        await services.queue.cancel(job_ids[:1])
        services.config.providers["openai"] = ProviderSettings(rate_per_minute=12.0)
        apply_provider_settings(services)
        audit = services.audit
        assert _actions(audit)[-6:] == [
            ("key_added", "openai.api_key"), ("key_changed", "openai.api_key"), ("key_removed", "openai.api_key"),
            ("batch_started", f"batch {batch_id}"), ("jobs_cancelled", "1 job(s)"),
            ("provider_settings_changed", "openai")]
        cancelled = [e for e in audit.query() if e.action == "jobs_cancelled"][0]
        assert cancelled.details_dict == {"count": 1, "ids": job_ids[:1], "batches": [batch_id]}
        assert all(e.actor == "Default" for e in audit.query())
        for path in (tmp_path / "library").glob("library.db*"):  # with the WAL
            assert KEY.encode() not in path.read_bytes()
    finally:
        await services.aclose()
