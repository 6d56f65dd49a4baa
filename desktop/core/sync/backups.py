"""Library backups in the bucket: push the local ones (made with SQLite's backup API,
rotated by the store) that are not there yet, keep the newest N remotely, and fetch one
back into `backups/` so `main.py library restore` can bring it back."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from desktop.core.store import backup
from desktop.core.sync.context import DestinationContext
from desktop.core.sync.errors import RemoteError, VerificationError
from desktop.core.sync.layout import BACKUPS, backup_rel, decode_metadata, encode_metadata
from desktop.core.sync.objects import ObjectRepository, ObjectState
from desktop.core.sync.transfer import Payload


@dataclass(frozen=True)
class RemoteBackup:
    key: str
    library_id: str
    name: str
    size: int | None


def push_new(ctx: DestinationContext, backups_dir: Path) -> int:
    """Upload local backups not yet at the destination; rotate the remote ones."""
    pushed = {s.key for s in ctx.objects.of_kind(ctx.dest_id, "backup")}
    sent = 0
    for path in sorted(backup.list_backups(backups_dir), key=lambda p: p.name):
        key = ctx.key(backup_rel(ctx.library_id, path.name))
        if key in pushed:
            continue
        result = ctx.transfer.send(Payload(key, "backup", "application/vnd.sqlite3", path=path,
                                           metadata=encode_metadata({"library": ctx.library_id})))
        with ctx.store.write() as conn:
            ObjectRepository.save_verified(conn, ObjectState(
                ctx.dest_id, key, "backup", None, result.digest.sha256, result.digest.md5_hex,
                result.remote.etag, result.digest.size, "verified"), ctx.now())
        pushed.add(key)
        sent += 1
    _rotate(ctx)
    return sent


def _rotate(ctx: DestinationContext) -> None:
    ours = sorted((s.key for s in ctx.objects.of_kind(ctx.dest_id, "backup")), reverse=True)
    old = ours[max(1, ctx.destination.options.backup_keep):]
    for key in old:
        ctx.retry.call(lambda key=key: ctx.backend.delete(key), f"delete of {key}")
    if old:
        with ctx.store.write() as conn:
            ObjectRepository.forget(conn, ctx.dest_id, old)


def remote_backups(ctx: DestinationContext) -> list[RemoteBackup]:
    """Every library's backups at the destination, newest first."""
    prefix = ctx.key(BACKUPS + "/")
    found = []
    for obj in ctx.retry.call(lambda: ctx.backend.list(prefix), "listing backups"):
        parts = PurePosixPath(obj.key[len(prefix):]).parts
        if len(parts) == 2 and parts[1].startswith(backup.PREFIX):
            found.append(RemoteBackup(obj.key, parts[0], parts[1], obj.size))
    return sorted(found, key=lambda b: b.name, reverse=True)


def fetch(ctx: DestinationContext, chosen: RemoteBackup, backups_dir: Path) -> Path:
    """Download a backup into `backups_dir`, verified and integrity-checked."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    dest = backups_dir / chosen.name
    fd, tmp_name = tempfile.mkstemp(dir=backups_dir, prefix=".fetch-", suffix=".part")
    tmp = Path(tmp_name)
    try:
        sha, md5 = hashlib.sha256(), hashlib.md5()
        with os.fdopen(fd, "wb") as out:
            class Hashing:
                def write(self, chunk: bytes) -> None:
                    sha.update(chunk)
                    md5.update(chunk)
                    out.write(chunk)

            remote = ctx.retry.call(lambda: ctx.backend.download(chosen.key, Hashing()),  # type: ignore[arg-type]
                                    f"download of {chosen.key}")
            out.flush()
            os.fsync(out.fileno())
        if remote is None:
            raise RemoteError(f"{ctx.backend.where(chosen.key)}: the backup is gone")
        meta = decode_metadata(remote.metadata)
        if remote.md5 and remote.md5 != md5.hexdigest():
            raise VerificationError(f"{ctx.backend.where(chosen.key)}: downloaded MD5 does not match")
        if meta.get("sha256") and meta["sha256"] != sha.hexdigest():
            raise VerificationError(f"{ctx.backend.where(chosen.key)}: downloaded SHA-256 does not match")
        backup.verify(tmp)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return dest
