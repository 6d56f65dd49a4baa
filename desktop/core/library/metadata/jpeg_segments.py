"""JPEG marker segments: find APP1 EXIF/XMP and COM, and insert ours without touching
the compressed image data (no recompression, no quality loss)."""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from typing import BinaryIO

EXIF_ID = b"Exif\x00\x00"
XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXTENSION_ID = b"http://ns.adobe.com/xmp/extension/\x00"
MAX_SEGMENT_PAYLOAD = 65533  # 65535 minus the two length bytes
APP0, APP1, COM, SOS, EOI = 0xE0, 0xE1, 0xFE, 0xDA, 0xD9
_STANDALONE = {0x01, *range(0xD0, 0xD8)}


class JpegFormatError(ValueError):
    """The bytes are not a well-formed JPEG header."""


@dataclass(frozen=True)
class Segment:
    marker: int
    start: int  # offset of the 0xFF
    payload_start: int
    payload_len: int

    @property
    def end(self) -> int:
        return self.payload_start + self.payload_len


def segments(fh: BinaryIO) -> tuple[list[Segment], int, str | None]:
    """Marker segments from SOI up to (not including) SOS. Returns (segments, offset of
    SOS or -1, problem)."""
    fh.seek(0)
    if fh.read(2) != b"\xff\xd8":
        return [], -1, "not a JPEG (no SOI marker)"
    found: list[Segment] = []
    pos = 2
    while True:
        fh.seek(pos)
        byte = fh.read(1)
        if byte != b"\xff":
            return found, -1, f"expected a marker at byte {pos}"
        marker_bytes = fh.read(1)
        while marker_bytes == b"\xff":  # fill bytes
            pos += 1
            marker_bytes = fh.read(1)
        if not marker_bytes:
            return found, -1, "truncated before the image data"
        marker = marker_bytes[0]
        if marker in (SOS, EOI):
            return found, pos, None
        if marker in _STANDALONE:
            pos += 2
            continue
        raw_len = fh.read(2)
        if len(raw_len) < 2:
            return found, -1, "truncated segment length"
        (length,) = struct.unpack(">H", raw_len)
        if length < 2:
            return found, -1, f"bad segment length at byte {pos}"
        found.append(Segment(marker, pos, pos + 4, length - 2))
        pos += 2 + length


def make_segment(marker: int, payload: bytes) -> bytes:
    if len(payload) > MAX_SEGMENT_PAYLOAD:
        raise ValueError(f"JPEG segment payload of {len(payload):,} bytes exceeds 65,533")
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def is_exif(data: bytes) -> bool:
    return data.startswith(EXIF_ID)


def is_xmp(data: bytes) -> bool:
    return data.startswith((XMP_ID, XMP_EXTENSION_ID))


def existing_exif(data: bytes) -> bytes | None:
    segs, _, _ = segments(io.BytesIO(data))
    for seg in segs:
        payload = data[seg.payload_start : seg.end]
        if seg.marker == APP1 and is_exif(payload):
            return payload
    return None


def replace_app1(data: bytes, exif_payload: bytes | None, xmp_packet: bytes | None) -> bytes:
    """`data` with its EXIF and XMP APP1 segments replaced by ours, placed after SOI and
    a JFIF APP0 (as the Exif spec and most readers expect)."""
    segs, sos, problem = segments(io.BytesIO(data))
    if problem or sos < 0:
        raise JpegFormatError(problem or "no image data (SOS) found")
    view = memoryview(data)
    head: list[bytes | memoryview] = [b"\xff\xd8"]
    rest: list[bytes | memoryview] = []
    for index, seg in enumerate(segs):
        payload = bytes(view[seg.payload_start : seg.payload_start + 40])
        if seg.marker == APP1 and (is_exif(payload) or is_xmp(payload)):
            continue
        target = head if index == 0 and seg.marker == APP0 else rest
        target.append(view[seg.start : seg.end])
    ours = []
    if exif_payload is not None:
        ours.append(make_segment(APP1, exif_payload))
    if xmp_packet is not None:
        ours.append(make_segment(APP1, XMP_ID + xmp_packet))
    return b"".join([*head, *ours, *rest, view[sos:]])


def read_app_payloads(fh: BinaryIO) -> tuple[bytes | None, bytes | None, str | None, str | None]:
    """(EXIF payload, XMP packet, COM text, problem) from a JPEG."""
    segs, _, problem = segments(fh)
    exif = xmp = comment = None
    for seg in segs:
        if seg.marker not in (APP1, COM):
            continue
        fh.seek(seg.payload_start)
        payload = fh.read(seg.payload_len)
        if seg.marker == COM and comment is None:
            comment = payload.decode("utf-8", errors="replace")
        elif is_exif(payload) and exif is None:
            exif = payload
        elif payload.startswith(XMP_ID) and xmp is None:
            xmp = payload[len(XMP_ID):]
    return exif, xmp, comment, problem
