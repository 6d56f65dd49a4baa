"""Three-way merge of the fields users edit on several machines (rating, favorite, tags).

Base is what this library and the destination last agreed on. A field only one side
changed takes that side's value; a field both changed differently is a conflict, and the
local value stays until the user picks one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop.core.sync.sidecar import DEFAULTS, MERGED_FIELDS


class Outcome(StrEnum):
    SAME = "same"
    TAKE_REMOTE = "take_remote"
    KEEP_LOCAL = "keep_local"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class FieldMerge:
    field: str
    outcome: Outcome
    local: Any
    remote: Any


def three_way(local: dict[str, Any], remote: dict[str, Any],
              base: dict[str, Any] | None) -> list[FieldMerge]:
    """`local`, `remote`, `base` are `sidecar.merged_view` dicts. With no base (this asset
    was never synced with this destination), untouched defaults count as the base."""
    base = base or DEFAULTS
    merges = []
    for name in MERGED_FIELDS:
        mine, theirs, was = local.get(name), remote.get(name), base.get(name)
        if mine == theirs:
            outcome = Outcome.SAME
        elif mine == was:
            outcome = Outcome.TAKE_REMOTE
        elif theirs == was:
            outcome = Outcome.KEEP_LOCAL
        else:
            outcome = Outcome.CONFLICT
        merges.append(FieldMerge(name, outcome, mine, theirs))
    return merges
