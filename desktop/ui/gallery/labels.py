"""Translated names for what the gallery core hands over as data: sorts, origins,
metadata field names and the tools that wrote a file's metadata."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.core.gallery.query import Sort

SORTS = {
    Sort.NEWEST: QT_TRANSLATE_NOOP("GallerySort", "Newest first"),
    Sort.OLDEST: QT_TRANSLATE_NOOP("GallerySort", "Oldest first"),
    Sort.RATING: QT_TRANSLATE_NOOP("GallerySort", "Best rated"),
    Sort.COST_HIGH: QT_TRANSLATE_NOOP("GallerySort", "Most expensive"),
    Sort.COST_LOW: QT_TRANSLATE_NOOP("GallerySort", "Least expensive"),
}

ORIGINS = {
    "generated": QT_TRANSLATE_NOOP("GalleryOrigin", "Generated here"),
    "imported": QT_TRANSLATE_NOOP("GalleryOrigin", "Imported"),
    "pulled": QT_TRANSLATE_NOOP("GalleryOrigin", "From the cloud"),
}

FIELDS = {
    "prompt": QT_TRANSLATE_NOOP("GalleryField", "Prompt"),
    "negative_prompt": QT_TRANSLATE_NOOP("GalleryField", "Negative prompt"),
    "provider": QT_TRANSLATE_NOOP("GalleryField", "Provider"),
    "model": QT_TRANSLATE_NOOP("GalleryField", "Model"),
    "seed": QT_TRANSLATE_NOOP("GalleryField", "Seed"),
    "size": QT_TRANSLATE_NOOP("GalleryField", "Size"),
    "width": QT_TRANSLATE_NOOP("GalleryField", "Width"),
    "height": QT_TRANSLATE_NOOP("GalleryField", "Height"),
    "steps": QT_TRANSLATE_NOOP("GalleryField", "Steps"),
    "cfg_scale": QT_TRANSLATE_NOOP("GalleryField", "CFG scale"),
    "sampler": QT_TRANSLATE_NOOP("GalleryField", "Sampler"),
    "quality": QT_TRANSLATE_NOOP("GalleryField", "Quality"),
    "style": QT_TRANSLATE_NOOP("GalleryField", "Style"),
    "cost": QT_TRANSLATE_NOOP("GalleryField", "Cost"),
    "created": QT_TRANSLATE_NOOP("GalleryField", "Created"),
    "file": QT_TRANSLATE_NOOP("GalleryField", "File"),
    "file_size": QT_TRANSLATE_NOOP("GalleryField", "File size"),
    "origin": QT_TRANSLATE_NOOP("GalleryField", "Origin"),
    "batch": QT_TRANSLATE_NOOP("GalleryField", "Batch"),
    "job": QT_TRANSLATE_NOOP("GalleryField", "Job"),
    "prompt_source": QT_TRANSLATE_NOOP("GalleryField", "Prompt from"),
    "tags": QT_TRANSLATE_NOOP("GalleryField", "Tags"),
    "source": QT_TRANSLATE_NOOP("GalleryField", "Written by"),
    "creator_tool": QT_TRANSLATE_NOOP("GalleryField", "Creator tool"),
    "digital_source_type": QT_TRANSLATE_NOOP("GalleryField", "Digital source type"),
    "format": QT_TRANSLATE_NOOP("GalleryField", "Format"),
    "pixel_size": QT_TRANSLATE_NOOP("GalleryField", "Pixel size"),
    "rating": QT_TRANSLATE_NOOP("GalleryField", "Rating"),
    "sha256": QT_TRANSLATE_NOOP("GalleryField", "SHA-256"),
    "params": QT_TRANSLATE_NOOP("GalleryField", "Parameters"),
}

WRITERS = {
    "batch-image-generator": QT_TRANSLATE_NOOP("GalleryWriter", "This app"),
    "a1111": QT_TRANSLATE_NOOP("GalleryWriter", "AUTOMATIC1111 / Forge"),
    "comfyui": QT_TRANSLATE_NOOP("GalleryWriter", "ComfyUI"),
    "invokeai": QT_TRANSLATE_NOOP("GalleryWriter", "InvokeAI"),
    "xmp": QT_TRANSLATE_NOOP("GalleryWriter", "XMP description"),
}


def sort_name(sort: Sort) -> str:
    return QCoreApplication.translate("GallerySort", SORTS[sort])


def origin_name(origin: str) -> str:
    text = ORIGINS.get(origin)
    return QCoreApplication.translate("GalleryOrigin", text) if text else origin


def field_name(key: str) -> str:
    """A translated field name; keys we do not know (A1111 extras) are shown as written."""
    text = FIELDS.get(key)
    return QCoreApplication.translate("GalleryField", text) if text else key


def writer_name(source: str | None) -> str:
    if not source:
        return "—"
    text = WRITERS.get(source)
    return QCoreApplication.translate("GalleryWriter", text) if text else source
