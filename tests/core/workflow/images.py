"""Test images with known properties: stripes of chosen colours in chosen shares, a busy
checkerboard, a smooth gradient, text-like marks; written as real PNG files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw


def stripes(colours: list[tuple[tuple[int, int, int], float]], size: tuple[int, int] = (200, 200)) -> np.ndarray:
    """Vertical stripes: each colour covers its share of the width."""
    w, h = size
    out = np.zeros((h, w, 3), dtype=np.uint8)
    x = 0
    for i, (rgb, share) in enumerate(colours):
        end = w if i == len(colours) - 1 else x + round(share * w)
        out[:, x:end] = rgb
        x = end
    return out


def checker(size: tuple[int, int] = (200, 200), cell: int = 4,
            a: tuple[int, int, int] = (0, 0, 0), b: tuple[int, int, int] = (255, 255, 255)) -> np.ndarray:
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w]
    mask = ((xx // cell) + (yy // cell)) % 2 == 0
    out = np.empty((h, w, 3), dtype=np.uint8)
    out[mask], out[~mask] = a, b
    return out


def busy_centre(size: tuple[int, int] = (200, 200), margin: float = 0.2,
                background: tuple[int, int, int] = (230, 230, 240)) -> np.ndarray:
    """A quiet background with a checkerboard only inside the centre."""
    w, h = size
    out = np.empty((h, w, 3), dtype=np.uint8)
    out[:] = background
    mx, my = int(w * margin) + 2, int(h * margin) + 2
    out[my:h - my, mx:w - mx] = checker((w - 2 * mx, h - 2 * my))
    return out


def scene(base: tuple[int, int, int], accent: tuple[int, int, int], size: tuple[int, int] = (160, 160),
          shift: int = 0) -> np.ndarray:
    """A simple 'composition': a base colour with an accent disc, moved by `shift` pixels."""
    im = Image.new("RGB", size, base)
    draw = ImageDraw.Draw(im)
    w, h = size
    draw.ellipse((w * 0.3 + shift, h * 0.3, w * 0.7 + shift, h * 0.7), fill=accent)
    draw.rectangle((0, h * 0.8, w, h), fill=tuple(max(0, c - 60) for c in base))
    return np.asarray(im, dtype=np.uint8).copy()


def save(array: np.ndarray, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(array).save(path, "PNG")
    return path
