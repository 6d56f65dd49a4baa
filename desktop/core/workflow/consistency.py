"""A consistency score for a set of images: colour-palette distance (CIELAB, ΔE2000),
perceptual-hash distance and, when the CLIP extra works, embedding similarity. Each image
gets the mean similarity to the others (0..100); the set's score is their mean; images far
below the set's median are flagged as outliers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from desktop.core.workflow.image_measures import (
    Palette,
    dominant_palette,
    hamming,
    palette_distance,
    phash,
)

PALETTE_SCALE = 40.0  # mean ΔE2000 at which two palettes count as unrelated
PHASH_SCALE = 0.5  # Hamming fraction of unrelated images
CLIP_FLOOR, CLIP_SPAN = 0.5, 0.45  # cosine similarity of unrelated / near-identical images
OUTLIER_MIN_GAP = 10.0  # points under the median an outlier must at least be
WEIGHTS = {"palette": 0.5, "phash": 0.5}
WEIGHTS_CLIP = {"palette": 0.35, "phash": 0.25, "clip": 0.4}


@dataclass(frozen=True)
class ImageSignature:
    asset_id: int
    palette: Palette
    phash: int
    embedding: np.ndarray | None = None


def signature(asset_id: int, rgb: np.ndarray, embedding: np.ndarray | None = None) -> ImageSignature:
    return ImageSignature(asset_id, dominant_palette(rgb), phash(rgb), embedding)


@dataclass(frozen=True)
class ImageConsistency:
    asset_id: int
    score: float  # 0..100
    palette_distance: float  # mean ΔE2000 to the others
    phash_distance: float  # mean Hamming fraction to the others
    clip_similarity: float | None
    outlier: bool


@dataclass(frozen=True)
class ConsistencyReport:
    """The set's score, which measures made it, and why any measure was left out."""

    score: float
    measures: tuple[str, ...]
    images: tuple[ImageConsistency, ...]
    left_out: dict[str, str] = field(default_factory=dict)

    @property
    def outliers(self) -> list[int]:
        return [i.asset_id for i in self.images if i.outlier]


def _clip01(x: np.ndarray) -> np.ndarray:
    return np.clip(x, 0.0, 1.0)


def score_set(signatures: Sequence[ImageSignature], clip_reason: str = "") -> ConsistencyReport:
    """Pairwise similarities, per image means and outliers. CLIP counts only when every
    image has an embedding; otherwise `left_out["clip"]` says why."""
    n = len(signatures)
    use_clip = n > 0 and all(s.embedding is not None for s in signatures)
    left_out = {} if use_clip else {"clip": clip_reason or "no CLIP embeddings"}
    measures = ("palette", "phash", "clip") if use_clip else ("palette", "phash")
    if n < 2:
        only = [ImageConsistency(s.asset_id, 100.0, 0.0, 0.0, 1.0 if use_clip else None, False)
                for s in signatures]
        return ConsistencyReport(100.0 if n else 0.0, measures, tuple(only), left_out)

    pal = np.zeros((n, n))
    ph = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            pal[i, j] = pal[j, i] = palette_distance(signatures[i].palette, signatures[j].palette)
            ph[i, j] = ph[j, i] = hamming(signatures[i].phash, signatures[j].phash) / 64
    sims = {"palette": _clip01(1 - pal / PALETTE_SCALE), "phash": _clip01(1 - ph / PHASH_SCALE)}
    cos = None
    if use_clip:
        emb = np.array([s.embedding for s in signatures], dtype=np.float64)
        emb /= np.linalg.norm(emb, axis=1, keepdims=True).clip(min=1e-12)
        cos = emb @ emb.T
        sims["clip"] = _clip01((cos - CLIP_FLOOR) / CLIP_SPAN)
    weights = WEIGHTS_CLIP if use_clip else WEIGHTS
    combined = sum(weights[m] * sims[m] for m in measures)
    off = ~np.eye(n, dtype=bool)
    per_image = np.array([combined[i][off[i]].mean() * 100 for i in range(n)])

    outliers = np.zeros(n, dtype=bool)
    if n >= 3:
        median = float(np.median(per_image))
        mad = float(np.median(np.abs(per_image - median))) * 1.4826
        outliers = per_image < median - max(3 * mad, OUTLIER_MIN_GAP)
    images = tuple(
        ImageConsistency(
            asset_id=s.asset_id,
            score=round(float(per_image[i]), 2),
            palette_distance=round(float(pal[i][off[i]].mean()), 3),
            phash_distance=round(float(ph[i][off[i]].mean()), 4),
            clip_similarity=round(float(cos[i][off[i]].mean()), 4) if cos is not None else None,
            outlier=bool(outliers[i]),
        )
        for i, s in enumerate(signatures)
    )
    return ConsistencyReport(round(float(per_image.mean()), 2), measures, images, left_out)
