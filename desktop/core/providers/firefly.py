"""Adobe Firefly Services v3: `POST /v3/images/generate-async`, then poll the job.

Wire format: ../shared/providers.md §4 and tests/contracts/firefly/. Auth is an IMS
client-credentials token (firefly_auth.py) plus `x-api-key: <client id>`; the model version
goes in the `x-model-version` header. Outputs are presigned URLs fetched without our headers.
Keys: FIREFLY_SERVICES_CLIENT_ID / FIREFLY_SERVICES_CLIENT_SECRET (or secrets
`firefly.client_id` / `firefly.client_secret`); hosts: FIREFLY_BASE_URL, FIREFLY_IMS_URL.
"""

from __future__ import annotations

import asyncio
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
    ProviderContext,
    ProviderError,
)
from desktop.core.providers.firefly_auth import DEFAULT_IMS_URL, ImsTokenCache

IMAGE3_SIZES = (
    "2048x2048", "1024x1024", "2304x1792", "1792x2304", "2688x1536", "2688x1512",
    "1344x768", "1344x756", "1152x896", "896x1152",
)
IMAGE4_SIZES = ("2048x2048", "2304x1792", "1792x2304", "2688x1536", "1440x2560")
MODELS = (
    ModelInfo("image3", "Firefly Image 3", sizes=IMAGE3_SIZES),
    ModelInfo("image4_standard", "Firefly Image 4", sizes=IMAGE4_SIZES),
    ModelInfo("image4_ultra", "Firefly Image 4 Ultra", sizes=IMAGE4_SIZES),
)
# A selection of Firefly style preset ids, written from Adobe's "Style presets" page [weak:
# not re-checked]; an id Firefly does not know comes back as a 422 and is reported as such.
STYLE_PRESETS = (
    "", "photo", "art", "graphic", "bw", "cool_colors", "golden", "monochromatic",
    "muted_color", "pastel_color", "toned_image", "vibrant_colors", "warm_tone", "closeup",
    "knolling", "landscape_photography", "macrophotography", "shallow_depth_of_field",
    "wide_angle", "futuristic", "nostalgic", "bokeh", "isometric", "neon", "golden_hour",
    "studio_light", "dramatic_light", "watercolor", "line_drawing", "pencil_drawing",
    "3d", "digital_art", "cartoon", "pop_art", "concept_art", "anime",
)
MODERATION_CODES = {"prompt_unsafe", "input_media_unsafe", "output_media_unsafe"}
AUTH_ACCESS_ERRORS = {"user_non_entitled", "user_profile_denied", "invalid_ims_scope"}
FAILED = {"failed", "timeout"}
CANCELLED = {"canceled", "cancelled", "cancel_pending"}
DUMMY_JOB = "urn:ff:jobs:batch-image-generator:health-check"


