"""Finding a language model to talk to: local Ollama first (offline), OpenAI when chosen or
when no Ollama answers and a key exists. Says plainly what was tried when nothing works.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx

from desktop.core.providers.base import ProviderError
from desktop.core.providers.ollama_text import OllamaModel, OllamaText
from desktop.core.providers.ollama_wire import DEFAULT_HOST, parse_ollama_host
from desktop.core.workflow.errors import ModelUnavailableError
from desktop.core.workflow.openai_chat import OpenAIChat
from desktop.core.workflow.settings import WorkflowSettings

LIST_TIMEOUT = 3.0  # seconds: a local server answers at once or is not running


class ChatBackend(Protocol):
    """What OllamaText and OpenAIChat share."""

    def chat(self, model: str, messages: Sequence[Mapping[str, Any]],
             images: Sequence[bytes] | None = None) -> AsyncIterator[str]: ...


@dataclass(frozen=True)
class BoundChat:
    """One model on one backend, ready to stream."""

    backend: str  # ollama | openai
    model: str
    client: ChatBackend

    @property
    def label(self) -> str:
        return f"{'Ollama' if self.backend == 'ollama' else 'OpenAI'} {self.model}"

    def stream(self, messages: Sequence[Mapping[str, Any]],
               images: Sequence[bytes] | None = None) -> AsyncIterator[str]:
        return self.client.chat(self.model, messages, images)

    async def reply(self, messages: Sequence[Mapping[str, Any]],
                    images: Sequence[bytes] | None = None) -> str:
        return "".join([piece async for piece in self.stream(messages, images)])


@dataclass(frozen=True)
class ModelStatus:
    text: BoundChat | None
    vision: BoundChat | None
    tried: tuple[str, ...] = ()  # what failed, in order, for the message
    ollama_models: tuple[str, ...] = field(default_factory=tuple)

    @property
    def message(self) -> str:
        if self.text is not None:
            vision = self.vision.label if self.vision else "no vision model"
            return f"suggestions from {self.text.label}; images: {vision}"
        return "No language model is reachable: " + "; ".join(self.tried)


class LanguageModels:
    def __init__(
        self,
        http: httpx.AsyncClient,
        settings: Callable[[], WorkflowSettings],
        openai_key: Callable[[], str | None],
        openai_base_url: Callable[[], str] = lambda: "",
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.http = http
        self.settings = settings
        self.openai_key = openai_key
        self.openai_base_url = openai_base_url
        self.env = env if env is not None else os.environ

    def ollama_url(self) -> str:
        configured = self.settings().ollama_url or self.env.get("OLLAMA_HOST", "")
        return parse_ollama_host(configured) if configured else DEFAULT_HOST

    async def _ollama(self, s: WorkflowSettings) -> tuple[BoundChat | None, BoundChat | None, str, tuple[str, ...]]:
        url = self.ollama_url()
        client = OllamaText(self.http, url)
        lister = OllamaText(self.http, url, timeout=LIST_TIMEOUT)
        try:
            models = await lister.list_models()
        except (ProviderError, httpx.HTTPError) as exc:
            return None, None, f"Ollama at {url} did not answer ({exc})", ()
        names = tuple(m.name for m in models)
        text = _pick(models, s.ollama_model, lambda m: m.completion and not m.image)
        vision = _pick(models, s.vision_model, lambda m: m.vision)
        if text is None:
            why = (f"Ollama at {url} has no model {s.ollama_model!r}" if s.ollama_model
                   else f"Ollama at {url} has no chat model installed (try `ollama pull llama3.2`)")
            return None, None, why, names
        return (BoundChat("ollama", text, client),
                BoundChat("ollama", vision, client) if vision else None, "", names)

    def _openai(self, s: WorkflowSettings) -> tuple[BoundChat | None, str]:
        key = self.openai_key()
        if not key:
            return None, "no OpenAI key is set"
        client = OpenAIChat(self.http, key, s.openai_base_url or self.openai_base_url())
        return BoundChat("openai", s.openai_model or "gpt-4o-mini", client), ""

    async def status(self) -> ModelStatus:
        s = self.settings()
        tried: list[str] = []
        names: tuple[str, ...] = ()
        if s.backend in ("auto", "ollama"):
            text, vision, why, names = await self._ollama(s)
            if text is not None:
                return ModelStatus(text, vision, (), names)
            tried.append(why)
        if s.backend in ("auto", "openai"):
            chat, why = self._openai(s)
            if chat is not None:
                return ModelStatus(chat, chat, tuple(tried), names)
            tried.append(why)
        return ModelStatus(None, None, tuple(tried), names)

    async def text_model(self) -> BoundChat:
        status = await self.status()
        if status.text is None:
            raise ModelUnavailableError(status.message)
        return status.text


def _pick(models: Sequence[OllamaModel], wanted: str, fits: Callable[[OllamaModel], bool]) -> str | None:
    if wanted:
        # "llama3.2" matches the installed "llama3.2:latest", as the ollama CLI does.
        for m in models:
            if m.name == wanted or m.name == f"{wanted}:latest":
                return m.name
        return None
    return next((m.name for m in models if fits(m)), None)
