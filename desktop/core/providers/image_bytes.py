"""Cheap checks on image bytes a provider returned, before they leave the adapter.

A truncated download or base64 string that still decodes, or an HTML/JSON page served with
status 200, is the provider's fault and worth a retry; catching it here lets the adapter
report TRANSIENT instead of the library later blaming the local disk. These are structural
checks on the first and last bytes only (no decoding), so they cost nothing per image.
"""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from desktop.core.models import ErrorKind

if TYPE_CHECKING:
    from desktop.core.providers.base import Provider

_PNG = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"IEND\xaeB`\x82"


def sniff_mime(data: bytes) -> str | None:
    """The image type the bytes start with, or None if they are not an image we know."""
    if data.startswith(_PNG):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    return None


def truncation_problem(data: bytes) -> str | None:
    """Why these bytes are not a whole image, or None when they look complete."""
    mime = sniff_mime(data)
    if mime is None:
        start = data[:40].decode("utf-8", "replace").replace("\n", " ")
        return f"not an image (starts with {start!r})" if data else "empty image"
    if mime == "image/png" and not data.rstrip(b"\x00").endswith(_PNG_END):
        return f"PNG is cut short ({len(data)} bytes, no IEND chunk)"
    if mime == "image/jpeg" and not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
        return f"JPEG is cut short ({len(data)} bytes, no end marker)"
    if mime == "image/webp":
        declared = struct.unpack("<I", data[4:8])[0] + 8 if len(data) >= 8 else 0
        if len(data) < declared:
            return f"WebP is cut short ({len(data)} of {declared} bytes)"
    return None


def require_whole_image(provider: Provider, data: bytes, what: str = "image") -> str:
    """The sniffed mime type of `data`; a TRANSIENT error from `provider` if it is no whole
    image (a retry usually gets a good one)."""
    problem = truncation_problem(data)
    if problem:
        raise provider.error(ErrorKind.TRANSIENT, f"{what}: {problem}", status=200)
    return sniff_mime(data) or "application/octet-stream"
