"""Leonardo.Ai REST v1 on loopback: generations that complete, fail or stay PENDING, an API
credit balance that runs out, Hasura-style errors for bad keys, bad fields and moderation.

Wire format: /work/shared/providers.md §5. HTTP statuses of Leonardo's errors are not
documented; this fake uses 401 for key problems and 400 otherwise [inf], and the adapter keys
off the error code and message rather than the status.
"""

from __future__ import annotations

import re
import threading
import uuid
from dataclasses import dataclass
from typing import Any

from tests.fakes.server import FakeRequest, FakeResponse, FakeServer, tiny_png

KNOWN_MODELS = {
    "de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3", "b2614463-296c-462a-9586-aafdb8f00e36",
    "1dd50843-d653-4516-a8e3-f0238ee453ff", "aa77f04e-3eec-4034-9c07-d0f619684628",
    "b24e16ff-06e3-43eb-8d33-4416c2d75876", "5c232a9e-9061-4777-980a-ddc8e65647c6",
    "1e60896f-3c26-4296-8ecc-53e2afecc132",
}
SNAKE = {"prompt", "negative_prompt", "num_images", "width", "height", "seed", "guidance_scale",
         "num_inference_steps", "scheduler", "init_image_id", "init_strength", "sd_version",
         "public", "tiling", "transparency", "ultra", "alchemy", "controlnets", "elements"}
CAMEL = {"modelId", "presetStyle", "photoReal", "photoRealVersion", "photoRealStrength",
         "promptMagic", "enhancePrompt", "contrastRatio", "imagePrompts", "contrast"}
PRESETS = {"ANIME", "BOKEH", "CINEMATIC", "CINEMATIC_CLOSEUP", "CREATIVE", "DYNAMIC",
           "ENVIRONMENT", "FASHION", "FILM", "FOOD", "GENERAL", "HDR", "ILLUSTRATION", "LEONARDO",
           "LONG_EXPOSURE", "MACRO", "MINIMALISTIC", "MONOCHROME", "MOODY", "NONE", "NEUTRAL",
           "PHOTOGRAPHY", "PORTRAIT", "RAYTRACED", "RENDER_3D", "RETRO", "SKETCH_BW",
           "SKETCH_COLOR", "STOCK_PHOTO", "VIBRANT", "UNPROCESSED"}
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
OUTCOMES = {"succeed", "fail", "never"}


@dataclass
class Generation:
    id: str
    body: dict[str, Any]
    outcome: str
    polls_before_done: int
    seed: int
    polls: int = 0
    status: str = "PENDING"


