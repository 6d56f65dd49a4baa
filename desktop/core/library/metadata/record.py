"""What we embed in every image we write (`MetadataRecord`) and what we can read back
from any image, ours or another tool's (`ReadMetadata`)."""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from desktop import __version__
from desktop.core.models import GenerationRequest

APP_NAME = "Batch Image Generator"
RECORD_KEYWORD = "batch-image-generator"  # PNG iTXt keyword of our JSON record
RECORD_SCHEMA = 1


@dataclass(frozen=True)
class MetadataRecord:
    """Everything about how one image was made, as stored inside the image file."""

    provider: str
    model: str
    prompt: str
    negative_prompt: str = ""
    seed: int | None = None
    width: int | None = None
    height: int | None = None
    steps: int | None = None
    cfg_scale: float | None = None
    quality: str | None = None
    style: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    job_id: int | None = None
    batch_id: int | None = None
    created_at: float | None = None  # unix seconds
    source: str = ""  # where the prompt came from, e.g. "prompts.csv:12"
    revised_prompt: str | None = None  # the prompt the provider actually used, if it said
    app: str = APP_NAME
    app_version: str = __version__
    schema: int = RECORD_SCHEMA

    @classmethod
    def from_request(
        cls,
        request: GenerationRequest,
        *,
        job_id: int | None = None,
        batch_id: int | None = None,
        seed: int | None = None,
        created_at: float | None = None,
        source: str = "",
        revised_prompt: str | None = None,
    ) -> MetadataRecord:
        """Build from the request; `seed` is the seed the provider reported, if any."""
        return cls(
            provider=request.provider,
            model=request.model,
            prompt=request.prompt,
            negative_prompt=request.negative_prompt,
            seed=seed if seed is not None else request.seed,
            width=request.width,
            height=request.height,
            steps=request.steps,
            cfg_scale=request.cfg_scale,
            quality=request.quality,
            style=request.style,
            params=dict(request.params),
            job_id=job_id,
            batch_id=batch_id,
            created_at=time.time() if created_at is None else created_at,
            source=source,
            revised_prompt=revised_prompt,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, default=str)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MetadataRecord:
        """Tolerant: unknown keys are dropped, missing required ones become empty."""
        known = {f.name for f in fields(cls)}
        clean = {k: v for k, v in data.items() if k in known}
        for name in ("provider", "model", "prompt"):
            clean[name] = str(clean.get(name) or "")
        clean["params"] = dict(clean.get("params") or {})
        return cls(**clean)

    def request(self) -> GenerationRequest:
        """The request that would make this image again."""
        return GenerationRequest(
            provider=self.provider, model=self.model, prompt=self.prompt,
            negative_prompt=self.negative_prompt, width=self.width or 1024,
            height=self.height or 1024, seed=self.seed, steps=self.steps,
            cfg_scale=self.cfg_scale, quality=self.quality, style=self.style,
            params=dict(self.params),
        )


@dataclass
class ReadMetadata:
    """Generation metadata found in an image file, from whichever tool wrote it.

    `source` names the writer whose fields were used: "batch-image-generator",
    "a1111", "comfyui", "invokeai" or "xmp"; None when nothing was found. Parsing never
    raises: what could not be understood is described in `warnings`.
    """

    format: str | None = None  # PNG, JPEG, WEBP
    pixel_size: tuple[int, int] | None = None  # the image's own width x height
    source: str | None = None
    prompt: str = ""
    negative_prompt: str = ""
    steps: int | None = None
    sampler: str | None = None
    cfg_scale: float | None = None
    seed: int | None = None
    size: tuple[int, int] | None = None  # the generation size the writer recorded
    model: str | None = None
    provider: str | None = None
    record: MetadataRecord | None = None  # ours, when the image came from this app
    parameters: str | None = None  # raw A1111 infotext
    extra: dict[str, str] = field(default_factory=dict)  # other A1111 "Key: value" pairs
    digital_source_type: str | None = None  # IPTC, from XMP
    creator_tool: str | None = None  # from XMP
    description: str | None = None  # dc:description from XMP
    texts: dict[str, str] = field(default_factory=dict)  # raw PNG text chunks
    warnings: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return self.source is not None
