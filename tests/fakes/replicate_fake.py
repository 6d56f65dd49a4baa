"""Replicate's HTTP API on loopback: predictions that finish within `Prefer: wait` or come
back non-terminal and must be polled, that fail, get moderated (E005), never finish or are
canceled; RFC 7807 errors for bad tokens, missing credit, throttling and bad input.

Wire format: /work/shared/providers.md §6 and tests/contracts/replicate/.
"""

from __future__ import annotations

import re
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

from tests.fakes.server import FakeRequest, FakeResponse, FakeServer, tiny_png

OFFICIAL = {
    "black-forest-labs/flux-schnell": 4,
    "black-forest-labs/flux-dev": 50,
    "black-forest-labs/flux-1.1-pro": None,
}
VERSIONS = {"7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc": "stability-ai/sdxl"}
RATIOS = {"1:1", "16:9", "21:9", "3:2", "2:3", "4:5", "5:4", "3:4", "4:3", "9:16", "9:21"}
PREFER = re.compile(r"^wait(=([1-9]|[1-9][0-9]|60))?$")
E005 = "The input or output was flagged as sensitive. Please try again with different inputs. (E005)"
OUTCOMES = {"succeed", "fail", "moderated", "never", "canceled", "aborted"}


@dataclass
class Prediction:
    id: str
    model: str
    version: str
    input: dict[str, Any]
    outcome: str
    polls_before_done: int
    error: str
    status: str = "starting"
    polls: int = 0
    predict_time: float = 1.25


