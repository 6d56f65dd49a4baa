"""Small real images in each format the provider fakes return, and ways to break them."""

from __future__ import annotations

import base64
import io
from functools import cache

from PIL import Image

PIL_FORMATS = {"png": "PNG", "jpeg": "JPEG", "jpg": "JPEG", "webp": "WEBP"}


@cache
def sample_image(fmt: str = "png", color: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    """An 8x8 image in `fmt` (png, jpeg or webp); cached, so equal calls give equal bytes."""
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buf, PIL_FORMATS[fmt.lower()])
    return buf.getvalue()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def broken_b64(data: bytes) -> str:
    """Base64 cut mid-quantum: no longer decodes (bad padding)."""
    text = b64(data)
    return text[: len(text) - 7]


def cut_image_b64(data: bytes) -> str:
    """Valid base64 of an image cut in half: decodes, but the image has no end."""
    return b64(data[: len(data) // 2])
