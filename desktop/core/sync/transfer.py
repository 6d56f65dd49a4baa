"""One verified upload: hash while reading, refuse a file that no longer matches its asset
row, send with the checksum, and count it only when the remote checksum matches.

Files at or above the multipart threshold go up in parts; the upload id and the parts
done are kept in the store, so a transfer interrupted by a crash resumes where it was.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.sync.backends.base import Backend, PutRequest, RemoteObject, UploadSession
from desktop.core.sync.destination import DestinationOptions
from desktop.core.sync.errors import (
    LocalCorruptError,
    LocalFileError,
    UploadGoneError,
    VerificationError,
)
from desktop.core.sync.hashing import Digest, digest_bytes, digest_file, read_part
from desktop.core.sync.layout import decode_metadata
from desktop.core.sync.objects import ObjectRepository
from desktop.core.sync.retry import RetryPolicy
from desktop.core.sync.throttle import Bandwidth


@dataclass(frozen=True)
class Payload:
    """What to upload: in-memory `data` or a file at `path` (hashed against `expected_sha256`)."""

    key: str
    kind: str  # image | thumb | sidecar | backup | manifest
    content_type: str
    metadata: dict[str, str] = field(default_factory=dict)
    data: bytes | None = None
    path: Path | None = None
    expected_sha256: str | None = None
    if_absent: bool = False
    if_etag: str | None = None


@dataclass(frozen=True)
class Sent:
    key: str
    kind: str
    digest: Digest
    remote: RemoteObject
    sent_bytes: int
    resumed_parts: int = 0


def verify(remote: RemoteObject, digest: Digest, where: str) -> None:
    """Raise VerificationError unless what the service reports matches the local hashes."""
    if remote.size is not None and remote.size != digest.size:
        raise VerificationError(f"{where}: the remote copy has {remote.size} bytes, "
                                f"the local file {digest.size}")
    checked = remote.parts_validated
    for label, theirs, ours in (("MD5", remote.md5, digest.md5_hex),
                                ("CRC32C", remote.crc32c, digest.crc32c_b64),
                                ("multipart ETag", remote.composite_md5, digest.composite_md5)):
        if theirs is None:
            continue
        if theirs != ours:
            raise VerificationError(f"{where}: remote {label} {theirs} does not match the local {ours}")
        checked = True
    sha = decode_metadata(remote.metadata).get("sha256")
    if sha and sha != digest.sha256:
        raise VerificationError(f"{where}: remote SHA-256 {sha[:12]}… does not match the local "
                                f"{digest.sha256[:12]}…")
    if not checked:
        raise VerificationError(f"{where}: the service reported no checksum to compare")


class Transfer:
    """Verified uploads to one destination, sharing its bandwidth limit and retry policy."""

    def __init__(self, backend: Backend, objects: ObjectRepository, dest_id: int,
                 options: DestinationOptions, throttle: Bandwidth, retry: RetryPolicy,
                 on_part: Callable[[str, int, int], None] | None = None) -> None:
        self.backend, self.objects, self.dest_id = backend, objects, dest_id
        self.options, self.throttle, self.retry = options, throttle, retry
        self.on_part = on_part  # (key, part number, part count) after each part is sent

    def send(self, payload: Payload, asset_id: int | None = None) -> Sent:
        if payload.data is not None:
            return self._put(payload, payload.data, digest_bytes(payload.data))
        assert payload.path is not None
        try:
            size = payload.path.stat().st_size
        except OSError as exc:
            raise LocalFileError(f"{payload.path}: the file is missing ({exc.strerror})") from exc
        if size < max(self.options.multipart_threshold, self.backend.min_part_size + 1):
            data = self._read(payload.path)
            digest = digest_bytes(data)
            self._check_local(payload, digest)
            return self._put(payload, data, digest)
        return self._multipart(payload, asset_id)

    @staticmethod
    def _read(path: Path) -> bytes:
        try:
            return path.read_bytes()
        except OSError as exc:
            raise LocalFileError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc

    @staticmethod
    def _check_local(payload: Payload, digest: Digest) -> None:
        if payload.expected_sha256 and digest.sha256 != payload.expected_sha256:
            raise LocalCorruptError(
                f"{payload.path}: the file's SHA-256 is {digest.sha256[:12]}…, but the library "
                f"recorded {payload.expected_sha256[:12]}…; it is damaged or was changed outside "
                "the app, so it was not uploaded (`main.py library verify` checks every file)")

    @staticmethod
    def _with_hash(payload: Payload, digest: Digest) -> dict[str, str]:
        """Every object carries our SHA-256, checked again after a multipart upload."""
        if "sha256" in payload.metadata:
            return payload.metadata
        return {"sha256": digest.sha256, **payload.metadata}

    def _put(self, payload: Payload, data: bytes, digest: Digest) -> Sent:
        self.throttle.consume(len(data))
        req = PutRequest(payload.key, data, digest, payload.content_type,
                         self._with_hash(payload, digest),
                         if_absent=payload.if_absent, if_etag=payload.if_etag)
        remote = self.retry.call(lambda: self.backend.put(req), f"upload of {payload.key}")
        verify(remote, digest, self.backend.where(payload.key))
        return Sent(payload.key, payload.kind, digest, remote, len(data))

    def _multipart(self, payload: Payload, asset_id: int | None) -> Sent:
        path = payload.path
        assert path is not None
        part_size = self.backend.adjust_part_size(self.options.part_size)
        digest = digest_file(path, part_size)
        self._check_local(payload, digest)
        metadata = self._with_hash(payload, digest)
        session, done = self._resume(payload, digest, part_size, metadata)
        if session is None:
            upload_id = self.retry.call(lambda: self.backend.start_upload(
                payload.key, digest, part_size, payload.content_type, metadata),
                f"start of {payload.key}")
            self.objects.begin_upload(self.dest_id, payload.key, payload.kind, asset_id,
                                      digest.sha256, digest.size, upload_id, part_size)
            session, done = UploadSession(payload.key, upload_id, part_size, digest,
                                          payload.content_type, metadata), {}
        resumed = sent = 0
        for n in range(1, session.part_count + 1):
            md5 = digest.part_md5s[n - 1]
            if n in done and done[n] in (None, md5.hex()):
                resumed += 1
                continue
            data = read_part(path, n, part_size)
            if hashlib.md5(data).digest() != md5:
                raise LocalFileError(f"{path}: the file changed while it was being uploaded")
            self.throttle.consume(len(data))
            self.retry.call(lambda n=n, data=data: self.backend.upload_part(session, n, data),
                            f"part {n} of {payload.key}")
            sent += len(data)
            self.objects.note_parts(self.dest_id, payload.key, n)
            if self.on_part:
                self.on_part(payload.key, n, session.part_count)
        remote = self.retry.call(lambda: self.backend.finish_upload(session), f"completion of {payload.key}")
        verify(remote, digest, self.backend.where(payload.key))
        return Sent(payload.key, payload.kind, digest, remote, sent, resumed)

    def _resume(self, payload: Payload, digest: Digest, part_size: int,
                metadata: dict[str, str]) -> tuple[UploadSession | None, dict[int, str | None]]:
        state = self.objects.get(self.dest_id, payload.key)
        if not (state and state.state == "uploading" and state.upload_id
                and state.local_sha256 == digest.sha256 and state.part_size == part_size):
            return None, {}
        session = UploadSession(payload.key, state.upload_id, part_size, digest,
                                payload.content_type, metadata)
        try:
            done = self.retry.call(lambda: self.backend.uploaded_parts(session),
                                   f"resume of {payload.key}")
        except UploadGoneError:
            return None, {}
        return session, done
