"""Writing one decision row inside a caller's transaction, so a preset or rule change and
its history entry commit together."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from desktop.core.workflow.errors import WorkflowError
from desktop.core.workflow.tables import DECISION_KINDS


@dataclass(frozen=True)
class DecisionDraft:
    """A decision before it is stored: who decided is `actor` (and the profile if any)."""

    kind: str
    project_id: int | None
    asset_id: int | None = None
    note: str = ""
    actor: str = ""
    profile_id: int | None = None
    payload: dict[str, Any] = field(default_factory=dict)


def insert_decision(conn: Connection, draft: DecisionDraft, now: float) -> int:
    if draft.kind not in DECISION_KINDS:
        raise WorkflowError(f"decision kind {draft.kind!r} is not one of {', '.join(DECISION_KINDS)}")
    return int(conn.execute(
        text("INSERT INTO decisions (kind, asset_id, project_id, profile_id, actor, note,"
             " payload_json, created_at) VALUES (:k, :a, :p, :prof, :actor, :note, :payload, :now)"),
        {"k": draft.kind, "a": draft.asset_id, "p": draft.project_id, "prof": draft.profile_id,
         "actor": draft.actor, "note": draft.note,
         "payload": json.dumps(draft.payload, ensure_ascii=False, sort_keys=True), "now": now},
    ).lastrowid)
