"""AUTOMATIC1111 / Forge web UI API: `POST /sdapi/v1/txt2img`, the local offline image path.

Wire format: ../shared/providers.md §9a. Optional HTTP Basic auth (`--api-auth user:pass`)
comes from SDWEBUI_AUTH as `user:pass` or the secret `a1111.api_key`; host: SDWEBUI_BASE_URL.
txt2img blocks until the image is done; while it runs, `GET /sdapi/v1/progress` is polled
for the progress callback (the server answers it from another thread).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
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

SAMPLERS = ("Euler a", "Euler", "DPM++ 2M", "DPM++ 2M Karras", "DPM++ SDE", "DDIM", "UniPC")
PASSED_OPTIONS = ("sampler_name", "scheduler", "enable_hr", "restore_faces", "hr_scale",
                  "hr_upscaler", "denoising_strength", "subseed", "subseed_strength", "tiling")
LOCAL_TIMEOUT_S = 600.0  # a local GPU may take minutes for a large image


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
            options=(
                OptionSpec("sampler_name", "Sampler", choices=SAMPLERS, default="Euler a"),
                OptionSpec("scheduler", "Scheduler", kind="text", default=""),
                OptionSpec("enable_hr", "Hires. fix", kind="bool", default=False),
                OptionSpec("hr_scale", "Hires. scale", kind="float", default=2.0, minimum=1.0, maximum=4.0),
                OptionSpec("denoising_strength", "Denoising (hires.)", kind="float", default=0.7,
                           minimum=0.0, maximum=1.0),
                OptionSpec("restore_faces", "Restore faces", kind="bool", default=False),
                OptionSpec("tiling", "Tiling", kind="bool", default=False),
            ),
        )

    @property
    def timeout(self) -> float:
        return self.ctx.settings.timeout_s or LOCAL_TIMEOUT_S

    def validate(self, request: GenerationRequest) -> list[str]:
        problems = []
        if request.width % 8 or request.height % 8:
            problems.append(f"size {request.size}: width and height must be multiples of 8")
        if not (64 <= request.width <= 4096 and 64 <= request.height <= 4096):
            problems.append(f"size {request.size}: each side must be between 64 and 4096")
        if request.steps is not None and not 1 <= request.steps <= 150:
            problems.append(f"steps {request.steps}: A1111 takes 1 to 150")
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
        for key in PASSED_OPTIONS:
            if request.params.get(key) is not None:
                body[key] = request.params[key]
        return body

    async def generate(
        self, request: GenerationRequest, progress: ProgressCallback | None = None
    ) -> GenerationResult:
        call = self.send("POST", f"{self.base_url}/sdapi/v1/txt2img",
                         json=self.build_body(request), auth=self._auth())
        watcher = asyncio.create_task(self._watch_progress(progress)) if progress else None
        try:
            resp = await call
        finally:
            if watcher:
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher
        if resp.status_code != 200:
            raise self._error(resp)
        body = self.json_body(resp)
        images = body.get("images") if isinstance(body, dict) else None
        if not images or not isinstance(images, list):
            raise self.error(ErrorKind.TRANSIENT, "answer holds no images", status=200)
        info = _parse_info(body.get("info"))
        data = self.decode_b64(images[0])  # extra entries are ControlNet maps and the like
        mime = require_whole_image(self, data)
        seeds = info.get("all_seeds") or [info.get("seed")]
        infotexts = info.get("infotexts") or [""]
        if progress:
            progress(1.0)
        return GenerationResult(
            images=[GeneratedImage(data=data, mime=mime, seed=_int_or_none(seeds[0]),
                                   info={"infotext": infotexts[0]})],
            cost_usd=0.0,
            info={"sd_model_name": info.get("sd_model_name"), "sampler": info.get("sampler_name")},
        )

    async def _watch_progress(self, progress: ProgressCallback) -> None:
        """Report `/sdapi/v1/progress` until cancelled; its failures never fail the job."""
        interval = float(self.ctx.settings.options.get("progress_interval_s", 1.0))
        while True:
            await asyncio.sleep(interval)
            try:
                resp = await self.ctx.http.get(f"{self.base_url}/sdapi/v1/progress",
                                               params={"skip_current_image": "true"},
                                               auth=self._auth(), timeout=5)
                fraction = resp.json().get("progress") if resp.status_code == 200 else None
            except (httpx.HTTPError, ValueError, AttributeError):
                continue
            if isinstance(fraction, int | float) and 0 < fraction < 1:
                progress(float(fraction))

    def _error(self, resp: httpx.Response) -> ProviderError:
        try:
            body = resp.json()
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        detail = body.get("detail") or body.get("errors") or body.get("error") or resp.text[:200]
        if isinstance(detail, list | dict):
            detail = json.dumps(detail, ensure_ascii=False)[:300]
        message = str(detail) or f"HTTP {resp.status_code}"
        if resp.status_code == 404 and message == "Not Found":
            message = f"{resp.request.url.path} not found: start the web UI with --api"
        code = body.get("error") if isinstance(body.get("error"), str) else None
        exc = self.classify_status(resp, message, code=code)
        if resp.status_code == 500:
            # A1111 reports CUDA out-of-memory and similar as 500; retrying may succeed.
            exc.kind = ErrorKind.TRANSIENT
        return exc

    async def check(self) -> HealthReport:
        async def call() -> dict[str, Any]:
            resp = await self.send("GET", f"{self.base_url}/sdapi/v1/sd-models", auth=self._auth(), timeout=10)
            if resp.status_code != 200:
                raise self._error(resp)
            try:
                models = resp.json()
            except ValueError:
                models = None
            if not isinstance(models, list):
                raise self.error(ErrorKind.BAD_REQUEST, f"{self.base_url} does not answer like the "
                                 "A1111/Forge API", code="wrong_base_url")
            return {"models": [m.get("title") for m in models if isinstance(m, dict)][:50]}

        return await self.timed_check(call)


def _parse_info(info: Any) -> dict[str, Any]:
    """`info` is a JSON string (seed, all_seeds, infotexts, ...); tolerate a dict or junk."""
    if isinstance(info, dict):
        return info
    if isinstance(info, str):
        try:
            value = json.loads(info)
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}
    return {}


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
