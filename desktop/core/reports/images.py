"""Thumbnails for reports: small JPEG bytes from a library image, made with Pillow."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, UnidentifiedImageError

THUMB_PX = 240


def thumbnail_jpeg(path: Path | None, size: int = THUMB_PX, quality: int = 80) -> bytes | None:
    """JPEG bytes no larger than `size` on a side, or None if the file is missing or unreadable."""
    if path is None:
        return None
    try:
        with Image.open(path) as im:
            im.draft("RGB", (size, size))
            im = im.convert("RGB")
            im.thumbnail((size, size))
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=quality)
            return buf.getvalue()
    except (OSError, UnidentifiedImageError):
        return None
