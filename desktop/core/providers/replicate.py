"""Replicate predictions: create with `Prefer: wait`, poll `urls.get` while not terminal,
download the output URL(s), cancel the prediction when our task is cancelled.

Wire format: ../shared/providers.md §6 and tests/contracts/replicate/. Official models go to
`POST /v1/models/{owner}/{name}/predictions`; versioned ones to `POST /v1/predictions`.
Moderation and model failures arrive as `status: "failed"` with an `error` string.
Key: REPLICATE_API_TOKEN (or secret `replicate.api_key`); host: REPLICATE_BASE_URL.
"""

from __future__ import annotations

import asyncio
import random
import re
from typing import Any
from urllib.parse import urlsplit

import httpx

from desktop.core.models import ErrorKind, GeneratedImage, GenerationRequest, GenerationResult
from desktop.core.providers.async_job import JobClock, PollPlan, cancel_quietly
from desktop.core.providers.base import (
    Capabilities,
    HealthReport,
    ModelInfo,
    OptionSpec,
    ProgressCallback,
    Provider,
    ProviderError,
)
from desktop.core.providers.replicate_models import (
    ASPECT_RATIOS,
    KNOWN_MODELS,
    MODEL_ID,
    ReplicateModel,
    build_input,
    model_for,
)

TERMINAL = {"succeeded", "failed", "canceled", "aborted"}
REFUSED = re.compile(r"\bE005\b|nsfw|flagged as sensitive|safety checker", re.I)
INVALID = re.compile(r"input failed validation|invalid input|must be (less|greater|one of)|"
                     r"is not a valid|unexpected keyword", re.I)
TQDM = re.compile(r"(\d{1,3})%\|")
SEED_LOG = re.compile(r"using seed:?\s*(\d+)", re.I)
THROTTLE = re.compile(r"available in (\d+(?:\.\d+)?) second", re.I)
MIME_BY_SUFFIX = {"png": "image/png", "webp": "image/webp", "jpg": "image/jpeg", "jpeg": "image/jpeg"}


