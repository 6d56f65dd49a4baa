"""`AuditLog`: append entries to the chain, read them for the viewer and exports, and
verify the chain from the first entry to the last.

Writes take the store's write lock (BEGIN IMMEDIATE), so two processes appending at once
(the window and a headless command) still build one unbroken chain. The head of the chain
is also kept in `app_state`, so cutting entries off the end is noticed too.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from desktop.core.audit.chain import (
    GENESIS,
    AuditEntry,
    canonical_details,
    entry_hash,
    expected_hash,
)
from desktop.core.audit.redaction import scrub_details
from desktop.core.secrets import Redactor
from desktop.core.store.database import Database

log = logging.getLogger(__name__)
Details = dict[str, Any] | Callable[[], dict[str, Any]] | None
HEAD_KEY = "audit.head"  # app_state: "<id> <hash>" of the last entry written
Submit = Callable[[Callable[[], AuditEntry]], "Future[AuditEntry]"]


@dataclass(frozen=True)
class Actor:
    """Who entries are written for: the current profile's id and its name at the time."""

    profile_id: int | None = None
    name: str = ""


@dataclass(frozen=True)
class AuditQuery:
    """Filters for the viewer and exports; times are unix seconds, `end` exclusive."""

    start: float | None = None
    end: float | None = None
    profile_id: int | None = None
    actions: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class BrokenLink:
    entry_id: int
    reason: str


@dataclass(frozen=True)
class VerifyResult:
    checked: int
    broken: BrokenLink | None = None

    @property
    def intact(self) -> bool:
        return self.broken is None


