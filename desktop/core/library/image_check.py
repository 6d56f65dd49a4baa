"""Validating image bytes before they are stored: complete, decodable, not a bomb.

Providers sometimes send truncated downloads, HTML error pages or JSON where an image
should be; this turns each into a CorruptImageError that says what is wrong, before
anything touches the library.
"""

from __future__ import annotations

import io
import struct
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from desktop.core.library.errors import CorruptImageError, ImageTooLargeError

# Pillow's own default; kept here as a parameter so tests and callers never mutate the
# global `Image.MAX_IMAGE_PIXELS`.
DEFAULT_MAX_PIXELS = 89_478_485

_FORMATS: dict[str, tuple[str, str]] = {  # Pillow format -> (mime, canonical extension)
    "PNG": ("image/png", "png"),
    "JPEG": ("image/jpeg", "jpg"),
    "MPO": ("image/jpeg", "jpg"),  # a JPEG with extra frames (phone cameras)
    "WEBP": ("image/webp", "webp"),
    "GIF": ("image/gif", "gif"),
    "BMP": ("image/bmp", "bmp"),
    "TIFF": ("image/tiff", "tif"),
    "AVIF": ("image/avif", "avif"),
}


@dataclass(frozen=True)
class ImageInfo:
    """What a valid image is: size, format and how to name it."""

    width: int
    height: int
    format: str  # Pillow's name: PNG, JPEG, WEBP, ...
    mime: str
    ext: str  # canonical extension without the dot
    mode: str
    has_alpha: bool
    frames: int = 1


def format_info(pillow_format: str | None) -> tuple[str, str]:
    """(mime, extension) of a Pillow format name."""
    fmt = (pillow_format or "").upper()
    return _FORMATS.get(fmt, (f"image/{fmt.lower() or 'unknown'}", fmt.lower() or "bin"))


def _has_alpha(im: Image.Image) -> bool:
    return im.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in im.info


def _describe_start(data: bytes) -> str:
    head = data[:64].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "it is an HTML page, not an image"
    if head.startswith((b"{", b"[")):
        return "it is JSON text, not an image"
    return f"unknown format (starts with {data[:8]!r})"


def open_checked(
    source: bytes | Path, what: str | Path, max_pixels: int = DEFAULT_MAX_PIXELS
) -> Image.Image:
    """Open an image (header only) from bytes or a file, refusing bombs before any pixel
    is decoded. The caller closes the returned image."""
    if isinstance(source, bytes) and not source:
        raise CorruptImageError(what, "no data (0 bytes)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(source) if isinstance(source, bytes) else source)
    except UnidentifiedImageError as exc:
        head = source[:64] if isinstance(source, bytes) else _head(source)
        raise CorruptImageError(what, _describe_start(head)) from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageTooLargeError(what, str(exc)) from exc
    except FileNotFoundError:
        raise
    except (OSError, ValueError, SyntaxError) as exc:
        raise CorruptImageError(what, f"cannot read the header ({exc})") from exc
    if im.width <= 0 or im.height <= 0:
        im.close()
        raise CorruptImageError(what, f"impossible size {im.width}x{im.height}")
    if im.width * im.height > max_pixels:
        im.close()
        raise ImageTooLargeError(
            what, f"{im.width}x{im.height} is more than the {max_pixels:,} pixels allowed"
        )
    return im


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(64)
    except OSError:
        return b""


def check_image(
    data: bytes, what: str | Path = "image", *, max_pixels: int = DEFAULT_MAX_PIXELS
) -> ImageInfo:
    """Fully decode `data` (the first frame of animations) and describe it, or raise
    CorruptImageError / ImageTooLargeError naming `what` and the problem."""
    im = open_checked(data, what, max_pixels)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            if im.format == "PNG":
                im.verify()  # chunk CRCs; needs a fresh image object afterwards
                im = Image.open(io.BytesIO(data))
            im.load()
            info = ImageInfo(
                width=im.width,
                height=im.height,
                format=im.format or "",
                mime=format_info(im.format)[0],
                ext=format_info(im.format)[1],
                mode=im.mode,
                has_alpha=_has_alpha(im),
                frames=getattr(im, "n_frames", 1),
            )
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageTooLargeError(what, str(exc)) from exc
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, struct.error) as exc:
        raise CorruptImageError(what, f"damaged or incomplete ({exc or type(exc).__name__})") from exc
    finally:
        im.close()
    return info

