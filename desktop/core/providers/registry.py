"""Which providers exist, and building each once with its settings and the shared client."""

from __future__ import annotations

import os
from collections.abc import Mapping

import httpx

from desktop.core.config import AppConfig
from desktop.core.providers.base import Provider, ProviderContext
from desktop.core.secrets import SecretsError, SecretStore


def builtin_provider_classes() -> tuple[type[Provider], ...]:
    """Every adapter that ships, in the order the UI lists them."""
    from desktop.core.providers import (
        a1111,
        comfyui,
        firefly,
        gemini,
        huggingface,
        leonardo,
        ollama,
        openai_images,
        replicate,
        stability,
    )

    return (
        openai_images.OpenAIImages,
        a1111.Automatic1111,
        gemini.GeminiImages,
        stability.StabilityImages,
        huggingface.HuggingFaceImages,
        firefly.FireflyImages,
        leonardo.LeonardoImages,
        replicate.ReplicateImages,
        ollama.OllamaImages,
        comfyui.ComfyUIImages,
    )


class UnknownProviderError(KeyError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(name)
        self.name = name
        self.known = known

    def __str__(self) -> str:
        return f"unknown provider {self.name!r} (known: {', '.join(self.known)})"


class ProviderRegistry:
    """Provider instances by name, built lazily over one shared httpx client."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        config: AppConfig,
        secrets: SecretStore | None = None,
        env: Mapping[str, str] | None = None,
        classes: tuple[type[Provider], ...] | None = None,
    ) -> None:
        self.http = http
        self.config = config
        self.secrets = secrets
        self.env = env if env is not None else os.environ
        self._classes = {c.name: c for c in (classes or builtin_provider_classes())}
        self._instances: dict[str, Provider] = {}

    def names(self) -> list[str]:
        return list(self._classes)

    def classes(self) -> list[type[Provider]]:
        return list(self._classes.values())

    def get(self, name: str) -> Provider:
        if name not in self._classes:
            raise UnknownProviderError(name, self.names())
        if name not in self._instances:
            ctx = ProviderContext(
                http=self.http,
                settings=self.config.provider(name),
                secret=self._lookup_secret,
                env=self.env,
            )
            self._instances[name] = self._classes[name](ctx)
        return self._instances[name]

    def __contains__(self, name: object) -> bool:
        return name in self._classes

    def reconfigure(self, config: AppConfig) -> None:
        """Settings changed: rebuild providers on next use."""
        self.config = config
        self._instances.clear()

    def _lookup_secret(self, name: str) -> str | None:
        if self.secrets is None:
            return None
        try:
            return self.secrets.get(name)
        except SecretsError:
            return None
