"""OpenAI Images: `POST /images/generations`, GPT image models returning `b64_json`.

Wire format and error shapes: ../shared/providers.md §1 and tests/contracts/openai/. There is
no seed and no negative prompt. Moderation is HTTP 400 with code `moderation_blocked` (GPT
image) or `content_policy_violation` (DALL·E); an empty wallet is 429 `insufficient_quota`,
which is a quota problem, not a rate limit. Key: OPENAI_API_KEY (or secret `openai.api_key`);
host: OPENAI_BASE_URL; optional OPENAI_ORG_ID / OPENAI_PROJECT_ID headers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from desktop.core.models import ErrorKind, GeneratedImage, GenerationRequest, GenerationResult
from desktop.core.providers.base import (
    Capabilities,
    HealthReport,
    ModelInfo,
    OptionSpec,
    ProgressCallback,
    Provider,
    ProviderError,
)
from desktop.core.providers.image_bytes import require_whole_image
from desktop.core.providers.retry_after import parse_duration, parse_retry_after

GPT_SIZES = ("1024x1024", "1536x1024", "1024x1536")
MODERATION_CODES = {"moderation_blocked", "content_policy_violation"}
AUTH_CODES = {"invalid_api_key", "invalid_organization", "account_deactivated"}
QUOTA_CODES = {"insufficient_quota", "billing_hard_limit_reached", "billing_not_active"}
# USD per 1M tokens, for the actual cost from `usage`. gpt-image-1's $40 per 1M image-output
# tokens is in providers.md; the rest are third-party copies of openai.com/pricing (2025-26).
OUTPUT_TOKEN_PRICE = {"gpt-image-1": 40.0, "gpt-image-1.5": 32.0, "gpt-image-1-mini": 8.0}
INPUT_TOKEN_PRICE = {"gpt-image-1": 5.0, "gpt-image-1.5": 5.0, "gpt-image-1-mini": 2.0}
PASSED_OPTIONS = ("background", "output_format", "output_compression", "moderation")


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
            options=(
                OptionSpec("quality", "Quality", choices=("auto", "low", "medium", "high"), default="auto"),
                OptionSpec("background", "Background", choices=("auto", "opaque", "transparent"), default="auto"),
                OptionSpec("output_format", "Format", choices=("png", "jpeg", "webp"), default="png"),
                OptionSpec("output_compression", "Compression (jpeg/webp)", kind="int", default=100,
                           minimum=0, maximum=100),
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
        params = request.params
        if params.get("background") == "transparent" and params.get("output_format") == "jpeg":
            problems.append("a transparent background needs output_format png or webp, not jpeg")
        quality = request.quality or params.get("quality")
        if quality and quality not in ("auto", "low", "medium", "high"):
            problems.append(f"quality {quality!r}: GPT image models take auto, low, medium or high")
        return problems

    # -- requests ----------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.require_key()}"}
        org = self.ctx.env.get("OPENAI_ORG_ID") or self.ctx.settings.options.get("organization")
        project = self.ctx.env.get("OPENAI_PROJECT_ID") or self.ctx.settings.options.get("project")
        if org:
            headers["OpenAI-Organization"] = str(org)
        if project:
            headers["OpenAI-Project"] = str(project)
        return headers

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
        for key in PASSED_OPTIONS:
            if request.params.get(key) is not None:
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
        if not items or not isinstance(items, list):
            raise self.error(ErrorKind.TRANSIENT, "answer holds no images", status=200)
        images = []
        for index, item in enumerate(items):
            if not isinstance(item, dict) or not item.get("b64_json"):
                url_note = " (a URL instead: DALL·E models are retired)" if isinstance(item, dict) and item.get("url") else ""
                raise self.error(ErrorKind.TRANSIENT, f"image {index} has no b64_json{url_note}", status=200)
            data = self.decode_b64(item["b64_json"], f"image {index}")
            mime = require_whole_image(self, data, f"image {index}")
            images.append(GeneratedImage(data=data, mime=mime, revised_prompt=item.get("revised_prompt")))
        usage = body.get("usage") if isinstance(body.get("usage"), dict) else {}
        return GenerationResult(
            images=images,
            cost_usd=self._usage_cost(request.model, usage),
            cost_units=usage.get("total_tokens"),
            info={"usage": usage, "size": body.get("size"), "quality": body.get("quality"),
                  "unit_name": "tokens" if usage else None},
        )

    def _usage_cost(self, model: str, usage: dict[str, Any]) -> float | None:
        if model not in OUTPUT_TOKEN_PRICE or "output_tokens" not in usage:
            return None
        out = float(usage.get("output_tokens") or 0) * OUTPUT_TOKEN_PRICE[model]
        inp = float(usage.get("input_tokens") or 0) * INPUT_TOKEN_PRICE[model]
        return round((out + inp) / 1_000_000, 6)

    # -- errors ------------------------------------------------------------------------
    def _error(self, resp: httpx.Response) -> ProviderError:
        try:
            body = resp.json()
        except ValueError:
            body = None
        err = body.get("error") if isinstance(body, dict) else None
        if not isinstance(err, dict):
            err = {"message": str(err)} if err else {}
        code = err.get("code") or err.get("type")
        message = err.get("message") or resp.text[:200].strip() or f"HTTP {resp.status_code}"
        exc = self.classify_status(resp, message, code=code)
        if code in MODERATION_CODES or (
            err.get("type") == "image_generation_user_error" and "safety" in message.lower()
        ):
            exc.kind = ErrorKind.CONTENT_REFUSED
        elif code in AUTH_CODES:
            exc.kind = ErrorKind.AUTH
        elif code in QUOTA_CODES:
            exc.kind, exc.retry_after = ErrorKind.QUOTA, None
        elif code == "model_not_found":
            exc.kind = ErrorKind.BAD_REQUEST
        if exc.kind is ErrorKind.RATE_LIMITED:
            exc.retry_after = rate_limit_wait(resp.headers)
        return exc

    async def check(self) -> HealthReport:
        async def call() -> dict[str, Any]:
            resp = await self.send("GET", f"{self.base_url}/models", headers=self._headers(), timeout=15)
            if resp.status_code != 200:
                raise self._error(resp)
            try:
                body = resp.json()
            except ValueError:
                body = None
            if not isinstance(body, dict) or not isinstance(body.get("data"), list):
                raise self.error(ErrorKind.BAD_REQUEST, f"{self.base_url}/models is not the OpenAI "
                                 "models list; check the base URL (it ends in /v1)", code="wrong_base_url")
            ids = {m.get("id") for m in body["data"] if isinstance(m, dict)}
            image_models = [m.id for m in self.capabilities().models if m.id in ids]
            return {"models": len(ids), "image_models": image_models}

        return await self.timed_check(call)


def rate_limit_wait(headers: Mapping[str, str]) -> float | None:
    """How long a 429 asks us to wait. `retry-after(-ms)` wins; otherwise the reset of the
    limit that is used up (`x-ratelimit-remaining-<kind>: 0`), not the longest reset, since
    waiting out the token window after a request-count limit wastes minutes."""
    lower = {k.lower(): v for k, v in headers.items()}
    if "retry-after" in lower or "retry-after-ms" in lower:
        return parse_retry_after(headers)
    spent = [
        parse_duration(lower.get(f"x-ratelimit-reset-{kind}", ""))
        for kind in ("requests", "tokens")
        if lower.get(f"x-ratelimit-remaining-{kind}", "").strip() == "0"
    ]
    waits = [w for w in spent if w is not None]
    return max(waits) if waits else parse_retry_after(headers)
