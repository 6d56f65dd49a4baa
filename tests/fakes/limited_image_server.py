"""An OpenAI-images-compatible server that enforces a request rate and a concurrency limit
the way real services do (429 with Retry-After beyond them), and counts what it served.

Used by the queue's crash test and the rate-limit benchmark: it tells how many requests
each prompt cost, so lost and duplicated jobs can be counted from the server's side.
"""

from __future__ import annotations

import base64
import threading
import time
from collections import Counter, deque

from tests.fakes.server import FakeRequest, FakeResponse, FakeServer, tiny_png


class LimitedImageServer(FakeServer):
    def __init__(
        self,
        rate_per_window: int = 10_000,
        window: float = 60.0,
        concurrency: int = 1_000,
        latency: float = 0.0,
    ) -> None:
        self.rate_per_window = rate_per_window
        self.window = window
        self.concurrency = concurrency
        self.latency = latency
        self.png_b64 = base64.b64encode(tiny_png()).decode()
        self._state = threading.Lock()
        self._accepted: deque[float] = deque()
        self._in_flight = 0
        self.served: Counter[str] = Counter()
        self.served_times: list[float] = []
        self.limited_times: list[float] = []
        self.max_in_flight = 0
        super().__init__()

    def setup_routes(self) -> None:
        self.route("POST", "/v1/images/generations", self._generate)
        self.route("GET", "/v1/models", lambda _r: FakeResponse.json({"object": "list", "data": []}))

    def _admit(self) -> float | None:
        """None if admitted, else seconds the client should wait."""
        now = time.monotonic()
        with self._state:
            while self._accepted and now - self._accepted[0] >= self.window:
                self._accepted.popleft()
            if self._in_flight >= self.concurrency:
                self.limited_times.append(now)
                return 1.0
            if len(self._accepted) >= self.rate_per_window:
                self.limited_times.append(now)
                return max(0.01, self.window - (now - self._accepted[0]))
            self._accepted.append(now)
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
            return None

    def _generate(self, req: FakeRequest) -> FakeResponse:
        if not req.header("authorization").startswith("Bearer "):
            return FakeResponse.json({"error": {"message": "no key", "type": "invalid_request_error",
                                                "code": "invalid_api_key"}}, 401)
        wait = self._admit()
        if wait is not None:
            return FakeResponse.json(
                {"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}},
                429, retry_after=f"{wait:.3f}", retry_after_ms=str(int(wait * 1000)),
            )
        try:
            if self.latency:
                time.sleep(self.latency)
            prompt = req.json().get("prompt", "")
            with self._state:
                self.served[prompt] += 1
                self.served_times.append(time.monotonic())
            body = {"created": int(time.time()), "data": [{"b64_json": self.png_b64}],
                    "output_format": "png", "size": "1024x1024", "quality": "low",
                    "usage": {"input_tokens": 10, "output_tokens": 100, "total_tokens": 110}}
            return FakeResponse.json(body)
        finally:
            with self._state:
                self._in_flight -= 1
