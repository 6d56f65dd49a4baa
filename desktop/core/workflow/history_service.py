"""The creative history: recording decisions (who, when, why) and reading a project's
timeline, where every step leads to its images. Exported as JSON or CSV for reports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

from desktop.core.workflow import events as wev
from desktop.core.workflow.context import WorkflowContext
from desktop.core.workflow.decisions_sql import DecisionDraft
from desktop.core.workflow.errors import WorkflowError
from desktop.core.workflow.records import DecisionRecord, TimelineEntry
from desktop.core.workflow.tables import DECISION_KINDS

TITLES = {
    "pick": "Picked", "reject": "Rejected", "approve": "Approved",
    "request_changes": "Changes requested", "comment": "Comment",
    "preset_change": "Preset changed", "rule_change": "Brand rules changed", "batch": "Batch made",
}
BATCH_IMAGES = 500  # images a batch step links to, at most


class HistoryService:
    def __init__(self, ctx: WorkflowContext) -> None:
        self.ctx = ctx

    async def record(self, kind: str, asset_ids: Sequence[int] = (), *, project_id: int | None = None,
                     note: str = "") -> list[int]:
        """One decision per image (analytics counts picks per image), or one without an
        image (a comment on the project). The project defaults to the images' project."""
        if kind not in DECISION_KINDS:
            raise WorkflowError(f"decision kind {kind!r} is not one of {', '.join(DECISION_KINDS)}")
        facts = {a.id: a for a in self.ctx.records.assets(asset_ids)} if asset_ids else {}
        missing = [i for i in asset_ids if i not in facts]
        if missing:
            raise WorkflowError(f"image(s) {', '.join(map(str, missing))} do not exist or are in the trash")
        drafts = [DecisionDraft(kind, project_id if project_id is not None else facts[i].project_id,
                                i, note, self.ctx.actor, self.ctx.profile_id) for i in asset_ids]
        if not drafts:
            drafts = [DecisionDraft(kind, project_id, None, note, self.ctx.actor, self.ctx.profile_id)]
        ids = await self.ctx.on_db(self.ctx.records.record, drafts)
        project = drafts[0].project_id
        self.ctx.events.publish(wev.DecisionDidRecord(tuple(ids), project, kind, tuple(asset_ids)))
        return ids

    def decisions(self, project_id: int | None = None, asset_id: int | None = None) -> list[DecisionRecord]:
        return self.ctx.records.decisions(project_id, asset_id)

    def statuses(self, asset_ids: Sequence[int]) -> dict[int, str]:
        return self.ctx.records.statuses(asset_ids)

    def timeline(self, project_id: int) -> list[TimelineEntry]:
        """Decisions and batches of the project, newest first."""
        entries = []
        for d in self.ctx.records.decisions(project_id):
            ids = (d.asset_id,) if d.asset_id is not None else tuple(d.payload.get("asset_ids", ()))
            detail = {k: v for k, v in d.payload.items() if k in ("preset", "action")}
            entries.append(TimelineEntry(d.created_at, d.kind, TITLES[d.kind], d.note, d.actor,
                                         ids, decision_id=d.id, detail=detail))
        for b in self.ctx.records.project_batches(project_id):
            ids = tuple(self.ctx.records.asset_ids(batch_id=b["id"], limit=BATCH_IMAGES))
            entries.append(TimelineEntry(b["created_at"], "batch", TITLES["batch"], b["name"] or "",
                                         "", ids, batch_id=b["id"],
                                         detail={"images": b["images"], "variant_of": b["variant_of"]}))
        return sorted(entries, key=lambda e: (e.at, e.decision_id or 0), reverse=True)

    async def export(self, project_id: int, path: Path) -> int:
        entries = self.timeline(project_id)
        await self.ctx.on_io(_write_timeline, entries, path)
        return len(entries)


def _write_timeline(entries: list[TimelineEntry], path: Path) -> None:
    rows = [{"at": e.at, "kind": e.kind, "title": e.title, "actor": e.actor, "note": e.note,
             "asset_ids": list(e.asset_ids), "batch_id": e.batch_id, "decision_id": e.decision_id,
             "detail": e.detail} for e in entries]
    if path.suffix.lower() == ".json":
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
        return
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerow(["at", "kind", "title", "actor", "note", "asset_ids", "batch_id", "decision_id"])
    for r in rows:
        out.writerow([r["at"], r["kind"], r["title"], r["actor"], r["note"],
                      " ".join(map(str, r["asset_ids"])), r["batch_id"] or "", r["decision_id"] or ""])
    path.write_text(buf.getvalue(), encoding="utf-8-sig")
