"""Stability AI v2beta stable-image generate on loopback, plus `GET /v1/user/balance`.

Wire format: /work/shared/providers.md §3. Insists on multipart/form-data (even without a
file), a Bearer key (the bare key is accepted too, as Stability's own ComfyUI node sends it),
an Accept of image/* or application/json, and valid fields per endpoint; answers 4xx in
Stability's `{id, name, errors}` shape. Spends credits per image (402 when they run out).
Prompts with a `blocked_words` word get 403 content_moderation; with a `filtered_words`
word, a blurred 200 with `finish-reason: CONTENT_FILTERED`.
"""

from __future__ import annotations

import random
import threading
import uuid
from email.parser import BytesParser
from email.policy import HTTP

from tests.fakes.image_samples import b64, sample_image
from tests.fakes.server import FakeRequest, FakeResponse, FakeServer

ASPECT_RATIOS = {"16:9", "1:1", "21:9", "2:3", "3:2", "4:5", "5:4", "9:16", "9:21"}
STYLE_PRESETS = {
    "3d-model", "analog-film", "anime", "cinematic", "comic-book", "digital-art", "enhance", "fantasy-art",
    "isometric", "line-art", "low-poly", "modeling-compound", "neon-punk", "origami", "photographic",
    "pixel-art", "tile-texture",
}
SD3_MODELS = {"sd3.5-large", "sd3.5-large-turbo", "sd3.5-medium", "sd3-large", "sd3-large-turbo", "sd3-medium"}
COMMON_FIELDS = {"prompt", "negative_prompt", "aspect_ratio", "seed", "output_format", "style_preset", "none"}
ENDPOINT_FIELDS = {
    "ultra": COMMON_FIELDS | {"image", "strength"},
    "core": COMMON_FIELDS,
    "sd3": COMMON_FIELDS | {"image", "strength", "model", "mode", "cfg_scale"},
}
CREDITS = {"ultra": 8.0, "core": 3.0, "sd3.5-large": 6.5, "sd3.5-large-turbo": 4.0, "sd3.5-medium": 3.5}
MAX_SEED = 4_294_967_294


def stability_error(status: int, name: str, *errors: str) -> FakeResponse:
    return FakeResponse.json({"id": uuid.uuid4().hex, "name": name, "errors": list(errors)}, status)


def rate_limited() -> FakeResponse:
    return stability_error(429, "rate_limit_exceeded",
                           "You have exceeded the rate limit of 150 requests within a 10 second period, "
                           "and have been timed out for 60 seconds.")


def server_error(status: int = 500) -> FakeResponse:
    return stability_error(status, "internal_error", "An unexpected server error has occurred, please try again later.")


