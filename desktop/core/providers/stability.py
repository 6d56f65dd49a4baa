"""Stability AI v2beta: `POST /v2beta/stable-image/generate/{ultra,core,sd3}` (multipart).

Wire format: ../shared/providers.md §3. The body is multipart/form-data even without a file.
With `Accept: image/*` the answer is the image itself plus `finish-reason` and `seed`
headers; with `Accept: application/json` it is `{image, finish_reason, seed}` (both parsed).
`finish-reason: CONTENT_FILTERED` on a 200 means a blurred image: refused, never stored.
Model ids `ultra` and `core` are endpoints; `sd3.5-*` go to the sd3 endpoint with `model=`.
Key: STABILITY_API_KEY (or secret `stability.api_key`); host: STABILITY_BASE_URL.
"""

from __future__ import annotations

from typing import Any

import httpx

from desktop.core.models import ErrorKind, GeneratedImage, GenerationRequest, GenerationResult
from desktop.core.providers.aspect_ratio import nearest_ratio
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

ASPECT_RATIOS = ("1:1", "16:9", "21:9", "2:3", "3:2", "4:5", "5:4", "9:16", "9:21")
STYLE_PRESETS = (
    "3d-model", "analog-film", "anime", "cinematic", "comic-book", "digital-art", "enhance",
    "fantasy-art", "isometric", "line-art", "low-poly", "modeling-compound", "neon-punk",
    "origami", "photographic", "pixel-art", "tile-texture",
)
SD3_MODELS = ("sd3.5-large", "sd3.5-large-turbo", "sd3.5-medium")
MODELS = (
    ModelInfo("ultra", "Stable Image Ultra", deterministic=True),
    ModelInfo("core", "Stable Image Core", deterministic=True),
    ModelInfo("sd3.5-large", "Stable Diffusion 3.5 Large", deterministic=True),
    # Stability's reference: negative_prompt "does not work with" the turbo model.
    ModelInfo("sd3.5-large-turbo", "Stable Diffusion 3.5 Large Turbo", supports_negative=False,
              deterministic=True),
    ModelInfo("sd3.5-medium", "Stable Diffusion 3.5 Medium", deterministic=True),
)
RATE_LIMIT_LOCKOUT_S = 60.0  # Stability locks a key out for 60 s after a 429 (support KB)
MAX_RATIO_ERROR = 0.15
MAX_SEED = 4_294_967_294


