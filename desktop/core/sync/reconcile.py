"""Bringing a local asset and the destination's sidecar for it together: fields only the
remote changed are taken, fields only we changed are pushed, fields both changed become
conflicts (local kept). Used by pulls and by pushes whose conditional write was refused."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from desktop.core.sync import sidecar as sc
from desktop.core.sync.assets import AssetRecord, AssetRepository
from desktop.core.sync.backends.base import RemoteObject
from desktop.core.sync.conflicts import ConflictRepository
from desktop.core.sync.context import DestinationContext
from desktop.core.sync.layout import sidecar_rel
from desktop.core.sync.merge import Outcome, three_way
from desktop.core.sync.objects import ObjectRepository, ObjectState
from desktop.core.sync.outbox import OutboxRepository


def base_of(state: ObjectState | None) -> dict[str, Any] | None:
    if state is None or not state.base_json:
        return None
    try:
        return dict(json.loads(state.base_json))
    except ValueError:
        return None


@dataclass(frozen=True)
class Reconciled:
    conflicts: int  # conflicts recorded (or brought up to date)
    changed: bool  # remote values were applied to the local asset


def reconcile(ctx: DestinationContext, asset: AssetRecord, remote: dict[str, Any],
              body: bytes, remote_obj: RemoteObject) -> Reconciled:
    """Merge `remote` (the sidecar's content) into `asset`."""
    key = ctx.key(sidecar_rel(asset.sha256))
    state = ctx.objects.get(ctx.dest_id, key)
    base = base_of(state)
    merges = three_way(sc.asset_view(asset), sc.merged_view(remote),
                       sc.merged_view(base) if base else None)
    take = {m.field: m.remote for m in merges if m.outcome is Outcome.TAKE_REMOTE}
    clashes = [m for m in merges if m.outcome is Outcome.CONFLICT]
    ours = any(m.outcome is Outcome.KEEP_LOCAL for m in merges)
    now = ctx.now()
    new_base = {**sc.merged_view(remote), "origin_library": remote.get("origin_library")}
    with ctx.store.write() as conn:
        if take:
            AssetRepository.apply(conn, asset.id, take)
        for m in clashes:
            ConflictRepository.record(conn, ctx.dest_id, asset.id, m.field, m.local, m.remote, now)
        ObjectRepository.save_verified(conn, ObjectState(
            ctx.dest_id, key, "sidecar", asset.id, hashlib.sha256(body).hexdigest(),
            hashlib.md5(body).hexdigest(), remote_obj.etag, len(body), "verified",
            base_json=json.dumps(new_base, ensure_ascii=False, sort_keys=True)), now)
        if ours and not clashes:
            OutboxRepository.enqueue(conn, ctx.dest_id, asset.id)  # our edits still go up
    return Reconciled(len(clashes), bool(take))