class FakeLeonardo(FakeServer):
    def __init__(self, api_key: str = "5b3c0e3a-2f5c-4c7e-9a3b-6a0f4d1e2c11") -> None:
        self.api_key = api_key
        self.image = tiny_png(color=(120, 20, 160))
        self._state = threading.Lock()
        self.reset()
        super().__init__()

    def reset(self) -> None:
        self.generations: dict[str, Generation] = {}
        self.subscription_tokens = 3500
        self.paid_tokens = 0
        self.outcome = "succeed"
        self.polls_before_done = 1
        self.null_first_poll = False  # generations_by_pk is null right after creation
        self.blocked_words = {"gore"}
        self.rate_limited = False
        if hasattr(self, "requests"):
            with self._lock:
                self.requests.clear()
                self._faults.clear()

    def start(self) -> FakeLeonardo:
        super().start()
        self._httpd.RequestHandlerClass.disable_nagle_algorithm = True  # no 40 ms ACK stalls
        return self

    def script(self, outcome: str, polls_before_done: int = 1) -> None:
        assert outcome in OUTCOMES, outcome
        self.outcome, self.polls_before_done = outcome, polls_before_done

    def setup_routes(self) -> None:
        self.route("POST", "/api/rest/v1/generations", self._create)
        self.route("GET", "/api/rest/v1/generations/{gid}", self._get)
        self.route("GET", "/api/rest/v1/me", self._me)
        self.route("GET", "/cdn/generations/{gid}/{name}", self._cdn)

    @property
    def base_url(self) -> str:
        return f"{self.url}/api/rest/v1"

    def _refuse(self, req: FakeRequest) -> FakeResponse | None:
        scheme, _, key = req.header("authorization").partition(" ")
        if scheme.lower() != "bearer" or not UUID.match(key):
            return _hasura(401, "Invalid response from authorization hook", "unexpected")
        if key != self.api_key:
            return _hasura(401, "Authentication hook unauthorized this request", "access-denied")
        return None

    def _create(self, req: FakeRequest) -> FakeResponse:
        refused = self._refuse(req)
        if refused:
            return refused
        if self.rate_limited:
            return FakeResponse.json({"error": "Too many requests, slow down", "path": "$",
                                      "code": "rate-limited"}, 429, retry_after="2")
        try:
            body = req.json()
        except ValueError:
            return _hasura(400, "invalid json", "invalid-json")
        problem = _invalid(body)
        if problem:
            return _hasura(400, problem[0], "validation-failed", problem[1])
        if any(word in body["prompt"].lower() for word in self.blocked_words):
            return _hasura(400, "Your prompt was flagged by our content moderation filter",
                           "unexpected")
        cost = 8 * int(body.get("num_images", 4)) * (2 if body.get("alchemy") else 1)
        with self._state:
            if self.subscription_tokens + self.paid_tokens < cost:
                return _hasura(400, "Not enough API tokens to complete this request", "unexpected")
            self.subscription_tokens -= cost
            gen = Generation(str(uuid.uuid4()), body, self.outcome, self.polls_before_done,
                             int(body.get("seed") or 123456789))
            self.generations[gen.id] = gen
        return FakeResponse.json({"sdGenerationJob": {"generationId": gen.id,
                                                      "apiCreditCost": cost}})

    def _get(self, req: FakeRequest) -> FakeResponse:
        refused = self._refuse(req)
        if refused:
            return refused
        with self._state:
            gen = self.generations.get(req.params["gid"])
            if gen is None:
                return FakeResponse.json({"generations_by_pk": None})
            gen.polls += 1
            if gen.polls == 1 and self.null_first_poll:
                return FakeResponse.json({"generations_by_pk": None})
            if gen.status == "PENDING" and gen.outcome != "never" and gen.polls > gen.polls_before_done:
                gen.status = "COMPLETE" if gen.outcome == "succeed" else "FAILED"
        body = gen.body
        images = [] if gen.status != "COMPLETE" else [
            {"id": str(uuid.uuid4()), "url": f"{self.url}/cdn/generations/{gen.id}/Default_{n}.png",
             "nsfw": False, "likeCount": 0, "motionMP4URL": None,
             "generated_image_variation_generics": []}
            for n in range(int(body.get("num_images", 4)))
        ]
        return FakeResponse.json({"generations_by_pk": {
            "id": gen.id, "status": gen.status, "generated_images": images,
            "modelId": body.get("modelId"), "prompt": body["prompt"],
            "negativePrompt": body.get("negative_prompt", ""),
            "imageWidth": body.get("width", 1024), "imageHeight": body.get("height", 768),
            "inferenceSteps": body.get("num_inference_steps", 15), "seed": gen.seed,
            "presetStyle": body.get("presetStyle"), "guidanceScale": body.get("guidance_scale", 7),
            "createdAt": "2026-08-21T10:00:00.000", "sdVersion": "PHOENIX",
            "public": body.get("public", False),
        }})

    def _me(self, req: FakeRequest) -> FakeResponse:
        return self._refuse(req) or FakeResponse.json({"user_details": [{
            "user": {"id": "3c6f0b44-0000-4000-8000-000000000001", "username": "designer"},
            "apiSubscriptionTokens": self.subscription_tokens, "apiPaidTokens": self.paid_tokens,
            "apiConcurrencySlots": 10, "tokenRenewalDate": "2026-09-01T00:00:00.000Z",
        }]})

    def _cdn(self, req: FakeRequest) -> FakeResponse:
        gen = self.generations.get(req.params["gid"])
        if gen is None or gen.status != "COMPLETE":
            return FakeResponse.raw(b"<Error><Code>NoSuchKey</Code></Error>", "application/xml", 404)
        return FakeResponse.raw(self.image, "image/png")


def _invalid(body: Any) -> tuple[str, str] | None:
    if not isinstance(body, dict):
        return "expected an object", "$"
    for key in body:
        if key not in SNAKE and key not in CAMEL:
            return f'field "{key}" not found in type: \'SdGenerationInput\'', f"$.args.{key}"
    if not isinstance(body.get("prompt"), str) or not body["prompt"]:
        return 'expecting a value for non-nullable variable: "prompt"', "$.args.prompt"
    if "modelId" in body and body["modelId"] not in KNOWN_MODELS:
        return f"model {body['modelId']} not found", "$.args.modelId"
    for side in ("width", "height"):
        value = body.get(side, 1024)
        if not isinstance(value, int) or not 32 <= value <= 1536 or value % 8:
            return f"{side} must be a multiple of 8 between 32 and 1536", f"$.args.{side}"
    if not 1 <= int(body.get("num_images", 4)) <= 8:
        return "num_images must be between 1 and 8", "$.args.num_images"
    if body.get("presetStyle") is not None and body["presetStyle"] not in PRESETS:
        return f"unexpected value {body['presetStyle']!r} for enum 'sd_generation_style_enum'", \
            "$.args.presetStyle"
    return None


def _hasura(status: int, error: str, code: str, path: str = "$") -> FakeResponse:
    return FakeResponse.json({"error": error, "path": path, "code": code}, status)
