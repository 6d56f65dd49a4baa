"""Ollama's text and vision models for Workflow features (prompt ideas, rewrites, captions):
list the installed models with their capabilities, stream a chat, caption an image.

Local and offline. `/api/chat` streams NDJSON lines `{"message":{"role","content"},"done"}`;
an `{"error": ...}` line with status 200 ends the stream and is raised as a ProviderError.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from desktop.core.models import ErrorKind
from desktop.core.providers.base import ProviderError
from desktop.core.providers.ollama_wire import get_json, stream_ndjson

CAPTION_PROMPT = (
    "Describe this image in one or two plain sentences: subject, setting, style, colours and "
    "light, so the description could be used as an image-generation prompt."
)


@dataclass(frozen=True)
class OllamaModel:
    """One installed model and what it can do, from `/api/tags` and `/api/show`."""

    name: str
    capabilities: tuple[str, ...] = ()
    family: str = ""
    parameter_size: str = ""
    size_bytes: int = 0

    @property
    def completion(self) -> bool:
        return "completion" in self.capabilities

    @property
    def vision(self) -> bool:
        return "vision" in self.capabilities

    @property
    def image(self) -> bool:
        """Generates images (only on Ollama 0.14.3–0.32.5)."""
        return "image" in self.capabilities

    @property
    def kind(self) -> str:
        if self.image:
            return "image"
        if self.vision:
            return "vision"
        return "text" if self.completion else "other"


class OllamaText:
    """A client for one Ollama server's chat and vision models."""

    def __init__(self, http: httpx.AsyncClient, base_url: str, timeout: float = 300.0) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    async def version(self) -> str:
        body = await get_json(self.http, "GET", f"{self.base_url}/api/version", self.base_url)
        version = body.get("version") if isinstance(body, dict) else None
        if not isinstance(version, str):
            raise ProviderError(ErrorKind.BAD_REQUEST, f"{self.base_url}/api/version did not "
                                "answer like Ollama (no version)", status=404, provider="ollama")
        return version

    async def list_models(self) -> list[OllamaModel]:
        """Every installed model with its capabilities (one `/api/show` each, 4 at a time)."""
        tags = await get_json(self.http, "GET", f"{self.base_url}/api/tags", self.base_url)
        entries = [m for m in (tags.get("models") or []) if isinstance(m, dict)]
        gate = asyncio.Semaphore(4)

        async def describe(entry: dict[str, Any]) -> OllamaModel:
            name = str(entry.get("model") or entry.get("name"))
            async with gate:
                shown = await get_json(self.http, "POST", f"{self.base_url}/api/show",
                                       self.base_url, json={"model": name})
            details = entry.get("details") or {}
            return OllamaModel(
                name=name,
                capabilities=tuple(str(c) for c in shown.get("capabilities") or ()),
                family=str(details.get("family") or ""),
                parameter_size=str(details.get("parameter_size") or ""),
                size_bytes=int(entry.get("size") or 0),
            )

        return list(await asyncio.gather(*(describe(e) for e in entries)))

    async def chat(
        self,
        model: str,
        messages: Sequence[Mapping[str, Any]],
        images: Sequence[bytes] | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> AsyncIterator[str]:
        """Yield the assistant's reply piece by piece. `images` go with the last message."""
        payload = [dict(m) for m in messages]
        if images:
            if not payload:
                payload.append({"role": "user", "content": ""})
            payload[-1]["images"] = [base64.b64encode(i).decode("ascii") for i in images]
        body: dict[str, Any] = {"model": model, "messages": payload, "stream": True}
        if options:
            body["options"] = dict(options)
        url = f"{self.base_url}/api/chat"
        # aclosing: returning at "done" must close the HTTP stream now, not at garbage collection.
        async with contextlib.aclosing(stream_ndjson(self.http, url, body, self.timeout,
                                                     self.base_url)) as items:
            async for item in items:
                piece = (item.get("message") or {}).get("content") or ""
                if piece:
                    yield piece
                if item.get("done"):
                    return

    async def reply(self, model: str, messages: Sequence[Mapping[str, Any]],
                    images: Sequence[bytes] | None = None) -> str:
        """The whole reply as one string."""
        return "".join([piece async for piece in self.chat(model, messages, images)])

    async def caption(self, model: str, image_bytes: bytes, prompt: str = CAPTION_PROMPT) -> str:
        """A short description of an image from a vision model."""
        text = await self.reply(model, [{"role": "user", "content": prompt}], [image_bytes])
        return text.strip()
