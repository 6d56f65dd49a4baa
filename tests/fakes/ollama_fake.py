"""Ollama on loopback, old or new: a v0.14.3–v0.32.5 server whose image models stream
progress and a PNG from `/api/generate`, or a current one without image generation; chat and
vision models streaming `/api/chat`; errors before and in the middle of a 200 stream.

Wire format: /work/shared/providers.md §8 and tests/contracts/ollama/.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from tests.fakes.server import FakeRequest, FakeResponse, FakeServer, tiny_png

OLD_IMAGE_MODELS = {
    "x/z-image-turbo:latest": ["image"],
    "x/flux2-klein:latest": ["image"],
}
TEXT_MODELS = {
    "llama3.2:latest": ["completion", "tools"],
    "gemma3:4b": ["completion", "vision"],
    "nomic-embed-text:latest": ["embedding"],
}
STAMP = "2026-08-21T10:00:00.000000Z"


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("-")[0].split("."))


class FakeOllama(FakeServer):
    def __init__(self, version: str = "0.20.0", models: dict[str, list[str]] | None = None) -> None:
        self.version = version
        self.image = tiny_png(color=(10, 160, 90))
        old = (0, 14, 3) <= _version_tuple(version) <= (0, 32, 5)
        self.default_models = models if models is not None else (
            {**OLD_IMAGE_MODELS, **TEXT_MODELS} if old else dict(TEXT_MODELS))
        self.reset()
        super().__init__()

    @property
    def has_image_generation(self) -> bool:
        return (0, 14, 3) <= _version_tuple(self.version) <= (0, 32, 5)

    def reset(self) -> None:
        self.models: dict[str, list[str]] = dict(self.default_models)
        self.steps = 4
        self.fail_after: int | None = None  # progress/content lines before an {"error"} line
        self.stream_error = "an error was encountered while running the model: unexpected EOF"
        self.chunk_delay = 0.0
        if hasattr(self, "requests"):
            with self._lock:
                self.requests.clear()
                self._faults.clear()

    def start(self) -> FakeOllama:
        super().start()
        self._httpd.RequestHandlerClass.disable_nagle_algorithm = True  # no 40 ms ACK stalls
        return self

    def setup_routes(self) -> None:
        self.route("GET", "/api/version", lambda _r: FakeResponse.json({"version": self.version}))
        self.route("GET", "/api/tags", self._tags)
        self.route("POST", "/api/show", self._show)
        self.route("POST", "/api/generate", self._generate)
        self.route("POST", "/api/chat", self._chat)

    # -- models ----------------------------------------------------------------------------
    def _tags(self, _req: FakeRequest) -> FakeResponse:
        return FakeResponse.json({"models": [
            {"name": name, "model": name, "modified_at": STAMP, "size": 2_000_000_000,
             "digest": f"{abs(hash(name)):064x}"[:64],
             "details": {"parent_model": "", "format": "gguf", "family": name.split(":")[0],
                         "families": [name.split(":")[0]], "parameter_size": "4B",
                         "quantization_level": "Q4_K_M"}}
            for name in self.models
        ]})

    def _body(self, req: FakeRequest) -> tuple[dict[str, Any] | None, FakeResponse | None]:
        try:
            body = req.json()
        except ValueError:
            return None, FakeResponse.json({"error": "invalid character in request body"}, 400)
        if not isinstance(body, dict) or not body.get("model"):
            return None, FakeResponse.json({"error": "model is required"}, 400)
        if body["model"] not in self.models:
            return None, FakeResponse.json({"error": f"model '{body['model']}' not found"}, 404)
        return body, None

    def _show(self, req: FakeRequest) -> FakeResponse:
        body, problem = self._body(req)
        if problem:
            return problem
        return FakeResponse.json({
            "license": "", "modified_at": STAMP, "template": "{{ .Prompt }}",
            "details": {"format": "gguf", "family": body["model"].split(":")[0]},
            "capabilities": self.models[body["model"]], "model_info": {},
        })

    # -- streams ---------------------------------------------------------------------------
    def _stream(self, lines: list[dict[str, Any]]) -> FakeResponse:
        if self.fail_after is not None:
            lines = lines[: self.fail_after] + [{"error": self.stream_error}]
        chunks = [json.dumps(line).encode() + b"\n" for line in lines]
        return FakeResponse(200, chunks, {"Content-Type": "application/x-ndjson"},
                            chunk_delay=self.chunk_delay)

    def _generate(self, req: FakeRequest) -> FakeResponse:
        body, problem = self._body(req)
        if problem:
            return problem
        model = body["model"]
        if "image" in self.models[model] and self.has_image_generation:
            width, height = int(body.get("width") or 1024), int(body.get("height") or 1024)
            if width > 4096 or height > 4096:
                return FakeResponse.json({"error": "width and height must be at most 4096"}, 400)
            total = int(body.get("steps") or self.steps)
            lines: list[dict[str, Any]] = [
                {"model": model, "created_at": STAMP, "completed": n, "total": total, "done": False}
                for n in range(1, total + 1)
            ]
            lines.append({"model": model, "created_at": STAMP,
                          "image": base64.b64encode(self.image).decode(), "done": True,
                          "done_reason": "stop", "total_duration": 1_500_000_000})
            return self._stream(lines)
        if "completion" not in self.models[model]:
            return FakeResponse.json({"error": f'"{model}" does not support generate'}, 400)
        words = ["A", " lighthouse", " on", " a", " cliff."]
        return self._stream(
            [{"model": model, "created_at": STAMP, "response": w, "done": False} for w in words]
            + [{"model": model, "created_at": STAMP, "response": "", "done": True,
                "done_reason": "stop"}])

    def _chat(self, req: FakeRequest) -> FakeResponse:
        body, problem = self._body(req)
        if problem:
            return problem
        model, messages = body["model"], body.get("messages")
        if not isinstance(messages, list) or any(
                not isinstance(m, dict) or "role" not in m or "content" not in m for m in messages):
            return FakeResponse.json({"error": "messages must have role and content"}, 400)
        images = [i for m in messages for i in m.get("images") or []]
        if images and "vision" not in self.models[model]:
            return FakeResponse.json({"error": "this model is missing data required for image input"}, 500)
        if "completion" not in self.models[model]:
            return FakeResponse.json({"error": f'"{model}" does not support chat'}, 400)
        if images:
            sizes = [len(base64.b64decode(i)) for i in images]
            reply = f"An image of {sizes[0]} bytes: a small green square."
        else:
            reply = f"You said: {messages[-1]['content']}" if messages else "Hello."
        pieces = [reply[i:i + 8] for i in range(0, len(reply), 8)]
        lines = [{"model": model, "created_at": STAMP,
                  "message": {"role": "assistant", "content": p}, "done": False} for p in pieces]
        lines.append({"model": model, "created_at": STAMP,
                      "message": {"role": "assistant", "content": ""}, "done": True,
                      "done_reason": "stop", "eval_count": len(pieces)})
        return self._stream(lines)
