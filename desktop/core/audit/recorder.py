"""`AuditRecorder`: turns the core's events into audit entries (sign-in/out comes from the
profiles feature itself). Handlers only queue the write; the store's writer thread does it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from sqlalchemy import text

from desktop.core import events as ev
from desktop.core.audit import actions as act
from desktop.core.audit.log import AuditLog
from desktop.core.config import AppConfig
from desktop.core.profiles.events import SecretDidChange

MAX_IDS = 200  # ids listed in one entry's details; the count is always exact
KEY_ACTIONS = {"added": act.KEY_ADDED, "changed": act.KEY_CHANGED, "removed": act.KEY_REMOVED}
SYNC_ACTIONS = {"added": act.SYNC_DESTINATION_ADDED, "changed": act.SYNC_DESTINATION_CHANGED,
                "removed": act.SYNC_DESTINATION_REMOVED}


def _ids(ids: tuple[int, ...]) -> dict[str, Any]:
    return {"count": len(ids), "ids": list(ids[:MAX_IDS])}


class AuditRecorder:
    def __init__(self, audit: AuditLog, events: ev.EventBus, config: AppConfig | None = None) -> None:
        self.audit = audit
        self.events = events
        self.config = config
        self._providers = self._provider_snapshot()
        self._unsubscribe: list[Callable[[], None]] = []

    def attach(self) -> AuditRecorder:
        handlers: dict[type, Callable[[Any], None]] = {
            SecretDidChange: self._secret,
            ev.ProviderSettingsDidApply: self._provider_settings,
            ev.BatchDidAdd: self._batch_added,
            ev.JobsDidChange: self._jobs_changed,
            ev.BudgetDidExceed: self._budget,
            ev.AssetsDidTrash: self._trash,
            ev.SyncDestinationDidChange: self._sync_destination,
            ev.ReportDidExport: self._report,
            ev.LibraryDidRestore: self._restore,
        }
        self._unsubscribe = [self.events.subscribe(t, h) for t, h in handlers.items()]
        return self

    def detach(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []

    # -- handlers ----------------------------------------------------------------------------
    def _secret(self, event: SecretDidChange) -> None:
        self.audit.record(KEY_ACTIONS.get(event.change, event.change), event.name,
                          {"store": "profile vault" if event.vault else "shared"})

    def _provider_snapshot(self) -> dict[str, dict[str, Any]]:
        if self.config is None:
            return {}
        return {name: copy.deepcopy(asdict(s)) for name, s in self.config.providers.items()}

    def _provider_settings(self, _event: ev.ProviderSettingsDidApply) -> None:
        now = self._provider_snapshot()
        for name in sorted(set(now) | set(self._providers)):
            before, after = self._providers.get(name, {}), now.get(name, {})
            if before == after:
                continue
            changed = {k: after.get(k) for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)}
            self.audit.record(act.PROVIDER_SETTINGS_CHANGED, name, {"changed": changed})
        self._providers = now

    def _batch_added(self, event: ev.BatchDidAdd) -> None:
        db = self.audit.db

        def details() -> dict[str, Any]:
            with db.read() as conn:
                row = conn.execute(text("SELECT name, budget_usd, project_id FROM batches WHERE id = :i"),
                                   {"i": event.batch_id}).first()
            found = {"name": row[0], "budget_usd": row[1], "project_id": row[2]} if row else {}
            return {"jobs": event.job_count, **found}

        self.audit.record(act.BATCH_STARTED, f"batch {event.batch_id}", details)

    def _jobs_changed(self, event: ev.JobsDidChange) -> None:
        if event.state != "cancelled":
            return
        db, ids = self.audit.db, event.job_ids

        def details() -> dict[str, Any]:
            marks = ", ".join(f":j{i}" for i in range(min(len(ids), 500)))
            with db.read() as conn:
                batches = [r[0] for r in conn.execute(text(
                    f"SELECT DISTINCT batch_id FROM jobs WHERE id IN ({marks}) ORDER BY batch_id"),
                    {f"j{i}": j for i, j in enumerate(ids[:500])})]
            return {**_ids(ids), "batches": batches}

        self.audit.record(act.JOBS_CANCELLED, f"{len(ids)} job(s)", details)

    def _budget(self, event: ev.BudgetDidExceed) -> None:
        self.audit.record(act.BUDGET_EXCEEDED, f"batch {event.batch_id}",
                          {"budget_usd": event.budget_usd, "spent_usd": round(event.spent_usd, 6)})

    def _trash(self, event: ev.AssetsDidTrash) -> None:
        action = act.ASSETS_RESTORED if event.restored else act.ASSETS_DELETED
        where = {} if event.restored else {"permanently": event.purged}
        self.audit.record(action, f"{len(event.asset_ids)} asset(s)", {**_ids(event.asset_ids), **where})

    def _sync_destination(self, event: ev.SyncDestinationDidChange) -> None:
        self.audit.record(SYNC_ACTIONS.get(event.change, event.change), event.name, {"kind": event.kind})

    def _report(self, event: ev.ReportDidExport) -> None:
        self.audit.record(act.REPORT_EXPORTED, event.path, {"type": event.report_type, "format": event.format})

    def _restore(self, event: ev.LibraryDidRestore) -> None:
        self.audit.record(act.BACKUP_RESTORED, event.backup, {"safety_copy": event.safety_copy})
