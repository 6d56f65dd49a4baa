"""Adobe Firefly Services v3 async + IMS, on loopback: tokens that expire, jobs that succeed,
fail, get moderated or never finish, presigned downloads that refuse our auth headers.

Wire format: /work/shared/providers.md §4 and tests/contracts/firefly/. Serves both hosts
(IMS `/ims/token/v3` and the API) from one port; point FIREFLY_IMS_URL and FIREFLY_BASE_URL
at `fake.url`.
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any
from urllib.parse import parse_qs

from tests.fakes.server import FakeRequest, FakeResponse, FakeServer, tiny_png

IMAGE3_SIZES = {
    (2048, 2048), (1024, 1024), (2304, 1792), (1792, 2304), (2688, 1536), (2688, 1512),
    (1344, 768), (1344, 756), (1152, 896), (896, 1152),
}
IMAGE4_SIZES = {(2048, 2048), (2304, 1792), (1792, 2304), (2688, 1536), (1440, 2560)}
MODEL_SIZES = {
    "image3": IMAGE3_SIZES, "image3_custom": IMAGE3_SIZES,
    "image4_standard": IMAGE4_SIZES, "image4_ultra": IMAGE4_SIZES, "image4_custom": IMAGE4_SIZES,
}
OUTCOMES = {"succeed", "fail", "moderated", "never", "canceled", "timeout"}


@dataclass
class FakeJob:
    id: str
    model: str
    body: dict[str, Any]
    outcome: str
    polls_before_done: int
    error_code: str
    polls: int = 0
    status: str = "pending"
    seed: int = 0
    file: str = field(default_factory=lambda: uuid.uuid4().hex)


class FakeFirefly(FakeServer):
    def __init__(
        self, client_id: str = "ff-client-id", client_secret: str = "ff-client-secret",
        token_ttl: int = 86399,
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.default_token_ttl = token_ttl
        self.image = tiny_png(color=(30, 120, 220))
        self._state = threading.Lock()
        self.reset()
        super().__init__()

    def reset(self) -> None:
        """Back to a fresh service (tests share one server per module: starting and
        stopping a server costs half a second)."""
        self.token_ttl = self.default_token_ttl
        self.tokens: dict[str, float] = {}  # token -> monotonic expiry
        self.jobs: dict[str, FakeJob] = {}
        self.cancelled: list[str] = []
        self.outcome = "succeed"
        self.polls_before_done = 1
        self.error_code = ""
        self.access_error = ""  # e.g. quota_exhausted: every generate call gets 403
        self.rate_limit_s = 0  # > 0: every generate call gets 429 with a retry-after date
        if hasattr(self, "requests"):
            with self._lock:
                self.requests.clear()
                self._faults.clear()

    def start(self) -> FakeFirefly:
        super().start()
        # Headers and body go out in two writes; without TCP_NODELAY each answer waits
        # ~40 ms on the client's delayed ACK.
        self._httpd.RequestHandlerClass.disable_nagle_algorithm = True
        return self

    # -- scripting ---------------------------------------------------------------------
    def script(self, outcome: str, polls_before_done: int = 1, error_code: str = "") -> None:
        assert outcome in OUTCOMES, outcome
        self.outcome, self.polls_before_done, self.error_code = outcome, polls_before_done, error_code

    def revoke_tokens(self) -> None:
        """Forget every token, as if IMS had rotated them: the next API call gets 401."""
        with self._state:
            self.tokens.clear()

    def setup_routes(self) -> None:
        self.route("POST", "/ims/token/v3", self._token)
        self.route("POST", "/v3/images/generate-async", self._generate)
        self.route("GET", "/v3/status/{job_id}", self._status)
        self.route("PUT", "/v3/cancel/{job_id}", self._cancel)
        self.route("GET", "/presigned/{name}", self._download)

    # -- IMS -----------------------------------------------------------------------------
    def _token(self, req: FakeRequest) -> FakeResponse:
        if not req.header("content-type").startswith("application/x-www-form-urlencoded"):
            return _ims_error(400, "invalid_request", "content type must be form-encoded")
        form = {k: v[0] for k, v in parse_qs(req.body.decode()).items()}
        if form.get("grant_type") != "client_credentials":
            return _ims_error(400, "unsupported_grant_type", "grant_type must be client_credentials")
        if form.get("client_id") != self.client_id:
            return _ims_error(400, "invalid_client", "invalid client_id parameter")
        if form.get("client_secret") != self.client_secret:
            return _ims_error(401, "invalid_client", "invalid client_secret parameter")
        if "firefly_api" not in form.get("scope", "").split(","):
            return _ims_error(400, "invalid_scope", "scope must include firefly_api")
        token = f"eyJ.fake.{uuid.uuid4().hex}"
        with self._state:
            self.tokens[token] = time.monotonic() + self.token_ttl
        return FakeResponse.json({"access_token": token, "token_type": "bearer",
                                  "expires_in": self.token_ttl})

    def _unauthorized(self, req: FakeRequest) -> FakeResponse | None:
        auth = req.header("authorization")
        with self._state:
            expiry = self.tokens.get(auth[7:]) if auth.startswith("Bearer ") else None
        if expiry is None or time.monotonic() >= expiry:
            return FakeResponse.json({"error_code": "401013", "message": "Oauth token is not valid"}, 401)
        if req.header("x-api-key") != self.client_id:
            return FakeResponse.json({"error_code": "403003", "message": "Api Key is invalid"}, 403)
        return None

    # -- API -----------------------------------------------------------------------------
    def _generate(self, req: FakeRequest) -> FakeResponse:
        denied = self._unauthorized(req)
        if denied:
            return denied
        if self.access_error:
            return FakeResponse.json(
                {"error_code": "access_error", "message": "Access to Firefly is not allowed"},
                403, x_access_error=self.access_error)
        if self.rate_limit_s:
            when = formatdate(time.time() + self.rate_limit_s, usegmt=True)
            return FakeResponse.json({"error_code": "rate_limited", "message": "Too many requests"},
                                     429, retry_after=when, x_access_rate_limit_level="org")
        if not req.header("content-type").startswith("application/json"):
            return FakeResponse.json({"error_code": "invalid_content_type"}, 415)
        if not req.body:
            return FakeResponse.json({"error_code": "empty_input_body"}, 400)
        model = req.header("x-model-version", "image3")
        if model not in MODEL_SIZES:
            return FakeResponse.json({"error_code": "bad_request",
                                      "message": f"invalid x-model-version {model!r}"}, 400)
        body = req.json()
        problems = _validate(body, model)
        if problems:
            return FakeResponse.json({"error_code": "validation_error", "message": "Invalid request",
                                      "validation_errors": problems}, 422)
        seeds = body.get("seeds") or [random.randint(0, 999_999)]
        job = FakeJob(f"urn:ff:jobs:epo000001:{uuid.uuid4()}", model, body, self.outcome,
                      self.polls_before_done, self.error_code, seed=int(seeds[0]))
        with self._state:
            self.jobs[job.id] = job
        links = {"statusUrl": f"{self.url}/v3/status/{job.id}",
                 "cancelUrl": f"{self.url}/v3/cancel/{job.id}"}
        return FakeResponse.json({"jobId": job.id, **links}, 202,
                                 Link=f'<{links["statusUrl"]}>; rel="status"')

    def _status(self, req: FakeRequest) -> FakeResponse:
        denied = self._unauthorized(req)
        if denied:
            return denied
        with self._state:
            job = self.jobs.get(req.params["job_id"])
            if job is None:
                return FakeResponse.json({"error_code": "unknown_job_id",
                                          "message": "The job id is unknown."}, 404)
            job.polls += 1
            if job.status in ("pending", "running"):
                self._advance(job)
            answer: dict[str, Any] = {"jobId": job.id, "status": job.status}
        if job.status == "running":
            answer["progress"] = min(99, job.polls * 20)
        elif job.status == "succeeded":
            w, h = job.body["size"]["width"], job.body["size"]["height"]
            url = f"{self.url}/presigned/{job.file}.png?X-Amz-Expires=3600&X-Amz-Signature=f00d"
            answer["result"] = {"size": {"width": w, "height": h},
                                "outputs": [{"seed": job.seed, "image": {"url": url}}],
                                "contentClass": job.body.get("contentClass", "photo")}
        elif job.status in ("failed", "timeout", "canceled"):
            answer["error_code"] = job.error_code or job.status
            answer["message"] = _failure_message(job.error_code or job.status)
        return FakeResponse.json(answer)

    def _advance(self, job: FakeJob) -> None:
        if job.outcome == "never" or job.polls <= job.polls_before_done:
            job.status = "running" if job.polls > 1 else "pending"
            return
        job.status = {"succeed": "succeeded", "fail": "failed", "moderated": "failed",
                      "canceled": "canceled", "timeout": "timeout"}[job.outcome]
        if job.outcome == "moderated" and not job.error_code:
            job.error_code = "prompt_unsafe"
        if job.outcome == "fail" and not job.error_code:
            job.error_code = "runtime_error"

    def _cancel(self, req: FakeRequest) -> FakeResponse:
        denied = self._unauthorized(req)
        if denied:
            return denied
        with self._state:
            job = self.jobs.get(req.params["job_id"])
            if job is None:
                return FakeResponse.json({"error_code": "unknown_job_id",
                                          "message": "The job id is unknown."}, 404)
            if job.status in ("succeeded", "failed"):
                return FakeResponse.json({"error_code": "job_completed",
                                          "message": "The job was already completed."}, 409)
            job.status = "canceled"
            self.cancelled.append(job.id)
        return FakeResponse.json({})

    def _download(self, req: FakeRequest) -> FakeResponse:
        if req.header("authorization"):
            return FakeResponse.raw(
                b"<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed"
                b"</Message></Error>", "application/xml", 400)
        if "X-Amz-Signature" not in req.query:
            return FakeResponse.raw(b"<Error><Code>AccessDenied</Code></Error>", "application/xml", 403)
        return FakeResponse.raw(self.image, "image/png")


def _validate(body: Any, model: str) -> list[dict[str, Any]]:
    if not isinstance(body, dict):
        return [{"loc": ["body"], "msg": "value is not a valid dict", "type": "type_error.dict"}]
    problems = []
    prompt = body.get("prompt")
    if not isinstance(prompt, str) or not 1 <= len(prompt) <= 1024:
        problems.append({"loc": ["body", "prompt"], "msg": "field required (1-1024 characters)",
                         "type": "value_error"})
    size = body.get("size") or {"width": 2048, "height": 2048}
    if (size.get("width"), size.get("height")) not in MODEL_SIZES[model]:
        problems.append({"loc": ["body", "size"], "type": "value_error",
                         "msg": f"size {size.get('width')}x{size.get('height')} is not supported "
                                f"by {model}"})
    seeds, n = body.get("seeds"), body.get("numVariations")
    if seeds is not None and n is not None and len(seeds) != n:
        problems.append({"loc": ["body", "seeds"], "type": "value_error",
                         "msg": "the number of seeds must equal numVariations"})
    if body.get("contentClass") not in (None, "photo", "art"):
        problems.append({"loc": ["body", "contentClass"], "type": "type_error.enum",
                         "msg": "value is not a valid enumeration member; permitted: 'photo', 'art'",
                         "ctx": {"enum_values": ["photo", "art"]}})
    return problems


def _failure_message(code: str) -> str:
    return {
        "prompt_unsafe": "The prompt was flagged by content moderation.",
        "output_media_unsafe": "The generated image was flagged by content moderation.",
        "runtime_error": "An internal error occurred while generating.",
        "timeout": "The job timed out.",
        "canceled": "The job was canceled.",
    }.get(code, "The job failed.")


def _ims_error(status: int, error: str, description: str) -> FakeResponse:
    return FakeResponse.json({"error": error, "error_description": description}, status)
