"""The metadata fields an image file carries, flattened for display: generation settings
from whichever tool wrote them, plus A1111's other "Key: value" pairs."""

from __future__ import annotations

from desktop.core.library.metadata import ReadMetadata

_FIELDS = ("source", "provider", "model", "prompt", "negative_prompt", "seed", "steps",
           "sampler", "cfg_scale", "creator_tool", "digital_source_type", "format")


def file_fields(meta: ReadMetadata) -> dict[str, str]:
    """Non-empty fields by name (English keys; the UI translates the ones it knows)."""
    found: dict[str, str] = {}
    for name in _FIELDS:
        value = getattr(meta, name)
        if value not in (None, ""):
            found[name] = str(value)
    if meta.size:
        found["size"] = f"{meta.size[0]}x{meta.size[1]}"
    if meta.pixel_size:
        found["pixel_size"] = f"{meta.pixel_size[0]}x{meta.pixel_size[1]}"
    if meta.record is not None and meta.record.source:
        found["prompt_source"] = meta.record.source
    for key, value in meta.extra.items():
        found.setdefault(key, value)
    return found
