"""Pulling: import what other libraries pushed to a destination, without duplicates.

New segments of other libraries' manifests name the assets they pushed. An asset we
already hold (same SHA-256) has its sidecar merged (`reconcile`); a new one is downloaded,
checked against the sidecar's SHA-256 and the service's checksum, written atomically and
inserted with origin `pulled`.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy.engine import Connection

from desktop.core.sync import sidecar as sc
from desktop.core.sync.assets import AssetRepository
from desktop.core.sync.backends.base import RemoteObject
from desktop.core.sync.context import DestinationContext
from desktop.core.sync.errors import LocalFileError, RemoteError, VerificationError
from desktop.core.sync.layout import is_safe_rel, sidecar_rel
from desktop.core.sync.manifest import ManifestEntry, ManifestReader
from desktop.core.sync.objects import ObjectRepository, ObjectState
from desktop.core.sync.outbox import OutboxRepository
from desktop.core.sync.reconcile import Reconciled, reconcile


@dataclass
class EntryResult:
    imported: int | None = None  # the new asset's id
    merged: bool = False
    changed: int | None = None  # an existing asset that took remote values
    conflicts: int = 0
    received_bytes: int = 0


@dataclass(frozen=True)
class Fetched:
    """A downloaded file waiting in the library's temporary folder."""

    path: Path
    sha256: str
    md5: str
    size: int


@dataclass
class Segment:
    library: str
    seq: int
    entries: list[ManifestEntry] = field(default_factory=list)

    def latest_per_asset(self) -> list[ManifestEntry]:
        """Only the last entry per asset matters: a pull fetches the current sidecar."""
        last: dict[str, ManifestEntry] = {}
        for entry in self.entries:
            last[entry.sha256] = entry
        return list(last.values())


