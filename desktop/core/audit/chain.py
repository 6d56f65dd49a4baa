"""How an audit entry is hashed: SHA-256 over a canonical JSON encoding of the entry's
fields and the previous entry's hash. Any change to a stored field, a removed entry or
two swapped entries changes a hash that a later entry depends on."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64  # the prev_hash of the first entry


@dataclass(frozen=True)
class AuditEntry:
    """One entry as stored. `details` is the canonical JSON text (see `canonical_details`)."""

    id: int
    at: float
    profile_id: int | None
    actor: str
    action: str
    target: str
    details: str
    prev_hash: str
    hash: str

    @property
    def details_dict(self) -> dict[str, Any]:
        try:
            value = json.loads(self.details)
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    @classmethod
    def from_mapping(cls, row: Any) -> AuditEntry:
        return cls(int(row["id"]), float(row["at"]), row["profile_id"], row["actor"], row["action"],
                   row["target"], row["details"], row["prev_hash"], row["hash"])


def canonical_details(details: dict[str, Any] | None) -> str:
    """Sorted keys, no spaces, UTF-8 kept: the same dict always gives the same text."""
    return json.dumps(details or {}, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=str)


def entry_hash(id: int, at: float, profile_id: int | None, actor: str, action: str, target: str,
               details: str, prev_hash: str) -> str:
    # repr(float) round-trips exactly, and SQLite stores REAL as the same IEEE double.
    body = json.dumps([id, repr(float(at)), profile_id, actor, action, target, details, prev_hash],
                      separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def expected_hash(entry: AuditEntry) -> str:
    return entry_hash(entry.id, entry.at, entry.profile_id, entry.actor, entry.action, entry.target,
                      entry.details, entry.prev_hash)
