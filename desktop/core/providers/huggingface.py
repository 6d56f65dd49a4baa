"""Hugging Face Inference Providers router, hf-inference: `POST {base}/hf-inference/models/{id}`.

Wire format: ../shared/providers.md §7. JSON in (`inputs` + `parameters`, Nones dropped),
raw image bytes out. 402 is an empty monthly credit, 503 a model still loading (the wait
comes back as retry_after for the queue; this adapter never sleeps). Errors are
`{"error": ...}` plus `X-Error-Code` / `X-Error-Message` headers. The key check asks the Hub
(`/api/whoami-v2`), which lives on another host: HF_HUB_BASE_URL (or the SDK's HF_ENDPOINT),
else the router base itself when that was changed (a mirror or a test fake serves both),
else https://huggingface.co. Key: HF_TOKEN (or secret `huggingface.api_key`); host: HF_BASE_URL.
"""

from __future__ import annotations

import re
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
from desktop.core.providers.retry_after import parse_retry_after

DEFAULT_HUB_URL = "https://huggingface.co"
MODELS = (
    ModelInfo("black-forest-labs/FLUX.1-schnell", "FLUX.1 [schnell]", supports_negative=False,
              deterministic=True),
    ModelInfo("black-forest-labs/FLUX.1-dev", "FLUX.1 [dev]", supports_negative=False, deterministic=True),
    ModelInfo("stabilityai/stable-diffusion-xl-base-1.0", "Stable Diffusion XL", deterministic=True),
    ModelInfo("stabilityai/stable-diffusion-3.5-large", "Stable Diffusion 3.5 Large", deterministic=True),
)
_REPO_ID = re.compile(r"[\w.\-]+/[\w.\-]+")
LOADING_WAIT_S = 20.0  # when a 503 gives no estimate


class HuggingFaceImages(Provider):
    name = "huggingface"
    display_name = "Hugging Face"
    default_base_url = "https://router.huggingface.co"
    base_url_env = "HF_BASE_URL"
    key_env = ("HF_TOKEN",)
    default_concurrency = 2
    default_rate_per_minute = 30.0

    def capabilities(self) -> Capabilities:
        return Capabilities(
            models=MODELS,
            options=(
                OptionSpec("scheduler", "Scheduler", kind="text", default="",
                           help="Diffusers scheduler name; empty: the model's default."),
            ),
        )

    @property
    def hub_url(self) -> str:
        env = self.ctx.env.get("HF_HUB_BASE_URL") or self.ctx.env.get("HF_ENDPOINT")
        chosen = env or self.ctx.settings.options.get("hub_url")
        if chosen:
            return str(chosen).rstrip("/")
        return DEFAULT_HUB_URL if self.base_url == self.default_base_url else self.base_url

    def validate(self, request: GenerationRequest) -> list[str]:
        """Any Hub repo id is allowed (the list is only suggestions); the router says 404 if
        hf-inference does not serve it."""
        problems = []
        if not _REPO_ID.fullmatch(request.model):
            problems.append(f"model {request.model!r} is not a Hub repo id like 'owner/name'")
        if request.width % 8 or request.height % 8:
            problems.append(f"size {request.size}: width and height must be multiples of 8")
        return problems

    def build_body(self, request: GenerationRequest) -> dict[str, Any]:
        parameters = {
            "negative_prompt": request.negative_prompt or None,
            "width": request.width,
            "height": request.height,
            "num_inference_steps": request.steps,
            "guidance_scale": request.cfg_scale,
            "seed": request.seed,
            "scheduler": request.params.get("scheduler") or None,
        }
        return {"inputs": request.prompt, "parameters": {k: v for k, v in parameters.items() if v is not None}}

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.require_key()}", "Accept": "image/png, image/jpeg, image/*"}

    async def generate(
        self, request: GenerationRequest, progress: ProgressCallback | None = None
    ) -> GenerationResult:
        resp = await self.send(
            "POST", f"{self.base_url}/hf-inference/models/{request.model}",
            headers=self._headers(), json=self.build_body(request),
        )
        if resp.status_code != 200:
            raise self._error(resp)
        if resp.headers.get("content-type", "").startswith("application/json"):
            raise self.error(ErrorKind.TRANSIENT, f"answer is JSON, not an image: {resp.text[:160]!r}",
                             status=200)
        mime = require_whole_image(self, resp.content)
        return GenerationResult(
            images=[GeneratedImage(data=resp.content, mime=mime, seed=request.seed)],
            info={"request_id": resp.headers.get("x-request-id"),
                  "compute_type": resp.headers.get("x-compute-type")},
        )

    def _error(self, resp: httpx.Response) -> ProviderError:
        try:
            body = resp.json()
        except ValueError:
            body = None
        body = body if isinstance(body, dict) else {}
        error = body.get("error")
        if isinstance(error, list):
            error = "; ".join(str(e) for e in error)
        header_message = resp.headers.get("x-error-message")
        message = str(error or header_message or resp.text[:200].strip() or f"HTTP {resp.status_code}")
        code = resp.headers.get("x-error-code") or None
        exc = self.classify_status(resp, message, code=code)
        status = resp.status_code
        if status == 404:
            exc.message = f"model not served by hf-inference: {message}"
        elif status == 503:
            # Model loading (or no capacity): worth waiting for, not a reason to fall back.
            estimate = body.get("estimated_time")
            exc.kind = ErrorKind.TRANSIENT
            exc.retry_after = (float(estimate) if isinstance(estimate, int | float)
                               else parse_retry_after(resp.headers) or LOADING_WAIT_S)
        elif status == 403:
            exc.message = f"{message} (the token needs the 'Inference Providers' permission)"
        return exc

    async def check(self) -> HealthReport:
        async def call() -> dict[str, Any]:
            resp = await self.send("GET", f"{self.hub_url}/api/whoami-v2", headers=self._headers(), timeout=15)
            if resp.status_code != 200:
                raise self._error(resp)
            try:
                body = resp.json()
            except ValueError:
                body = None
            if not isinstance(body, dict) or "name" not in body:
                raise self.error(ErrorKind.BAD_REQUEST, f"{self.hub_url}/api/whoami-v2 is not the "
                                 "Hugging Face Hub; check HF_HUB_BASE_URL", code="wrong_base_url")
            token = ((body.get("auth") or {}).get("accessToken") or {}) if isinstance(body.get("auth"), dict) else {}
            return {"user": body.get("name"), "token_role": token.get("role")}

        return await self.timed_check(call)
