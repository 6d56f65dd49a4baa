"""The Replicate models the app knows, as data: how each takes its size, steps and negative
prompt, how it is billed, and the prediction `input` built from a GenerationRequest.

Every Replicate model has its own input schema (`GET /v1/models/{o}/{n}` →
`latest_version.openapi_schema`); these entries follow those schemas for the listed models.
Other `owner/name` or `owner/name:<64-hex version>` ids get a generic prompt/size/seed input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from desktop.core.models import GenerationRequest

ASPECT_RATIOS = ("1:1", "16:9", "21:9", "3:2", "2:3", "4:5", "5:4", "3:4", "4:3", "9:16", "9:21")
MODEL_ID = re.compile(r"^[\w.-]+/[\w.-]+(:[0-9a-f]{64})?$")


@dataclass(frozen=True)
class ReplicateModel:
    id: str
    label: str
    sizing: str = "pixels"  # "aspect": takes aspect_ratio; "pixels": takes width/height
    max_steps: int | None = None  # None: the model takes no num_inference_steps
    negative: bool = False
    guidance_field: str | None = None  # the input that carries cfg_scale, if any
    version: str | None = None  # pinned version for models that are not "official"
    usd_per_image: float | None = None  # official models: a price per output image
    usd_per_second: float | None = None  # others: GPU seconds (metrics.predict_time)

    @property
    def official(self) -> bool:
        return self.version is None


# Prices retrieved 2026-08 from the model pages (replicate.com/<owner>/<name>) [doc, 3p copies].
KNOWN_MODELS = (
    ReplicateModel("black-forest-labs/flux-schnell", "FLUX.1 [schnell]", "aspect", max_steps=4,
                   usd_per_image=0.003),
    ReplicateModel("black-forest-labs/flux-dev", "FLUX.1 [dev]", "aspect", max_steps=50,
                   guidance_field="guidance", usd_per_image=0.025),
    ReplicateModel("black-forest-labs/flux-1.1-pro", "FLUX1.1 [pro]", "aspect",
                   usd_per_image=0.04),
    # Not an official model: needs a version; billed by GPU time on an L40S ($0.000975/s).
    ReplicateModel("stability-ai/sdxl", "Stable Diffusion XL", "pixels", max_steps=500,
                   negative=True, guidance_field="guidance_scale",
                   version="7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc",
                   usd_per_second=0.000975),
)
BY_ID = {m.id: m for m in KNOWN_MODELS}


def model_for(model_id: str) -> ReplicateModel:
    """The known entry, or a generic one for any other `owner/name[:version]`."""
    if model_id in BY_ID:
        return BY_ID[model_id]
    name, _, version = model_id.partition(":")
    return ReplicateModel(name, name, "pixels", negative=True, version=version or None)


def nearest_aspect_ratio(width: int, height: int) -> str:
    target = width / max(height, 1)

    def distance(ratio: str) -> float:
        w, h = ratio.split(":")
        return abs(int(w) / int(h) - target)

    return min(ASPECT_RATIOS, key=distance)


def build_input(model: ReplicateModel, request: GenerationRequest, seed: int) -> dict[str, Any]:
    params = request.params
    data: dict[str, Any] = {"prompt": request.prompt, "seed": seed}
    if model.sizing == "aspect":
        data["aspect_ratio"] = params.get("aspect_ratio") or nearest_aspect_ratio(
            request.width, request.height)
    else:
        data["width"], data["height"] = request.width, request.height
    if model.id in BY_ID and model.id != "black-forest-labs/flux-1.1-pro":
        data["num_outputs"] = 1
    if model.max_steps and request.steps:
        data["num_inference_steps"] = request.steps
    if model.guidance_field and request.cfg_scale is not None:
        data[model.guidance_field] = request.cfg_scale
    if model.negative and request.negative_prompt:
        data["negative_prompt"] = request.negative_prompt
    for key in ("output_format", "output_quality", "go_fast", "megapixels",
                "disable_safety_checker", "scheduler", "safety_tolerance"):
        if params.get(key) not in (None, ""):
            data[key] = params[key]
    if model.sizing == "aspect":
        data.setdefault("output_format", "png")
    return data
