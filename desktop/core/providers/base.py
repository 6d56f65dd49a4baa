"""The provider interface: capabilities as data, one error taxonomy, one shared HTTP client.

An adapter is small: it builds the HTTP request, parses the answer and maps failures onto
`ErrorKind`. Retries, rate limits, timeouts, cancellation and cost accounting live once, in
the queue engine, never in an adapter.
"""

from __future__ import annotations

import abc
import base64
import binascii
import json
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import httpx

from desktop.core.config import ProviderSettings
from desktop.core.models import ErrorKind, GenerationRequest, GenerationResult
from desktop.core.providers.retry_after import parse_retry_after

ProgressCallback = Callable[[float], None]


class ProviderError(Exception):
    """A provider call failed; `kind` decides whether the queue retries or falls back."""

    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
        code: str | None = None,
        provider: str | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.retry_after = retry_after
        self.code = code
        self.provider = provider

    def __str__(self) -> str:
        where = f"{self.provider}: " if self.provider else ""
        status = f" (HTTP {self.status})" if self.status else ""
        return f"{where}{self.message}{status}"


@dataclass(frozen=True)
class OptionSpec:
    """A provider-specific option the UI renders as a widget from data."""

    key: str
    label: str
    kind: str = "choice"  # choice | int | float | bool | text
    choices: tuple[str, ...] = ()
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""


@dataclass(frozen=True)
class ModelInfo:
    id: str
    label: str = ""
    sizes: tuple[str, ...] = ()  # empty: any size the provider's rule accepts
    supports_seed: bool = True
    supports_negative: bool = True
    deterministic: bool = False  # same seed gives the same image (request cache allowed)
    kind: str = "image"  # image | text | vision


@dataclass(frozen=True)
class Capabilities:
    models: tuple[ModelInfo, ...]
    local: bool = False
    max_n: int = 1
    edits: bool = False
    variations: bool = False
    options: tuple[OptionSpec, ...] = ()
    aspect_ratios: tuple[str, ...] = ()  # for providers that take ratios, not pixels

    def model(self, model_id: str) -> ModelInfo | None:
        return next((m for m in self.models if m.id == model_id), None)

    @property
    def default_model(self) -> str:
        return self.models[0].id if self.models else ""


@dataclass(frozen=True)
class HealthReport:
    """The result of a cheap authenticated check: what works and exactly what does not."""

    status: str  # ok | bad_key | no_credits | unreachable | wrong_base_url | unconfigured | error
    message: str
    latency_ms: float | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


SecretLookup = Callable[[str], "str | None"]


@dataclass
class ProviderContext:
    """What a provider is built with: the shared client, its settings and a key lookup."""

    http: httpx.AsyncClient
    settings: ProviderSettings = field(default_factory=ProviderSettings)
    secret: SecretLookup = lambda _name: None
    env: Mapping[str, str] = field(default_factory=lambda: os.environ)


