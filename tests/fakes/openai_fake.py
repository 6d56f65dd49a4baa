"""OpenAI Images on loopback: `POST /v1/images/generations` and `GET /v1/models`.

Wire format: /work/shared/providers.md §1 and tests/contracts/openai/. Checks the request like
the real service (Bearer key, JSON body, known parameters and models, sizes per model,
quality values) and answers 4xx in OpenAI's error shape when it is wrong. Prompts holding a
word from `blocked_words` get the GPT-image moderation 400. Failure builders below script
429s, 5xx, broken JSON and broken base64. Point OPENAI_BASE_URL at `fake.base_url`.
"""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any

from tests.fakes.image_samples import b64, broken_b64, cut_image_b64, sample_image
from tests.fakes.server import FakeRequest, FakeResponse, FakeServer

GPT_MODELS = {"gpt-image-1", "gpt-image-1.5", "gpt-image-1-mini", "gpt-image-2", "gpt-image-2-2026-04-21"}
GPT_SIZES = {"auto", "1024x1024", "1536x1024", "1024x1536"}
KNOWN_PARAMS = {
    "prompt", "model", "n", "quality", "response_format", "output_format", "output_compression",
    "stream", "partial_images", "size", "moderation", "background", "style", "user",
}
# Image output tokens per (quality, size), from OpenAI's image token table.
OUTPUT_TOKENS = {
    ("low", "1024x1024"): 272, ("medium", "1024x1024"): 1056, ("high", "1024x1024"): 4160,
    ("low", "1536x1024"): 408, ("medium", "1536x1024"): 1584, ("high", "1536x1024"): 6240,
}


def error(status: int, message: str, type_: str = "invalid_request_error", param: str | None = None,
          code: str | None = None, **headers: str) -> FakeResponse:
    body = {"error": {"message": message, "type": type_, "param": param, "code": code}}
    return FakeResponse.json(body, status, x_request_id=f"req_{uuid.uuid4().hex[:24]}", **headers)


# -- failure builders for fail_next ----------------------------------------------------
def rate_limited(retry_after: str | None = None, retry_after_ms: str | None = None,
                 remaining_requests: str = "0", reset_requests: str = "1s",
                 remaining_tokens: str = "25000", reset_tokens: str = "6m0s") -> FakeResponse:
    headers = {
        "x_ratelimit_limit_requests": "5", "x_ratelimit_remaining_requests": remaining_requests,
        "x_ratelimit_reset_requests": reset_requests, "x_ratelimit_limit_tokens": "100000",
        "x_ratelimit_remaining_tokens": remaining_tokens, "x_ratelimit_reset_tokens": reset_tokens,
    }
    if retry_after is not None:
        headers["retry_after"] = retry_after
    if retry_after_ms is not None:
        headers["retry_after_ms"] = retry_after_ms
    return error(429, "Rate limit reached for gpt-image-1 in organization org-test on requests per "
                 "min (RPM): Limit 5, Used 5, Requested 1.", "requests", None, "rate_limit_exceeded", **headers)


def insufficient_quota() -> FakeResponse:
    return error(429, "You exceeded your current quota, please check your plan and billing details.",
                 "insufficient_quota", None, "insufficient_quota")


def moderation_blocked(stage: str = "input") -> FakeResponse:
    body = {"error": {
        "message": "Your request was rejected by the safety system. If you believe this is an "
                   "error, contact us at help.openai.com and include the request ID req_x.",
        "type": "image_generation_user_error", "param": None, "code": "moderation_blocked",
        "moderation_details": {"moderation_stage": stage, "categories": ["violence"]},
    }}
    return FakeResponse.json(body, 400)


def content_policy_violation() -> FakeResponse:
    return error(400, "Your request was rejected as a result of our safety system. Your prompt "
                 "may contain text that is not allowed by our safety system.",
                 "invalid_request_error", None, "content_policy_violation")


def server_error(status: int = 500) -> FakeResponse:
    messages = {500: "The server had an error while processing your request. Sorry about that!",
                502: "Bad gateway.", 503: "The engine is currently overloaded, please try again later"}
    return error(status, messages.get(status, "Server error"), "server_error")


def invalid_json() -> FakeResponse:
    return FakeResponse.raw(b'{"created": 1713833628, "data": [{"b64_json": "iVBOR', "application/json")


