"""What Ollama's image provider and its text client share: where the server is (OLLAMA_HOST,
read the way Ollama reads it), version arithmetic, the NDJSON stream, and error mapping.

Errors are `{"error": "..."}` with 400/404/429/500/502, or an `{"error": ...}` line in the
middle of a 200 stream. Wire format: ../shared/providers.md §8.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from typing import Any

import httpx

from desktop.core.models import ErrorKind
from desktop.core.providers.base import ProviderError
from desktop.core.providers.retry_after import parse_retry_after

DEFAULT_HOST = "http://127.0.0.1:11434"
# Image generation shipped in v0.14.3 (commit 634c416) and was removed in v0.32.6 (4713800).
IMAGE_GENERATION_FIRST = (0, 14, 3)
IMAGE_GENERATION_LAST = (0, 32, 5)
IMAGE_GENERATION_SPAN = "0.14.3–0.32.5"
_VERSION = re.compile(r"^v?(\d+)\.(\d+)\.(\d+)")


def parse_ollama_host(value: str) -> str:
    """A base URL from OLLAMA_HOST as Ollama itself reads it: `host`, `host:port`, `:port`,
    `[v6]:port` or a URL; no scheme means http and port 11434, `http://` alone means port 80,
    `https://` 443. A listen address (0.0.0.0, ::, empty host) means this machine."""
    text = value.strip().strip("\"'")
    scheme, sep, hostport = text.partition("://")
    default_port = "11434"
    if not sep:
        scheme, hostport = "http", text
    elif scheme == "http":
        default_port = "80"
    elif scheme == "https":
        default_port = "443"
    hostport, _, path = hostport.partition("/")
    host, port = _split_host_port(hostport)
    if not port.isdigit() or not 0 <= int(port) <= 65535:
        port = default_port
    if host in ("", "0.0.0.0", "::"):
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"{scheme}://{host}:{port}" + (f"/{path.rstrip('/')}" if path.strip("/") else "")


def _split_host_port(hostport: str) -> tuple[str, str]:
    if hostport.startswith("["):
        host, _, rest = hostport[1:].partition("]")
        return host, rest[1:] if rest.startswith(":") else ""
    if hostport.count(":") == 1:
        host, _, port = hostport.partition(":")
        return host, port
    return hostport, ""  # a bare name, or a bare IPv6 address without brackets


def parse_version(text: str) -> tuple[int, int, int] | None:
    """(major, minor, patch) of "0.14.3", "v0.33.0-rc2"; None if unreadable."""
    found = _VERSION.match(text.strip())
    return tuple(int(g) for g in found.groups()) if found else None  # type: ignore[return-value]


def version_can_generate_images(version: str) -> bool | None:
    """True/False for a release; None for unreadable or development builds (0.0.0), where
    only the models' capabilities can tell."""
    parsed = parse_version(version)
    if parsed is None or parsed == (0, 0, 0):
        return None
    return IMAGE_GENERATION_FIRST <= parsed <= IMAGE_GENERATION_LAST


def no_image_generation_message(version: str) -> str:
    return (f"This Ollama (v{version.lstrip('v')}) cannot generate images: image generation "
            f"existed only in {IMAGE_GENERATION_SPAN}")


def ollama_error(status: int, text: str, where: str, headers: Any = None) -> ProviderError:
    """Map an Ollama error answer (`{"error": "..."}` or plain text) onto the taxonomy."""
    try:
        body = json.loads(text)
        message = str(body.get("error") or text) if isinstance(body, dict) else text
    except ValueError:
        message = text.strip() or f"HTTP {status}"
    kind = {400: ErrorKind.BAD_REQUEST, 404: ErrorKind.BAD_REQUEST, 401: ErrorKind.AUTH,
            403: ErrorKind.AUTH, 429: ErrorKind.RATE_LIMITED, 502: ErrorKind.PROVIDER_DOWN,
            503: ErrorKind.PROVIDER_DOWN}.get(status, ErrorKind.TRANSIENT)
    if status in (200, 500):
        # Ollama reports "wrong model for this" and "not enough memory" as plain 500s too.
        kind = stream_error_kind(message)
    retry = parse_retry_after(headers) if headers is not None else None
    return ProviderError(kind, f"Ollama at {where}: {message[:500]}", status=status,
                         retry_after=retry, provider="ollama")


def stream_error_kind(message: str) -> ErrorKind:
    low = message.lower()
    if "not found" in low or "does not support" in low or "missing data required" in low:
        return ErrorKind.BAD_REQUEST
    if "memory" in low:
        return ErrorKind.LOCAL  # this machine cannot hold the model right now
    return ErrorKind.TRANSIENT


def transport_error(exc: Exception, base_url: str) -> ProviderError:
    if isinstance(exc, httpx.ConnectError):
        return ProviderError(ErrorKind.PROVIDER_DOWN, f"cannot reach Ollama at {base_url}: is "
                             "`ollama serve` running?", provider="ollama")
    if isinstance(exc, httpx.TimeoutException):
        return ProviderError(ErrorKind.TRANSIENT, f"Ollama at {base_url} stopped answering "
                             "(timeout)", provider="ollama")
    return ProviderError(ErrorKind.TRANSIENT, f"connection to Ollama at {base_url} broke: {exc}",
                         provider="ollama")


async def stream_ndjson(
    http: httpx.AsyncClient, url: str, body: dict[str, Any], timeout: float, base_url: str
) -> AsyncIterator[dict[str, Any]]:
    """POST `body` and yield each JSON line; an `{"error"}` line raises a typed error."""
    try:
        async with http.stream("POST", url, json=body, timeout=timeout) as resp:
            if resp.status_code != 200:
                text = (await resp.aread()).decode("utf-8", "replace")
                raise ollama_error(resp.status_code, text, url, resp.headers)
            async for line in resp.aiter_lines():
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except ValueError as exc:
                    raise ProviderError(ErrorKind.TRANSIENT, f"Ollama at {url} sent a line that "
                                        f"is not JSON: {line[:80]!r}", provider="ollama") from exc
                if isinstance(item, dict) and item.get("error"):
                    raise ollama_error(200, json.dumps(item), url)
                if isinstance(item, dict):
                    yield item
    except (httpx.TransportError, httpx.TimeoutException) as exc:
        raise transport_error(exc, base_url) from exc


async def get_json(http: httpx.AsyncClient, method: str, url: str, base_url: str,
                   timeout: float = 15, **kw: Any) -> Any:
    try:
        resp = await http.request(method, url, timeout=timeout, **kw)
    except (httpx.TransportError, httpx.TimeoutException) as exc:
        raise transport_error(exc, base_url) from exc
    if resp.status_code != 200:
        raise ollama_error(resp.status_code, resp.text, url, resp.headers)
    try:
        return resp.json()
    except ValueError as exc:
        # Something answers here, but not Ollama: say so as a 404-like wrong address.
        raise ProviderError(ErrorKind.BAD_REQUEST, f"{url} did not answer like Ollama "
                            f"(not JSON: {resp.text[:60]!r})", status=404,
                            provider="ollama") from exc
