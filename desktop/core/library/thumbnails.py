"""Gallery thumbnails: 256 px on the longest side, JPEG, upright, on a neutral background.

JPEG sources are decoded at a reduced scale (`Image.draft`), which makes a thumbnail of a
large photo several times faster; see tests/perf/bench_thumbnails.py for numbers.
Thumbnails live under `thumbs/`, mirroring the image's path with a `.jpg` suffix.
"""

from __future__ import annotations

import io
import struct
import warnings
from pathlib import Path

import numpy as np
from PIL import Image

from desktop.core.library.atomic import write_atomic
from desktop.core.library.errors import CorruptImageError, ImageTooLargeError, MissingFileError
from desktop.core.library.image_check import DEFAULT_MAX_PIXELS, open_checked
from desktop.core.library.layout import LibraryPaths

THUMB_SIZE = 256
THUMB_QUALITY = 85
BACKGROUND = (224, 224, 224)  # light neutral grey: transparent areas stay visible
_T = Image.Transpose
_ORIENTATION = {  # EXIF Orientation -> the transpose that makes the picture upright
    2: _T.FLIP_LEFT_RIGHT, 3: _T.ROTATE_180, 4: _T.FLIP_TOP_BOTTOM, 5: _T.TRANSPOSE,
    6: _T.ROTATE_270, 7: _T.TRANSVERSE, 8: _T.ROTATE_90,
}


def _has_alpha(im: Image.Image) -> bool:
    return im.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        im.mode in ("P", "L", "RGB") and "transparency" in im.info
    )


def _to_rgb(im: Image.Image) -> Image.Image:
    if _has_alpha(im):
        rgba = im.convert("RGBA")
        base = Image.new("RGBA", rgba.size, (*BACKGROUND, 255))
        return Image.alpha_composite(base, rgba).convert("RGB")
    if im.mode.startswith("I;16") or im.mode in ("I", "F"):
        # 16-bit and float greyscale: scale to 8 bits instead of clipping to white.
        arr = np.asarray(im, dtype=np.float64)
        top = 65535.0 if im.mode.startswith("I;16") else max(float(arr.max()), 1.0)
        return Image.fromarray(np.clip(arr / top * 255.0, 0, 255).astype(np.uint8)).convert("RGB")
    return im.convert("RGB")


def render_thumbnail(
    source: bytes | Path,
    *,
    size: int = THUMB_SIZE,
    use_draft: bool = True,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    what: str | Path | None = None,
) -> bytes:
    """JPEG bytes of a thumbnail of `source` (bytes or a file), or CorruptImageError /
    ImageTooLargeError naming `what` (default: the file)."""
    name = what if what is not None else (source if isinstance(source, Path) else "image")
    im = open_checked(source, name, max_pixels)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            orientation = im.getexif().get(0x0112, 1)
            if use_draft and im.format == "JPEG":
                im.draft("RGB", (size, size))
            im.thumbnail((size, size), Image.Resampling.LANCZOS, reducing_gap=3.0)
            thumb = _to_rgb(im)
            if (method := _ORIENTATION.get(orientation)) is not None:
                thumb = thumb.transpose(method)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageTooLargeError(name, str(exc)) from exc
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, struct.error) as exc:
        raise CorruptImageError(name, f"damaged or incomplete ({exc or type(exc).__name__})") from exc
    finally:
        im.close()
    out = io.BytesIO()
    thumb.save(out, "JPEG", quality=THUMB_QUALITY)
    return out.getvalue()


def write_thumbnail(paths: LibraryPaths, image_rel: str, *, size: int = THUMB_SIZE) -> str:
    """Make (or remake) the thumbnail of a library image; returns its relative path."""
    source = paths.abs(image_rel)
    if not source.is_file():
        raise MissingFileError(source)
    data = render_thumbnail(source, size=size)
    thumb_rel = paths.thumb_rel(image_rel)
    write_atomic(paths.abs(thumb_rel), data, paths.tmp)
    return thumb_rel
