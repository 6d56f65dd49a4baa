"""OpenAI Images: `POST /images/generations`, GPT image models returning `b64_json`.

Wire format and error shapes: ../shared/providers.md §1. There is no seed and no negative
prompt; moderation is HTTP 400 with code `moderation_blocked` (GPT image) or
`content_policy_violation` (DALL·E).
"""

from __future__ import annotations

from typing import Any

import httpx

from desktop.core.models import ErrorKind, GeneratedImage, GenerationRequest, GenerationResult
from desktop.core.providers.base import (
    Capabilities,
    HealthReport,
    ModelInfo,
    OptionSpec,
    Provider,
    ProgressCallback,
    ProviderError,
)

GPT_SIZES = ("1024x1024", "1536x1024", "1024x1536")
MODERATION_CODES = {"moderation_blocked", "content_policy_violation"}
AUTH_CODES = {"invalid_api_key", "invalid_organization", "account_deactivated"}
QUOTA_CODES = {"insufficient_quota", "billing_hard_limit_reached", "billing_not_active"}
# USD per 1M image output tokens, for the actual cost from `usage` (gpt-image-1 pricing).
OUTPUT_TOKEN_PRICE = {"gpt-image-1": 40.0, "gpt-image-1.5": 32.0, "gpt-image-1-mini": 8.0}
INPUT_TOKEN_PRICE = {"gpt-image-1": 5.0, "gpt-image-1.5": 5.0, "gpt-image-1-mini": 2.0}


def _model(model_id: str, label: str, sizes: tuple[str, ...] = GPT_SIZES) -> ModelInfo:
    return ModelInfo(model_id, label, sizes=sizes, supports_seed=False, supports_negative=False)


class OpenAIImages(Provider):
    name = "openai"
    display_name = "OpenAI"
    default_base_url = "https://api.openai.com/v1"
    base_url_env = "OPENAI_BASE_URL"
    key_env = ("OPENAI_API_KEY",)
    default_concurrency = 4
    default_rate_per_minute = 50.0

    def capabilities(self) -> Capabilities:
        return Capabilities(
            models=(
                _model("gpt-image-1", "GPT Image 1"),
                _model("gpt-image-1.5", "GPT Image 1.5"),
                _model("gpt-image-1-mini", "GPT Image 1 mini"),
                _model("gpt-image-2", "GPT Image 2", sizes=()),
            ),
            max_n=10,
            edits=True,
            options=(
                OptionSpec("quality", "Quality", choices=("auto", "low", "medium", "high"), default="auto"),
                OptionSpec("background", "Background", choices=("auto", "opaque", "transparent"), default="auto"),
                OptionSpec("output_format", "Format", choices=("png", "jpeg", "webp"), default="png"),
                OptionSpec("moderation", "Moderation", choices=("auto", "low"), default="auto"),
            ),
        )

    def validate(self, request: GenerationRequest) -> list[str]:
        problems = super().validate(request)
        if request.model == "gpt-image-2" and not problems:
            w, h = request.width, request.height
            if w % 16 or h % 16:
                problems.append(f"size {request.size}: both sides must be multiples of 16 for gpt-image-2")
            elif max(w, h) > 3840 or min(w, h) <= 0 or max(w, h) / min(w, h) > 3:
                problems.append(f"size {request.size}: at most 3840 px a side and 3:1 for gpt-image-2")
        if len(request.prompt) > 32000:
            problems.append(f"prompt is {len(request.prompt)} characters; OpenAI takes at most 32000")
        return problems

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.require_key()}"}

    def build_body(self, request: GenerationRequest) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": request.model,
            "prompt": request.prompt,
            "n": 1,
            "size": request.size,
        }
        quality = request.quality or request.params.get("quality")
        if quality:
            body["quality"] = quality
        for key in ("background", "output_format", "output_compression", "moderation"):
            if key in request.params:
                body[key] = request.params[key]
        return body

    async def generate(
        self, request: GenerationRequest, progress: ProgressCallback | None = None
    ) -> GenerationResult:
        resp = await self.send(
            "POST", f"{self.base_url}/images/generations",
            headers=self._headers(), json=self.build_body(request),
        )
        if resp.status_code != 200:
            raise self._error(resp)
        body = self.json_body(resp)
        items = body.get("data") if isinstance(body, dict) else None
        if not items:
            raise self.error(ErrorKind.TRANSIENT, "answer holds no images", status=200)
        fmt = body.get("output_format") or request.params.get("output_format") or "png"
        images = [
            GeneratedImage(
                data=self.decode_b64(item.get("b64_json")),
                mime=f"image/{fmt}",
                revised_prompt=item.get("revised_prompt"),
            )
            for item in items
        ]
        usage = body.get("usage") or {}
        return GenerationResult(
            images=images,
            cost_usd=self._usage_cost(request.model, usage),
            cost_units=usage.get("total_tokens"),
            info={"usage": usage, "size": body.get("size"), "quality": body.get("quality")},
        )

    def _usage_cost(self, model: str, usage: dict[str, Any]) -> float | None:
        if model not in OUTPUT_TOKEN_PRICE or "output_tokens" not in usage:
            return None
        out = float(usage.get("output_tokens") or 0) * OUTPUT_TOKEN_PRICE[model]
        inp = float(usage.get("input_tokens") or 0) * INPUT_TOKEN_PRICE[model]
        return round((out + inp) / 1_000_000, 6)

    def _error(self, resp: httpx.Response) -> ProviderError:
        try:
            err = resp.json().get("error") or {}
        except (ValueError, AttributeError):
            err = {}
        if not isinstance(err, dict):
            err = {"message": str(err)}
        code = err.get("code") or err.get("type")
        message = err.get("message") or resp.text[:200] or f"HTTP {resp.status_code}"
        exc = self.classify_status(resp, message, code=code)
        if code in MODERATION_CODES or err.get("type") == "image_generation_user_error":
            exc.kind = ErrorKind.CONTENT_REFUSED
        elif code in AUTH_CODES:
            exc.kind = ErrorKind.AUTH
        elif code in QUOTA_CODES:
            exc.kind = ErrorKind.QUOTA
        elif code == "model_not_found":
            exc.kind = ErrorKind.BAD_REQUEST
        return exc

    async def check(self) -> HealthReport:
        async def call() -> dict[str, Any]:
            resp = await self.send("GET", f"{self.base_url}/models", headers=self._headers(), timeout=15)
            if resp.status_code != 200:
                raise self._error(resp)
            data = self.json_body(resp).get("data") or []
            return {"models": len(data)}

        return await self.timed_check(call)
