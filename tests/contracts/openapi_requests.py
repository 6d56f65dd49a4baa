"""Checks the requests a provider fake received against an OpenAPI copy with openapi-core.

The fake server records every request it got over the socket; this wraps one as an
openapi-core `Request` placed under the spec's server URL, so the adapter's real requests
(headers, path, query and body as sent) are validated, not a model of them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from tests.fakes.server import FakeRequest

CONTRACTS = Path(__file__).resolve().parent


class RecordedRequest:
    """An openapi-core Request built from what the fake server received."""

    def __init__(self, req: FakeRequest, server_url: str) -> None:
        parts = urlsplit(server_url)
        self._host_url = f"{parts.scheme}://{parts.netloc}"
        self._req = req
        self.parameters = RequestParameters(
            query=ImmutableMultiDict([(k, v) for k, vs in req.query.items() for v in vs]),
            header=Headers(list(req.headers.items())),
            cookie=ImmutableMultiDict(),
        )

    @property
    def host_url(self) -> str:
        return self._host_url

    @property
    def path(self) -> str:
        return self._req.path

    @property
    def method(self) -> str:
        return self._req.method.lower()

    @property
    def body(self) -> bytes | None:
        return self._req.body or None

    @property
    def content_type(self) -> str:
        return self._req.header("content-type", "application/octet-stream").lower()


@cache
def load_spec(relative: str) -> OpenAPI:
    return OpenAPI.from_file_path(str(CONTRACTS / relative))


def validate_recorded(relative_spec: str, server_url: str, requests: list[FakeRequest]) -> int:
    """Validate each request; raise openapi-core's error for the first that breaks the spec.
    Returns how many were checked so a test can assert it checked something."""
    spec = load_spec(relative_spec)
    for req in requests:
        spec.validate_request(RecordedRequest(req, server_url))
    return len(requests)