class ReplicateImages(Provider):
    name = "replicate"
    display_name = "Replicate"
    default_base_url = "https://api.replicate.com"
    base_url_env = "REPLICATE_BASE_URL"
    key_env = ("REPLICATE_API_TOKEN",)
    default_concurrency = 4
    default_rate_per_minute = 300.0  # Replicate allows 600 creations a minute

    def capabilities(self) -> Capabilities:
        return Capabilities(
            models=tuple(
                ModelInfo(m.id, m.label, supports_negative=m.negative) for m in KNOWN_MODELS
            ),
            max_n=4,
            aspect_ratios=ASPECT_RATIOS,
            options=(
                OptionSpec("aspect_ratio", "Aspect ratio (FLUX)", choices=("",) + ASPECT_RATIOS,
                           default="", help="empty: the ratio nearest to the chosen size"),
                OptionSpec("output_format", "Format", choices=("png", "webp", "jpg"), default="png"),
                OptionSpec("go_fast", "Go fast (FLUX)", kind="bool", default=True),
                OptionSpec("megapixels", "Megapixels (FLUX)", choices=("1", "0.25"), default="1"),
                OptionSpec("disable_safety_checker", "Disable safety checker", kind="bool",
                           default=False),
            ),
        )

    def validate(self, request: GenerationRequest) -> list[str]:
        if not MODEL_ID.match(request.model):
            return [f"Replicate model {request.model!r} must be owner/name or "
                    "owner/name:<64-hex version>"]
        model = model_for(request.model)
        problems = []
        if model.max_steps and request.steps and not 1 <= request.steps <= model.max_steps:
            problems.append(f"{model.id} takes 1 to {model.max_steps} steps, not {request.steps}")
        if model.sizing == "pixels" and (request.width % 8 or request.height % 8):
            problems.append(f"size {request.size}: {model.id} needs multiples of 8")
        return problems

    # -- requests ------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.require_key()}"}

    def _same_host(self, url: str) -> bool:
        return urlsplit(url).netloc == urlsplit(self.base_url).netloc

    async def _get(self, url: str, timeout: float = 30) -> httpx.Response:
        # Our token goes to the API host only, never to replicate.delivery or elsewhere.
        headers = self._headers() if self._same_host(url) else {}
        return await self.send("GET", url, headers=headers, timeout=timeout)

    def _create_call(self, model: ReplicateModel, data: dict[str, Any]) -> tuple[str, dict]:
        if model.official:
            owner, _, name = model.id.partition("/")
            return f"{self.base_url}/v1/models/{owner}/{name}/predictions", {"input": data}
        return f"{self.base_url}/v1/predictions", {"version": f"{model.id}:{model.version}",
                                                   "input": data}

    async def generate(
        self, request: GenerationRequest, progress: ProgressCallback | None = None
    ) -> GenerationResult:
        problems = self.validate(request)
        if problems:
            raise self.error(ErrorKind.BAD_REQUEST, "; ".join(problems))
        model = model_for(request.model)
        plan = PollPlan.from_settings(self.ctx.settings, 1.0, expected=10)
        clock = JobClock(plan, progress)
        # Choose the seed ourselves so the image's seed is always known.
        seed = request.seed if request.seed is not None else random.randint(0, 2**31 - 1)
        url, body = self._create_call(model, build_input(model, request, seed))
        wait = int(min(60, max(1, float(self.ctx.settings.options.get("prefer_wait_s", 60)))))
        headers = {
            **self._headers(),
            "Prefer": f"wait={wait}",
            # A server-side deadline too, in case we vanish before we can cancel.
            "Cancel-After": f"{int(max(5, plan.timeout))}s",
        }
        resp = await self.send("POST", url, headers=headers, json=body, timeout=wait + 30)
        if resp.status_code not in (200, 201, 202):
            raise self._error(resp)
        prediction = self.json_body(resp)
        pid = str(prediction.get("id") or "")
        urls = prediction.get("urls") or {}
        cancel_url = urls.get("cancel") or f"{self.base_url}/v1/predictions/{pid}/cancel"
        try:
            prediction = await self._settle(prediction, clock)
        except asyncio.CancelledError:
            await cancel_quietly(lambda: self._cancel(cancel_url))
            raise
        except ProviderError as exc:
            if exc.code == "job_timeout_local":
                await cancel_quietly(lambda: self._cancel(cancel_url))
            raise
        return await self._result(prediction, model, seed, clock)

    async def _cancel(self, url: str) -> None:
        await self.send("POST", url, headers=self._headers(), timeout=5)

    async def _settle(self, prediction: dict[str, Any], clock: JobClock) -> dict[str, Any]:
        pid = prediction.get("id")
        get_url = (prediction.get("urls") or {}).get("get") or f"{self.base_url}/v1/predictions/{pid}"
        while prediction.get("status") not in TERMINAL:
            self._report(prediction, clock)
            if clock.expired:
                raise self.error(
                    ErrorKind.TRANSIENT,
                    f"Replicate prediction {pid} gave no result within {clock.plan.timeout:g} s "
                    f"(last status {prediction.get('status')}); asked Replicate to cancel it",
                    code="job_timeout_local",
                )
            await clock.wait()
            resp = await self._get(get_url)
            if resp.status_code != 200:
                raise self._error(resp)
            prediction = self.json_body(resp)
        return prediction

    def _report(self, prediction: dict[str, Any], clock: JobClock) -> None:
        found = TQDM.findall(str(prediction.get("logs") or ""))
        if found:
            clock.report(0.05 + 0.9 * min(100, int(found[-1])) / 100)
        else:
            clock.report_estimate()

    async def _result(
        self, prediction: dict[str, Any], model: ReplicateModel, seed: int, clock: JobClock
    ) -> GenerationResult:
        pid, status = prediction.get("id"), prediction.get("status")
        if status == "canceled":
            raise self.error(ErrorKind.CANCELLED, f"Replicate prediction {pid} was canceled")
        if status == "aborted":
            raise self.error(ErrorKind.TRANSIENT,
                             f"Replicate prediction {pid} was aborted before it started")
        if status == "failed":
            raise self._failure(prediction)
        logged = SEED_LOG.findall(str(prediction.get("logs") or ""))
        used_seed = int(logged[-1]) if logged else seed
        images = [
            GeneratedImage(data=data, mime=mime, seed=used_seed)
            for data, mime in [await self._download(u, pid) for u in _output_urls(prediction)]
        ]
        if not images:
            raise self.error(ErrorKind.TRANSIENT, f"Replicate prediction {pid} succeeded without output")
        clock.report(1.0)
        metrics = prediction.get("metrics") or {}
        return GenerationResult(
            images=images,
            cost_usd=_cost(model, len(images), metrics),
            info={"prediction_id": pid, "model": prediction.get("model") or model.id,
                  "version": prediction.get("version"), "metrics": metrics},
        )

    async def _download(self, url: str, pid: Any) -> tuple[bytes, str]:
        if url.startswith("data:"):
            mime = url[5:].split(";", 1)[0] or "image/png"
            return self.decode_b64(url), mime
        resp = await self._get(url, timeout=120)
        if resp.status_code != 200:
            raise self.error(ErrorKind.TRANSIENT, f"could not download output of Replicate "
                             f"prediction {pid} from {url} (HTTP {resp.status_code})",
                             status=resp.status_code)
        suffix = urlsplit(url).path.rsplit(".", 1)[-1].lower()
        mime = resp.headers.get("content-type", "").split(";")[0]
        if not mime.startswith("image/"):
            mime = MIME_BY_SUFFIX.get(suffix, "image/png")
        return resp.content, mime

    # -- errors ------------------------------------------------------------------------
    def _failure(self, prediction: dict[str, Any]) -> ProviderError:
        error = str(prediction.get("error") or "prediction failed without an error message")
        message = f"Replicate prediction {prediction.get('id')} failed: {error}"
        if REFUSED.search(error):
            kind = ErrorKind.CONTENT_REFUSED
        elif INVALID.search(error):
            kind = ErrorKind.BAD_REQUEST
        else:
            kind = ErrorKind.TRANSIENT
        return self.error(kind, message, status=200)

    def _error(self, resp: httpx.Response) -> ProviderError:
        try:
            body = resp.json()
        except ValueError:
            body = {}
        body = body if isinstance(body, dict) else {}
        detail = str(body.get("detail") or body.get("title") or resp.text[:200]
                     or f"HTTP {resp.status_code}").strip()
        fields = [f"{f.get('field')}: {f.get('description')}"
                  for f in body.get("invalid_fields") or [] if isinstance(f, dict)]
        if fields and not all(f.split(": ", 1)[-1] in detail for f in fields):
            detail = f"{detail} ({'; '.join(fields)})"
        exc = self.classify_status(resp, detail, code=body.get("title"))
        if resp.status_code == 429 and exc.retry_after is None:
            found = THROTTLE.search(detail)
            exc.retry_after = float(found.group(1)) if found else None
        if resp.status_code == 404:
            exc.message = f"not found on Replicate: {detail}"
        return exc

    # -- health ----------------------------------------------------------------------
    async def check(self) -> HealthReport:
        async def call() -> dict[str, Any]:
            resp = await self.send("GET", f"{self.base_url}/v1/account", headers=self._headers(),
                                   timeout=15)
            if resp.status_code != 200:
                raise self._error(resp)
            body = self.json_body(resp)
            if not isinstance(body, dict) or "username" not in body:
                raise self.error(ErrorKind.BAD_REQUEST, f"{self.base_url}/v1/account is not "
                                 "Replicate's account endpoint", status=404)
            return {"account": body.get("username"), "type": body.get("type")}

        return await self.timed_check(call)


def _output_urls(prediction: dict[str, Any]) -> list[str]:
    output = prediction.get("output")
    if isinstance(output, str):
        return [output]
    if isinstance(output, list):
        return [o for o in output if isinstance(o, str)]
    if isinstance(output, dict):
        return [o for o in output.values()
                if isinstance(o, str) and ("://" in o or o.startswith("data:"))]
    return []


def _cost(model: ReplicateModel, images: int, metrics: dict[str, Any]) -> float | None:
    if model.usd_per_image is not None:
        return round(model.usd_per_image * images, 8)
    seconds = metrics.get("predict_time")
    if model.usd_per_second is not None and isinstance(seconds, int | float):
        return round(model.usd_per_second * seconds, 8)
    return None

