"""The workflow's own settings, kept in `AppConfig.extra["workflow"]` so the settings file
needs no new schema: which language model suggests prompts and which looks at images."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from desktop.core.config import AppConfig

SECTION = "workflow"
BACKENDS = ("auto", "ollama", "openai")  # auto: local Ollama first, OpenAI if it is not there


@dataclass(frozen=True)
class WorkflowSettings:
    backend: str = "auto"
    ollama_url: str = ""  # "" -> OLLAMA_HOST, else http://127.0.0.1:11434
    ollama_model: str = ""  # "" -> the first installed chat model
    vision_model: str = ""  # "" -> the first installed vision model
    openai_model: str = "gpt-4o-mini"
    openai_base_url: str = ""  # "" -> the OpenAI provider's base URL
    check_text_on_new: bool = True  # ask the vision model about text for every new image

    @classmethod
    def from_config(cls, config: AppConfig) -> WorkflowSettings:
        data: dict[str, Any] = dict(config.extra.get(SECTION) or {})
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        settings = cls(**known)
        if settings.backend not in BACKENDS:
            settings = cls(**{**known, "backend": "auto"})
        return settings

    def into(self, config: AppConfig) -> AppConfig:
        config.extra[SECTION] = asdict(self)
        return config
