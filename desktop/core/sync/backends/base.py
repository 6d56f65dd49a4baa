"""The one interface every storage backend implements, and what it returns.

Methods block (the SDKs are synchronous) and raise the typed errors in `sync.errors`;
the engine runs them on worker threads. Large files go up in numbered parts (S3 multipart,
Azure blocks, a GCS resumable session) so a transfer can resume after the app is killed.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from desktop.core.sync.destination import BackendKind, DestinationUrl
from desktop.core.sync.hashing import Digest


@dataclass(frozen=True)
class RemoteObject:
    """What the service reports about an object. A checksum is None when not reported."""

    key: str
    size: int | None = None
    etag: str | None = None  # S3 ETag / Azure ETag / GCS generation: for conditional writes
    md5: str | None = None  # hex, computed by the service over the whole object
    crc32c: str | None = None  # base64, as GCS reports it
    composite_md5: str | None = None  # S3 multipart ETag "md5-of-part-md5s-N"
    parts_validated: bool = False  # every part's Content-MD5 was checked by the service
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PutRequest:
    key: str
    data: bytes
    digest: Digest
    content_type: str
    metadata: dict[str, str]
    if_absent: bool = False  # create only; PreconditionFailedError when the key exists
    if_etag: str | None = None  # replace only this version


@dataclass(frozen=True)
class UploadSession:
    """A large upload in progress: enough to resume it from another process."""

    key: str
    upload_id: str
    part_size: int
    digest: Digest
    content_type: str
    metadata: dict[str, str]

    @property
    def part_count(self) -> int:
        return max(1, -(-self.digest.size // self.part_size))


class Backend(ABC):
    """A bucket (or container) under a prefix. Keys passed in are full object keys."""

    kind: BackendKind
    min_part_size: int = 256 * 1024

    def __init__(self, url: DestinationUrl) -> None:
        self.url = url

    def where(self, key: str | None = None) -> str:
        """How messages name a place: `s3://bucket/key`."""
        scheme = {"s3": "s3", "gcs": "gs", "azure": "az"}[self.kind.value]
        return f"{scheme}://{self.url.bucket}/{key}" if key else f"{scheme}://{self.url.bucket}"

    @abstractmethod
    def check(self) -> None:
        """Raise CredentialsError / BucketNotFoundError when the destination is unusable."""

    @abstractmethod
    def put(self, req: PutRequest) -> RemoteObject:
        """Upload in one request, sending the MD5 so the service rejects a damaged body."""

    @abstractmethod
    def head(self, key: str) -> RemoteObject | None: ...

    @abstractmethod
    def get(self, key: str) -> tuple[bytes, RemoteObject] | None: ...

    @abstractmethod
    def download(self, key: str, out: BinaryIO,
                 on_chunk: Callable[[int], None] | None = None) -> RemoteObject | None:
        """Stream an object into `out`; None when it does not exist."""

    @abstractmethod
    def delete(self, key: str) -> None:
        """Remove an object; a missing one is not an error."""

    @abstractmethod
    def list(self, prefix: str) -> list[RemoteObject]: ...

    @abstractmethod
    def list_prefixes(self, prefix: str) -> list[str]:
        """The "folders" directly under `prefix` (which ends with a slash)."""

    # -- large files -------------------------------------------------------------------
    def adjust_part_size(self, part_size: int) -> int:
        return max(part_size, self.min_part_size)

    @abstractmethod
    def start_upload(self, key: str, digest: Digest, part_size: int, content_type: str,
                     metadata: dict[str, str]) -> str:
        """Open a multipart/resumable upload; returns its id (kept in the store)."""

    @abstractmethod
    def uploaded_parts(self, session: UploadSession) -> dict[int, str | None]:
        """Parts already received: part number -> the MD5 hex the service reports for it
        (None when it checked the part's MD5 itself). Raises UploadGoneError."""

    @abstractmethod
    def upload_part(self, session: UploadSession, part_no: int, data: bytes) -> None:
        """Send one part with its MD5 so a damaged part is refused."""

    @abstractmethod
    def finish_upload(self, session: UploadSession) -> RemoteObject:
        """Assemble the parts; returns the object as the service reports it."""

    @abstractmethod
    def abort_upload(self, session: UploadSession) -> None: ...

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""
