"""Image makers and a fresh library folder for the library tests."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from desktop.core.library.layout import LibraryPaths
from desktop.core.models import GenerationRequest

CHINESE_PROMPT = "一隻橘貓坐在台北的屋頂上，夕陽，水彩風格"
CHINESE_NEGATIVE = "模糊, 低品質"


def gradient(size: tuple[int, int] = (64, 48), mode: str = "RGB") -> Image.Image:
    """A picture with real structure (not flat colour), so codecs do real work: red grows
    to the right, green downwards, blue is a diagonal pattern."""
    width, height = size
    x = np.linspace(0, 255, width, dtype=np.float32)[None, :].repeat(height, 0)
    y = np.linspace(0, 255, height, dtype=np.float32)[:, None].repeat(width, 1)
    diagonal = (np.arange(width)[None, :] + np.arange(height)[:, None]) % 256
    arr = np.stack([x, y, diagonal.astype(np.float32)], axis=-1).astype(np.uint8)
    im = Image.fromarray(arr)
    return im.convert(mode) if mode != "RGB" else im


def encode(im: Image.Image, fmt: str, **options: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **options)
    return buf.getvalue()


def png_bytes(size: tuple[int, int] = (64, 48), mode: str = "RGB") -> bytes:
    return encode(gradient(size, mode), "PNG")


def jpeg_bytes(size: tuple[int, int] = (64, 48), **options: object) -> bytes:
    return encode(gradient(size), "JPEG", quality=90, **options)


def webp_bytes(size: tuple[int, int] = (64, 48), *, lossless: bool = False,
               mode: str = "RGB") -> bytes:
    return encode(gradient(size, mode), "WEBP", lossless=lossless, quality=80)


@pytest.fixture
def paths(tmp_path: Path) -> LibraryPaths:
    return LibraryPaths(tmp_path / "library").ensure()


@pytest.fixture
def request_zh() -> GenerationRequest:
    return GenerationRequest(
        provider="openai", model="gpt-image-1", prompt=CHINESE_PROMPT,
        negative_prompt=CHINESE_NEGATIVE, width=1024, height=1536, seed=4242, steps=30,
        cfg_scale=6.5, quality="high", style="vivid",
        params={"sampler_name": "DPM++ 2M Karras", "background": "transparent"},
    )
