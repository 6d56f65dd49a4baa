"""Pushing one outbox item: the asset's image, thumbnail and sidecar up to one destination
(only what changed since the last verified copy), or its removal under the delete policy."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desktop.core.sync import sidecar as sc
from desktop.core.sync.assets import AssetRecord
from desktop.core.sync.context import DestinationContext
from desktop.core.sync.destination import DeletePolicy
from desktop.core.sync.errors import (
    LocalFileError,
    PreconditionFailedError,
    VerificationError,
)
from desktop.core.sync.hashing import digest_bytes
from desktop.core.sync.layout import content_type, encode_metadata, sidecar_rel
from desktop.core.sync.manifest import ManifestEntry, ManifestWriter
from desktop.core.sync.objects import ObjectRepository, ObjectState
from desktop.core.sync.outbox import OutboxItem, OutboxRepository
from desktop.core.sync.reconcile import base_of, reconcile
from desktop.core.sync.transfer import Payload, Sent, verify


@dataclass
class ItemResult:
    uploaded: int = 0  # objects verified at the destination
    sent_bytes: int = 0
    deleted: int = 0
    resumed_parts: int = 0
    conflicts: int = 0
    held: bool = False  # the sidecar waits for a conflict to be resolved
    requeued: bool = False  # a newer change arrived meanwhile; the row runs again
    changed: bool = False  # the local asset took values another library wrote


class Pusher:
    def __init__(self, ctx: DestinationContext) -> None:
        self.ctx = ctx

    def process(self, item: OutboxItem, asset: AssetRecord | None,
                states: list[ObjectState]) -> ItemResult:
        if item.asset_id is None:
            return self._remove(item, self._snapshot_keys(item), "delete", item.sha256)
        if asset is None:  # deleted after the row was read; its delete row does the rest
            return self._finish(item, [], None)
        if asset.deleted_at is not None:
            keys = self._keys(asset) | {s.key for s in states}
            return self._remove(item, keys, "trash", asset.sha256)
        return self._put(item, asset, {s.key: s for s in states})

    # -- put ---------------------------------------------------------------------------
    def _keys(self, asset: AssetRecord) -> set[str]:
        keys = {self.ctx.key(asset.path), self.ctx.key(sidecar_rel(asset.sha256))}
        if asset.thumb_path:
            keys.add(self.ctx.key(asset.thumb_path))
        return keys

    def _snapshot_keys(self, item: OutboxItem) -> set[str]:
        keys = {self.ctx.key(p) for p in (item.path, item.thumb_path) if p}
        if item.sha256:
            keys.add(self.ctx.key(sidecar_rel(item.sha256)))
        return keys

    def _put(self, item: OutboxItem, asset: AssetRecord, states: dict[str, ObjectState]) -> ItemResult:
        ctx, result, sent = self.ctx, ItemResult(), []
        image_key = ctx.key(asset.path)
        have = states.get(image_key)
        if not (have and have.verified and have.local_sha256 == asset.sha256):
            found = (self._already_there(image_key, "image", ctx.root / asset.path, asset.sha256)
                     if asset.origin == "pulled" else None)
            sent.append(found or ctx.transfer.send(Payload(
                image_key, "image", asset.mime or content_type(asset.path),
                metadata=self._metadata(asset), path=ctx.root / asset.path,
                expected_sha256=asset.sha256), asset.id))
        if asset.thumb_path:
            thumb = self._thumb(asset, states)
            if thumb:
                sent.append(thumb)
        origin = self._origin(asset, states)
        body = sc.encode(sc.build(asset, origin))
        side = self._sidecar(asset, body, states, result)
        if side:
            sent.append(side)
        stale = set(states) - self._keys(asset)
        return self._finish(item, sent, asset, result, stale, origin)

    def _already_there(self, key: str, kind: str, path: Path, sha256: str | None) -> Sent | None:
        """A pulled image is often at this destination already (another library pushed it):
        a HEAD whose checksum matches our file saves sending it again."""
        remote = self.ctx.retry.call(lambda: self.ctx.backend.head(key), f"HEAD of {key}")
        if remote is None:
            return None
        try:
            digest = digest_bytes(path.read_bytes())
        except OSError:
            return None  # the upload reports it properly
        if sha256 and digest.sha256 != sha256:
            return None
        try:
            verify(remote, digest, self.ctx.backend.where(key))
        except VerificationError:
            return None
        return Sent(key, kind, digest, remote, 0)

    def _metadata(self, asset: AssetRecord) -> dict[str, str]:
        return encode_metadata({"sha256": asset.sha256, "provider": asset.provider,
                                "model": asset.model, "library": self.ctx.library_id,
                                "prompt": asset.prompt})

    def _thumb(self, asset: AssetRecord, states: dict[str, ObjectState]) -> Sent | None:
        assert asset.thumb_path
        path = self.ctx.root / asset.thumb_path
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None  # not made yet; the thumb_path update queues the asset again
        except OSError as exc:
            raise LocalFileError(f"{path}: cannot read the thumbnail: {exc.strerror}") from exc
        digest = digest_bytes(data)
        key = self.ctx.key(asset.thumb_path)
        have = states.get(key)
        if have and have.verified and have.local_sha256 == digest.sha256:
            return None
        if asset.origin == "pulled" and (found := self._already_there(key, "thumb", path, None)):
            return found
        return self.ctx.transfer.send(Payload(
            key, "thumb", content_type(asset.thumb_path, "image/jpeg"), data=data,
            metadata=encode_metadata({"sha256": digest.sha256, "asset_sha256": asset.sha256})))

    def _origin(self, asset: AssetRecord, states: dict[str, ObjectState]) -> str:
        if asset.origin == "pulled":
            base = base_of(states.get(self.ctx.key(sidecar_rel(asset.sha256))))
            if base and base.get("origin_library"):
                return str(base["origin_library"])
        return self.ctx.library_id

    def _sidecar(self, asset: AssetRecord, body: bytes, states: dict[str, ObjectState],
                 result: ItemResult) -> Sent | None:
        ctx = self.ctx
        key = ctx.key(sidecar_rel(asset.sha256))
        have = states.get(key)
        digest = digest_bytes(body)
        if have and have.verified and have.local_sha256 == digest.sha256:
            return None
        with ctx.store.read() as conn:
            if ctx.conflicts.open_for(conn, ctx.dest_id, asset.id):
                result.held = True
                return None
        payload = Payload(key, "sidecar", "application/json", data=body,
                          metadata=encode_metadata({"sha256": digest.sha256}),
                          if_absent=have is None, if_etag=have.remote_etag if have else None)
        try:
            return ctx.transfer.send(payload, asset.id)
        except PreconditionFailedError:
            # Another library wrote this sidecar since we last saw it: merge first; the
            # merged result goes up on the next pass, conditional on what we just read.
            got = ctx.retry.call(lambda: ctx.backend.get(key), f"download of {key}")
            if got is not None:
                data, remote = got
                done = reconcile(ctx, asset, sc.parse(data, ctx.backend.where(key)), data, remote)
                result.conflicts += done.conflicts
                result.changed = result.changed or done.changed
            else:
                with ctx.store.write() as conn:
                    ObjectRepository.forget(conn, ctx.dest_id, [key])
            result.requeued = True
            with ctx.store.write() as conn:
                OutboxRepository.enqueue(conn, ctx.dest_id, asset.id)
            return None

    # -- removal -----------------------------------------------------------------------
    def _remove(self, item: OutboxItem, keys: set[str], op: str, sha256: str | None) -> ItemResult:
        result = ItemResult()
        if self.ctx.destination.options.delete_policy is DeletePolicy.KEEP:
            with self.ctx.store.write() as conn:
                OutboxRepository.complete(conn, item)
            return result
        for key in sorted(keys):
            self.ctx.retry.call(lambda key=key: self.ctx.backend.delete(key), f"delete of {key}")
            result.deleted += 1
        with self.ctx.store.write() as conn:
            ObjectRepository.forget(conn, self.ctx.dest_id, keys)
            if sha256:
                ManifestWriter.add(conn, self.ctx.dest_id, ManifestEntry(op, sha256, at=self.ctx.now()),
                                   self.ctx.now())
            result.requeued = not OutboxRepository.complete(conn, item)
        return result

    # -- bookkeeping -------------------------------------------------------------------
    def _finish(self, item: OutboxItem, sent: list[Sent], asset: AssetRecord | None,
                result: ItemResult | None = None, stale: set[str] | None = None,
                origin: str | None = None) -> ItemResult:
        ctx, result = self.ctx, result or ItemResult()
        stale = stale or set()
        if stale and ctx.destination.options.delete_policy is DeletePolicy.MIRROR:
            for key in sorted(stale):
                ctx.retry.call(lambda key=key: ctx.backend.delete(key), f"delete of {key}")
                result.deleted += 1
        now = ctx.now()
        with ctx.store.write() as conn:
            for s in sent:
                base = None
                if s.kind == "sidecar" and asset is not None:
                    base = json.dumps({**sc.asset_view(asset), "origin_library": origin},
                                      ensure_ascii=False, sort_keys=True)
                ObjectRepository.save_verified(conn, ObjectState(
                    ctx.dest_id, s.key, s.kind, asset.id if asset else None, s.digest.sha256,
                    s.digest.md5_hex, s.remote.etag, s.digest.size, "verified", base_json=base), now)
                result.uploaded += 1
                result.sent_bytes += s.sent_bytes
                result.resumed_parts += s.resumed_parts
            ObjectRepository.forget(conn, ctx.dest_id, stale)
            if asset is not None and any(s.kind in ("image", "sidecar") and s.sent_bytes
                                         for s in sent):
                ManifestWriter.add(conn, ctx.dest_id, ManifestEntry(
                    "put", asset.sha256, sidecar_rel(asset.sha256), asset.path, asset.thumb_path,
                    now), now)
            if not result.requeued:
                result.requeued = not OutboxRepository.complete(conn, item)
        return result
