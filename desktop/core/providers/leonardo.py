"""Leonardo.Ai REST v1: `POST /generations`, poll `GET /generations/{id}` until COMPLETE or
FAILED, download the image URLs; `apiCreditCost` becomes the result's cost.

Wire format: ../shared/providers.md §5. Request fields mix snake_case (`negative_prompt`,
`num_images`) and camelCase (`modelId`, `presetStyle`); errors are Hasura-style
`{"error","path","code"}` whose HTTP statuses are not documented, so the mapping reads the
code and message first. Leonardo has no cancel call. Key: LEONARDO_API_KEY (or secret
`leonardo.api_key`); host: LEONARDO_BASE_URL.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

import httpx

from desktop.core.models import ErrorKind, GeneratedImage, GenerationRequest, GenerationResult
from desktop.core.paths import resources_dir
from desktop.core.providers.async_job import JobClock, PollPlan
from desktop.core.providers.base import (
    Capabilities,
    HealthReport,
    ModelInfo,
    OptionSpec,
    ProgressCallback,
    Provider,
    ProviderError,
)

# Platform model ids from docs.leonardo.ai and public client code (2025-26); any other model
# UUID (custom or newer platform models) is accepted as well.
MODELS = (
    ModelInfo("de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3", "Leonardo Phoenix 1.0"),
    ModelInfo("b2614463-296c-462a-9586-aafdb8f00e36", "FLUX.1 Dev", supports_negative=False),
    ModelInfo("1dd50843-d653-4516-a8e3-f0238ee453ff", "FLUX.1 Schnell", supports_negative=False),
    ModelInfo("aa77f04e-3eec-4034-9c07-d0f619684628", "Leonardo Kino XL"),
    ModelInfo("b24e16ff-06e3-43eb-8d33-4416c2d75876", "Leonardo Lightning XL"),
    ModelInfo("5c232a9e-9061-4777-980a-ddc8e65647c6", "Leonardo Vision XL"),
    ModelInfo("1e60896f-3c26-4296-8ecc-53e2afecc132", "Leonardo Diffusion XL"),
)
PRESET_STYLES = (
    "", "ANIME", "BOKEH", "CINEMATIC", "CINEMATIC_CLOSEUP", "CREATIVE", "DYNAMIC", "ENVIRONMENT",
    "FASHION", "FILM", "FOOD", "GENERAL", "HDR", "ILLUSTRATION", "LEONARDO", "LONG_EXPOSURE",
    "MACRO", "MINIMALISTIC", "MONOCHROME", "MOODY", "NONE", "NEUTRAL", "PHOTOGRAPHY", "PORTRAIT",
    "RAYTRACED", "RENDER_3D", "RETRO", "SKETCH_BW", "SKETCH_COLOR", "STOCK_PHOTO", "VIBRANT",
    "UNPROCESSED",
)
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
AUTH_HINTS = ("authorization hook", "authentication hook", "invalid api key", "unauthorized")
QUOTA_HINTS = ("not enough", "insufficient", "out of credits", "no api credits")
REFUSED_HINTS = ("moderation", "nsfw", "content filter", "inappropriate", "not allowed content")
BAD_CODES = {"validation-failed", "parse-failed", "bad-request", "invalid-json", "invalid-headers"}


class LeonardoImages(Provider):
    name = "leonardo"
    display_name = "Leonardo.Ai"
    default_base_url = "https://cloud.leonardo.ai/api/rest/v1"
    base_url_env = "LEONARDO_BASE_URL"
    key_env = ("LEONARDO_API_KEY",)
    default_concurrency = 3
    default_rate_per_minute = 60.0

    def capabilities(self) -> Capabilities:
        return Capabilities(
            models=MODELS,
            max_n=8,
            options=(
                OptionSpec("preset_style", "Preset style", choices=PRESET_STYLES, default=""),
                OptionSpec("alchemy", "Alchemy", kind="bool", default=False),
                OptionSpec("contrast", "Contrast (Phoenix)", kind="float", default=None,
                           minimum=1.0, maximum=4.5),
                OptionSpec("enhance_prompt", "Enhance prompt", kind="bool", default=False),
                OptionSpec("public", "Publish to the Leonardo feed", kind="bool", default=False),
            ),
        )

    def validate(self, request: GenerationRequest) -> list[str]:
        problems = []
        if not UUID.match(request.model):
            problems.append(f"Leonardo model {request.model!r} is not a model UUID")
        for side, value in (("width", request.width), ("height", request.height)):
            if not 32 <= value <= 1536 or value % 8:
                problems.append(f"{side} {value}: Leonardo takes 32 to 1536, a multiple of 8")
        if request.steps is not None and not 10 <= request.steps <= 60:
            problems.append(f"steps {request.steps}: Leonardo takes 10 to 60")
        if request.cfg_scale is not None and not 1 <= request.cfg_scale <= 20:
            problems.append(f"guidance {request.cfg_scale}: Leonardo takes 1 to 20")
        return problems

    # -- requests ------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.require_key()}", "Accept": "application/json"}

    def build_body(self, request: GenerationRequest) -> dict[str, Any]:
        params = request.params
        body: dict[str, Any] = {
            "prompt": request.prompt,
            "modelId": request.model,
            "width": request.width,
            "height": request.height,
            "num_images": 1,
            "public": bool(params.get("public", False)),
        }
        if request.negative_prompt:
            body["negative_prompt"] = request.negative_prompt
        if request.seed is not None:
            body["seed"] = request.seed
        if request.cfg_scale is not None:
            body["guidance_scale"] = request.cfg_scale
        if request.steps is not None:
            body["num_inference_steps"] = request.steps
        preset = params.get("preset_style") or (request.style or "").upper()
        if preset in PRESET_STYLES and preset:
            body["presetStyle"] = preset
        for option, field in (("alchemy", "alchemy"), ("enhance_prompt", "enhancePrompt"),
                              ("contrast", "contrast")):
            if params.get(option) not in (None, ""):
                body[field] = params[option]
        return body

    async def generate(
        self, request: GenerationRequest, progress: ProgressCallback | None = None
    ) -> GenerationResult:
        problems = self.validate(request)
        if problems:
            raise self.error(ErrorKind.BAD_REQUEST, "; ".join(problems))
        clock = JobClock(PollPlan.from_settings(self.ctx.settings, 2.0, expected=15), progress)
        resp = await self.send("POST", f"{self.base_url}/generations", headers=self._headers(),
                               json=self.build_body(request), timeout=60)
        if resp.status_code != 200:
            raise self._error(resp)
        job = (self.json_body(resp) or {}).get("sdGenerationJob") or {}
        generation_id = job.get("generationId")
        if not generation_id:
            raise self.error(ErrorKind.TRANSIENT, "Leonardo answered without a generationId")
        credits = job.get("apiCreditCost")
        generation = await self._poll(str(generation_id), clock)
        images = await self._download(generation)
        clock.report(1.0)
        rate = self._usd_per_credit()
        return GenerationResult(
            images=images,
            cost_units=credits,
            cost_usd=round(credits * rate, 6) if credits is not None and rate is not None else None,
            info={"generation_id": generation_id, "api_credit_cost": credits,
                  "usd_per_credit": rate, "model_id": generation.get("modelId")},
        )

    async def _poll(self, generation_id: str, clock: JobClock) -> dict[str, Any]:
        url = f"{self.base_url}/generations/{generation_id}"
        while True:
            await clock.wait()
            resp = await self.send("GET", url, headers=self._headers(), timeout=30)
            if resp.status_code != 200:
                raise self._error(resp)
            generation = (self.json_body(resp) or {}).get("generations_by_pk") or {}
            status = str(generation.get("status") or "PENDING").upper()
            if status == "COMPLETE":
                return generation
            if status == "FAILED":
                raise self.error(ErrorKind.TRANSIENT,
                                 f"Leonardo generation {generation_id} failed", status=200)
            clock.report_estimate()
            if clock.expired:
                raise self.error(
                    ErrorKind.TRANSIENT,
                    f"Leonardo generation {generation_id} gave no result within "
                    f"{clock.plan.timeout:g} s (Leonardo has no cancel; it may still finish)",
                )

    async def _download(self, generation: dict[str, Any]) -> list[GeneratedImage]:
        images = []
        for item in generation.get("generated_images") or []:
            url = (item or {}).get("url")
            if not url:
                continue
            same_host = urlsplit(url).netloc == urlsplit(self.base_url).netloc
            resp = await self.send("GET", url, headers=self._headers() if same_host else {},
                                   timeout=120)
            if resp.status_code != 200:
                raise self.error(ErrorKind.TRANSIENT, f"could not download Leonardo image {url} "
                                 f"(HTTP {resp.status_code})", status=resp.status_code)
            mime = resp.headers.get("content-type", "image/png").split(";")[0]
            images.append(GeneratedImage(
                data=resp.content, mime=mime if mime.startswith("image/") else "image/png",
                seed=generation.get("seed"),
                info={"leonardo_image_id": item.get("id"), "nsfw": bool(item.get("nsfw"))},
            ))
        if not images:
            raise self.error(ErrorKind.TRANSIENT,
                             f"Leonardo generation {generation.get('id')} completed without images")
        return images

    def _usd_per_credit(self) -> float | None:
        """The assumed credit price: settings option `usd_per_credit`, else `credit_usd`
        in resources/prices/leonardo.json (an assumption documented there)."""
        override = self.ctx.settings.options.get("usd_per_credit")
        if override is not None:
            return float(override)
        try:
            data = json.loads((resources_dir() / "prices" / "leonardo.json").read_text("utf-8"))
            value = data["leonardo"].get("credit_usd")
        except (OSError, ValueError, KeyError, AttributeError):
            return None
        return float(value) if value is not None else None

    # -- errors ------------------------------------------------------------------------
    def _error(self, resp: httpx.Response) -> ProviderError:
        try:
            body = resp.json()
        except ValueError:
            body = {}
        body = body if isinstance(body, dict) else {}
        code = str(body.get("code") or "")
        text = str(body.get("error") or body.get("message") or resp.text[:200]
                   or f"HTTP {resp.status_code}")
        where = body.get("path")
        message = f"{text} (at {where})" if where and where != "$" else text
        exc = self.classify_status(resp, message, code=code or None)
        low = text.lower()
        if code == "access-denied" or any(h in low for h in AUTH_HINTS):
            exc.kind = ErrorKind.AUTH
        elif any(h in low for h in QUOTA_HINTS) and ("token" in low or "credit" in low):
            exc.kind = ErrorKind.QUOTA
        elif any(h in low for h in REFUSED_HINTS):
            exc.kind = ErrorKind.CONTENT_REFUSED
        elif code in BAD_CODES:
            exc.kind = ErrorKind.BAD_REQUEST
        elif code == "rate-limited":
            exc.kind = ErrorKind.RATE_LIMITED
        return exc

    # -- health ----------------------------------------------------------------------
    async def check(self) -> HealthReport:
        async def call() -> dict[str, Any]:
            resp = await self.send("GET", f"{self.base_url}/me", headers=self._headers(), timeout=15)
            if resp.status_code != 200:
                raise self._error(resp)
            body = self.json_body(resp)
            details = (body.get("user_details") or [None])[0] if isinstance(body, dict) else None
            if not isinstance(details, dict):
                raise self.error(ErrorKind.BAD_REQUEST, f"{self.base_url}/me is not Leonardo's "
                                 "user endpoint", status=404)
            tokens = {k: details.get(k) for k in ("apiSubscriptionTokens", "apiPaidTokens")}
            if all(isinstance(v, int | float) and v <= 0 for v in tokens.values()):
                raise self.error(ErrorKind.QUOTA, "the Leonardo key works but has no API credits "
                                 "left (apiSubscriptionTokens and apiPaidTokens are 0)")
            user = details.get("user") or {}
            return {"user": user.get("username"), **tokens,
                    "renews": details.get("tokenRenewalDate")}

        return await self.timed_check(call)
