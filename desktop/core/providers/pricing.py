"""The price table (resources/prices/*.json): provider, model, quality and size to a price,
with the date each figure was read. Estimates before a run and for providers that do not
report what a call cost."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.models import GenerationRequest
from desktop.core.paths import resources_dir


@dataclass(frozen=True)
class PriceQuote:
    usd: float | None  # None: unknown (no figure in the table)
    retrieved: str = ""  # when the figure was read, e.g. "2026-08"
    source: str = ""

    @property
    def known(self) -> bool:
        return self.usd is not None


class PriceTable:
    """Look-ups from the most specific key to the least:
    `quality/WxH`, `quality`, `WxH`, then the model's `default`, then the provider's."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._providers: dict[str, Any] = data.get("providers", {})

    @classmethod
    def load(cls, folder: Path | None = None) -> PriceTable:
        """Every `resources/prices/<provider>.json`: one file a provider, `{name: entry}`."""
        folder = folder or resources_dir() / "prices"
        providers: dict[str, Any] = {}
        for path in sorted(folder.glob("*.json")):
            providers.update(json.loads(path.read_text("utf-8")))
        return cls({"providers": providers})

    def providers(self) -> list[str]:
        return sorted(self._providers)

    def quote(self, request: GenerationRequest) -> PriceQuote:
        entry = self._providers.get(request.provider)
        if entry is None:
            return PriceQuote(None)
        retrieved, source = entry.get("retrieved", ""), entry.get("source", "")
        model = (entry.get("models") or {}).get(request.model) or {}
        quality = request.quality or ""
        for key in (f"{quality}/{request.size}", quality, request.size):
            if key and key in model:
                return PriceQuote(float(model[key]), model.get("retrieved", retrieved), source)
        for fallback in (model.get("default"), entry.get("default")):
            if fallback is not None:
                return PriceQuote(float(fallback), model.get("retrieved", retrieved), source)
        return PriceQuote(None, retrieved, source)

    def estimate(self, request: GenerationRequest) -> float | None:
        return self.quote(request).usd
