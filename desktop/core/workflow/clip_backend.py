"""The optional CLIP image embedding for consistency scores (the `[clip]` extra:
open_clip + torch). Absent or unloadable, it is simply not used and the caller is told why;
nothing else depends on it.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from typing import Any, Protocol

import numpy as np

log = logging.getLogger(__name__)
MODEL, PRETRAINED = "ViT-B-32", "laion2b_s34b_b79k"
NOT_INSTALLED = "the optional CLIP extra is not installed (pip install 'batch-image-generator[clip]')"


class Embedder(Protocol):
    """Turns an (H, W, 3) uint8 image into a unit-length vector."""

    name: str

    def embed(self, rgb: np.ndarray) -> np.ndarray: ...


class OpenClipEmbedder:
    """open_clip's ViT-B/32 on the CPU."""

    name = f"CLIP {MODEL}"

    def __init__(self) -> None:
        open_clip = importlib.import_module("open_clip")
        self._torch = importlib.import_module("torch")
        model, _, preprocess = open_clip.create_model_and_transforms(MODEL, pretrained=PRETRAINED)
        model.eval()
        self._model: Any = model
        self._preprocess: Any = preprocess

    def embed(self, rgb: np.ndarray) -> np.ndarray:
        from PIL import Image

        tensor = self._preprocess(Image.fromarray(rgb)).unsqueeze(0)
        with self._torch.no_grad():
            vector = self._model.encode_image(tensor)[0].cpu().numpy().astype(np.float64)
        return vector / (np.linalg.norm(vector) or 1.0)


def clip_installed() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in ("open_clip", "torch"))


def load_clip() -> tuple[Embedder | None, str]:
    """(embedder, "") when CLIP works here, else (None, why not)."""
    if not clip_installed():
        return None, NOT_INSTALLED
    try:
        return OpenClipEmbedder(), ""
    except Exception as exc:  # weights missing offline, incompatible torch, ...
        log.warning("CLIP could not load: %s", exc)
        return None, f"CLIP is installed but could not load: {exc}"
