"""Measures of one image with Pillow and numpy: a downscaled RGB array, its dominant palette
in CIELAB (k-means), a 64-bit perceptual hash (DCT), and an edge map (Sobel) for the
safe-area rule. All run on a copy at most `MAX_SIDE` pixels wide, so a 4K image costs
about as much as a thumbnail.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from desktop.core.workflow.colour import delta_e2000, srgb_to_lab

MAX_SIDE = 256
EDGE_THRESHOLD = 0.2  # normalised Sobel magnitude above which a pixel counts as an edge


def load_rgb(path: Path, max_side: int = MAX_SIDE) -> np.ndarray:
    """(H, W, 3) uint8; transparency is composited on white, EXIF rotation applied."""
    with Image.open(path) as im:
        im.draft("RGB", (max_side, max_side))  # JPEG decodes at reduced size
        im = ImageOps.exif_transpose(im)
        if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
            rgba = im.convert("RGBA")
            canvas = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            im = Image.alpha_composite(canvas, rgba)
        im = im.convert("RGB")
        im.thumbnail((max_side, max_side), Image.Resampling.BILINEAR)
        return np.asarray(im, dtype=np.uint8).copy()


@dataclass(frozen=True)
class Palette:
    """Dominant colours in Lab with the share of pixels each stands for (sums to 1)."""

    lab: np.ndarray  # (k, 3)
    weights: np.ndarray  # (k,)


def dominant_palette(rgb: np.ndarray, k: int = 5, sample: int = 4096, iterations: int = 12) -> Palette:
    """k-means in Lab over a fixed, evenly spaced pixel sample (deterministic)."""
    lab = srgb_to_lab(rgb.reshape(-1, 3))
    if len(lab) > sample:
        lab = lab[np.linspace(0, len(lab) - 1, sample).astype(int)]
    k = max(1, min(k, len(np.unique(np.round(lab, 1), axis=0))))
    # k-means++ style seeding without randomness: farthest point from the chosen centres.
    centres = [lab[np.argmin(np.abs(lab[:, 0] - np.median(lab[:, 0])))]]
    for _ in range(1, k):
        dist = np.min(np.linalg.norm(lab[:, None, :] - np.array(centres)[None], axis=2), axis=1)
        centres.append(lab[int(np.argmax(dist))])
    centre_arr = np.array(centres)
    for _ in range(iterations):
        labels = np.argmin(np.linalg.norm(lab[:, None, :] - centre_arr[None], axis=2), axis=1)
        moved = np.array([lab[labels == i].mean(axis=0) if np.any(labels == i) else centre_arr[i]
                          for i in range(k)])
        if np.allclose(moved, centre_arr, atol=0.05):
            break
        centre_arr = moved
    labels = np.argmin(np.linalg.norm(lab[:, None, :] - centre_arr[None], axis=2), axis=1)
    weights = np.bincount(labels, minlength=k).astype(float) / len(labels)
    keep = weights > 0
    return Palette(centre_arr[keep], weights[keep])


def palette_distance(a: Palette, b: Palette) -> float:
    """Symmetric weighted nearest-colour ΔE2000: each colour of one palette is matched to
    the closest colour of the other, weighted by how much of its image it covers."""
    d = delta_e2000(a.lab[:, None, :], b.lab[None, :, :])
    return float((np.dot(a.weights, d.min(axis=1)) + np.dot(b.weights, d.min(axis=0))) / 2)


def palette_share(rgb: np.ndarray, palette_lab: np.ndarray, tolerance: float) -> tuple[float, list[float]]:
    """Share of pixels within `tolerance` ΔE2000 of some palette colour, and per colour the
    share of pixels whose nearest palette colour it is (within tolerance)."""
    lab = srgb_to_lab(rgb.reshape(-1, 3))
    d = delta_e2000(lab[:, None, :], palette_lab[None, :, :])
    nearest = d.argmin(axis=1)
    inside = d.min(axis=1) <= tolerance
    per_colour = [float(np.mean(inside & (nearest == i))) for i in range(len(palette_lab))]
    return float(np.mean(inside)), per_colour


def _dct_matrix(n: int) -> np.ndarray:
    k = np.arange(n)[:, None]
    i = np.arange(n)[None, :]
    m = np.cos(np.pi * (2 * i + 1) * k / (2 * n)) * np.sqrt(2 / n)
    m[0] /= np.sqrt(2)
    return m


_DCT32 = _dct_matrix(32)


def phash(rgb: np.ndarray) -> int:
    """The classic 64-bit pHash: 32x32 grey, 2-D DCT, the 8x8 lowest frequencies compared
    with their median."""
    grey = Image.fromarray(rgb).convert("L").resize((32, 32), Image.Resampling.LANCZOS)
    pixels = np.asarray(grey, dtype=np.float64)
    low = (_DCT32 @ pixels @ _DCT32.T)[:8, :8].flatten()
    bits = low > np.median(low)
    return int("".join("1" if b else "0" for b in bits), 2)


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def edge_map(rgb: np.ndarray) -> np.ndarray:
    """Boolean (H, W): pixels on a strong edge (normalised Sobel magnitude)."""
    grey = rgb.astype(np.float64) @ np.array([0.2126, 0.7152, 0.0722]) / 255.0
    p = np.pad(grey, 1, mode="edge")
    gx = (p[:-2, 2:] + 2 * p[1:-1, 2:] + p[2:, 2:]) - (p[:-2, :-2] + 2 * p[1:-1, :-2] + p[2:, :-2])
    gy = (p[2:, :-2] + 2 * p[2:, 1:-1] + p[2:, 2:]) - (p[:-2, :-2] + 2 * p[:-2, 1:-1] + p[:-2, 2:])
    return np.hypot(gx, gy) / 4.0 > EDGE_THRESHOLD


def margin_mask(height: int, width: int, margin: float) -> np.ndarray:
    """True in the band of `margin` x side along every edge."""
    mh, mw = max(1, round(height * margin)), max(1, round(width * margin))
    mask = np.zeros((height, width), dtype=bool)
    mask[:mh] = mask[-mh:] = True
    mask[:, :mw] = mask[:, -mw:] = True
    return mask


def image_for_model(path: Path, max_side: int = 768) -> bytes:
    """A PNG copy at most `max_side` wide for a vision model (smaller upload, same content)."""
    import io

    rgb = load_rgb(path, max_side)
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "PNG")
    return buf.getvalue()
