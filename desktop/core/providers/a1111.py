"""AUTOMATIC1111 / Forge web UI API: `POST /sdapi/v1/txt2img`, the local offline image path.

Wire format: ../shared/providers.md §9a. Optional HTTP Basic auth (`--api-auth user:pass`)
comes from the secret `a1111.api_key` or `SDWEBUI_AUTH` as `user:pass`.
"""

from __future__ import annotations

import json
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

SAMPLERS = ("Euler a", "Euler", "DPM++ 2M", "DPM++ 2M Karras", "DPM++ SDE", "DDIM", "UniPC")


class Automatic1111(Provider):
    name = "a1111"
    display_name = "AUTOMATIC1111 / Forge"
    default_base_url = "http://127.0.0.1:7860"
    base_url_env = "SDWEBUI_BASE_URL"
    key_env = ("SDWEBUI_AUTH",)
    needs_key = False
    default_concurrency = 1  # one GPU renders one job at a time
    default_rate_per_minute = 600.0

    def capabilities(self) -> Capabilities:
        return Capabilities(
            models=(ModelInfo("", "Current checkpoint", deterministic=True),),
            local=True,
            max_n=8,
            edits=True,
            options=(
                OptionSpec("sampler_name", "Sampler", choices=SAMPLERS, default="Euler a"),
                OptionSpec("scheduler", "Scheduler", kind="text", default=""),
                OptionSpec("enable_hr", "Hires. fix", kind="bool", default=False),
                OptionSpec("restore_faces", "Restore faces", kind="bool", default=False),
            ),
        )

    def validate(self, request: GenerationRequest) -> list[str]:
        problems = []
        if request.width % 8 or request.height % 8:
            problems.append(f"size {request.size}: width and height must be multiples of 8")
        if not (64 <= request.width <= 4096 and 64 <= request.height <= 4096):
            problems.append(f"size {request.size}: each side must be between 64 and 4096")
        return problems

    def is_deterministic(self, request: GenerationRequest) -> bool:
        return request.seed is not None and request.seed >= 0

    def _auth(self) -> httpx.BasicAuth | None:
        value = self.credential()
        if value and ":" in value:
            user, _, password = value.partition(":")
            return httpx.BasicAuth(user, password)
        return None

    def build_body(self, request: GenerationRequest) -> dict[str, Any]:
        body: dict[str, Any] = {
            "prompt": request.prompt,
            "negative_prompt": request.negative_prompt,
            "seed": request.seed if request.seed is not None else -1,
            "width": request.width,
            "height": request.height,
            "batch_size": 1,
            "n_iter": 1,
            "steps": request.steps or 20,
            "cfg_scale": request.cfg_scale if request.cfg_scale is not None else 7.0,
            "send_images": True,
            "save_images": False,
        }
        if request.model:
            body["override_settings"] = {"sd_model_checkpoint": request.model}
        if request.style:
            body["styles"] = [request.style]
        for key in ("sampler_name", "scheduler", "enable_hr", "restore_faces", "hr_scale",
                    "hr_upscaler", "denoising_strength", "subseed", "subseed_strength"):
            if key in request.params:
                body[key] = request.params[key]
        return body

    async def generate(
        self, request: GenerationRequest, progress: ProgressCallback | None = None
    ) -> GenerationResult:
        resp = await self.send(
            "POST", f"{self.base_url}/sdapi/v1/txt2img",
            json=self.build_body(request), auth=self._auth(), timeout=max(self.timeout, 600),
        )
        if resp.status_code != 200:
            raise self._error(resp)
        body = self.json_body(resp)
        images = body.get("images") if isinstance(body, dict) else None
        if not images:
            raise self.error(ErrorKind.TRANSIENT, "answer holds no images", status=200)
        info = _parse_info(body.get("info"))
        seeds = info.get("all_seeds") or [info.get("seed")]
        return GenerationResult(
            images=[
                GeneratedImage(
                    data=self.decode_b64(b64),
                    seed=seeds[i] if i < len(seeds) else info.get("seed"),
                    info={"infotext": (info.get("infotexts") or [""])[min(i, len(info.get("infotexts") or [""]) - 1)]},
                )
                for i, b64 in enumerate(images[:1])
            ],
            cost_usd=0.0,
            info={"sd_model_name": info.get("sd_model_name"), "sampler": info.get("sampler_name")},
        )

    def _error(self, resp: httpx.Response) -> ProviderError:
        try:
            body = resp.json()
        except ValueError:
            body = {}
        detail = body.get("detail") or body.get("errors") or body.get("error") or resp.text[:200]
        if isinstance(detail, list | dict):
            detail = json.dumps(detail, ensure_ascii=False)[:300]
        exc = self.classify_status(resp, str(detail) or f"HTTP {resp.status_code}", code=body.get("error"))
        if resp.status_code == 404 and "sampler" in str(detail).lower():
            exc.kind = ErrorKind.BAD_REQUEST
        if resp.status_code == 500:
            # A1111 reports CUDA out-of-memory and similar as 500; retrying may succeed.
            exc.kind = ErrorKind.TRANSIENT
        return exc

    async def check(self) -> HealthReport:
        async def call() -> dict[str, Any]:
            resp = await self.send("GET", f"{self.base_url}/sdapi/v1/sd-models", auth=self._auth(), timeout=10)
            if resp.status_code != 200:
                raise self._error(resp)
            models = self.json_body(resp)
            return {"models": [m.get("title") for m in models if isinstance(m, dict)][:50]}

        return await self.timed_check(call)


def _parse_info(info: Any) -> dict[str, Any]:
    if isinstance(info, dict):
        return info
    if isinstance(info, str):
        try:
            value = json.loads(info)
            return value if isinstance(value, dict) else {}
        except ValueError:
            return {}
    return {}
