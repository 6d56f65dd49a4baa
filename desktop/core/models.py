"""Domain types shared by every part of the core: job states, error kinds and requests.

A `GenerationRequest` holds everything a provider needs for one image, so that it can be
stored in a job row, replayed, cached by key and shown to the user unchanged.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import Any


class JobState(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    PAUSED = "paused"

    @property
    def is_final(self) -> bool:
        return self in (JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED)


class ErrorKind(StrEnum):
    """The one error taxonomy every provider maps its failures onto."""

    AUTH = "auth"  # bad, missing or revoked key; not retried
    RATE_LIMITED = "rate_limited"  # 429 or quota-per-minute; retried after retry_after
    CONTENT_REFUSED = "content_refused"  # moderation; not retried, may fall back
    BAD_REQUEST = "bad_request"  # our request is wrong for this provider; not retried
    QUOTA = "quota"  # out of credits / billing; not retried
    TRANSIENT = "transient"  # 5xx, timeouts, malformed answers; retried with backoff
    PROVIDER_DOWN = "provider_down"  # unreachable; retried, may fall back
    LOCAL = "local"  # our side failed: disk full, corrupt image; retried a few times
    CANCELLED = "cancelled"

    @property
    def retryable(self) -> bool:
        return self in (
            ErrorKind.RATE_LIMITED,
            ErrorKind.TRANSIENT,
            ErrorKind.PROVIDER_DOWN,
            ErrorKind.LOCAL,
        )

    @property
    def falls_back(self) -> bool:
        """Whether a batch with a fallback list moves the job to the next provider."""
        return self in (ErrorKind.CONTENT_REFUSED, ErrorKind.PROVIDER_DOWN, ErrorKind.QUOTA)


@dataclass(frozen=True)
class GenerationRequest:
    """One image to make: provider, model, prompt and every parameter, immutable."""

    provider: str
    model: str
    prompt: str
    negative_prompt: str = ""
    width: int = 1024
    height: int = 1024
    seed: int | None = None
    steps: int | None = None
    cfg_scale: float | None = None
    quality: str | None = None
    style: str | None = None
    # Provider-specific options rendered from capability data (aspect ratio, preset...).
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def size(self) -> str:
        return f"{self.width}x{self.height}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GenerationRequest:
        known = {f for f in cls.__dataclass_fields__}
        clean = {k: v for k, v in data.items() if k in known}
        clean["params"] = dict(clean.get("params") or {})
        return cls(**clean)

    @classmethod
    def from_json(cls, text: str) -> GenerationRequest:
        return cls.from_dict(json.loads(text))

    def with_changes(self, **changes: Any) -> GenerationRequest:
        return replace(self, **changes)

    def cache_key(self) -> str:
        """A stable hash of everything that decides the image (for the request cache)."""
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class GeneratedImage:
    """Image bytes as a provider returned them, plus what it told us about them."""

    data: bytes
    mime: str = "image/png"
    seed: int | None = None
    revised_prompt: str | None = None
    info: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class GenerationResult:
    """What one provider call produced and what it cost."""

    images: list[GeneratedImage]
    cost_usd: float | None = None  # None: the provider did not report it
    cost_units: float | None = None  # provider units (credits, tokens) when reported
    http_status: int | None = 200
    info: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class JobSpec:
    """A job before it is queued: the request plus where it came from."""

    request: GenerationRequest
    source: str = ""  # "file.csv:12" for traceability in errors and the gallery
    name: str = ""
    tags: tuple[str, ...] = ()
    style: str | None = None
    parent_asset_id: int | None = None  # a variant's original; becomes the asset's parent_id
