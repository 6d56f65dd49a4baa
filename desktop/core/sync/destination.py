"""Destinations: a URL that picks the backend, plus options (endpoint, delete policy, limits).

`s3://bucket/prefix`, `gs://bucket/prefix`, `az://container/prefix` and
`https://ACCOUNT.blob.core.windows.net/container/prefix`. Credentials never live here.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields, replace
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from desktop.core.sync.errors import DestinationUrlError

MiB = 1024 * 1024
_AZURE_HOST = re.compile(r"^([a-z0-9]{3,24})\.blob\.core\.windows\.net$")


class BackendKind(StrEnum):
    S3 = "s3"
    GCS = "gcs"
    AZURE = "azure"


class DeletePolicy(StrEnum):
    """What a local delete (or move to the trash) does at a destination."""

    MIRROR = "mirror"  # remove the remote copies too
    KEEP = "keep"  # the bucket keeps everything ever pushed


@dataclass(frozen=True)
class DestinationUrl:
    kind: BackendKind
    bucket: str  # the bucket, or the Azure container
    prefix: str  # without leading or trailing slash; may be ""
    account: str | None = None  # Azure account when given in an https URL
    text: str = ""

    @classmethod
    def parse(cls, url: str) -> DestinationUrl:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        if parts.username or parts.password or "@" in parts.netloc:
            raise DestinationUrlError(
                f"{url!r}: credentials do not belong in the URL; they come from the "
                "environment or the secrets store")
        if parts.query or parts.fragment:
            raise DestinationUrlError(f"{url!r}: a destination URL has no query or fragment")
        path = parts.path.strip("/")
        if scheme in ("s3", "gs", "az"):
            bucket, prefix = parts.netloc, path
            kind = {"s3": BackendKind.S3, "gs": BackendKind.GCS, "az": BackendKind.AZURE}[scheme]
            account = None
        elif scheme == "https" and (match := _AZURE_HOST.match(parts.netloc.lower())):
            bucket, _, prefix = path.partition("/")
            kind, account = BackendKind.AZURE, match.group(1)
        else:
            raise DestinationUrlError(
                f"{url!r}: use s3://bucket/prefix, gs://bucket/prefix, az://container/prefix "
                "or https://ACCOUNT.blob.core.windows.net/container/prefix")
        if not bucket:
            raise DestinationUrlError(f"{url!r}: the bucket (or container) name is missing")
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{1,221}[A-Za-z0-9]", bucket):
            raise DestinationUrlError(f"{url!r}: {bucket!r} is not a valid bucket name")
        prefix = "/".join(p for p in prefix.split("/") if p)
        return cls(kind, bucket, prefix, account, url.strip())

    def key(self, rel: str) -> str:
        """The object key of a path relative to the destination's prefix."""
        rel = rel.lstrip("/")
        return f"{self.prefix}/{rel}" if self.prefix else rel

    def rel(self, key: str) -> str:
        return key[len(self.prefix) + 1:] if self.prefix and key.startswith(self.prefix + "/") else key

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class DestinationOptions:
    """Per-destination settings, stored as JSON next to the URL (no secrets)."""

    endpoint_url: str | None = None  # S3-compatible stores (MinIO, R2), or an emulator
    region: str | None = None
    profile: str | None = None  # an AWS profile name from ~/.aws
    delete_policy: DeletePolicy = DeletePolicy.KEEP
    concurrency: int = 8
    bandwidth_limit: int = 0  # bytes per second, 0 = unlimited
    multipart_threshold: int = 16 * MiB
    part_size: int = 8 * MiB
    push_backups: bool = True
    backup_keep: int = 10
    pull: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "delete_policy", DeletePolicy(self.delete_policy))
        if self.concurrency < 1:
            raise DestinationUrlError(f"concurrency must be at least 1, got {self.concurrency}")
        if self.bandwidth_limit < 0:
            raise DestinationUrlError(f"bandwidth limit must not be negative, got {self.bandwidth_limit}")
        if self.part_size < 256 * 1024:
            raise DestinationUrlError(f"part size must be at least 256 KiB, got {self.part_size}")

    def to_json(self) -> str:
        data = asdict(self)
        data["delete_policy"] = self.delete_policy.value
        return json.dumps({k: v for k, v in data.items() if v is not None}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> DestinationOptions:
        data = json.loads(text or "{}")
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def with_changes(self, **changes: Any) -> DestinationOptions:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


@dataclass(frozen=True)
class Destination:
    id: int
    name: str
    url: DestinationUrl
    options: DestinationOptions
    created_at: float
    manifest_seq: int = 0
    last_run_at: float | None = None
    last_error: str | None = None

    @property
    def kind(self) -> BackendKind:
        return self.url.kind


def default_name(url: DestinationUrl, taken: set[str]) -> str:
    """A short unique name from the URL: the bucket, then bucket-2, bucket-3..."""
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", url.bucket).strip("-") or url.kind.value
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name