class FireflyImages(Provider):
    name = "firefly"
    display_name = "Adobe Firefly"
    default_base_url = "https://firefly-api.adobe.io"
    base_url_env = "FIREFLY_BASE_URL"
    key_env = ("FIREFLY_SERVICES_CLIENT_ID",)
    default_concurrency = 2
    default_rate_per_minute = 20.0

    def __init__(self, ctx: ProviderContext) -> None:
        super().__init__(ctx)
        self.tokens = ImsTokenCache(self.send)

    # -- configuration -------------------------------------------------------------
    @property
    def ims_url(self) -> str:
        url = self.ctx.env.get("FIREFLY_IMS_URL") or self.ctx.settings.options.get("ims_url")
        return str(url or DEFAULT_IMS_URL).rstrip("/")

    def credential(self, secret_name: str = "api_key", env_names: tuple[str, ...] = ()) -> str | None:
        if secret_name != "api_key" or env_names:
            return super().credential(secret_name, env_names)
        return (self.ctx.env.get("FIREFLY_SERVICES_CLIENT_ID")
                or self.ctx.secret("firefly.client_id") or self.ctx.secret("firefly.api_key"))

    def client_secret(self) -> str | None:
        return (self.ctx.env.get("FIREFLY_SERVICES_CLIENT_SECRET")
                or self.ctx.secret("firefly.client_secret"))

    def _credentials(self) -> tuple[str, str]:
        client_id, secret = self.credential(), self.client_secret()
        if not client_id or not secret:
            raise self.error(
                ErrorKind.AUTH,
                "no Firefly client credentials: set FIREFLY_SERVICES_CLIENT_ID and "
                "FIREFLY_SERVICES_CLIENT_SECRET or add them in Settings",
            )
        return client_id, secret

    def capabilities(self) -> Capabilities:
        return Capabilities(
            models=MODELS,
            max_n=4,
            options=(
                OptionSpec("content_class", "Content class", choices=("", "photo", "art"), default=""),
                OptionSpec("style_preset", "Style preset", choices=STYLE_PRESETS, default=""),
                OptionSpec("style_strength", "Style strength", kind="int", default=50,
                           minimum=1, maximum=100),
                OptionSpec("visual_intensity", "Visual intensity", kind="int", default=None,
                           minimum=2, maximum=10),
                OptionSpec("locale", "Prompt locale", kind="text", default="",
                           help="e.g. zh-TW or en-US: biases content towards that region"),
            ),
        )

    def validate(self, request: GenerationRequest) -> list[str]:
        problems = super().validate(request)
        if not 1 <= len(request.prompt) <= 1024:
            problems.append(f"prompt is {len(request.prompt)} characters; Firefly takes 1 to 1024")
        if len(request.negative_prompt) > 1024:
            problems.append("negative prompt is longer than Firefly's 1024 characters")
        return problems

    # -- requests ------------------------------------------------------------------
    def build_body(self, request: GenerationRequest) -> dict[str, Any]:
        params = request.params
        body: dict[str, Any] = {
            "prompt": request.prompt,
            "numVariations": 1,
            "size": {"width": request.width, "height": request.height},
        }
        if request.seed is not None:
            body["seeds"] = [request.seed]
        if request.negative_prompt:
            body["negativePrompt"] = request.negative_prompt
        if params.get("content_class"):
            body["contentClass"] = params["content_class"]
        preset = params.get("style_preset") or request.style
        if preset:
            style: dict[str, Any] = {"presets": [preset]}
            if params.get("style_strength"):
                style["strength"] = int(params["style_strength"])
            body["style"] = style
        if params.get("visual_intensity"):
            body["visualIntensity"] = int(params["visual_intensity"])
        if params.get("locale"):
            body["promptBiasingLocaleCode"] = params["locale"]
        return body

    def _ours(self, url: str) -> bool:
        """Our headers go to Firefly hosts only, never to a presigned storage URL."""
        host = urlsplit(url).hostname or ""
        return host == urlsplit(self.base_url).hostname or host.endswith(".adobe.io")

    async def _authed(self, method: str, url: str, **kw: Any) -> httpx.Response:
        """Send with the token; on 401 get a fresh token and try exactly once more."""
        client_id, secret = self._credentials()
        extra = kw.pop("headers", {})
        for attempt in (1, 2):
            token = await self.tokens.get(self.ims_url, client_id, secret)
            headers = {"Authorization": f"Bearer {token}", "x-api-key": client_id, **extra}
            resp = await self.send(method, url, headers=headers, **kw)
            if resp.status_code != 401 or attempt == 2:
                return resp
            self.tokens.invalidate(token)
        raise AssertionError("unreachable")

    async def generate(
        self, request: GenerationRequest, progress: ProgressCallback | None = None
    ) -> GenerationResult:
        problems = self.validate(request)
        if problems:
            raise self.error(ErrorKind.BAD_REQUEST, "; ".join(problems))
        clock = JobClock(PollPlan.from_settings(self.ctx.settings, 1.0, expected=15), progress)
        resp = await self._authed(
            "POST", f"{self.base_url}/v3/images/generate-async", timeout=60,
            headers={"x-model-version": request.model, "Accept": "application/json"},
            json=self.build_body(request),
        )
        if resp.status_code not in (200, 202):
            raise self._error(resp)
        accepted = self.json_body(resp)
        job_id = str(accepted.get("jobId") or "")
        if not job_id or not accepted.get("statusUrl"):
            raise self.error(ErrorKind.TRANSIENT, "Firefly accepted the job but sent no jobId/statusUrl")
        cancel_url = accepted.get("cancelUrl") or f"{self.base_url}/v3/cancel/{job_id}"
        clock.report(0.02)
        try:
            done = await self._poll(str(accepted["statusUrl"]), job_id, clock)
        except asyncio.CancelledError:
            await cancel_quietly(lambda: self._authed("PUT", cancel_url, timeout=5))
            raise
        except ProviderError as exc:
            if exc.code == "job_timeout_local":
                await cancel_quietly(lambda: self._authed("PUT", cancel_url, timeout=5))
            raise
        images = await self._download(done.get("result") or {}, job_id)
        clock.report(1.0)
        result = done.get("result") or {}
        return GenerationResult(
            images=images,
            cost_usd=None,  # Firefly prices are not published (enterprise entitlement)
            info={
                "job_id": job_id, "model_version": request.model, "size": result.get("size"),
                "content_class": result.get("contentClass"),
                "prompt_has_denied_words": result.get("promptHasDeniedWords"),
                "prompt_has_blocked_artists": result.get("promptHasBlockedArtists"),
            },
        )

    async def _poll(self, status_url: str, job_id: str, clock: JobClock) -> dict[str, Any]:
        while True:
            if self._ours(status_url):
                resp = await self._authed("GET", status_url, timeout=30)
            else:
                resp = await self.send("GET", status_url, timeout=30)
            if resp.status_code != 200:
                exc = self._error(resp)
                if resp.status_code == 404:
                    exc.kind = ErrorKind.TRANSIENT
                    exc.message = f"Firefly lost job {job_id}: {exc.message}"
                raise exc
            body = self.json_body(resp)
            status = str(body.get("status") or "").lower()
            if status == "succeeded":
                return body
            if status in FAILED:
                raise self._job_failure(body, job_id)
            if status in CANCELLED:
                raise self.error(ErrorKind.CANCELLED, f"Firefly job {job_id} was cancelled")
            share = body.get("progress")
            if isinstance(share, int | float):
                clock.report(0.05 + 0.9 * (share / 100 if share > 1 else share))
            else:
                clock.report_estimate()
            if clock.expired:
                raise self.error(
                    ErrorKind.TRANSIENT,
                    f"Firefly job {job_id} gave no result within {clock.plan.timeout:g} s "
                    f"(last status {status or 'unknown'}); asked Firefly to cancel it",
                    code="job_timeout_local",
                )
            await clock.wait()

    async def _download(self, result: dict[str, Any], job_id: str) -> list[GeneratedImage]:
        outputs = result.get("outputs") or []
        images = []
        for output in outputs:
            url = ((output or {}).get("image") or {}).get("url")
            if not url:
                continue
            # Presigned storage URL: our Authorization header must not go there.
            resp = await self.send("GET", url, timeout=120)
            if resp.status_code != 200:
                raise self.error(
                    ErrorKind.TRANSIENT,
                    f"could not download Firefly output of job {job_id} "
                    f"(HTTP {resp.status_code}); the presigned URL may have expired",
                    status=resp.status_code,
                )
            mime = resp.headers.get("content-type", "image/jpeg").split(";")[0]
            images.append(GeneratedImage(data=resp.content, mime=mime, seed=output.get("seed")))
        if not images:
            raise self.error(ErrorKind.TRANSIENT, f"Firefly job {job_id} succeeded without outputs")
        return images

    # -- errors ------------------------------------------------------------------------
    def _error(self, resp: httpx.Response) -> ProviderError:
        try:
            body = resp.json()
        except ValueError:
            body = {}
        body = body if isinstance(body, dict) else {}
        code = body.get("error_code")
        message = str(body.get("message") or code or resp.text[:200] or f"HTTP {resp.status_code}")
        fields = [
            f"{'.'.join(str(p) for p in e.get('loc', []))}: {e.get('msg')}"
            for e in body.get("validation_errors") or [] if isinstance(e, dict)
        ]
        if fields:
            message = f"{message} ({'; '.join(fields)})"
        exc = self.classify_status(resp, message, code=str(code) if code else None)
        access = resp.headers.get("x-access-error", "")
        if resp.status_code == 401:
            exc.message = f"Firefly rejected a freshly issued access token: {message}"
        elif resp.status_code == 403:
            if access == "quota_exhausted":
                exc.kind = ErrorKind.QUOTA
                exc.message = f"Firefly quota exhausted for this organisation ({message})"
            else:
                exc.kind = ErrorKind.AUTH
                reason = access or "access_error"
                exc.message = f"Firefly denied access: {reason} ({message})"
            exc.code = access or exc.code
        elif resp.status_code == 429:
            level = resp.headers.get("x-access-rate-limit-level", "")
            exc.message = f"Firefly rate limit reached{f' ({level} level)' if level else ''}"
        elif resp.status_code in (413, 415, 422):
            exc.kind = ErrorKind.BAD_REQUEST
        if code in MODERATION_CODES:
            exc.kind = ErrorKind.CONTENT_REFUSED
        return exc

    def _job_failure(self, body: dict[str, Any], job_id: str) -> ProviderError:
        code = str(body.get("error_code") or body.get("status") or "failed")
        detail = body.get("message") or code
        message = f"Firefly job {job_id} {body.get('status')}: {code}: {detail}"
        if code in MODERATION_CODES:
            kind = ErrorKind.CONTENT_REFUSED
        elif code in ("validation_error", "bad_request"):
            kind = ErrorKind.BAD_REQUEST
        else:
            kind = ErrorKind.TRANSIENT
        return self.error(kind, message, code=code, status=200)

    # -- health ----------------------------------------------------------------------
    async def check(self) -> HealthReport:
        if not self.credential() or not self.client_secret():
            return HealthReport(
                "unconfigured",
                "no client credentials: set FIREFLY_SERVICES_CLIENT_ID and "
                "FIREFLY_SERVICES_CLIENT_SECRET or add them in Settings",
            )

        async def call() -> dict[str, Any]:
            # A token proves the client id and secret; an `unknown_job_id` 404 from the
            # status route proves the token and the API key together against this base URL.
            resp = await self._authed("GET", f"{self.base_url}/v3/status/{DUMMY_JOB}", timeout=15)
            code = _error_code(resp)
            if resp.status_code == 404 and code == "unknown_job_id":
                return {"ims": self.ims_url, "api": self.base_url}
            if resp.status_code == 404:
                raise self.error(
                    ErrorKind.BAD_REQUEST,
                    f"{self.base_url} does not look like the Firefly API (404 without unknown_job_id)",
                    status=404,
                )
            if resp.status_code == 200:
                return {"ims": self.ims_url, "api": self.base_url}
            raise self._error(resp)

        return await self.timed_check(call)


def _error_code(resp: httpx.Response) -> str:
    try:
        body = resp.json()
    except ValueError:
        return ""
    return str(body.get("error_code") or "") if isinstance(body, dict) else ""
