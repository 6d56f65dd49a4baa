"""A small streaming client for OpenAI chat completions (text and images in), used for
prompt suggestions when the user prefers OpenAI or no local Ollama is running.

`POST /chat/completions` with `stream: true` answers Server-Sent Events: `data: {json}`
lines whose `choices[0].delta.content` carry the reply, ending with `data: [DONE]`.
Errors are `{"error": {"message", "type", "code"}}` with an HTTP status.
"""

from __future__ import annotations

import base64
import contextlib
import json
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

import httpx

from desktop.core.models import ErrorKind
from desktop.core.providers.base import ProviderError

DEFAULT_BASE_URL = "https://api.openai.com/v1"


def _error(resp: httpx.Response, body: bytes) -> ProviderError:
    try:
        message = json.loads(body)["error"]["message"]
    except (ValueError, KeyError, TypeError):
        message = body[:200].decode("utf-8", "replace") or resp.reason_phrase
    status = resp.status_code
    kind = (ErrorKind.AUTH if status in (401, 403) else ErrorKind.RATE_LIMITED if status == 429
            else ErrorKind.PROVIDER_DOWN if status >= 500 else ErrorKind.BAD_REQUEST)
    return ProviderError(kind, f"chat completions: {message}", status=status, provider="openai")


def _pieces(line: str) -> list[str] | None:
    """The reply text in one SSE line; None at `data: [DONE]`."""
    if not line.startswith("data:"):
        return []
    data = line[5:].strip()
    if data == "[DONE]":
        return None
    try:
        item = json.loads(data)
    except ValueError as exc:
        raise ProviderError(ErrorKind.TRANSIENT, f"chat completions sent a line that is not JSON: "
                            f"{data[:80]!r}", provider="openai") from exc
    if "error" in item:
        raise ProviderError(ErrorKind.TRANSIENT, f"chat completions: "
                            f"{item['error'].get('message', item['error'])}", provider="openai")
    return [piece for choice in item.get("choices") or []
            if (piece := (choice.get("delta") or {}).get("content"))]


class OpenAIChat:
    """Chat with one OpenAI (or OpenAI-compatible) endpoint."""

    def __init__(self, http: httpx.AsyncClient, api_key: str, base_url: str = DEFAULT_BASE_URL,
                 timeout: float = 120.0) -> None:
        self.http = http
        self.api_key = api_key
        self.base_url = (base_url or DEFAULT_BASE_URL).rstrip("/")
        self.timeout = timeout

    @staticmethod
    def _messages(messages: Sequence[Mapping[str, Any]], images: Sequence[bytes] | None) -> list[dict[str, Any]]:
        out = [dict(m) for m in messages]
        if images:
            last = out[-1] if out else {"role": "user", "content": ""}
            parts: list[dict[str, Any]] = [{"type": "text", "text": str(last.get("content", ""))}]
            for image in images:
                url = "data:image/png;base64," + base64.b64encode(image).decode("ascii")
                parts.append({"type": "image_url", "image_url": {"url": url}})
            last = {**last, "content": parts}
            out = out[:-1] + [last] if out else [last]
        return out

    async def chat(self, model: str, messages: Sequence[Mapping[str, Any]],
                   images: Sequence[bytes] | None = None) -> AsyncIterator[str]:
        body = {"model": model, "messages": self._messages(messages, images), "stream": True}
        headers = {"Authorization": f"Bearer {self.api_key}", "Accept": "text/event-stream"}
        url = f"{self.base_url}/chat/completions"
        try:
            async with self.http.stream("POST", url, json=body, headers=headers,
                                        timeout=self.timeout) as resp:
                if resp.status_code != 200:
                    raise _error(resp, await resp.aread())
                async with contextlib.aclosing(resp.aiter_lines()) as lines:
                    async for line in lines:
                        pieces = _pieces(line)
                        if pieces is None:
                            return
                        for piece in pieces:
                            yield piece
        except httpx.ConnectError as exc:
            raise ProviderError(ErrorKind.PROVIDER_DOWN, f"cannot reach {self.base_url}: {exc}",
                                provider="openai") from exc
        except httpx.TimeoutException as exc:
            raise ProviderError(ErrorKind.TRANSIENT, f"no answer from {self.base_url} within "
                                f"{self.timeout:.0f} s", provider="openai") from exc
