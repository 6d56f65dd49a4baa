"""An in-memory implementation of the backend interface, for unit tests of the engine's
logic. It can be told to misreport a checksum, which no real emulator will do."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import BinaryIO

from desktop.core.sync.backends.base import Backend, PutRequest, RemoteObject, UploadSession
from desktop.core.sync.destination import BackendKind, DestinationUrl
from desktop.core.sync.errors import ObjectNotFoundError, PreconditionFailedError, UploadGoneError
from desktop.core.sync.hashing import Digest


class MemoryBackend(Backend):
    kind = BackendKind.S3
    min_part_size = 1024

    def __init__(self, url: DestinationUrl) -> None:
        super().__init__(url)
        self.objects: dict[str, tuple[bytes, dict[str, str]]] = {}
        self.uploads: dict[str, dict[int, bytes]] = {}
        self.calls: list[str] = []
        self.lie_about_md5 = False
        self._n = 0

    def _obj(self, key: str) -> RemoteObject:
        data, meta = self.objects[key]
        md5 = hashlib.md5(data).hexdigest()
        if self.lie_about_md5:
            md5 = "0" * 32
        return RemoteObject(key, len(data), etag=md5, md5=md5, metadata=dict(meta))

    def check(self) -> None:
        self.calls.append("check")

    def put(self, req: PutRequest) -> RemoteObject:
        self.calls.append("put")
        current = self.objects.get(req.key)
        if req.if_absent and current is not None:
            raise PreconditionFailedError(req.key)
        if req.if_etag and (current is None or hashlib.md5(current[0]).hexdigest() != req.if_etag):
            raise PreconditionFailedError(req.key)
        self.objects[req.key] = (req.data, dict(req.metadata))
        return self._obj(req.key)

    def head(self, key: str) -> RemoteObject | None:
        self.calls.append("head")
        return self._obj(key) if key in self.objects else None

    def get(self, key: str) -> tuple[bytes, RemoteObject] | None:
        self.calls.append("get")
        return (self.objects[key][0], self._obj(key)) if key in self.objects else None

    def download(self, key: str, out: BinaryIO,
                 on_chunk: Callable[[int], None] | None = None) -> RemoteObject | None:
        got = self.get(key)
        if got is None:
            return None
        out.write(got[0])
        return got[1]

    def delete(self, key: str) -> None:
        self.calls.append("delete")
        self.objects.pop(key, None)

    def list(self, prefix: str) -> list[RemoteObject]:
        self.calls.append("list")
        return [self._obj(k) for k in sorted(self.objects) if k.startswith(prefix)]

    def list_prefixes(self, prefix: str) -> list[str]:
        self.calls.append("list_prefixes")
        found = {prefix + k[len(prefix):].split("/")[0] + "/" for k in self.objects
                 if k.startswith(prefix) and "/" in k[len(prefix):]}
        return sorted(found)

    def start_upload(self, key: str, digest: Digest, part_size: int, content_type: str,
                     metadata: dict[str, str]) -> str:
        self.calls.append("start_upload")
        self._n += 1
        self.uploads[f"u{self._n}"] = {}
        return f"u{self._n}"

    def uploaded_parts(self, session: UploadSession) -> dict[int, str | None]:
        self.calls.append("uploaded_parts")
        if session.upload_id not in self.uploads:
            raise UploadGoneError(session.upload_id)
        return {n: hashlib.md5(d).hexdigest() for n, d in self.uploads[session.upload_id].items()}

    def upload_part(self, session: UploadSession, part_no: int, data: bytes) -> None:
        self.calls.append("upload_part")
        self.uploads[session.upload_id][part_no] = data

    def finish_upload(self, session: UploadSession) -> RemoteObject:
        self.calls.append("finish_upload")
        parts = self.uploads.pop(session.upload_id)
        data = b"".join(parts[n] for n in sorted(parts))
        self.objects[session.key] = (data, dict(session.metadata))
        composite = hashlib.md5(b"".join(hashlib.md5(parts[n]).digest() for n in sorted(parts)))
        return RemoteObject(session.key, len(data), composite_md5=f"{composite.hexdigest()}-{len(parts)}",
                            metadata=dict(session.metadata))

    def abort_upload(self, session: UploadSession) -> None:
        self.uploads.pop(session.upload_id, None)

    def get_object(self, key: str) -> bytes:
        try:
            return self.objects[key][0]
        except KeyError as exc:
            raise ObjectNotFoundError(key) from exc
