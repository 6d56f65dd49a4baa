"""Gemini API (generateContent image models) on loopback, under /v1beta and /v1.

Wire format: /work/shared/providers.md §2A. Checks `x-goog-api-key` (a wrong key is HTTP 400
API_KEY_INVALID, a missing one 403), the model, and the JSON body field by field the way
Google's proto parser does ("Unknown name ..." for a misspelt field, INVALID_ARGUMENT for a
bad aspect ratio or size tier). Refusals come back as HTTP 200 without an image, explained
by finishReason or promptFeedback.blockReason; builders below script them, 429
RESOURCE_EXHAUSTED with RetryInfo, and server errors. Point GEMINI_BASE_URL at `fake.url`
(a host without version: the adapter adds /v1beta) or `fake.url + "/v1"`.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from tests.fakes.image_samples import b64, sample_image
from tests.fakes.server import FakeRequest, FakeResponse, FakeServer

MODELS = {"gemini-2.5-flash-image", "gemini-3.1-flash-image-preview", "gemini-3.1-flash-image",
          "gemini-3-pro-image-preview"}
ONE_TIER_MODELS = {"gemini-2.5-flash-image"}  # [weak] assumed to refuse imageSize
ASPECT_RATIOS = {"1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"}
IMAGE_SIZES = {"1K", "2K", "4K"}
TOP_FIELDS = {"contents", "generationConfig", "generation_config", "safetySettings", "safety_settings",
              "systemInstruction", "system_instruction", "tools", "toolConfig", "cachedContent"}
CONFIG_FIELDS = {"responseModalities", "candidateCount", "imageConfig", "seed", "temperature", "topP",
                 "topK", "maxOutputTokens", "stopSequences", "responseMimeType", "thinkingConfig"}
THRESHOLDS = {"BLOCK_LOW_AND_ABOVE", "BLOCK_MEDIUM_AND_ABOVE", "BLOCK_ONLY_HIGH", "BLOCK_NONE", "OFF"}
CATEGORIES = {"HARM_CATEGORY_HARASSMENT", "HARM_CATEGORY_HATE_SPEECH", "HARM_CATEGORY_SEXUALLY_EXPLICIT",
              "HARM_CATEGORY_DANGEROUS_CONTENT", "HARM_CATEGORY_CIVIC_INTEGRITY"}
RPC = "type.googleapis.com/google.rpc."


def google_error(code: int, status: str, message: str, details: list[dict[str, Any]] | None = None) -> FakeResponse:
    error: dict[str, Any] = {"code": code, "message": message, "status": status}
    if details:
        error["details"] = details
    return FakeResponse.json({"error": error}, code)


def invalid_argument(message: str) -> FakeResponse:
    return google_error(400, "INVALID_ARGUMENT", message)


def api_key_invalid() -> FakeResponse:
    return google_error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", [
        {"@type": RPC + "ErrorInfo", "reason": "API_KEY_INVALID", "domain": "googleapis.com",
         "metadata": {"service": "generativelanguage.googleapis.com"}},
        {"@type": RPC + "LocalizedMessage", "locale": "en-US", "message": "API key not valid. Please pass a valid API key."},
    ])


def resource_exhausted(retry_delay: str = "19s", quota_value: str = "10") -> FakeResponse:
    """429 as captured from the service: QuotaFailure, Help and RetryInfo details."""
    return google_error(429, "RESOURCE_EXHAUSTED",
                        "You exceeded your current quota, please check your plan and billing details.", [
        {"@type": RPC + "QuotaFailure", "violations": [{
            "quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
            "quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
            "quotaDimensions": {"location": "global", "model": "gemini-2.5-flash-image"},
            "quotaValue": quota_value}]},
        {"@type": RPC + "Help", "links": [{"description": "Learn more about Gemini API quotas",
                                           "url": "https://ai.google.dev/gemini-api/docs/rate-limits"}]},
        {"@type": RPC + "RetryInfo", "retryDelay": retry_delay},
    ])


def server_error(status: int = 500) -> FakeResponse:
    names = {500: ("INTERNAL", "An internal error has occurred. Please retry or report in "
                   "https://developers.generativeai.google/guide/troubleshooting"),
             503: ("UNAVAILABLE", "The model is overloaded. Please try again later."),
             504: ("DEADLINE_EXCEEDED", "Deadline expired before operation could complete.")}
    name, message = names.get(status, ("UNKNOWN", "Server error"))
    return google_error(status, name, message)


def _answer(parts: list[dict[str, Any]] | None, finish: str | None, feedback: dict[str, Any] | None = None,
            finish_message: str | None = None) -> FakeResponse:
    body: dict[str, Any] = {
        "usageMetadata": {"promptTokenCount": 9, "candidatesTokenCount": 1290, "totalTokenCount": 1299},
        "modelVersion": "gemini-2.5-flash-image", "responseId": uuid.uuid4().hex[:22],
    }
    if parts is not None or finish:
        candidate: dict[str, Any] = {"content": {"role": "model", "parts": parts or []}, "index": 0}
        if finish:
            candidate["finishReason"] = finish
        if finish_message:
            candidate["finishMessage"] = finish_message
        body["candidates"] = [candidate]
    if feedback:
        body["promptFeedback"] = feedback
    return FakeResponse.json(body)


def finish_without_image(reason: str = "IMAGE_SAFETY", message: str | None = None) -> FakeResponse:
    """HTTP 200, a candidate with no parts and a refusal finishReason."""
    return _answer(None, reason, finish_message=message)


def prompt_blocked(reason: str = "PROHIBITED_CONTENT") -> FakeResponse:
    """HTTP 200 with no candidates at all, only promptFeedback.blockReason."""
    return _answer(None, None, {"blockReason": reason, "safetyRatings": []})


def text_only(text: str = "I can't create that image, but here is a description instead.") -> FakeResponse:
    return _answer([{"text": text}], "STOP")


class FakeGemini(FakeServer):
    def __init__(self, key: str = "AIzaSy-test-gemini-key") -> None:
        self.key = key
        self.reset()
        super().__init__()

    def reset(self) -> None:
        self.image = sample_image("png", (240, 180, 30))
        self.interim_image = sample_image("png", (10, 10, 10))
        self.send_interim = False  # Gemini 3 "thinking" sends a draft image first
        self.blocked_words = {"forbidden"}  # prompts with these get promptFeedback SAFETY
        if hasattr(self, "requests"):
            with self._lock:
                self.requests.clear()
                self._faults.clear()

    def start(self) -> FakeGemini:
        super().start()
        self._httpd.RequestHandlerClass.disable_nagle_algorithm = True
        return self

    def setup_routes(self) -> None:
        self.route("POST", "/{version}/models/{model}:generateContent", self._generate)
        self.route("GET", "/{version}/models", self._list_models)

    def _key_problem(self, req: FakeRequest) -> FakeResponse | None:
        if req.params.get("version") not in ("v1", "v1beta"):
            return FakeResponse.raw(b"<html><body>404. That's an error.</body></html>", "text/html", 404)
        key = req.header("x-goog-api-key") or (req.query.get("key") or [""])[0]
        if not key:
            return google_error(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers "
                                "(callers without established identity). Please use API Key or other "
                                "form of API consumer identity to call this API.")
        if key != self.key:
            return api_key_invalid()
        return None

    def _generate(self, req: FakeRequest) -> FakeResponse:
        if (problem := self._key_problem(req)) is not None:
            return problem
        model = req.params["model"]
        if model not in MODELS:
            return google_error(404, "NOT_FOUND", f"models/{model} is not found for API version "
                                f"{req.params['version']}, or is not supported for generateContent.")
        try:
            body = req.json()
        except ValueError:
            return invalid_argument("Invalid JSON payload received. Unexpected token.")
        if not isinstance(body, dict):
            return invalid_argument("Invalid JSON payload received. Expected an object.")
        problem, prompt, modalities = _check_body(model, body)
        if problem is not None:
            return problem
        if any(word in prompt.lower() for word in self.blocked_words):
            return prompt_blocked("SAFETY")
        if "IMAGE" not in modalities:
            return text_only("Here is a description of the image you asked for.")
        parts: list[dict[str, Any]] = []
        if "TEXT" in modalities:
            parts.append({"text": "Here is your image."})
        if self.send_interim:
            parts.append({"inlineData": {"mimeType": "image/png", "data": b64(self.interim_image)},
                          "thought": True})
        parts.append({"inlineData": {"mimeType": "image/png", "data": b64(self.image)}})
        return _answer(parts, "STOP")

    def _list_models(self, req: FakeRequest) -> FakeResponse:
        if (problem := self._key_problem(req)) is not None:
            return problem
        size = (req.query.get("pageSize") or ["50"])[0]
        if not size.isdigit():
            return invalid_argument(f"Invalid value at 'page_size' (TYPE_INT32), \"{size}\"")
        names = sorted(MODELS)[: int(size) or 50]
        models = [{"name": f"models/{m}", "version": "2.0", "displayName": m, "inputTokenLimit": 32768,
                   "outputTokenLimit": 32768, "supportedGenerationMethods": ["generateContent", "countTokens"]}
                  for m in names]
        return FakeResponse.json({"models": models, "nextPageToken": f"tok{int(time.time())}"})


def _check_body(model: str, body: dict[str, Any]) -> tuple[FakeResponse | None, str, list[str]]:
    """(error, prompt, response modalities) after checking the body like the proto parser."""
    for name in body:
        if name not in TOP_FIELDS:
            return invalid_argument(f'Invalid JSON payload received. Unknown name "{name}": Cannot find field.'), "", []
    contents = body.get("contents")
    if not isinstance(contents, list) or not contents:
        return invalid_argument("* GenerateContentRequest.contents: contents is not specified"), "", []
    texts = [p.get("text") for c in contents if isinstance(c, dict) for p in c.get("parts") or []
             if isinstance(p, dict) and isinstance(p.get("text"), str)]
    if not texts or not all(texts):
        return invalid_argument("* GenerateContentRequest.contents[0].parts: contents.parts must not be empty."), "", []
    config = body.get("generationConfig") or body.get("generation_config") or {}
    for name in config:
        if name not in CONFIG_FIELDS:
            return invalid_argument(f'Invalid JSON payload received. Unknown name "{name}" at '
                                    f"'generation_config': Cannot find field."), "", []
    modalities = config.get("responseModalities") or ["TEXT"]
    if not isinstance(modalities, list) or any(m not in ("TEXT", "IMAGE") for m in modalities):
        return invalid_argument(f"Invalid value at 'generation_config.response_modalities': {modalities!r}"), "", []
    if "seed" in config and not isinstance(config["seed"], int):
        return invalid_argument(f"Invalid value at 'generation_config.seed' (TYPE_INT32), {config['seed']!r}"), "", []
    if config.get("candidateCount", 1) != 1:
        return invalid_argument("Multiple candidates is not enabled for this model."), "", []
    image_config = config.get("imageConfig") or {}
    for name, value in image_config.items():
        if name == "aspectRatio" and value not in ASPECT_RATIOS:
            return invalid_argument(f"* GenerateContentRequest.generation_config.image_config.aspect_ratio: "
                                    f"unsupported aspect ratio {value!r}"), "", []
        if name == "imageSize" and (value not in IMAGE_SIZES or model in ONE_TIER_MODELS):
            return invalid_argument(f"* GenerateContentRequest.generation_config.image_config.image_size: "
                                    f"{value!r} is not supported for {model}"), "", []
        if name not in ("aspectRatio", "imageSize"):
            return invalid_argument(f'Invalid JSON payload received. Unknown name "{name}" at '
                                    "'generation_config.image_config': Cannot find field."), "", []
    for setting in body.get("safetySettings") or []:
        if setting.get("category") not in CATEGORIES or setting.get("threshold") not in THRESHOLDS:
            return invalid_argument(f"Invalid safety setting {setting!r}"), "", []
    return None, " ".join(texts), list(modalities)
