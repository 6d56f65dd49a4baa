"""What the welcome collected, and how it becomes settings. Plain data: the key is stored by
the composition root through the services' secrets store once they exist."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.config import AppConfig, ProviderSettings


@dataclass(frozen=True)
class LocalChoice:
    """A local server the user kept: which provider, at what address, can it make images."""

    provider: str
    url: str
    can_generate: bool = True


@dataclass
class WelcomeChoices:
    skipped: bool = False
    language: str = ""  # "" follows the system
    library: Path | None = None
    local: list[LocalChoice] = field(default_factory=list)
    cloud_provider: str = ""
    cloud_key: str = field(default="", repr=False)  # never printed or logged

    def apply_to(self, config: AppConfig) -> None:
        """Write the choices into `config` (not the key). Skipping keeps every default."""
        if self.skipped:
            return
        config.language = self.language
        if self.library is not None:
            config.library_path = str(self.library)
        for server in self.local:
            settings = config.providers.get(server.provider) or ProviderSettings()
            settings.base_url = server.url
            settings.enabled = True
            config.providers[server.provider] = settings
        default = self.default_provider()
        if default:
            config.default_provider = default
            config.default_model = ""

    def default_provider(self) -> str:
        """The provider new batches use: the cloud one given a key, else the first local
        server that can make images."""
        if self.cloud_provider and self.cloud_key.strip():
            return self.cloud_provider
        return next((s.provider for s in self.local if s.can_generate), "")
