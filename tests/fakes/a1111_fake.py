"""AUTOMATIC1111 / Forge web UI API on loopback: txt2img, sd-models and progress.

Wire format: /work/shared/providers.md §9a. Optional HTTP Basic auth like `--api-auth`
(401 with A1111's error body, no WWW-Authenticate header); pydantic-style 422 for fields of
the wrong type; 404 for an unknown sampler; `info` as a JSON *string* with seeds and
infotexts; `/sdapi/v1/progress` moves while a (slowed) txt2img is running.
"""

from __future__ import annotations

import base64
import json
import random
import threading
import time
from typing import Any

from tests.fakes.image_samples import b64, sample_image
from tests.fakes.server import FakeRequest, FakeResponse, FakeServer

SAMPLERS = {"Euler a", "Euler", "DPM++ 2M", "DPM++ 2M Karras", "DPM++ SDE", "DDIM", "UniPC"}
CHECKPOINTS = ["sd_xl_base_1.0.safetensors [31e35c80fc]", "v1-5-pruned-emaonly.safetensors [6ce0161689]"]
INT_FIELDS = {"seed", "subseed", "width", "height", "batch_size", "n_iter", "steps",
              "hr_second_pass_steps"}
FLOAT_FIELDS = {"cfg_scale", "denoising_strength", "hr_scale", "subseed_strength"}
BOOL_FIELDS = {"restore_faces", "tiling", "enable_hr", "send_images", "save_images"}
STR_FIELDS = {"prompt", "negative_prompt", "sampler_name", "scheduler", "hr_upscaler"}


def a1111_error(status: int, error: str, detail: str = "", errors: str = "") -> FakeResponse:
    return FakeResponse.json({"error": error, "detail": detail, "body": "", "errors": errors}, status)


def out_of_memory() -> FakeResponse:
    return a1111_error(500, "OutOfMemoryError", "", "CUDA out of memory. Tried to allocate 2.00 GiB")


class FakeA1111(FakeServer):
    def __init__(self) -> None:
        self._state = threading.Lock()
        self.reset()
        super().__init__()

    def reset(self) -> None:
        self.auth: tuple[str, str] | None = None  # set to require --api-auth user:pass
        self.render_seconds = 0.0  # how long txt2img blocks (progress moves meanwhile)
        self.started: float | None = None
        self.last_seed: int | None = None
        self.image = sample_image("png", (20, 160, 90))
        if hasattr(self, "requests"):
            with self._lock:
                self.requests.clear()
                self._faults.clear()

    def start(self) -> FakeA1111:
        super().start()
        self._httpd.RequestHandlerClass.disable_nagle_algorithm = True
        return self

    def setup_routes(self) -> None:
        self.route("POST", "/sdapi/v1/txt2img", self._txt2img)
        self.route("GET", "/sdapi/v1/sd-models", self._models)
        self.route("GET", "/sdapi/v1/progress", self._progress)

    def _unauthorized(self, req: FakeRequest) -> FakeResponse | None:
        if self.auth is None:
            return None
        expected = "Basic " + base64.b64encode(":".join(self.auth).encode()).decode()
        if req.header("authorization") != expected:
            return a1111_error(401, "HTTPException", "Incorrect username or password")
        return None

    def _txt2img(self, req: FakeRequest) -> FakeResponse:
        if (problem := self._unauthorized(req)) is not None:
            return problem
        try:
            body = req.json()
        except ValueError:
            return a1111_error(422, "RequestValidationError", "", "[{'loc': ('body',), 'msg': 'invalid json'}]")
        if (problem := _validation_error(body)) is not None:
            return problem
        sampler = body.get("sampler_name")
        if sampler is not None and sampler not in SAMPLERS:
            return a1111_error(404, "HTTPException", "Sampler not found")
        seed = body.get("seed", -1)
        seed = random.randint(0, 2**32 - 1) if seed in (-1, None) else seed
        with self._state:
            self.started, self.last_seed = time.monotonic(), seed
        if self.render_seconds:
            time.sleep(self.render_seconds)
        with self._state:
            self.started = None
        checkpoint = (body.get("override_settings") or {}).get("sd_model_checkpoint") or CHECKPOINTS[0]
        sampler = sampler or "Euler"
        infotext = (f"{body.get('prompt', '')}\nNegative prompt: {body.get('negative_prompt', '')}\n"
                    f"Steps: {body.get('steps', 50)}, Sampler: {sampler}, CFG scale: {body.get('cfg_scale', 7.0)}, "
                    f"Seed: {seed}, Size: {body.get('width', 512)}x{body.get('height', 512)}, "
                    f"Model: {checkpoint.split('.')[0]}")
        info = {"prompt": body.get("prompt", ""), "seed": seed, "all_seeds": [seed], "subseed": 1234,
                "all_subseeds": [1234], "sampler_name": sampler, "sd_model_name": checkpoint.split(".")[0],
                "infotexts": [infotext], "width": body.get("width", 512), "height": body.get("height", 512)}
        return FakeResponse.json({"images": [b64(self.image)], "parameters": body, "info": json.dumps(info)})

    def _models(self, req: FakeRequest) -> FakeResponse:
        if (problem := self._unauthorized(req)) is not None:
            return problem
        return FakeResponse.json([
            {"title": title, "model_name": title.split(".")[0], "hash": title[-11:-1],
             "sha256": "0" * 64, "filename": f"/models/Stable-diffusion/{title.split(' ')[0]}", "config": None}
            for title in CHECKPOINTS
        ])

    def _progress(self, req: FakeRequest) -> FakeResponse:
        if (problem := self._unauthorized(req)) is not None:
            return problem
        with self._state:
            started = self.started
        if started is None or not self.render_seconds:
            fraction, eta = 0.0, 0.0
        else:
            fraction = min(0.99, (time.monotonic() - started) / self.render_seconds)
            eta = max(0.0, self.render_seconds - (time.monotonic() - started))
        steps = 20
        return FakeResponse.json({
            "progress": round(fraction, 3), "eta_relative": round(eta, 3),
            "state": {"skipped": False, "interrupted": False, "job": "", "job_count": int(started is not None),
                      "job_timestamp": "20260101000000", "job_no": 0,
                      "sampling_step": int(fraction * steps), "sampling_steps": steps},
            "current_image": None, "textinfo": None,
        })


def _validation_error(body: Any) -> FakeResponse | None:
    """Pydantic-style checks of StableDiffusionTxt2ImgProcessingAPI field types."""
    if not isinstance(body, dict):
        return a1111_error(422, "RequestValidationError", "", "[{'loc': ('body',), 'msg': 'value is not a valid dict'}]")
    for name, value in body.items():
        wrong = (
            (name in INT_FIELDS and (not isinstance(value, int) or isinstance(value, bool)))
            or (name in FLOAT_FIELDS and (not isinstance(value, int | float) or isinstance(value, bool)))
            or (name in BOOL_FIELDS and not isinstance(value, bool))
            or (name in STR_FIELDS and not isinstance(value, str))
        )
        if wrong:
            kind = next(k for k, fields in (("integer", INT_FIELDS), ("float", FLOAT_FIELDS),
                                            ("boolean", BOOL_FIELDS), ("string", STR_FIELDS)) if name in fields)
            return a1111_error(422, "RequestValidationError", "",
                               f"[{{'loc': ('body', '{name}'), 'msg': 'value is not a valid {kind}', "
                               f"'type': 'type_error.{kind}'}}]")
    return None