class FakeReplicate(FakeServer):
    def __init__(self, token: str = "r8_fake_token") -> None:
        self.token = token
        self.image = tiny_png(color=(250, 200, 20))
        self._state = threading.Lock()
        self.reset()
        super().__init__()

    def reset(self) -> None:
        """A fresh service (tests share one server per module)."""
        self.predictions: dict[str, Prediction] = {}
        self.cancelled: list[str] = []
        self.outcome = "succeed"
        self.polls_before_done = 0
        self.done_within_wait = True  # Prefer: wait returns the finished prediction
        self.wait_hold_s = 0.0  # how long a Prefer: wait call holds before answering early
        self.error = ""
        self.output_as_string = False
        self.throttle_s = 0  # > 0: creations get 429 with Retry-After
        self.no_credit = False
        if hasattr(self, "requests"):
            with self._lock:
                self.requests.clear()
                self._faults.clear()

    def start(self) -> FakeReplicate:
        super().start()
        self._httpd.RequestHandlerClass.disable_nagle_algorithm = True  # no 40 ms ACK stalls
        return self

    def script(self, outcome: str, polls_before_done: int = 0, *, within_wait: bool = True,
               error: str = "") -> None:
        assert outcome in OUTCOMES, outcome
        self.outcome, self.polls_before_done = outcome, polls_before_done
        self.done_within_wait, self.error = within_wait, error

    def setup_routes(self) -> None:
        self.route("POST", "/v1/models/{owner}/{name}/predictions", self._create_official)
        self.route("POST", "/v1/predictions", self._create_versioned)
        self.route("GET", "/v1/predictions/{pid}", self._get)
        self.route("POST", "/v1/predictions/{pid}/cancel", self._cancel)
        self.route("GET", "/v1/account", self._account)
        self.route("GET", "/delivery/{pid}/{name}", self._deliver)

    # -- checks shared by routes ------------------------------------------------------------
    def _refuse(self, req: FakeRequest) -> FakeResponse | None:
        auth = req.header("authorization")
        scheme, _, token = auth.partition(" ")
        if scheme not in ("Bearer", "Token") or token != self.token:
            return _problem(401, "Unauthenticated", "You did not pass a valid authentication token")
        return None

    def _create(self, req: FakeRequest, model: str, version: str, allowed: set[str]) -> FakeResponse:
        refused = self._refuse(req)
        if refused:
            return refused
        if self.no_credit:
            return _problem(402, "Insufficient credit", "You have insufficient credit to run this "
                            "model. Go to https://replicate.com/account/billing#billing to purchase "
                            "credit. Once you purchase credit, please wait a few minutes before "
                            "retrying.")
        if self.throttle_s:
            return FakeResponse.json(
                {"title": "Request was throttled",
                 "detail": f"Request was throttled. Expected available in {self.throttle_s} "
                           "seconds.", "status": 429},
                429, retry_after=str(self.throttle_s))
        prefer = req.header("prefer")
        if prefer and not PREFER.match(prefer):
            return _problem(400, "Invalid Prefer header", f"Prefer must be wait or wait=1..60, not {prefer!r}")
        try:
            body = req.json()
        except ValueError:
            return _problem(400, "Invalid JSON", "The request body is not valid JSON")
        extra = set(body) - allowed if isinstance(body, dict) else set()
        if not isinstance(body, dict) or "input" not in body or extra:
            return _problem(422, "Invalid request", f"input is required; unexpected: {sorted(extra)}")
        invalid = _invalid_fields(model, body["input"])
        if invalid:
            detail = "".join(f"- {f['field']}: {f['description']}\n" for f in invalid)
            return FakeResponse.json({"title": "Input validation failed", "detail": detail,
                                      "status": 422, "invalid_fields": invalid}, 422)
        pred = Prediction(uuid.uuid4().hex[:26], model, version, body["input"], self.outcome,
                          self.polls_before_done, self.error)
        with self._state:
            self.predictions[pred.id] = pred
            if prefer and self.done_within_wait:
                self._finish(pred)
        if prefer and not self.done_within_wait and self.wait_hold_s:
            time.sleep(self.wait_hold_s)
        return FakeResponse.json(self._view(pred), 201 if pred.status in TERMINAL else 202)

    def _create_official(self, req: FakeRequest) -> FakeResponse:
        model = f"{req.params['owner']}/{req.params['name']}"
        if model not in OFFICIAL:
            refused = self._refuse(req)
            return refused or _problem(404, "Not found", "The requested resource could not be found.")
        return self._create(req, model, "hidden", {"input", "stream", "webhook",
                                                   "webhook_events_filter"})

    def _create_versioned(self, req: FakeRequest) -> FakeResponse:
        try:
            version = str(req.json().get("version", ""))
        except (ValueError, AttributeError):
            version = ""
        vid = version.rsplit(":", 1)[-1]
        if vid not in VERSIONS:
            refused = self._refuse(req)
            return refused or _problem(422, "Invalid version",
                                       f"version {version!r} does not exist or is not permitted")
        return self._create(req, VERSIONS[vid], vid, {"version", "input", "stream", "webhook",
                                                      "webhook_events_filter"})

    # -- predictions --------------------------------------------------------------------------
    def _finish(self, pred: Prediction) -> None:
        if pred.outcome == "never":
            pred.status = "processing"
            return
        pred.status = {"succeed": "succeeded", "fail": "failed", "moderated": "failed",
                       "canceled": "canceled", "aborted": "aborted"}[pred.outcome]
        if pred.outcome == "moderated":
            pred.error = pred.error or E005
        elif pred.outcome == "fail":
            pred.error = pred.error or "CUDA out of memory. Tried to allocate 2.00 GiB"

    def _get(self, req: FakeRequest) -> FakeResponse:
        refused = self._refuse(req)
        if refused:
            return refused
        with self._state:
            pred = self.predictions.get(req.params["pid"])
            if pred is None:
                return _problem(404, "Not found", "Not found.")
            pred.polls += 1
            if pred.status not in TERMINAL:
                if pred.polls > pred.polls_before_done:
                    self._finish(pred)
                else:
                    pred.status = "processing"
            return FakeResponse.json(self._view(pred))

    def _cancel(self, req: FakeRequest) -> FakeResponse:
        refused = self._refuse(req)
        if refused:
            return refused
        with self._state:
            pred = self.predictions.get(req.params["pid"])
            if pred is None:
                return _problem(404, "Not found", "Not found.")
            if pred.status not in TERMINAL:
                pred.status = "canceled"
                self.cancelled.append(pred.id)
            return FakeResponse.json(self._view(pred))

    def _view(self, pred: Prediction) -> dict[str, Any]:
        base = f"{self.url}/v1/predictions/{pred.id}"
        steps = int(pred.input.get("num_inference_steps") or 4)
        done = min(steps, pred.polls) if pred.status == "processing" else steps
        logs = f"Using seed: {pred.input.get('seed', 0)}\n"
        if pred.status != "starting":
            logs += f"{100 * done // steps:3d}%|{'#' * done}| {done}/{steps}\n"
        output: Any = None
        if pred.status == "succeeded":
            fmt = pred.input.get("output_format", "webp")
            url = f"{self.url}/delivery/{pred.id}/out-0.{fmt}"
            output = url if self.output_as_string else [url]
        terminal = pred.status in TERMINAL
        return {
            "id": pred.id, "model": pred.model, "version": pred.version, "input": pred.input,
            "logs": logs, "output": output,
            "error": pred.error if pred.status == "failed" else None,
            "status": pred.status, "source": "api", "data_removed": False,
            "created_at": "2026-08-21T10:00:00.000000Z",
            "started_at": None if pred.status == "starting" else "2026-08-21T10:00:01.000000Z",
            "completed_at": "2026-08-21T10:00:03.000000Z" if terminal else None,
            "urls": {"get": base, "cancel": f"{base}/cancel",
                     "web": f"https://replicate.com/p/{pred.id}",
                     "stream": f"https://stream.replicate.com/v1/files/{pred.id}"},
            "metrics": {"predict_time": pred.predict_time, "total_time": 2.0} if terminal else {},
        }

    def _account(self, req: FakeRequest) -> FakeResponse:
        return self._refuse(req) or FakeResponse.json(
            {"type": "user", "username": "designer", "name": "A Designer",
             "github_url": "https://github.com/designer"})

    def _deliver(self, req: FakeRequest) -> FakeResponse:
        pred = self.predictions.get(req.params["pid"])
        if pred is None or pred.status != "succeeded":
            return FakeResponse.raw(b"Not Found", "text/plain", 404)
        suffix = req.params["name"].rsplit(".", 1)[-1]
        mime = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp"}.get(suffix, "image/png")
        return FakeResponse.raw(self.image, mime)


TERMINAL = {"succeeded", "failed", "canceled", "aborted"}


def _invalid_fields(model: str, data: Any) -> list[dict[str, str]]:
    if not isinstance(data, dict):
        return [{"type": "type", "field": "input", "description": "Invalid type. Expected: object"}]
    problems = []
    if not isinstance(data.get("prompt"), str) or not data["prompt"]:
        problems.append({"type": "required", "field": "input.prompt",
                         "description": "prompt is required"})
    max_steps = OFFICIAL.get(model)
    steps = data.get("num_inference_steps")
    if max_steps and isinstance(steps, int) and steps > max_steps:
        problems.append({"type": "less_than_equal", "field": "input.num_inference_steps",
                         "description": f"Must be less than or equal to {max_steps}"})
    ratio = data.get("aspect_ratio")
    if ratio is not None and ratio not in RATIOS and ratio != "custom":
        problems.append({"type": "enum", "field": "input.aspect_ratio",
                         "description": "aspect_ratio must be one of the following: "
                                        + ", ".join(sorted(RATIOS))})
    return problems


def _problem(status: int, title: str, detail: str) -> FakeResponse:
    return FakeResponse.json({"title": title, "detail": detail, "status": status}, status,
                             Content_Type="application/problem+json")