class StabilityImages(Provider):
    name = "stability"
    display_name = "Stability AI"
    default_base_url = "https://api.stability.ai"
    base_url_env = "STABILITY_BASE_URL"
    key_env = ("STABILITY_API_KEY",)
    default_concurrency = 4
    default_rate_per_minute = 600.0  # 150 per 10 s, kept well under

    def capabilities(self) -> Capabilities:
        return Capabilities(
            models=MODELS,
            aspect_ratios=ASPECT_RATIOS,
            options=(
                OptionSpec("aspect_ratio", "Aspect ratio", choices=("", *ASPECT_RATIOS), default="",
                           help="Empty: the ratio nearest to the width and height."),
                OptionSpec("style_preset", "Style preset", choices=("", *STYLE_PRESETS), default=""),
                OptionSpec("output_format", "Format", choices=("png", "jpeg", "webp"), default="png",
                           help="SD 3.5 models make png or jpeg only."),
            ),
        )

    # -- what to ask for ---------------------------------------------------------------
    def endpoint(self, model: str) -> str:
        return "sd3" if model in SD3_MODELS or model.startswith("sd3") else model

    def aspect_ratio(self, request: GenerationRequest) -> str:
        chosen = request.params.get("aspect_ratio")
        return str(chosen) if chosen else nearest_ratio(request.width, request.height, ASPECT_RATIOS).ratio

    def validate(self, request: GenerationRequest) -> list[str]:
        problems = super().validate(request)
        if problems:
            return problems
        params = request.params
        chosen = params.get("aspect_ratio")
        if chosen and chosen not in ASPECT_RATIOS:
            problems.append(f"aspect ratio {chosen!r} is not offered by Stability ({', '.join(ASPECT_RATIOS)})")
        elif not chosen:
            match = nearest_ratio(request.width, request.height, ASPECT_RATIOS)
            if match.error > MAX_RATIO_ERROR:
                problems.append(f"{match.describe(request.width, request.height)}; Stability only "
                                f"makes {', '.join(ASPECT_RATIOS)}: choose a size near one of them")
        preset = params.get("style_preset")
        if preset and preset not in STYLE_PRESETS:
            problems.append(f"style preset {preset!r} is unknown to Stability")
        fmt = params.get("output_format") or "png"
        if self.endpoint(request.model) == "sd3" and fmt not in ("png", "jpeg"):
            problems.append(f"{request.model} makes png or jpeg, not {fmt}")
        if not 1 <= len(request.prompt) <= 10000:
            problems.append(f"prompt is {len(request.prompt)} characters; Stability takes 1 to 10000")
        if request.seed is not None and not 0 <= request.seed <= MAX_SEED:
            problems.append(f"seed {request.seed} is outside 0..{MAX_SEED}")
        if request.cfg_scale is not None and self.endpoint(request.model) == "sd3" \
                and not 1 <= request.cfg_scale <= 10:
            problems.append(f"cfg scale {request.cfg_scale} is outside 1..10 for {request.model}")
        return problems

    def build_fields(self, request: GenerationRequest) -> dict[str, str]:
        """The multipart form fields, every value a string."""
        fields = {
            "prompt": request.prompt,
            "aspect_ratio": self.aspect_ratio(request),
            "seed": str(request.seed if request.seed is not None else 0),  # 0: Stability picks
            "output_format": str(request.params.get("output_format") or "png"),
        }
        info = self.capabilities().model(request.model)
        if request.negative_prompt and (info is None or info.supports_negative):
            fields["negative_prompt"] = request.negative_prompt
        style = request.params.get("style_preset") or request.style
        if style in STYLE_PRESETS:
            fields["style_preset"] = str(style)
        if self.endpoint(request.model) == "sd3":
            fields["model"] = request.model
            fields["mode"] = "text-to-image"
            if request.cfg_scale is not None:
                fields["cfg_scale"] = f"{request.cfg_scale:g}"
        return fields

    # -- the call ----------------------------------------------------------------------
    def _headers(self, accept: str = "image/*") -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.require_key()}",
            "Accept": accept,
            "stability-client-id": "batch-image-generator",
        }

    async def generate(
        self, request: GenerationRequest, progress: ProgressCallback | None = None
    ) -> GenerationResult:
        accept = "application/json" if self.ctx.settings.options.get("accept") == "json" else "image/*"
        files = {key: (None, value) for key, value in self.build_fields(request).items()}
        resp = await self.send(
            "POST", f"{self.base_url}/v2beta/stable-image/generate/{self.endpoint(request.model)}",
            headers=self._headers(accept), files=files,
        )
        if resp.status_code != 200:
            raise self._error(resp)
        data, finish, seed = self._parse_success(resp)
        if finish == "CONTENT_FILTERED":
            raise self.error(ErrorKind.CONTENT_REFUSED, "Stability's filter blurred the image "
                             "(finish-reason CONTENT_FILTERED); it was not kept", status=200, code=finish)
        if finish not in ("SUCCESS", ""):
            raise self.error(ErrorKind.TRANSIENT, f"generation ended with finish-reason {finish}",
                             status=200, code=finish)
        mime = require_whole_image(self, data)
        return GenerationResult(
            images=[GeneratedImage(data=data, mime=mime, seed=seed)],
            info={"aspect_ratio": self.aspect_ratio(request),
                  "request_id": resp.headers.get("x-request-id")},
        )

    def _parse_success(self, resp: httpx.Response) -> tuple[bytes, str, int | None]:
        """(image bytes, finish reason, seed) from either answer form."""
        if resp.headers.get("content-type", "").startswith("application/json"):
            body = self.json_body(resp)
            if not isinstance(body, dict):
                raise self.error(ErrorKind.TRANSIENT, "answer is not a JSON object", status=200)
            data = self.decode_b64(body.get("image"))
            return data, str(body.get("finish_reason") or ""), _as_int(body.get("seed"))
        return resp.content, resp.headers.get("finish-reason", ""), _as_int(resp.headers.get("seed"))

    def _error(self, resp: httpx.Response) -> ProviderError:
        try:
            body = resp.json()
        except ValueError:
            body = None
        body = body if isinstance(body, dict) else {}
        name = str(body.get("name") or "") or None
        errors = body.get("errors")
        message = "; ".join(str(e) for e in errors) if isinstance(errors, list) and errors else ""
        message = message or str(body.get("message") or name or resp.text[:200].strip()
                                 or f"HTTP {resp.status_code}")
        exc = self.classify_status(resp, message, code=name)
        if resp.status_code == 403 and name == "content_moderation":
            exc.kind = ErrorKind.CONTENT_REFUSED
        elif resp.status_code == 429 and exc.retry_after is None:
            exc.retry_after = RATE_LIMIT_LOCKOUT_S
        elif resp.status_code in (413, 422):
            exc.kind = ErrorKind.BAD_REQUEST
        return exc

    async def check(self) -> HealthReport:
        async def call() -> dict[str, Any]:
            resp = await self.send("GET", f"{self.base_url}/v1/user/balance",
                                   headers=self._headers("application/json"), timeout=15)
            if resp.status_code != 200:
                raise self._error(resp)
            try:
                body = resp.json()
            except ValueError:
                body = None
            credits = body.get("credits") if isinstance(body, dict) else None
            if not isinstance(credits, int | float):
                raise self.error(ErrorKind.BAD_REQUEST, f"{self.base_url}/v1/user/balance is not "
                                 "Stability's balance; check the base URL", code="wrong_base_url")
            if credits <= 0:
                raise self.error(ErrorKind.QUOTA, f"no credits left ({credits:g})", status=200)
            return {"credits": float(credits)}

        return await self.timed_check(call)


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
