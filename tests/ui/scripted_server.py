"""An OpenAI-images fake whose answer depends on the prompt, for window tests: prompts with
"refuse" are refused by moderation (HTTP 400, a job fails for good), prompts with "hold"
wait until the test releases them (a job stays running), the rest succeed."""

from __future__ import annotations

import contextlib
import threading

from tests.fakes.limited_image_server import LimitedImageServer
from tests.fakes.server import FakeRequest, FakeResponse


class ScriptedImageServer(LimitedImageServer):
    def __init__(self, latency: float = 0.0) -> None:
        self.release = threading.Event()
        super().__init__(latency=latency)

    def _generate(self, req: FakeRequest) -> FakeResponse:
        prompt = ""
        with contextlib.suppress(ValueError):
            prompt = str(req.json().get("prompt", ""))
        if "refuse" in prompt:
            return FakeResponse.json({"error": {
                "message": "Your request was rejected by the safety system.",
                "type": "image_generation_user_error", "code": "moderation_blocked"}}, 400)
        if "hold" in prompt:
            self.release.wait(30)
        return super()._generate(req)

    def stop(self) -> None:
        self.release.set()
        super().stop()
