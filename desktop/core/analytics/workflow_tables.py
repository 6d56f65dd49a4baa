"""Tables other features own that analytics reads when they exist: picks/approvals, brand
checks, consistency scores, projects and profiles (workflow, accounts), the audit log and
the sync outbox.

Analytics never imports those features. It names the tables and columns it expects here,
in one place, and probes `sqlite_master` / `PRAGMA table_info` before reading; a missing
table or column makes the metrics that need it "not available" instead of an error. If a
feature lands with other names, change the contract here (or pass another to the engine).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Connection


@dataclass(frozen=True)
class TableContract:
    """One table analytics may read: its name and the columns it needs, by role."""

    key: str
    label: str  # what the user is told is missing
    table: str
    columns: dict[str, str]

    def col(self, role: str) -> str:
        return self.columns[role]


@dataclass(frozen=True)
class WorkflowContract:
    """Names of the other features' tables; `accepted_values` are decisions that accept."""

    # The workflow feature's tables (revision 0004, desktop/core/workflow/tables.py).
    decisions: TableContract = TableContract(
        "decisions", "picks and approvals (workflow)", "decisions",
        {"asset_id": "asset_id", "decision": "kind", "at": "created_at", "actor": "actor", "note": "note"},
    )
    # Kinds that judge an image; the latest of these per image is its verdict (comments and
    # preset/rule changes do not undo a pick).
    verdict_values: tuple[str, ...] = ("pick", "reject", "approve", "request_changes")
    accepted_values: tuple[str, ...] = ("pick", "approve")
    brand_checks: TableContract = TableContract(
        "brand_checks", "brand checks (workflow)", "brand_checks",
        {"asset_id": "asset_id", "passed": "passed", "at": "checked_at"},
    )
    consistency: TableContract = TableContract(
        "consistency", "consistency scores (workflow)", "consistency_scores",
        {"asset_id": "asset_id", "score": "score", "at": "created_at"},
    )  # score 0..100
    projects: TableContract = TableContract(
        "projects", "projects (workflow)", "projects", {"id": "id", "name": "name"},
    )
    # The accounts feature's tables (revision 0006, desktop/core/profiles and core/audit).
    profiles: TableContract = TableContract(
        "profiles", "user profiles (accounts)", "profiles", {"id": "id", "name": "name"},
    )
    audit: TableContract = TableContract(
        "audit", "the audit log (accounts)", "audit_log",
        {"at": "at", "actor": "actor", "action": "action", "target": "target",
         "detail": "details"},
    )
    sync_outbox: TableContract = TableContract(
        "sync_outbox", "the sync outbox (sync)", "sync_outbox", {"created_at": "created_at"},
    )  # a row per (destination, asset) still to send; removed once sent

    def all(self) -> tuple[TableContract, ...]:
        return (self.decisions, self.brand_checks, self.consistency, self.projects,
                self.profiles, self.audit, self.sync_outbox)

    def by_key(self, key: str) -> TableContract:
        for contract in self.all():
            if contract.key == key:
                return contract
        raise KeyError(key)


@dataclass(frozen=True)
class Availability:
    """Which contracted tables exist with the needed columns in this library, right now."""

    present: frozenset[str] = frozenset()
    missing: dict[str, str] = field(default_factory=dict)  # key -> why

    def has(self, key: str) -> bool:
        return key in self.present

    def reason(self, key: str) -> str:
        return self.missing.get(key, "")


def probe(conn: Connection, contract: WorkflowContract) -> Availability:
    tables = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type IN ('table','view')")).scalars())
    present: set[str] = set()
    missing: dict[str, str] = {}
    for item in contract.all():
        if item.table not in tables:
            missing[item.key] = f"not available: {item.label} not in this library (no table {item.table})"
            continue
        cols = {row[1] for row in conn.execute(text(f'PRAGMA table_info("{item.table}")'))}
        lacking = [c for c in item.columns.values() if c not in cols]
        if lacking:
            missing[item.key] = (f"not available: table {item.table} has no column "
                                 f"{', '.join(lacking)}")
        else:
            present.add(item.key)
    return Availability(frozenset(present), missing)


def sql_literals(values: tuple[str, ...]) -> str:
    """A SQL list of string literals from code constants (quotes doubled)."""
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)