class AuditLog:
    """The library's audit log. `record()` never raises into the caller's work: it writes
    through `submit` (the store's writer thread in the app) and returns the future."""

    def __init__(self, db: Database, *, redactor: Redactor | None = None,
                 clock: Callable[[], float] = time.time, submit: Submit | None = None) -> None:
        self.db = db
        self.redactor = redactor
        self.clock = clock
        self.submit = submit
        self.actor = Actor()
        self._lock = threading.Lock()

    # -- writing ---------------------------------------------------------------------------
    def record(self, action: str, target: str = "", details: Details = None, *,
               actor: Actor | None = None) -> Future[AuditEntry]:
        """Append an entry for the current actor. `details` may be a function, called on the
        writer thread (for details that need a read of the store)."""
        who = actor or self.actor

        def write() -> AuditEntry:
            try:
                return self.append(action, target, details() if callable(details) else details, who)
            except Exception:
                log.exception("the audit log could not record %s %s", action, target)
                raise

        if self.submit is None:
            future: Future[AuditEntry] = Future()
            try:
                future.set_result(write())
            except Exception as exc:  # handed to whoever looks at the future
                future.set_exception(exc)
            return future
        return self.submit(write)

    def flush(self) -> None:
        """Wait until the entries recorded so far are written."""
        if self.submit is not None:
            self.submit(lambda: None).result()  # type: ignore[arg-type, return-value]

    def append(self, action: str, target: str = "", details: dict[str, Any] | None = None,
               actor: Actor | None = None) -> AuditEntry:
        """Write one entry now, on this thread, and return it."""
        who = actor or self.actor
        clean = scrub_details(details or {}, self.redactor)
        body = canonical_details(clean)
        target = self.redactor.scrub(target) if self.redactor else target
        with self._lock, self.db.engine_or_raise().begin() as conn:
            last = conn.execute(text("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")).first()
            entry_id = (last[0] + 1) if last else 1
            prev = last[1] if last else GENESIS
            at = float(self.clock())
            digest = entry_hash(entry_id, at, who.profile_id, who.name, action, target, body, prev)
            conn.execute(text(
                "INSERT INTO audit_log (id, at, profile_id, actor, action, target, details, prev_hash, hash)"
                " VALUES (:id, :at, :pid, :actor, :action, :target, :details, :prev, :hash)"),
                {"id": entry_id, "at": at, "pid": who.profile_id, "actor": who.name, "action": action,
                 "target": target, "details": body, "prev": prev, "hash": digest})
            conn.execute(text("INSERT INTO app_state (key, value) VALUES (:k, :v)"
                              " ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                         {"k": HEAD_KEY, "v": f"{entry_id} {digest}"})
        return AuditEntry(entry_id, at, who.profile_id, who.name, action, target, body, prev, digest)

    # -- reading ---------------------------------------------------------------------------
    @staticmethod
    def _where(query: AuditQuery) -> tuple[str, dict[str, Any]]:
        clauses, params = [], {}
        if query.start is not None:
            clauses.append("at >= :start")
            params["start"] = query.start
        if query.end is not None:
            clauses.append("at < :end")
            params["end"] = query.end
        if query.profile_id is not None:
            clauses.append("profile_id = :pid")
            params["pid"] = query.profile_id
        if query.actions:
            names = [f":a{i}" for i in range(len(query.actions))]
            clauses.append(f"action IN ({', '.join(names)})")
            params.update({f"a{i}": a for i, a in enumerate(query.actions)})
        if query.text:
            clauses.append("(target LIKE :t OR actor LIKE :t OR details LIKE :t)")
            params["t"] = f"%{query.text}%"
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def ids(self, query: AuditQuery = AuditQuery(), newest_first: bool = True) -> list[int]:
        where, params = self._where(query)
        order = "DESC" if newest_first else "ASC"
        with self.db.read() as conn:
            return [r[0] for r in conn.execute(text(f"SELECT id FROM audit_log{where} ORDER BY id {order}"),
                                               params)]

    def entries(self, ids: Iterable[int]) -> list[AuditEntry]:
        wanted = list(ids)
        found: dict[int, AuditEntry] = {}
        with self.db.read() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                marks = ", ".join(f":i{i}" for i in range(len(chunk)))
                rows = conn.execute(text(f"SELECT * FROM audit_log WHERE id IN ({marks})"),
                                    {f"i{i}": v for i, v in enumerate(chunk)}).mappings()
                found.update({int(r["id"]): AuditEntry.from_mapping(r) for r in rows})
        return [found[i] for i in wanted if i in found]

    def query(self, query: AuditQuery = AuditQuery()) -> list[AuditEntry]:
        """Every matching entry, oldest first (exports)."""
        where, params = self._where(query)
        with self.db.read() as conn:
            rows = conn.execute(text(f"SELECT * FROM audit_log{where} ORDER BY id"), params).mappings()
            return [AuditEntry.from_mapping(r) for r in rows]

    def actions_used(self) -> list[str]:
        with self.db.read() as conn:
            return [r[0] for r in conn.execute(text("SELECT DISTINCT action FROM audit_log ORDER BY action"))]

    def count(self) -> int:
        return int(self.db.scalar("SELECT COUNT(*) FROM audit_log") or 0)

    # -- verifying -------------------------------------------------------------------------
    def verify(self) -> VerifyResult:
        """Walk the chain in order; the first entry whose link or hash is wrong is reported."""
        prev, last_id, checked = GENESIS, 0, 0
        with self.db.read() as conn:
            rows = conn.execute(text("SELECT * FROM audit_log ORDER BY id")).mappings()
            for row in rows:
                entry = AuditEntry.from_mapping(row)
                checked += 1
                if entry.id != last_id + 1:
                    return VerifyResult(checked, BrokenLink(
                        entry.id, f"entries {last_id + 1}..{entry.id - 1} are missing"))
                if entry.prev_hash != prev:
                    return VerifyResult(checked, BrokenLink(
                        entry.id, "its link to the previous entry does not match that entry's hash"))
                if entry.hash != expected_hash(entry):
                    return VerifyResult(checked, BrokenLink(
                        entry.id, "its contents do not match its hash (the entry was changed)"))
                prev, last_id = entry.hash, entry.id
            head = conn.execute(text("SELECT value FROM app_state WHERE key = :k"), {"k": HEAD_KEY}).scalar()
        if head:
            head_id, _, head_hash = str(head).partition(" ")
            if int(head_id) > last_id:
                return VerifyResult(checked, BrokenLink(
                    int(head_id), f"the log ends at entry {last_id} but entry {head_id} was written:"
                    " entries were removed from the end"))
            if int(head_id) == last_id and head_hash != prev:
                return VerifyResult(checked, BrokenLink(
                    last_id, "the last entry differs from the one that was written"))
        return VerifyResult(checked)
