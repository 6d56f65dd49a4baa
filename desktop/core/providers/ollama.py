"""Ollama, local and offline: image generation where this server has it, and the way in to
its text and vision models (`text()` → OllamaText) for Workflow features.

Image generation existed only in Ollama 0.14.3–0.32.5, so it is feature-detected: the
version from `/api/version` and models whose `/api/show` capabilities include "image".
`capabilities()` stays synchronous by listing what the last `refresh()` found. Generation
streams `/api/generate` NDJSON: progress lines `{"completed","total"}`, then
`{"image": <b64 PNG>, "done": true}`. Host: OLLAMA_HOST (as Ollama reads it) or Settings.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from typing import Any

from desktop.core.models import ErrorKind, GeneratedImage, GenerationRequest, GenerationResult
from desktop.core.providers.async_job import JobClock, PollPlan
from desktop.core.providers.base import (
    Capabilities,
    HealthReport,
    ModelInfo,
    ProgressCallback,
    Provider,
    ProviderContext,
)
from desktop.core.providers.ollama_text import OllamaModel, OllamaText
from desktop.core.providers.ollama_wire import (
    DEFAULT_HOST,
    IMAGE_GENERATION_SPAN,
    no_image_generation_message,
    parse_ollama_host,
    stream_ndjson,
    version_can_generate_images,
)

MAX_SIDE = 4096


@dataclass(frozen=True)
class OllamaDiscovery:
    """What one look at the server found."""

    version: str
    models: tuple[OllamaModel, ...]

    @property
    def image_models(self) -> tuple[OllamaModel, ...]:
        return tuple(m for m in self.models if m.image)

    @property
    def text_models(self) -> tuple[OllamaModel, ...]:
        return tuple(m for m in self.models if m.completion)

    @property
    def vision_models(self) -> tuple[OllamaModel, ...]:
        return tuple(m for m in self.models if m.vision)

    @property
    def can_generate_images(self) -> bool:
        by_version = version_can_generate_images(self.version)
        return by_version is not False and bool(self.image_models)

    @property
    def why_no_images(self) -> str:
        """A plain sentence for the user when image generation is not available here."""
        if version_can_generate_images(self.version) is False:
            return no_image_generation_message(self.version)
        if not self.image_models:
            return (f"This Ollama (v{self.version}) has no image-generation model installed "
                    f"(image generation existed only in {IMAGE_GENERATION_SPAN}; e.g. "
                    "`ollama pull x/z-image-turbo`)")
        return ""


class OllamaImages(Provider):
    name = "ollama"
    display_name = "Ollama (local)"
    default_base_url = DEFAULT_HOST
    needs_key = False
    default_concurrency = 1  # one local GPU
    default_rate_per_minute = 600.0

    def __init__(self, ctx: ProviderContext) -> None:
        super().__init__(ctx)
        self.discovery: OllamaDiscovery | None = None

    @property
    def base_url(self) -> str:
        configured = self.ctx.env.get("OLLAMA_HOST") or self.ctx.settings.base_url
        return parse_ollama_host(configured) if configured else DEFAULT_HOST

    def text(self) -> OllamaText:
        """The chat/vision client for the same server, for Workflow features."""
        return OllamaText(self.ctx.http, self.base_url, timeout=self.ctx.settings.timeout_s or 300)

    async def refresh(self) -> OllamaDiscovery:
        """Ask the server for its version and models; `capabilities()` then lists them."""
        client = self.text()
        self.discovery = OllamaDiscovery(await client.version(), tuple(await client.list_models()))
        return self.discovery

    def capabilities(self) -> Capabilities:
        found = self.discovery.image_models if self.discovery else ()
        return Capabilities(
            models=tuple(
                ModelInfo(m.name, m.name, supports_negative=False, deterministic=True)
                for m in found
            ),
            local=True,
            max_n=1,
        )

    def validate(self, request: GenerationRequest) -> list[str]:
        problems = super().validate(request)
        if not (0 < request.width <= MAX_SIDE and 0 < request.height <= MAX_SIDE):
            problems.append(f"size {request.size}: Ollama takes at most {MAX_SIDE} a side")
        return problems

    async def generate(
        self, request: GenerationRequest, progress: ProgressCallback | None = None
    ) -> GenerationResult:
        cached = self.discovery
        found = cached or await self.refresh()
        if cached and request.model not in {m.name for m in cached.image_models}:
            found = await self.refresh()  # the model may have been pulled since we last looked
        if not found.can_generate_images:
            raise self.error(ErrorKind.BAD_REQUEST, found.why_no_images)
        image_names = [m.name for m in found.image_models]
        if request.model not in image_names:
            raise self.error(ErrorKind.BAD_REQUEST, f"Ollama model {request.model!r} cannot "
                             f"generate images here (image models: {', '.join(image_names)})")
        problems = self.validate(request)
        if problems:
            raise self.error(ErrorKind.BAD_REQUEST, "; ".join(problems))
        seed = request.seed if request.seed is not None else random.randint(0, 2**31 - 1)
        body: dict[str, Any] = {
            "model": request.model, "prompt": request.prompt, "stream": True,
            "width": request.width, "height": request.height, "options": {"seed": seed},
        }
        if request.steps:
            body["steps"] = request.steps
        clock = JobClock(PollPlan.from_settings(self.ctx.settings), progress)
        image_b64, final = None, {}
        url = f"{self.base_url}/api/generate"
        timeout = float(self.ctx.settings.timeout_s or 600)
        async for item in stream_ndjson(self.ctx.http, url, body, timeout, self.base_url):
            total = item.get("total")
            if isinstance(total, int | float) and total > 0:
                clock.report(0.02 + 0.96 * float(item.get("completed") or 0) / total)
            if item.get("image"):
                image_b64 = item["image"]
            if item.get("done"):
                final = item
                break
        if not image_b64:
            raise self.error(ErrorKind.TRANSIENT, f"Ollama model {request.model!r} finished "
                             "without an image", status=200)
        clock.report(1.0)
        return GenerationResult(
            images=[GeneratedImage(data=self.decode_b64(image_b64), seed=seed)],
            cost_usd=0.0,
            info={"ollama_version": found.version, "done_reason": final.get("done_reason"),
                  "total_duration_ns": final.get("total_duration")},
        )

    async def check(self) -> HealthReport:
        async def call() -> dict[str, Any]:
            found = await self.refresh()
            return {
                "version": found.version,
                "image_generation": found.can_generate_images,
                "image_models": [m.name for m in found.image_models],
                "text_models": [m.name for m in found.text_models],
                "vision_models": [m.name for m in found.vision_models],
            }

        report = await self.timed_check(call)
        if report.ok:
            found = self.discovery
            assert found is not None
            note = ("image generation available" if found.can_generate_images
                    else found.why_no_images)
            report = dataclasses.replace(report, message=f"connected to Ollama v{found.version}: {note}")
        return report

