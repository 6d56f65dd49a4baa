"""Style presets: positive and negative text around a `{prompt}` slot, preferred provider,
model, size and quality, a seed policy, reference images and per-provider parameters.

Text follows Automatic1111's style rule, so presets move between the two unchanged: with a
`{prompt}` slot the prompt goes into the slot; without one, the style text is appended
after a comma.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from desktop.core.workflow.errors import FormatError

SLOT = "{prompt}"
SEED_MAX = 2**31 - 1
SEED_MODES = ("random", "locked", "range")


def apply_style_text(style_text: str, prompt: str) -> str:
    """The prompt inside the style text: A1111's rule (slot, else ", "-joined)."""
    if SLOT in style_text:
        return style_text.replace(SLOT, prompt)
    return ", ".join(part for part in (prompt.strip(), style_text.strip()) if part)


@dataclass(frozen=True)
class SeedPolicy:
    """How seeds are chosen: a fresh random one, one locked seed, or seeds from a range
    (start..end inclusive, taken in order so a batch is reproducible)."""

    mode: str = "random"
    seed: int | None = None
    end: int | None = None

    def seeds(self, count: int, rng: random.Random) -> list[int | None]:
        if self.mode == "locked" and self.seed is not None:
            return [self.seed] * count
        if self.mode == "range" and self.seed is not None:
            end = self.end if self.end is not None and self.end >= self.seed else self.seed
            span = end - self.seed + 1
            return [self.seed + (i % span) for i in range(count)]
        return [None] * count  # the queue fixes a random seed where the model takes one

    def problems(self) -> list[str]:
        if self.mode not in SEED_MODES:
            return [f"seed mode {self.mode!r} is not one of {', '.join(SEED_MODES)}"]
        if self.mode != "random" and self.seed is None:
            return [f"seed mode {self.mode} needs a seed"]
        for value in (self.seed, self.end):
            if value is not None and not 0 <= value <= SEED_MAX:
                return [f"seed {value} is outside 0..{SEED_MAX}"]
        if self.mode == "range" and self.end is not None and self.seed is not None \
                and self.end < self.seed:
            return [f"seed range {self.seed}..{self.end} ends before it starts"]
        return []


@dataclass(frozen=True)
class StylePreset:
    """One reusable look. `style` is a generic style keyword (e.g. "cinematic") that the
    renderer maps onto each provider's own vocabulary; `provider_params` overrides that per
    provider (`{"stability": {"style_preset": "anime"}, "a1111": {"style": "My style"}}`)."""

    name: str
    positive: str = SLOT
    negative: str = ""
    description: str = ""
    provider: str = ""
    model: str = ""
    width: int | None = None
    height: int | None = None
    quality: str | None = None
    steps: int | None = None
    cfg_scale: float | None = None
    style: str = ""
    seed: SeedPolicy = field(default_factory=SeedPolicy)
    references: tuple[str, ...] = ()  # library-relative or absolute image paths
    provider_params: dict[str, dict[str, Any]] = field(default_factory=dict)

    def apply(self, prompt: str) -> tuple[str, str]:
        """(positive, negative) for a prompt; the negative keeps A1111's rule too."""
        return apply_style_text(self.positive or SLOT, prompt), self.negative.strip()

    def params_for(self, provider: str) -> dict[str, Any]:
        return dict(self.provider_params.get(provider) or {})

    def with_changes(self, **changes: Any) -> StylePreset:
        return replace(self, **changes)

    def problems(self) -> list[str]:
        found = [] if self.name.strip() else ["a preset needs a name"]
        if (self.width is None) != (self.height is None):
            found.append("give both width and height, or neither")
        for side in (self.width, self.height):
            if side is not None and not 16 <= side <= 16384:
                found.append(f"size side {side} is outside 16..16384")
        return found + self.seed.problems()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["references"] = list(self.references)
        return data

    @classmethod
    def from_dict(cls, data: Any, where: str = "preset") -> StylePreset:
        if not isinstance(data, dict):
            raise FormatError(where, "a preset must be an object")
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(data) - known)
        if unknown:
            raise FormatError(where, f"unknown field(s) {', '.join(unknown)}")
        clean = dict(data)
        if "name" not in clean or not isinstance(clean["name"], str):
            raise FormatError(f"{where}.name", "a preset needs a name (text)")
        for text_field in ("positive", "negative", "description", "provider", "model", "style"):
            if text_field in clean and not isinstance(clean[text_field], str):
                raise FormatError(f"{where}.{text_field}", "must be text")
        for int_field in ("width", "height", "steps"):
            if clean.get(int_field) is not None and not isinstance(clean[int_field], int):
                raise FormatError(f"{where}.{int_field}", "must be a whole number")
        seed = clean.get("seed") or {}
        if isinstance(seed, int):
            seed = {"mode": "locked", "seed": seed}
        if not isinstance(seed, dict) or set(seed) - {"mode", "seed", "end"}:
            raise FormatError(f"{where}.seed", "must be {mode, seed, end}")
        clean["seed"] = SeedPolicy(**seed)
        refs = clean.get("references") or []
        if not isinstance(refs, list | tuple) or not all(isinstance(r, str) for r in refs):
            raise FormatError(f"{where}.references", "must be a list of paths")
        clean["references"] = tuple(refs)
        params = clean.get("provider_params") or {}
        if not isinstance(params, dict) or not all(isinstance(v, dict) for v in params.values()):
            raise FormatError(f"{where}.provider_params", "must map provider names to objects")
        clean["provider_params"] = {str(k): dict(v) for k, v in params.items()}
        preset = cls(**clean)
        problems = preset.problems()
        if problems:
            raise FormatError(where, "; ".join(problems))
        return preset
