"""Hugging Face router (hf-inference text-to-image) and Hub whoami on one loopback port.

Wire format: /work/shared/providers.md §7. Checks the Bearer token, the JSON body (`inputs`
string, known `parameters` only, no nulls: the official client drops them, so a null means
an adapter bug) and which models are served; answers raw image bytes, or `{"error": ...}`
with `X-Error-Code` / `X-Error-Message` headers: 401 bad token, 402 monthly credits used up,
404 model not served, 503 model loading with `estimated_time`. Point HF_BASE_URL (and the
Hub, HF_HUB_BASE_URL) at `fake.url`.
"""

from __future__ import annotations

import uuid
from typing import Any

from tests.fakes.image_samples import sample_image
from tests.fakes.server import FakeRequest, FakeResponse, FakeServer

SERVED = {"black-forest-labs/FLUX.1-schnell", "black-forest-labs/FLUX.1-dev",
          "stabilityai/stable-diffusion-xl-base-1.0", "stabilityai/stable-diffusion-3.5-large"}
PARAMETERS = {"negative_prompt": str, "height": int, "width": int, "num_inference_steps": int,
              "guidance_scale": (int, float), "scheduler": str, "seed": int}


def hf_error(status: int, message: str, code: str | None = None, **extra: Any) -> FakeResponse:
    headers = {"x_error_message": message, "x_request_id": f"Root=1-{uuid.uuid4().hex[:24]}"}
    if code:
        headers["x_error_code"] = code
    return FakeResponse.json({"error": message, **extra}, status, **headers)


def model_loading(model: str = "black-forest-labs/FLUX.1-dev", estimated_time: float | None = 20.0) -> FakeResponse:
    extra = {"estimated_time": estimated_time} if estimated_time is not None else {}
    return hf_error(503, f"Model {model} is currently loading", **extra)


def rate_limited(retry_after: str | None = None) -> FakeResponse:
    resp = hf_error(429, "Rate limit reached. You reached free usage limit (reset hourly). "
                    "Please subscribe to a plan at https://huggingface.co/pricing to use the API at this rate")
    if retry_after is not None:
        resp.headers["Retry-After"] = retry_after
    return resp


def server_error(status: int = 500) -> FakeResponse:
    return hf_error(status, "Internal Server Error" if status == 500 else "Bad Gateway")


class FakeHuggingFace(FakeServer):
    def __init__(self, token: str = "hf_testtoken0123456789") -> None:
        self.token = token
        self.reset()
        super().__init__()

    def reset(self) -> None:
        self.credits_used_up = False
        self.served = set(SERVED)
        self.image_format = "jpeg"
        if hasattr(self, "requests"):
            with self._lock:
                self.requests.clear()
                self._faults.clear()

    def start(self) -> FakeHuggingFace:
        super().start()
        self._httpd.RequestHandlerClass.disable_nagle_algorithm = True
        return self

    def setup_routes(self) -> None:
        self.route("POST", "/hf-inference/models/{model:path}", self._text_to_image)
        self.route("GET", "/api/whoami-v2", self._whoami)

    def _auth_problem(self, req: FakeRequest) -> FakeResponse | None:
        if req.header("authorization") != f"Bearer {self.token}":
            return hf_error(401, "Invalid credentials in Authorization header", "unauthorized")
        return None

    def _text_to_image(self, req: FakeRequest) -> FakeResponse:
        if (problem := self._auth_problem(req)) is not None:
            return problem
        model = req.params["model"]
        if model not in self.served:
            return hf_error(404, f"Model {model} is not supported by provider hf-inference.", "model_not_found")
        if self.credits_used_up:
            return hf_error(402, "You have exceeded your monthly included credits for Inference Providers. "
                            "Subscribe to PRO to get 20x more monthly included credits.", "payment_required")
        try:
            body = req.json()
        except ValueError:
            return hf_error(400, "Malformed JSON in request body", "bad_request")
        if (problem := _body_problem(body)) is not None:
            return hf_error(400, problem, "validation_error")
        return FakeResponse.raw(sample_image(self.image_format, (90, 30, 160)), f"image/{self.image_format}",
                                x_compute_type="gpu", x_request_id=f"Root=1-{uuid.uuid4().hex[:24]}")

    def _whoami(self, req: FakeRequest) -> FakeResponse:
        if (problem := self._auth_problem(req)) is not None:
            return problem
        return FakeResponse.json({
            "type": "user", "id": "65f0c0ffee", "name": "designer", "fullname": "A Designer",
            "isPro": False, "orgs": [],
            "auth": {"type": "access_token", "accessToken": {"displayName": "batch-image-generator",
                                                             "role": "fineGrained"}},
        })


def _body_problem(body: Any) -> str | None:
    if not isinstance(body, dict) or not isinstance(body.get("inputs"), str) or not body["inputs"]:
        return "Input validation error: `inputs` must be a non-empty string"
    parameters = body.get("parameters") or {}
    if not isinstance(parameters, dict):
        return "Input validation error: `parameters` must be an object"
    for name, value in parameters.items():
        expected = PARAMETERS.get(name)
        if expected is None:
            return f"__call__() got an unexpected keyword argument '{name}'"
        if value is None or isinstance(value, bool) or not isinstance(value, expected):
            return f"Input validation error: `{name}` has the wrong type ({value!r})"
    for side in ("width", "height"):
        if side in parameters and parameters[side] % 8:
            return f"`{side}` have to be divisible by 8 but are {parameters[side]}."
    return None
