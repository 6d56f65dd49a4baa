"""A loopback OpenAI chat-completions server: `POST /v1/chat/completions` with
`stream: true` answers Server-Sent Events (`data: {chat.completion.chunk}` lines and
`data: [DONE]`); a wrong key gets 401 `invalid_api_key`, a scripted 429 `rate_limit_exceeded`.
Image parts (`{"type":"image_url","image_url":{"url":"data:..."}}`) are checked for valid base64.
"""

from __future__ import annotations

import base64
import json
from collections import deque
from typing import Any

from tests.fakes.server import FakeRequest, FakeResponse, FakeServer

KEY = "sk-test-chat"


def _error(status: int, message: str, type_: str, code: str | None) -> FakeResponse:
    return FakeResponse.json({"error": {"message": message, "type": type_, "param": None,
                                        "code": code}}, status)


class FakeOpenAIChat(FakeServer):
    def __init__(self, key: str = KEY, piece: int = 5) -> None:
        self.key = key
        self.piece = piece
        self.replies: deque[str] = deque()
        self.default_reply = "ok"
        self.chats: list[dict[str, Any]] = []
        super().__init__()

    def setup_routes(self) -> None:
        self.route("POST", "/v1/chat/completions", self._completions)

    def rate_limit_next(self) -> None:
        self.fail_next(_error(429, "Rate limit reached for gpt-4o-mini", "requests",
                              "rate_limit_exceeded"))

    def _completions(self, req: FakeRequest) -> FakeResponse:
        if req.header("authorization") != f"Bearer {self.key}":
            return _error(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key")
        try:
            body = req.json()
        except ValueError:
            return _error(400, "We could not parse the JSON body of your request.",
                          "invalid_request_error", None)
        if not body.get("model") or not isinstance(body.get("messages"), list):
            return _error(400, "you must provide a model and messages", "invalid_request_error", None)
        for message in body["messages"]:
            content = message.get("content")
            for part in content if isinstance(content, list) else []:
                if part.get("type") == "image_url":
                    url = part["image_url"]["url"]
                    if not url.startswith("data:image/"):
                        return _error(400, "Invalid image URL", "invalid_request_error", "invalid_image_url")
                    base64.b64decode(url.split(",", 1)[1], validate=True)
        self.chats.append(body)
        text = self.replies.popleft() if self.replies else self.default_reply
        if not body.get("stream"):
            return FakeResponse.json({"id": "chatcmpl-1", "object": "chat.completion",
                                      "model": body["model"], "choices": [{"index": 0, "message": {
                                          "role": "assistant", "content": text}, "finish_reason": "stop"}]})
        chunks = []
        for i in range(0, len(text), self.piece):
            chunk = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1764380000,
                     "model": body["model"], "choices": [{"index": 0, "delta": {
                         "content": text[i:i + self.piece]}, "finish_reason": None}]}
            chunks.append(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
        chunks.append(b"data: " + json.dumps({"id": "chatcmpl-1", "object": "chat.completion.chunk",
                                              "choices": [{"index": 0, "delta": {},
                                                           "finish_reason": "stop"}]}).encode() + b"\n\n")
        chunks.append(b"data: [DONE]\n\n")
        return FakeResponse(200, chunks, {"Content-Type": "text/event-stream"})
