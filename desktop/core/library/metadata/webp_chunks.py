"""WebP (RIFF) chunks: read EXIF/XMP and add ours without re-encoding the image.

A simple WebP (one `VP8 ` or `VP8L` chunk) is turned into the extended format by adding
a `VP8X` header whose flags announce EXIF and XMP; the compressed image chunk is copied
unchanged, so lossy files lose nothing more and lossless files stay lossless.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from typing import BinaryIO

_FLAG_ALPHA, _FLAG_EXIF, _FLAG_XMP = 0x10, 0x08, 0x04


class WebpFormatError(ValueError):
    """The bytes are not a well-formed WebP container."""


@dataclass(frozen=True)
class RiffChunk:
    fourcc: bytes
    start: int  # offset of the fourcc
    data_start: int
    size: int

    @property
    def end(self) -> int:
        return self.data_start + self.size + (self.size & 1)


def chunks(fh: BinaryIO) -> tuple[list[RiffChunk], str | None]:
    fh.seek(0)
    head = fh.read(12)
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WEBP":
        return [], "not a WebP (no RIFF/WEBP header)"
    (riff_size,) = struct.unpack("<I", head[4:8])
    limit = 8 + riff_size
    found: list[RiffChunk] = []
    pos = 12
    while pos + 8 <= limit:
        fh.seek(pos)
        raw = fh.read(8)
        if len(raw) < 8:
            return found, f"truncated at byte {pos}"
        fourcc, size = raw[:4], struct.unpack("<I", raw[4:])[0]
        chunk = RiffChunk(fourcc, pos, pos + 8, size)
        if chunk.data_start + size > limit:
            return found, f"chunk {fourcc!r} at byte {pos} runs past the end"
        found.append(chunk)
        pos = chunk.end
    return found, None


def _make_chunk(fourcc: bytes, data: bytes) -> bytes:
    return fourcc + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) & 1 else b"")


def _canvas(data: bytes, image: RiffChunk) -> tuple[int, int, bool]:
    """(width, height, has alpha) from a VP8 or VP8L bitstream header."""
    body = data[image.data_start : image.data_start + 10]
    if image.fourcc == b"VP8L" and len(body) >= 5 and body[0] == 0x2F:
        (bits,) = struct.unpack("<I", body[1:5])
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, bool((bits >> 28) & 1)
    if image.fourcc == b"VP8 " and len(body) >= 10 and body[3:6] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", body[6:10])
        return width & 0x3FFF, height & 0x3FFF, False
    raise WebpFormatError(f"cannot read the {image.fourcc!r} bitstream header")


def _vp8x(flags: int, width: int, height: int) -> bytes:
    size = struct.pack("<I", width - 1)[:3] + struct.pack("<I", height - 1)[:3]
    return _make_chunk(b"VP8X", bytes([flags, 0, 0, 0]) + size)


def replace_metadata(data: bytes, exif_tiff: bytes | None, xmp_packet: bytes | None) -> bytes:
    """`data` with its EXIF and XMP chunks replaced by ours (EXIF as a bare TIFF, as the
    WebP container spec says)."""
    found, problem = chunks(io.BytesIO(data))
    if problem or not found:
        raise WebpFormatError(problem or "no chunks")
    view = memoryview(data)
    body: list[bytes | memoryview] = []
    first = found[0]
    if first.fourcc == b"VP8X":
        flags = data[first.data_start] & ~(_FLAG_EXIF | _FLAG_XMP)
        header = bytearray(view[first.start : first.end])
        kept = found[1:]
    elif first.fourcc in (b"VP8 ", b"VP8L"):
        width, height, alpha = _canvas(data, first)
        flags = _FLAG_ALPHA if alpha else 0
        header = bytearray(_vp8x(0, width, height))
        kept = found
    else:
        raise WebpFormatError(f"unexpected first chunk {first.fourcc!r}")
    for chunk in kept:
        if chunk.fourcc not in (b"EXIF", b"XMP "):
            body.append(view[chunk.start : chunk.end])
    if exif_tiff is not None:
        flags |= _FLAG_EXIF
        body.append(_make_chunk(b"EXIF", exif_tiff))
    if xmp_packet is not None:
        flags |= _FLAG_XMP
        body.append(_make_chunk(b"XMP ", xmp_packet))
    header[8] = flags
    payload = b"".join([b"WEBP", bytes(header), *body])
    return b"RIFF" + struct.pack("<I", len(payload)) + payload


def read_metadata(fh: BinaryIO) -> tuple[bytes | None, bytes | None, str | None]:
    """(EXIF payload, XMP packet, problem) from a WebP."""
    found, problem = chunks(fh)
    exif = xmp = None
    for chunk in found:
        if chunk.fourcc in (b"EXIF", b"XMP "):
            fh.seek(chunk.data_start)
            payload = fh.read(chunk.size)
            if chunk.fourcc == b"EXIF" and exif is None:
                exif = payload
            elif chunk.fourcc == b"XMP " and xmp is None:
                xmp = payload
    return exif, xmp, problem