class FakeStability(FakeServer):
    def __init__(self, key: str = "sk-test-stability-0123456789") -> None:
        self.key = key
        self._state = threading.Lock()
        self.reset()
        super().__init__()

    def reset(self) -> None:
        self.credits = 100.0
        self.blocked_words = {"forbidden"}
        self.filtered_words = {"blurme"}
        self.last_fields: dict[str, str] = {}
        if hasattr(self, "requests"):
            with self._lock:
                self.requests.clear()
                self._faults.clear()

    def start(self) -> FakeStability:
        super().start()
        self._httpd.RequestHandlerClass.disable_nagle_algorithm = True
        return self

    def setup_routes(self) -> None:
        self.route("POST", "/v2beta/stable-image/generate/{endpoint}", self._generate)
        self.route("GET", "/v1/user/balance", self._balance)

    def _auth_problem(self, req: FakeRequest) -> FakeResponse | None:
        header = req.header("authorization")
        if not header:
            return stability_error(401, "unauthorized", "authorization: missing header")
        if header.removeprefix("Bearer ") != self.key:
            return stability_error(401, "unauthorized", "Incorrect API key provided")
        return None

    def _generate(self, req: FakeRequest) -> FakeResponse:
        endpoint = req.params["endpoint"]
        if endpoint not in ENDPOINT_FIELDS:
            return stability_error(404, "not_found", f"{req.path} was not found")
        if (problem := self._auth_problem(req)) is not None:
            return problem
        accept = req.header("accept", "image/*")
        if accept not in ("image/*", "application/json"):
            return stability_error(400, "bad_request", "accept: must be either image/* or application/json")
        fields, problem = _form_fields(req)
        if problem:
            return stability_error(400, "bad_request", problem)
        if (problem := _field_problem(endpoint, fields)) is not None:
            return stability_error(400, "bad_request", problem)
        model = fields.get("model", "sd3.5-large") if endpoint == "sd3" else endpoint
        cost = CREDITS.get(model, 6.5)
        prompt = fields["prompt"].lower()
        if any(word in prompt for word in self.blocked_words):
            return stability_error(403, "content_moderation",
                                   "Your request was flagged by our content moderation system, as a result "
                                   "your request was denied and you were not charged.")
        with self._state:
            if self.credits < cost:
                return stability_error(402, "payment_required",
                                       "You lack sufficient credits to make this request. Please purchase "
                                       "more credits at https://platform.stability.ai/account/credits and try again.")
            self.credits -= cost
            self.last_fields = fields
        seed = int(fields.get("seed", "0")) or random.randint(1, MAX_SEED)
        fmt = fields.get("output_format", "png")
        filtered = any(word in prompt for word in self.filtered_words)
        finish = "CONTENT_FILTERED" if filtered else "SUCCESS"
        image = sample_image(fmt, (128, 128, 128) if filtered else (60, 90, 200))
        if accept == "application/json":
            return FakeResponse.json({"image": b64(image), "finish_reason": finish, "seed": seed},
                                     x_request_id=uuid.uuid4().hex)
        return FakeResponse.raw(image, f"image/{fmt}", finish_reason=finish, seed=str(seed),
                                x_request_id=uuid.uuid4().hex)

    def _balance(self, req: FakeRequest) -> FakeResponse:
        if (problem := self._auth_problem(req)) is not None:
            return problem
        return FakeResponse.json({"credits": self.credits})


def _form_fields(req: FakeRequest) -> tuple[dict[str, str], str | None]:
    """The multipart form's text fields, or why the body is not multipart/form-data."""
    content_type = req.header("content-type")
    if not content_type.startswith("multipart/form-data"):
        return {}, f"content-type: must be multipart/form-data (got {content_type or 'none'})"
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + req.body
    )
    if not message.is_multipart():
        return {}, "body: not a valid multipart/form-data body"
    fields: dict[str, str] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name:
            fields[str(name)] = part.get_payload(decode=True).decode("utf-8")
    return fields, None


def _field_problem(endpoint: str, fields: dict[str, str]) -> str | None:
    for name in fields:
        if name not in ENDPOINT_FIELDS[endpoint]:
            return f"{name}: is not a parameter of the {endpoint} endpoint"
    prompt = fields.get("prompt", "")
    if not 1 <= len(prompt) <= 10000:
        return "prompt: cannot be empty" if not prompt else "prompt: must be at most 10000 characters"
    if len(fields.get("negative_prompt", "")) > 10000:
        return "negative_prompt: must be at most 10000 characters"
    if fields.get("aspect_ratio", "1:1") not in ASPECT_RATIOS:
        return f"aspect_ratio: must be one of {', '.join(sorted(ASPECT_RATIOS))}"
    seed = fields.get("seed", "0")
    if not seed.isdigit() or int(seed) > MAX_SEED:
        return f"seed: must be an integer between 0 and {MAX_SEED}"
    formats = {"png", "jpeg"} if endpoint == "sd3" else {"png", "jpeg", "webp"}
    if fields.get("output_format", "png") not in formats:
        return f"output_format: must be one of {', '.join(sorted(formats))}"
    if "style_preset" in fields and fields["style_preset"] not in STYLE_PRESETS:
        return "style_preset: invalid value"
    if endpoint == "sd3":
        if fields.get("model", "sd3.5-large") not in SD3_MODELS:
            return f"model: must be one of {', '.join(sorted(SD3_MODELS))}"
        if fields.get("mode", "text-to-image") not in ("text-to-image", "image-to-image"):
            return "mode: must be text-to-image or image-to-image"
        try:
            cfg = float(fields.get("cfg_scale", "4"))
        except ValueError:
            return "cfg_scale: must be a number"
        if not 1 <= cfg <= 10:
            return "cfg_scale: must be between 1 and 10"
    return None
