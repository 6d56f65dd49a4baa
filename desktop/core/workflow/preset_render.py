"""Rendering a style preset into a `GenerationRequest` for one provider, so the same preset
looks sensible everywhere: Stability gets `style_preset`, Leonardo `presetStyle` (through
the adapter's `preset_style` option), Firefly its `style_preset`, A1111 a saved style by
name; a provider without negative prompts (OpenAI) gets them folded into the prompt; a
size the model does not offer becomes the offered size nearest in aspect ratio.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from desktop.core.models import GenerationRequest
from desktop.core.workflow.presets import StylePreset

# A generic style keyword in each provider's vocabulary (checked against the adapters'
# lists in the tests). Missing entries mean "no native equivalent": the text carries it.
NATIVE_STYLES: dict[str, dict[str, str]] = {
    "stability": {k: k for k in (
        "3d-model", "analog-film", "anime", "cinematic", "comic-book", "digital-art",
        "fantasy-art", "isometric", "line-art", "low-poly", "neon-punk", "origami",
        "photographic", "pixel-art")},
    "leonardo": {
        "anime": "ANIME", "cinematic": "CINEMATIC", "photographic": "PHOTOGRAPHY",
        "3d-model": "RENDER_3D", "analog-film": "FILM", "line-art": "SKETCH_BW",
        "digital-art": "ILLUSTRATION", "comic-book": "ILLUSTRATION", "fantasy-art": "CREATIVE",
        "minimalist": "MINIMALISTIC", "monochrome": "MONOCHROME", "vibrant": "VIBRANT",
    },
    "firefly": {
        "photographic": "photo", "digital-art": "digital_art", "3d-model": "3d",
        "anime": "anime", "line-art": "line_drawing", "neon-punk": "neon",
        "isometric": "isometric", "watercolor": "watercolor", "comic-book": "cartoon",
        "vibrant": "vibrant_colors", "monochrome": "monochromatic",
    },
}
# The request parameter each adapter reads for its native style.
STYLE_PARAM = {"stability": "style_preset", "leonardo": "preset_style", "firefly": "style_preset"}
AVOID_PREFIX = "Avoid: "


@dataclass(frozen=True)
class RenderTarget:
    """Where a request goes and what that model accepts (from its capabilities)."""

    provider: str
    model: str
    sizes: tuple[str, ...] = ()  # empty: any size
    supports_seed: bool = True
    supports_negative: bool = True


def nearest_size(width: int, height: int, sizes: tuple[str, ...]) -> tuple[int, int]:
    """The offered size closest in aspect ratio (then in area) to width x height."""
    if not sizes or f"{width}x{height}" in sizes:
        return width, height
    parsed = []
    for size in sizes:
        w, _, h = size.partition("x")
        if w.isdigit() and h.isdigit():
            parsed.append((int(w), int(h)))
    if not parsed:
        return width, height
    want = math.log(width / height)
    return min(parsed, key=lambda s: (round(abs(math.log(s[0] / s[1]) - want), 6),
                                      abs(s[0] * s[1] - width * height)))


def render_request(
    preset: StylePreset,
    prompt: str,
    target: RenderTarget,
    *,
    size: tuple[int, int] | None = None,
    seed: int | None = None,
) -> GenerationRequest:
    """One request for `prompt` in this preset's style on `target`."""
    params: dict[str, Any] = {}
    mapped = preset.params_for(target.provider)
    style_name = mapped.pop("style", None)
    native = NATIVE_STYLES.get(target.provider, {}).get(preset.style.lower()) if preset.style else None
    if target.provider in STYLE_PARAM and native:
        params[STYLE_PARAM[target.provider]] = native
    params.update(mapped)

    if target.provider == "a1111" and style_name:
        # A saved A1111 style holds the text server-side; inlining it too would double it.
        positive, negative = prompt, ""
    else:
        positive, negative = preset.apply(prompt)
    if negative and not target.supports_negative:
        positive = f"{positive}. {AVOID_PREFIX}{negative}"
        negative = ""

    width, height = size or (preset.width or 1024, preset.height or 1024)
    width, height = nearest_size(width, height, target.sizes)
    return GenerationRequest(
        provider=target.provider,
        model=target.model,
        prompt=positive,
        negative_prompt=negative,
        width=width,
        height=height,
        seed=seed if target.supports_seed else None,
        steps=preset.steps,
        cfg_scale=preset.cfg_scale,
        quality=preset.quality,
        style=style_name,
        params=params,
    )