class Provider(abc.ABC):
    """One image provider behind the common async interface."""

    name: ClassVar[str]
    display_name: ClassVar[str]
    default_base_url: ClassVar[str]
    base_url_env: ClassVar[str] = ""
    key_env: ClassVar[tuple[str, ...]] = ()
    needs_key: ClassVar[bool] = True
    default_concurrency: ClassVar[int] = 2
    default_rate_per_minute: ClassVar[float] = 60.0

    def __init__(self, ctx: ProviderContext) -> None:
        self.ctx = ctx

    # -- configuration -------------------------------------------------------------
    @property
    def base_url(self) -> str:
        env = self.ctx.env.get(self.base_url_env) if self.base_url_env else None
        url = env or self.ctx.settings.base_url or self.default_base_url
        return url.rstrip("/")

    def credential(self, secret_name: str = "api_key", env_names: tuple[str, ...] = ()) -> str | None:
        """The key from its environment variable, else from the secrets store."""
        for env_name in env_names or self.key_env:
            value = self.ctx.env.get(env_name)
            if value:
                return value
        return self.ctx.secret(f"{self.name}.{secret_name}")

    def require_key(self) -> str:
        key = self.credential()
        if not key:
            names = " or ".join(self.key_env) or "a key"
            raise ProviderError(
                ErrorKind.AUTH,
                f"no API key: add one in Settings or set {names}",
                provider=self.name,
            )
        return key

    @property
    def timeout(self) -> float:
        return self.ctx.settings.timeout_s or 120.0

    # -- the interface ---------------------------------------------------------------
    @abc.abstractmethod
    def capabilities(self) -> Capabilities: ...

    def validate(self, request: GenerationRequest) -> list[str]:
        """Problems that make this request impossible here, as readable sentences."""
        caps = self.capabilities()
        info = caps.model(request.model)
        if info is None and caps.models:
            known = ", ".join(m.id for m in caps.models)
            return [f"unknown model {request.model!r} for {self.display_name} (known: {known})"]
        if info and info.sizes and request.size not in info.sizes:
            return [
                f"size {request.size} is not offered by {request.model} "
                f"(choose one of {', '.join(info.sizes)})"
            ]
        return []

    def is_deterministic(self, request: GenerationRequest) -> bool:
        info = self.capabilities().model(request.model)
        return bool(info and info.deterministic and request.seed is not None)

    @abc.abstractmethod
    async def generate(
        self, request: GenerationRequest, progress: ProgressCallback | None = None
    ) -> GenerationResult: ...

    @abc.abstractmethod
    async def check(self) -> HealthReport: ...

    # -- helpers shared by adapters ---------------------------------------------------
    def error(self, kind: ErrorKind, message: str, **kw: Any) -> ProviderError:
        return ProviderError(kind, message, provider=self.name, **kw)

    async def send(self, method: str, url: str, **kw: Any) -> httpx.Response:
        """Send one request, turning transport failures into typed errors."""
        kw.setdefault("timeout", self.timeout)
        try:
            return await self.ctx.http.request(method, url, **kw)
        except httpx.ConnectError as exc:
            raise self.error(
                ErrorKind.PROVIDER_DOWN, f"cannot reach {self.base_url}: {exc or 'connection refused'}"
            ) from exc
        except httpx.TimeoutException as exc:
            raise self.error(ErrorKind.TRANSIENT, f"no answer within {kw['timeout']:.0f} s") from exc
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            raise self.error(ErrorKind.TRANSIENT, f"connection broke: {exc}") from exc
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            where = f" (Settings or {self.base_url_env})" if self.base_url_env else ""
            raise self.error(
                ErrorKind.BAD_REQUEST,
                f"base URL {self.base_url!r}{where} is not a web address like http://127.0.0.1:7860: {exc}",
                code="wrong_base_url",
            ) from exc

    def json_body(self, resp: httpx.Response) -> Any:
        try:
            return resp.json()
        except (ValueError, json.JSONDecodeError) as exc:
            snippet = resp.text[:120].replace("\n", " ")
            raise self.error(
                ErrorKind.TRANSIENT,
                f"answer is not valid JSON: {snippet!r}",
                status=resp.status_code,
            ) from exc

    def decode_b64(self, data: Any, what: str = "image") -> bytes:
        if not isinstance(data, str) or not data:
            raise self.error(ErrorKind.TRANSIENT, f"answer holds no {what} data")
        if data.startswith("data:"):
            data = data.split(",", 1)[-1]
        try:
            return base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise self.error(ErrorKind.TRANSIENT, f"{what} data is not valid base64: {exc}") from exc

    def classify_status(self, resp: httpx.Response, message: str, code: str | None = None) -> ProviderError:
        """The default mapping from an HTTP error status onto the taxonomy."""
        status = resp.status_code
        retry_after = parse_retry_after(resp.headers)
        if status == 429:
            kind = ErrorKind.RATE_LIMITED
        elif status in (401, 403):
            kind = ErrorKind.AUTH
        elif status == 402:
            kind = ErrorKind.QUOTA
        elif status in (408, 409, 425) or status >= 500:
            kind = ErrorKind.PROVIDER_DOWN if status in (502, 503, 504) else ErrorKind.TRANSIENT
        else:
            kind = ErrorKind.BAD_REQUEST
        return self.error(kind, message, status=status, retry_after=retry_after, code=code)

    async def timed_check(self, call: Callable[[], Any]) -> HealthReport:
        """Run a cheap check and turn its errors into a report with latency."""
        if self.needs_key and not self.credential():
            names = " or ".join(self.key_env)
            return HealthReport("unconfigured", f"no key: add one in Settings or set {names}")
        start = time.perf_counter()
        try:
            detail = await call()
        except ProviderError as exc:
            return HealthReport(_status_for(exc), str(exc), _ms(start))
        return HealthReport("ok", "connected", _ms(start), detail or {})


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)


def _status_for(exc: ProviderError) -> str:
    if exc.kind is ErrorKind.AUTH:
        return "bad_key"
    if exc.kind is ErrorKind.QUOTA:
        return "no_credits"
    if exc.kind is ErrorKind.PROVIDER_DOWN:
        return "unreachable"
    if exc.status == 404 or exc.code == "wrong_base_url":
        return "wrong_base_url"
    return "error"
