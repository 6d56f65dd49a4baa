"""A real HTTP server on loopback for provider fakes: routes, a request log and fault scripts.

Each provider fake subclasses `FakeServer` and registers handlers that speak that
provider's exact wire format. Tests script failures (`fail_next`, `delay_next`) to drive
the adapter and the queue through every failure mode over a real socket.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class FakeRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes
    params: dict[str, str] = field(default_factory=dict)  # from the route pattern

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))

    def header(self, name: str, default: str = "") -> str:
        return self.headers.get(name.lower(), default)


@dataclass
class FakeResponse:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (slow answers, timeouts)
    chunk_delay: float = 0.0  # seconds between streamed chunks

    @classmethod
    def json(cls, data: Any, status: int = 200, **headers: str) -> FakeResponse:
        body = json.dumps(data).encode("utf-8")
        hdrs = {"Content-Type": "application/json", **_dash(headers)}
        return cls(status=status, body=body, headers=hdrs)

    @classmethod
    def raw(cls, body: bytes, content_type: str, status: int = 200, **headers: str) -> FakeResponse:
        return cls(status=status, body=body, headers={"Content-Type": content_type, **_dash(headers)})


def _dash(headers: dict[str, str]) -> dict[str, str]:
    return {k.replace("_", "-"): v for k, v in headers.items()}


Handler = Callable[[FakeRequest], FakeResponse]


class FakeServer:
    """Start with `with FakeX() as fake:`; `fake.url` is its base URL."""

    def __init__(self) -> None:
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []
        self._faults: deque[FakeResponse | Callable[[FakeRequest], FakeResponse | None]] = deque()
        self._lock = threading.Lock()
        self.requests: list[FakeRequest] = []
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.setup_routes()

    # -- routes and scripts ------------------------------------------------------------
    def setup_routes(self) -> None:
        """Subclasses register their routes here."""

    def route(self, method: str, pattern: str, handler: Handler) -> None:
        """`pattern` is a path with `{name}` placeholders (a name may match slashes if it
        ends in `:path`, e.g. `/models/{model:path}`)."""
        regex = re.sub(
            r"\{(\w+)(:path)?\}",
            lambda m: f"(?P<{m.group(1)}>.+)" if m.group(2) else f"(?P<{m.group(1)}>[^/]+)",
            pattern,
        )
        self._routes.append((method.upper(), re.compile(f"^{regex}$"), handler))

    def fail_next(self, response: FakeResponse | Callable[[FakeRequest], FakeResponse | None], times: int = 1) -> None:
        """Answer the next `times` requests with `response` instead of the normal route.
        A callable may return None to let a request through to its route."""
        with self._lock:
            for _ in range(times):
                self._faults.append(response)

    def delay_next(self, seconds: float, times: int = 1) -> None:
        def slow(req: FakeRequest) -> FakeResponse:
            resp = self._dispatch(req)
            resp.delay = seconds
            return resp

        self.fail_next(slow, times)

    def requests_to(self, path_prefix: str) -> list[FakeRequest]:
        with self._lock:
            return [r for r in self.requests if r.path.startswith(path_prefix)]

    # -- serving -----------------------------------------------------------------------
    def _dispatch(self, req: FakeRequest) -> FakeResponse:
        for method, regex, handler in self._routes:
            match = regex.match(req.path)
            if match and method == req.method:
                req.params = match.groupdict()
                return handler(req)
        return FakeResponse.json({"error": f"no route for {req.method} {req.path}"}, 404)

    def handle(self, req: FakeRequest) -> FakeResponse:
        with self._lock:
            self.requests.append(req)
            fault = self._faults.popleft() if self._faults else None
        if callable(fault):
            answer = fault(req)
            if answer is not None:
                return answer
        elif fault is not None:
            return fault
        return self._dispatch(req)

    @property
    def url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeServer:
        fake = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # otherwise each answer waits ~40 ms for an ACK

            def log_message(self, *_args: Any) -> None:
                pass

            def _serve(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                req = FakeRequest(
                    method=self.command,
                    path=parts.path,
                    query=parse_qs(parts.query),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=body,
                )
                resp = fake.handle(req)
                if resp.delay:
                    time.sleep(resp.delay)
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._write(resp)

            def _write(self, resp: FakeResponse) -> None:
                self.send_response(resp.status)
                for name, value in resp.headers.items():
                    self.send_header(name, value)
                if isinstance(resp.body, bytes | bytearray):
                    self.send_header("Content-Length", str(len(resp.body)))
                    self.end_headers()
                    self.wfile.write(resp.body)
                    return
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for chunk in resp.body:
                    if resp.chunk_delay:
                        time.sleep(resp.chunk_delay)
                    self.wfile.write(f"{len(chunk):X}\r\n".encode() + chunk + b"\r\n")
                    self.wfile.flush()
                self.wfile.write(b"0\r\n\r\n")

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _serve

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tiny_png(width: int = 8, height: int = 8, color: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    """A real, small PNG for fakes to return."""
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buf, "PNG")
    return buf.getvalue()
