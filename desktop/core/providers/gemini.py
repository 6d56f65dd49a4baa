"""Google Gemini image models: `POST {base}/models/{model}:generateContent`.

Wire format: ../shared/providers.md §2A. The key goes in `x-goog-api-key`; the base URL may
end in /v1 or /v1beta (default `https://generativelanguage.googleapis.com/v1beta`; a host
without a version gets /v1beta). Pixels are mapped to the nearest allowed aspect ratio and
to a size tier (1K/2K/4K). Moderation arrives as HTTP 200 without an image part, explained by
`finishReason` or `promptFeedback.blockReason`; a bad key is HTTP 400 `API_KEY_INVALID`.
Key: GEMINI_API_KEY or GOOGLE_API_KEY (or secret `gemini.api_key`); host: GEMINI_BASE_URL.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

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
from desktop.core.providers.retry_after import google_retry_delay, parse_retry_after

ASPECT_RATIOS = ("1:1", "2:3", "3:2", "3:4", "4:3", "9:16", "16:9", "21:9")
TIER_PIXELS = {"1K": 1024 * 1024, "2K": 2048 * 2048, "4K": 4096 * 4096}
MODEL_TIERS = {
    "gemini-2.5-flash-image": ("1K",),
    "gemini-3.1-flash-image-preview": ("1K", "2K", "4K"),
    "gemini-3.1-flash-image": ("1K", "2K", "4K"),
    "gemini-3-pro-image-preview": ("1K", "2K", "4K"),
}
MODEL_LABELS = {
    "gemini-2.5-flash-image": "Gemini 2.5 Flash Image",
    "gemini-3.1-flash-image-preview": "Gemini 3.1 Flash Image (preview)",
    "gemini-3.1-flash-image": "Gemini 3.1 Flash Image",
    "gemini-3-pro-image-preview": "Gemini 3 Pro Image (preview)",
}
# finishReason values that mean "no image because of policy" (python-genai types.py).
REFUSAL_FINISH = {"IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION", "IMAGE_OTHER",
                  "NO_IMAGE", "SAFETY", "PROHIBITED_CONTENT", "RECITATION", "BLOCKLIST", "SPII"}
HARM_CATEGORIES = ("HARM_CATEGORY_HARASSMENT", "HARM_CATEGORY_HATE_SPEECH",
                   "HARM_CATEGORY_SEXUALLY_EXPLICIT", "HARM_CATEGORY_DANGEROUS_CONTENT")
THRESHOLDS = ("", "BLOCK_LOW_AND_ABOVE", "BLOCK_MEDIUM_AND_ABOVE", "BLOCK_ONLY_HIGH", "BLOCK_NONE")
MAX_RATIO_ERROR = 0.15  # beyond this the picture would come back visibly another shape
_VERSION = re.compile(r"v\d+((alpha|beta)\d*)?")


class GeminiImages(Provider):
    name = "gemini"
    display_name = "Google Gemini"
    default_base_url = "https://generativelanguage.googleapis.com/v1beta"
    base_url_env = "GEMINI_BASE_URL"
    key_env = ("GEMINI_API_KEY", "GOOGLE_API_KEY")
    default_concurrency = 2
    default_rate_per_minute = 10.0

    def capabilities(self) -> Capabilities:
        return Capabilities(
            models=tuple(
                ModelInfo(model_id, MODEL_LABELS[model_id], supports_negative=False)
                for model_id in MODEL_TIERS
            ),
            aspect_ratios=ASPECT_RATIOS,
            options=(
                OptionSpec("aspect_ratio", "Aspect ratio", choices=("", *ASPECT_RATIOS), default="",
                           help="Empty: the ratio nearest to the width and height."),
                OptionSpec("quality", "Image size", choices=("", *TIER_PIXELS), default="",
                           help="Empty: the smallest tier that holds the width and height."),
                OptionSpec("response_modalities", "Answer with", choices=("IMAGE", "TEXT,IMAGE"),
                           default="IMAGE"),
                OptionSpec("temperature", "Temperature", kind="float", default=None, minimum=0.0,
                           maximum=2.0),
                OptionSpec("safety_threshold", "Safety filter", choices=THRESHOLDS, default="",
                           help="Empty: Google's default blocking."),
            ),
        )

    @property
    def api_url(self) -> str:
        """The base with its API version; a bare host gets /v1beta."""
        base = self.base_url
        last = urlsplit(base).path.rstrip("/").rsplit("/", 1)[-1]
        return base if _VERSION.fullmatch(last) else f"{base}/v1beta"

    # -- what to ask for ---------------------------------------------------------------
    def aspect_ratio(self, request: GenerationRequest) -> str:
        chosen = request.params.get("aspect_ratio")
        return str(chosen) if chosen else nearest_ratio(request.width, request.height, ASPECT_RATIOS).ratio

    def image_size(self, request: GenerationRequest) -> str:
        """The size tier: the one asked for, else the smallest holding the requested pixels.
        `quality` counts only when it names a tier: a job falling back from another provider
        may carry that provider's "high" or "medium"."""
        if request.params.get("image_size"):
            return str(request.params["image_size"]).upper()
        for asked in (request.quality, request.params.get("quality")):
            if asked and str(asked).upper() in TIER_PIXELS:
                return str(asked).upper()
        pixels = request.width * request.height
        return next((tier for tier, cap in TIER_PIXELS.items() if pixels * 0.8 <= cap), "4K")

    def validate(self, request: GenerationRequest) -> list[str]:
        problems = super().validate(request)
        if problems:
            return problems
        chosen = request.params.get("aspect_ratio")
        if chosen and chosen not in ASPECT_RATIOS:
            problems.append(f"aspect ratio {chosen!r} is not offered by Gemini ({', '.join(ASPECT_RATIOS)})")
        elif not chosen:
            match = nearest_ratio(request.width, request.height, ASPECT_RATIOS)
            if match.error > MAX_RATIO_ERROR:
                problems.append(f"{match.describe(request.width, request.height)}; Gemini only makes "
                                f"{', '.join(ASPECT_RATIOS)}: choose a size near one of them")
        tiers = MODEL_TIERS[request.model]
        tier = self.image_size(request)
        if tier not in tiers:
            problems.append(f"{request.model} makes {'/'.join(tiers)} images, not {tier} "
                            f"(asked for {request.size}); choose a smaller size or another model")
        return problems

    def build_body(self, request: GenerationRequest) -> dict[str, Any]:
        image_config = {"aspectRatio": self.aspect_ratio(request)}
        if len(MODEL_TIERS.get(request.model, ())) > 1:
            image_config["imageSize"] = self.image_size(request)
        modalities = str(request.params.get("response_modalities") or "IMAGE").split(",")
        config: dict[str, Any] = {
            "responseModalities": [m.strip() for m in modalities if m.strip()],
            "candidateCount": 1,
            "imageConfig": image_config,
        }
        if request.seed is not None:
            config["seed"] = request.seed
        if request.params.get("temperature") is not None:
            config["temperature"] = float(request.params["temperature"])
        body: dict[str, Any] = {
            "contents": [{"role": "user", "parts": [{"text": request.prompt}]}],
            "generationConfig": config,
        }
        threshold = request.params.get("safety_threshold")
        if threshold:
            body["safetySettings"] = [{"category": c, "threshold": threshold} for c in HARM_CATEGORIES]
        return body

    # -- the call ----------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        return {"x-goog-api-key": self.require_key()}

    async def generate(
        self, request: GenerationRequest, progress: ProgressCallback | None = None
    ) -> GenerationResult:
        resp = await self.send(
            "POST", f"{self.api_url}/models/{request.model}:generateContent",
            headers=self._headers(), json=self.build_body(request),
        )
        if resp.status_code != 200:
            raise self._error(resp)
        body = self.json_body(resp)
        if not isinstance(body, dict):
            raise self.error(ErrorKind.TRANSIENT, "answer is not a JSON object", status=200)
        data, mime, text = self._image_from(body)
        usage = body.get("usageMetadata") if isinstance(body.get("usageMetadata"), dict) else {}
        return GenerationResult(
            images=[GeneratedImage(data=data, mime=mime, seed=request.seed,
                                   info={"text": text} if text else {})],
            cost_units=usage.get("totalTokenCount"),
            info={"aspect_ratio": self.aspect_ratio(request), "image_size": self.image_size(request),
                  "model_version": body.get("modelVersion"), "response_id": body.get("responseId"),
                  "usage": usage, "unit_name": "tokens" if usage else None},
        )

    def _image_from(self, body: dict[str, Any]) -> tuple[bytes, str, str]:
        """(bytes, mime, any text) of the final image, or the typed reason there is none."""
        feedback = body.get("promptFeedback") or {}
        if isinstance(feedback, dict) and feedback.get("blockReason"):
            reason = str(feedback["blockReason"])
            detail = feedback.get("blockReasonMessage") or "the prompt was blocked"
            raise self.error(ErrorKind.CONTENT_REFUSED, f"{detail} ({reason})", status=200, code=reason)
        candidates = body.get("candidates")
        if not isinstance(candidates, list) or not candidates or not isinstance(candidates[0], dict):
            raise self.error(ErrorKind.TRANSIENT, "answer holds no candidates", status=200)
        candidate = candidates[0]
        parts = (candidate.get("content") or {}).get("parts") or []
        text = " ".join(p["text"] for p in parts if isinstance(p, dict) and isinstance(p.get("text"), str)
                        and not p.get("thought")).strip()
        images = [
            p.get("inlineData") or p.get("inline_data")
            for p in parts
            if isinstance(p, dict) and (p.get("inlineData") or p.get("inline_data")) and not p.get("thought")
        ]
        finish = str(candidate.get("finishReason") or "")
        if not images:
            reason = finish if finish in REFUSAL_FINISH else "NO_IMAGE"
            said = f": {text[:200]!r}" if text else ""
            detail = candidate.get("finishMessage") or f"no image in the answer (finishReason {finish or 'none'})"
            raise self.error(ErrorKind.CONTENT_REFUSED, f"{detail}{said}", status=200, code=reason)
        inline = images[-1]  # Gemini 3 may send interim images first
        data = self.decode_b64(inline.get("data") if isinstance(inline, dict) else None)
        mime = require_whole_image(self, data)
        return data, str(inline.get("mimeType") or inline.get("mime_type") or mime), text

    def _error(self, resp: httpx.Response) -> ProviderError:
        try:
            body = resp.json()
        except ValueError:
            body = None
        err = body.get("error") if isinstance(body, dict) else None
        err = err if isinstance(err, dict) else {}
        status_name = str(err.get("status") or "")
        message = str(err.get("message") or resp.text[:200].strip() or f"HTTP {resp.status_code}")
        details = [d for d in err.get("details") or [] if isinstance(d, dict)]
        reasons = {str(d.get("reason")) for d in details if d.get("reason")}
        exc = self.classify_status(resp, message, code=next(iter(reasons), None) or status_name or None)
        if "API_KEY_INVALID" in reasons or status_name in ("UNAUTHENTICATED", "PERMISSION_DENIED"):
            exc.kind = ErrorKind.AUTH
        elif resp.status_code == 429:
            if _quota_is_zero(details):
                exc.kind, exc.code = ErrorKind.QUOTA, "QUOTA_ZERO"
                exc.message = f"{message} (this key has no quota for the model: enable billing)"
            else:
                exc.retry_after = google_retry_delay(body) or parse_retry_after(resp.headers)
        elif status_name == "FAILED_PRECONDITION" and "billing" in message.lower():
            exc.kind = ErrorKind.QUOTA
        return exc

    async def check(self) -> HealthReport:
        async def call() -> dict[str, Any]:
            resp = await self.send("GET", f"{self.api_url}/models", params={"pageSize": 1},
                                   headers=self._headers(), timeout=15)
            if resp.status_code != 200:
                raise self._error(resp)
            try:
                body = resp.json()
            except ValueError:
                body = None
            if not isinstance(body, dict) or not isinstance(body.get("models"), list):
                raise self.error(ErrorKind.BAD_REQUEST, f"{self.api_url}/models is not the Gemini "
                                 "models list; check the base URL", code="wrong_base_url")
            return {"api": self.api_url}

        return await self.timed_check(call)


def _quota_is_zero(details: list[dict[str, Any]]) -> bool:
    """A QuotaFailure whose limit is 0: a free-tier key asking for a paid-only model."""
    for detail in details:
        if str(detail.get("@type", "")).endswith("QuotaFailure"):
            for violation in detail.get("violations") or []:
                if isinstance(violation, dict) and str(violation.get("quotaValue")) == "0":
                    return True
    return False
