"""A loopback Ollama for the Workflow's language-model features: `/api/tags`, `/api/show`
with capabilities, and `/api/chat` streaming NDJSON (`{"message":{"role","content"},
"done"}` lines, then a `done: true` line), with scripted replies per model, image checks
for vision models and an `{"error": ...}` line mid-stream on demand.
"""

from __future__ import annotations

import base64
import json
from collections import deque
from collections.abc import Callable
from typing import Any

from tests.fakes.server import FakeRequest, FakeResponse, FakeServer

STAMP = "2026-11-29T10:00:00.000000000+08:00"
Reply = str | Callable[[dict[str, Any]], str]


class FakeOllamaChat(FakeServer):
    """`models` maps names to capabilities, e.g. {"llama3.2:latest": ["completion"],
    "llava:latest": ["completion", "vision"]}. Replies are taken from `replies[model]`
    (a queue) or `default_reply`; each is streamed in `piece`-character chunks."""

    def __init__(self, models: dict[str, list[str]] | None = None, piece: int = 6) -> None:
        self.models = models if models is not None else {
            "llama3.2:latest": ["completion", "tools"],
            "llava:latest": ["completion", "vision"],
        }
        self.piece = piece
        self.replies: dict[str, deque[Reply]] = {}
        self.default_reply: Reply = "ok"
        self.fail_after: int | None = None  # lines before an error line
        self.chunk_delay = 0.0
        self.chats: list[dict[str, Any]] = []  # request bodies of /api/chat
        super().__init__()

    def script(self, model: str, *replies: Reply) -> None:
        self.replies.setdefault(model, deque()).extend(replies)

    def setup_routes(self) -> None:
        self.route("GET", "/api/version", lambda _r: FakeResponse.json({"version": "0.40.1"}))
        self.route("GET", "/api/tags", self._tags)
        self.route("POST", "/api/show", self._show)
        self.route("POST", "/api/chat", self._chat)

    def _tags(self, _req: FakeRequest) -> FakeResponse:
        return FakeResponse.json({"models": [
            {"name": n, "model": n, "modified_at": STAMP, "size": 2_019_393_189,
             "digest": "a80c4f17acd5" + "0" * 52,
             "details": {"format": "gguf", "family": n.split(":")[0], "parameter_size": "3.2B",
                         "quantization_level": "Q4_K_M"}}
            for n in self.models]})

    def _model(self, req: FakeRequest) -> tuple[dict[str, Any] | None, FakeResponse | None]:
        try:
            body = req.json()
        except ValueError:
            return None, FakeResponse.json({"error": "invalid character in request body"}, 400)
        name = body.get("model") if isinstance(body, dict) else None
        if not name:
            return None, FakeResponse.json({"error": "model is required"}, 400)
        if name not in self.models:
            return None, FakeResponse.json({"error": f"model '{name}' not found"}, 404)
        return body, None

    def _show(self, req: FakeRequest) -> FakeResponse:
        body, problem = self._model(req)
        if problem:
            return problem
        return FakeResponse.json({"modified_at": STAMP, "details": {"format": "gguf"},
                                  "capabilities": self.models[body["model"]], "model_info": {}})

    def _chat(self, req: FakeRequest) -> FakeResponse:
        body, problem = self._model(req)
        if problem:
            return problem
        model, messages = body["model"], body.get("messages")
        if not isinstance(messages, list) or not messages or any(
                not isinstance(m, dict) or "role" not in m or "content" not in m for m in messages):
            return FakeResponse.json({"error": "messages must have role and content"}, 400)
        images = [i for m in messages for i in m.get("images") or []]
        if images and "vision" not in self.models[model]:
            return FakeResponse.json({"error": "this model is missing data required for image input"}, 500)
        for image in images:
            base64.b64decode(image, validate=True)  # a broken image would 400 on a real server
        self.chats.append(body)
        queue = self.replies.get(model)
        reply = queue.popleft() if queue else self.default_reply
        text = reply(body) if callable(reply) else reply
        pieces = [text[i:i + self.piece] for i in range(0, len(text), self.piece)]
        lines: list[dict[str, Any]] = [
            {"model": model, "created_at": STAMP,
             "message": {"role": "assistant", "content": p}, "done": False} for p in pieces]
        if self.fail_after is not None:
            lines = lines[: self.fail_after] + [{"error": "an error was encountered while running the model"}]
        else:
            lines.append({"model": model, "created_at": STAMP,
                          "message": {"role": "assistant", "content": ""}, "done": True,
                          "done_reason": "stop", "eval_count": len(pieces)})
        chunks = [json.dumps(line, ensure_ascii=False).encode() + b"\n" for line in lines]
        return FakeResponse(200, chunks, {"Content-Type": "application/x-ndjson"},
                            chunk_delay=self.chunk_delay)
