"""From dropped files or typed text to a preview the user confirms: read, expand, validate
each request against its provider and price it, before anything is queued."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.config import AppConfig
from desktop.core.models import GenerationRequest
from desktop.core.prompts import Problem, read_prompt_file, read_prompt_text
from desktop.core.prompts.expansion import ExpansionOptions, expand_rows
from desktop.core.prompts.preview import ExpansionPreview
from desktop.core.providers.pricing import PriceTable
from desktop.core.providers.registry import ProviderRegistry


@dataclass(frozen=True)
class IntakeDefaults:
    """What a row leaves empty: the choices in the preview dialog or on the command line."""

    provider: str | None = None
    model: str | None = None
    width: int | None = None
    height: int | None = None
    count: int = 1
    quality: str | None = None
    mode: str = "combinatorial"
    max_jobs: int | None = None
    wildcards_dir: Path | None = None
    seed: int | None = None


def parse_size(text: str) -> tuple[int, int]:
    """"1024x768" (or "1024*768", "1024×768", or full width as a Chinese IME types them:
    "1024ｘ768", "1024＊768") as (width, height)."""
    cleaned = text.lower().replace("×", "x").replace("*", "x").replace("ｘ", "x").replace("＊", "x").strip()
    width, sep, height = cleaned.partition("x")
    if not sep or not width.strip().isdigit() or not height.strip().isdigit():
        raise ValueError(f"size {text!r} is not WIDTHxHEIGHT, e.g. 1024x1024")
    return int(width), int(height)


class Intake:
    def __init__(self, providers: ProviderRegistry, prices: PriceTable, config: AppConfig) -> None:
        self.providers = providers
        self.prices = prices
        self.config = config

    def _options(self, defaults: IntakeDefaults) -> ExpansionOptions:
        provider = defaults.provider or self.config.default_provider
        width, height = defaults.width, defaults.height
        if width is None or height is None:
            width, height = parse_size(self.config.default_size or "1024x1024")
        wildcards = defaults.wildcards_dir or (Path(self.config.wildcards_dir) if self.config.wildcards_dir else None)
        return ExpansionOptions(
            mode="random" if defaults.mode == "random" else "combinatorial",
            max_jobs=defaults.max_jobs or self.config.max_expansion,
            wildcards_dir=wildcards, seed=defaults.seed, provider=provider,
            model=defaults.model or self._default_model(provider), width=width, height=height,
            count=max(defaults.count, 1), quality=defaults.quality,
            provider_models={name: self._default_model(name) for name in self.providers.names()},
        )

    def _default_model(self, provider: str) -> str:
        if provider not in self.providers:
            return ""
        configured = self.config.provider(provider).default_model
        return configured or self.providers.get(provider).capabilities().default_model

    def _validate(self, request: GenerationRequest) -> list[str]:
        if request.provider not in self.providers:
            return []  # reported once per row through known_providers
        return self.providers.get(request.provider).validate(request)

    def _expand(self, results: Iterable, defaults: IntakeDefaults, extra: list[Problem]) -> ExpansionPreview:
        rows, problems = [], list(extra)
        for result in results:
            rows.extend(result.rows)
            problems.extend(result.problems)
        return expand_rows(
            rows, self._options(defaults), validate=self._validate, estimate=self.prices.estimate,
            known_providers=set(self.providers.names()), problems=problems,
        )

    def preview_files(self, paths: Iterable[Path], defaults: IntakeDefaults = IntakeDefaults()) -> ExpansionPreview:
        results, extra = [], []
        for path in paths:
            path = Path(path)
            if not path.exists():
                extra.append(Problem(str(path), None, None, "file not found"))
                continue
            results.append(read_prompt_file(path))
        return self._expand(results, defaults, extra)

    def preview_text(self, text: str, defaults: IntakeDefaults = IntakeDefaults(),
                     source: str = "typed") -> ExpansionPreview:
        return self._expand([read_prompt_text(text, source=source)], defaults, [])