class Puller:
    def __init__(self, ctx: DestinationContext) -> None:
        self.ctx = ctx
        self.reader = ManifestReader(ctx.store, ctx.backend, ctx.destination.url)

    def new_segments(self, limit: int = 50) -> list[Segment]:
        """The next unread segments of every other library (a few requests when idle)."""
        found: list[Segment] = []
        libraries = self.ctx.retry.call(lambda: self.reader.libraries(self.ctx.library_id),
                                        "listing manifests")
        for library in libraries:
            seq = self.reader.cursor(self.ctx.dest_id, library) + 1
            while len(found) < limit:
                entries = self.ctx.retry.call(lambda s=seq, lib=library: self.reader.segment(lib, s),
                                              f"manifest {library}/{seq}")
                if entries is None:
                    break
                found.append(Segment(library, seq, entries))
                seq += 1
        return found

    def done(self, segment: Segment) -> None:
        self.reader.advance(self.ctx.dest_id, segment.library, segment.seq)

    def apply(self, entry: ManifestEntry) -> EntryResult:
        if entry.op in ("trash", "delete"):
            self._removed_remotely(entry)
            return EntryResult()
        ctx = self.ctx
        key = ctx.key(entry.sidecar or sidecar_rel(entry.sha256))
        got = ctx.retry.call(lambda: ctx.backend.get(key), f"download of {key}")
        if got is None:
            return EntryResult()  # removed since; a later entry says so
        body, remote = got
        data = sc.parse(body, ctx.backend.where(key))
        if data["sha256"] != entry.sha256:
            raise RemoteError(f"{ctx.backend.where(key)}: sidecar describes {data['sha256'][:12]}…, "
                              f"the manifest {entry.sha256[:12]}…")
        local = ctx.assets.by_sha(entry.sha256)
        if local is not None:
            return self._merged(local.id, reconcile(ctx, local, data, body, remote))
        return self._import(data, body, remote)

    # -- new assets --------------------------------------------------------------------
    def _import(self, data: dict[str, Any], body: bytes, sidecar_obj: RemoteObject) -> EntryResult:
        ctx = self.ctx
        image_rel = str(data["image"])
        if not is_safe_rel(image_rel):
            raise RemoteError(f"sidecar of {data['sha256'][:12]}… names an unsafe path {image_rel!r}")
        image = self._download(ctx.key(image_rel), expect_sha=data["sha256"])
        thumb: Fetched | None = None
        thumb_rel = data.get("thumb")
        if isinstance(thumb_rel, str) and is_safe_rel(thumb_rel):
            try:
                thumb = self._download(ctx.key(thumb_rel), expect_sha=None)
            except RemoteError:
                thumb = None  # a missing thumbnail is made again locally
        try:
            with ctx.store.write() as conn:
                # Another destination may have brought the same image in meanwhile.
                existing = AssetRepository.id_by_sha(conn, data["sha256"])
                if existing is None:
                    asset_id = self._insert(conn, data, body, sidecar_obj, image_rel, image, thumb_rel,
                                            thumb)
                    return EntryResult(imported=asset_id, received_bytes=image.size)
        finally:
            for fetched in (image, thumb):
                if fetched is not None:
                    fetched.path.unlink(missing_ok=True)
        local = ctx.assets.load(existing)
        assert local is not None
        return self._merged(local.id, reconcile(ctx, local, data, body, sidecar_obj))

    @staticmethod
    def _merged(asset_id: int, done: Reconciled) -> EntryResult:
        return EntryResult(merged=True, conflicts=done.conflicts,
                           changed=asset_id if done.changed else None)

    def _insert(self, conn: Connection, data: dict[str, Any], body: bytes, sidecar_obj: RemoteObject,
                image_rel: str, image: Fetched, thumb_rel: str | None, thumb: Fetched | None) -> int:
        """Place the files and insert the row, in the caller's transaction."""
        ctx, sha = self.ctx, data["sha256"]
        remote_image_key = ctx.key(image_rel)
        if AssetRepository.path_taken(conn, image_rel):  # a different image has our name here
            image_rel = f"images/pulled/{sha[:16]}{PurePosixPath(image_rel).suffix}"
            thumb_rel = f"thumbs/pulled/{sha[:16]}.jpg"
        if thumb is None:
            thumb_rel = None
        self._place(image.path, image_rel)
        if thumb is not None and thumb_rel:
            self._place(thumb.path, thumb_rel)
        asset_id = AssetRepository.insert_pulled(conn, data, image_rel, thumb_rel, image.size)
        OutboxRepository.drop(conn, ctx.dest_id, asset_id)  # it came from here
        base = json.dumps({**sc.merged_view(data), "origin_library": data.get("origin_library")},
                          ensure_ascii=False, sort_keys=True)
        records = [ObjectState(ctx.dest_id, ctx.key(sidecar_rel(sha)), "sidecar", asset_id,
                               hashlib.sha256(body).hexdigest(), hashlib.md5(body).hexdigest(),
                               sidecar_obj.etag, len(body), "verified", base_json=base)]
        if remote_image_key == ctx.key(image_rel):
            records.append(ObjectState(ctx.dest_id, remote_image_key, "image", asset_id, sha,
                                       image.md5, None, image.size, "verified"))
            if thumb is not None and thumb_rel:
                records.append(ObjectState(ctx.dest_id, ctx.key(thumb_rel), "thumb", asset_id,
                                           thumb.sha256, thumb.md5, None, thumb.size, "verified"))
        else:  # stored under another name here: our push sends it under that name
            OutboxRepository.enqueue(conn, ctx.dest_id, asset_id)
        now = ctx.now()
        for record in records:
            ObjectRepository.save_verified(conn, record, now)
        return asset_id

    def _download(self, key: str, expect_sha: str | None) -> Fetched:
        """Download into the library's temporary folder, checking the hashes."""
        ctx = self.ctx
        tmp_dir = ctx.root / ".tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)

        def fetch() -> Fetched:
            fd, name = tempfile.mkstemp(dir=tmp_dir, prefix="pull-", suffix=".part")
            sha, md5, size = hashlib.sha256(), hashlib.md5(), 0
            try:
                with os.fdopen(fd, "wb") as out:
                    class Hashing:
                        def write(self, chunk: bytes) -> None:
                            nonlocal size
                            sha.update(chunk)
                            md5.update(chunk)
                            size += len(chunk)
                            out.write(chunk)

                    remote = ctx.backend.download(key, Hashing(), on_chunk=ctx.throttle.consume)  # type: ignore[arg-type]
                    out.flush()
                    os.fsync(out.fileno())
                if remote is None:
                    raise RemoteError(f"{ctx.backend.where(key)}: named by a sidecar but missing")
                if expect_sha and sha.hexdigest() != expect_sha:
                    raise VerificationError(f"{ctx.backend.where(key)}: downloaded SHA-256 "
                                            f"{sha.hexdigest()[:12]}… is not the {expect_sha[:12]}… "
                                            "its sidecar names")
                if remote.md5 and remote.md5 != md5.hexdigest():
                    raise VerificationError(f"{ctx.backend.where(key)}: downloaded MD5 does not "
                                            "match the service's")
                return Fetched(Path(name), sha.hexdigest(), md5.hexdigest(), size)
            except BaseException:
                Path(name).unlink(missing_ok=True)
                raise

        return ctx.retry.call(fetch, f"download of {key}")

    def _place(self, tmp: Path, rel: str) -> None:
        dest = self.ctx.root.joinpath(*PurePosixPath(rel).parts)
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, dest)
        except OSError as exc:
            raise LocalFileError(f"{dest}: cannot store the pulled file: {exc.strerror}") from exc

    # -- removals elsewhere ------------------------------------------------------------
    def _removed_remotely(self, entry: ManifestEntry) -> None:
        """Another library removed its copy (mirror policy). Ours stays local; if it is live,
        queue it so the destination gets it back from us, since it may be gone remotely."""
        ctx = self.ctx
        local = ctx.assets.by_sha(entry.sha256)
        if local is None or local.deleted_at is not None:
            return
        keys = [ctx.key(local.path), ctx.key(sidecar_rel(local.sha256))]
        if local.thumb_path:
            keys.append(ctx.key(local.thumb_path))
        with ctx.store.write() as conn:
            ObjectRepository.forget(conn, ctx.dest_id, keys)
            OutboxRepository.enqueue(conn, ctx.dest_id, local.id)