class FakeOpenAI(FakeServer):
    def __init__(self, key: str = "sk-test-openai-0123456789") -> None:
        self.key = key
        self._state = threading.Lock()
        self.reset()
        super().__init__()

    @property
    def base_url(self) -> str:
        return f"{self.url}/v1"

    def reset(self) -> None:
        """A fresh account: one server per test module, reset per test."""
        self.quota_exhausted = False
        self.blocked_words = {"forbidden"}
        self.models = sorted(GPT_MODELS | {"dall-e-3", "gpt-4o"})
        if hasattr(self, "requests"):
            with self._lock:
                self.requests.clear()
                self._faults.clear()

    def start(self) -> FakeOpenAI:
        super().start()
        self._httpd.RequestHandlerClass.disable_nagle_algorithm = True  # no 40 ms ACK waits
        return self

    def setup_routes(self) -> None:
        self.route("POST", "/v1/images/generations", self._generate)
        self.route("GET", "/v1/models", self._models)

    # -- scripted bodies that need the request --------------------------------------------
    def truncated_b64(self, aligned: bool = False) -> FakeResponse:
        """A 200 whose image base64 is cut: mid-quantum (does not decode) or on a quantum
        boundary (decodes to half a PNG)."""
        png = sample_image("png")
        data = cut_image_b64(png) if aligned else broken_b64(png)
        return FakeResponse.json({"created": int(time.time()), "data": [{"b64_json": data}]})

    # -- routes ------------------------------------------------------------------------
    def _auth_error(self, req: FakeRequest) -> FakeResponse | None:
        header = req.header("authorization")
        if not header:
            return error(401, "You didn't provide an API key. You need to provide your API key in "
                         "an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).")
        if header != f"Bearer {self.key}":
            shown = header.removeprefix("Bearer ")
            return error(401, f"Incorrect API key provided: {shown[:3]}***{shown[-2:]}. You can find "
                         "your API key at https://platform.openai.com/account/api-keys.",
                         code="invalid_api_key")
        return None

    def _generate(self, req: FakeRequest) -> FakeResponse:
        if (problem := self._auth_error(req)) is not None:
            return problem
        if self.quota_exhausted:  # listing models still works on an empty account
            return insufficient_quota()
        if not req.header("content-type").startswith("application/json"):
            return error(400, "Invalid Content-Type header (expected application/json)")
        try:
            body = req.json()
        except ValueError:
            return error(400, "We could not parse the JSON body of your request.")
        if not isinstance(body, dict):
            return error(400, "The request body must be a JSON object.")
        if (problem := self._check_body(body)) is not None:
            return problem
        prompt = body["prompt"]
        if any(word in prompt.lower() for word in self.blocked_words):
            return moderation_blocked("input")
        fmt = body.get("output_format") or "png"
        quality = body.get("quality") or "auto"
        quality = "medium" if quality == "auto" else quality
        size = body.get("size") or "1024x1024"
        size = "1024x1024" if size == "auto" else size
        out_tokens = OUTPUT_TOKENS.get((quality, size), OUTPUT_TOKENS.get((quality, "1536x1024"), 1056))
        in_tokens = max(1, len(prompt.split()))
        image = b64(sample_image(fmt))
        answer = {
            "created": int(time.time()),
            "data": [{"b64_json": image} for _ in range(int(body.get("n") or 1))],
            "background": "transparent" if body.get("background") == "transparent" else "opaque",
            "output_format": fmt,
            "size": size,
            "quality": quality,
            "usage": {"total_tokens": in_tokens + out_tokens, "input_tokens": in_tokens,
                      "output_tokens": out_tokens,
                      "input_tokens_details": {"text_tokens": in_tokens, "image_tokens": 0}},
        }
        return FakeResponse.json(answer, x_request_id=f"req_{uuid.uuid4().hex[:24]}",
                                 openai_processing_ms="1234", x_ratelimit_remaining_requests="4")

    def _check_body(self, body: dict[str, Any]) -> FakeResponse | None:
        for name in body:
            if name not in KNOWN_PARAMS:
                return error(400, f"Unknown parameter: '{name}'.", param=name, code="unknown_parameter")
        prompt = body.get("prompt")
        if not isinstance(prompt, str) or not prompt:
            return error(400, "Missing required parameter: 'prompt'.", param="prompt",
                         code="missing_required_parameter")
        model = body.get("model") or "dall-e-2"
        if model not in GPT_MODELS:
            return error(404, f"The model `{model}` does not exist or you do not have access to it.",
                         code="model_not_found")
        if len(prompt) > 32000:
            return error(400, "Invalid 'prompt': string too long.", param="prompt", code="string_above_max_length")
        n = body.get("n", 1)
        if not isinstance(n, int) or not 1 <= n <= 10:
            return error(400, f"Invalid 'n': integer between 1 and 10 expected, got {n!r}.", param="n",
                         code="invalid_value")
        size = body.get("size", "auto")
        if model.startswith("gpt-image-2"):
            if not _gpt_image_2_size_ok(size):
                return error(400, f"Invalid size '{size}' for {model}.", param="size", code="invalid_value")
        elif size not in GPT_SIZES:
            return error(400, f"Invalid value: '{size}'. Supported values are: '1024x1024', "
                         "'1024x1536', '1536x1024', and 'auto'.", param="size", code="invalid_value")
        checks = {"quality": {"auto", "low", "medium", "high"}, "output_format": {"png", "jpeg", "webp"},
                  "background": {"auto", "opaque", "transparent"}, "moderation": {"auto", "low"}}
        for name, allowed in checks.items():
            if name in body and body[name] not in allowed:
                return error(400, f"Invalid value: '{body[name]}'. Supported values are: "
                             f"{', '.join(sorted(allowed))}.", param=name, code="invalid_value")
        if "response_format" in body:
            return error(400, f"Unknown parameter: 'response_format' is not supported for {model}.",
                         param="response_format", code="unknown_parameter")
        compression = body.get("output_compression")
        if compression is not None and (not isinstance(compression, int) or not 0 <= compression <= 100):
            return error(400, "Invalid 'output_compression': integer between 0 and 100 expected.",
                         param="output_compression", code="invalid_value")
        if body.get("background") == "transparent" and body.get("output_format") == "jpeg":
            return error(400, "Transparent background is not supported for jpeg output.",
                         param="background", code="invalid_value")
        return None

    def _models(self, req: FakeRequest) -> FakeResponse:
        if (problem := self._auth_error(req)) is not None:
            return problem
        data = [{"id": m, "object": "model", "created": 1698785189, "owned_by": "system"} for m in self.models]
        return FakeResponse.json({"object": "list", "data": data})


def _gpt_image_2_size_ok(size: Any) -> bool:
    if size == "auto":
        return True
    try:
        w, h = (int(v) for v in str(size).split("x"))
    except ValueError:
        return False
    return w % 16 == 0 and h % 16 == 0 and max(w, h) <= 3840 and max(w, h) / min(w, h) <= 3
