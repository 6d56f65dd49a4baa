"""Settings and paths: one typed object, saved as versioned JSON in the user's config folder.

Environment overrides (for tests, CI and power users):
  BATCHGEN_CONFIG_DIR   folder holding settings.json and the encrypted secrets fallback
  BATCHGEN_LIBRARY      library folder used when no --library is given
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "BatchImageGenerator"
APP_AUTHOR = "BatchImageGenerator"
SCHEMA_VERSION = 1


class ConfigError(Exception):
    """The settings file cannot be read or written."""


def config_dir() -> Path:
    env = os.environ.get("BATCHGEN_CONFIG_DIR")
    return Path(env) if env else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def default_library_dir() -> Path:
    env = os.environ.get("BATCHGEN_LIBRARY")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "Library"


@dataclass
class ProviderSettings:
    """What the user set for one provider; None means the provider's default."""

    enabled: bool = True
    base_url: str | None = None
    concurrency: int | None = None
    rate_per_minute: float | None = None
    default_model: str | None = None
    timeout_s: float | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class AppConfig:
    schema_version: int = SCHEMA_VERSION
    library_path: str = ""
    language: str = ""  # "" follows the system; "en" or "zh_TW"
    theme: str = "system"  # system | light | dark
    default_provider: str = "openai"
    default_model: str = ""
    default_size: str = "1024x1024"
    max_expansion: int = 1000
    max_attempts: int = 5
    wildcards_dir: str = ""
    providers: dict[str, ProviderSettings] = field(default_factory=dict)
    ui: dict[str, Any] = field(default_factory=dict)  # geometry, splitters, last folder...
    extra: dict[str, Any] = field(default_factory=dict)  # sections owned by other features

    def provider(self, name: str) -> ProviderSettings:
        return self.providers.get(name) or ProviderSettings()

    def library_dir(self) -> Path:
        return Path(self.library_path) if self.library_path else default_library_dir()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AppConfig:
        data = _migrate(dict(data))
        known = set(cls.__dataclass_fields__)
        clean = {k: v for k, v in data.items() if k in known}
        pkeys = set(ProviderSettings.__dataclass_fields__)
        clean["providers"] = {
            name: ProviderSettings(**{k: v for k, v in (ps or {}).items() if k in pkeys})
            for name, ps in (data.get("providers") or {}).items()
        }
        return cls(**clean)


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Upgrade older settings files step by step; version 1 is the first."""
    data.setdefault("schema_version", SCHEMA_VERSION)
    return data


class ConfigStore:
    """Loads and atomically saves `settings.json` in the config folder."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or config_dir()
        self.path = self.directory / "settings.json"

    def load(self) -> AppConfig:
        if not self.path.exists():
            return AppConfig()
        try:
            return AppConfig.from_dict(json.loads(self.path.read_text("utf-8")))
        except (OSError, ValueError, TypeError) as exc:
            raise ConfigError(f"{self.path}: cannot read settings: {exc}") from exc

    def save(self, config: AppConfig) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        text = json.dumps(config.to_dict(), ensure_ascii=False, indent=2)
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise ConfigError(f"{self.path}: cannot save settings: {exc}") from exc
