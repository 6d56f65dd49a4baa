"""Writing our metadata into image bytes so that other tools read it.

- PNG: `parameters` (A1111 infotext; tEXt, or UTF-8 iTXt when not ASCII), our JSON record
  in iTXt `batch-image-generator`, and XMP in iTXt `XML:com.adobe.xmp`.
- JPEG: APP1 EXIF with the infotext in UserComment and Software set, and APP1 XMP that
  carries the IPTC marker, the prompt and our JSON record (`bigen:Record`).
- WebP: the same EXIF and XMP as JPEG, in `EXIF` and `XMP ` chunks.

No format is re-encoded: chunks and segments are inserted into the byte stream, so the
pixels are exactly what the provider sent. Other formats are returned unchanged.
"""

from __future__ import annotations

import io
import logging
from dataclasses import replace

from PIL import Image

from desktop.core.library.errors import CorruptImageError
from desktop.core.library.metadata import jpeg_segments, png_chunks, webp_chunks
from desktop.core.library.metadata.exif import EXIF_HEADER, build_exif
from desktop.core.library.metadata.infotext import format_infotext
from desktop.core.library.metadata.record import RECORD_KEYWORD, MetadataRecord
from desktop.core.library.metadata.xmp import build_xmp

log = logging.getLogger(__name__)
PARAMETERS_KEYWORD = "parameters"
XMP_KEYWORD = "XML:com.adobe.xmp"


def sniff(data: bytes) -> str | None:
    """"png", "jpeg" or "webp" from the first bytes, else None."""
    if data.startswith(png_chunks.PNG_SIGNATURE):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def _fit_xmp(record: MetadataRecord, limit: int | None) -> bytes:
    """The fullest XMP packet that fits in `limit` bytes (JPEG segments are 64 KB)."""
    options = ((True, True), (False, True), (True, False), (False, False))
    for description, full_record in options:
        packet = build_xmp(record, include_description=description, include_record=full_record)
        if limit is None or len(packet) <= limit:
            break
    if not (description and full_record):
        log.warning("prompt too long for one JPEG XMP segment; XMP shortened")
    return packet


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    try:
        with Image.open(io.BytesIO(data)) as im:
            return im.size
    except (OSError, ValueError, SyntaxError):
        return None


def _fit_exif(record: MetadataRecord, tool: str, existing: bytes | None, limit: int,
              size: tuple[int, int] | None) -> bytes:
    """EXIF whose UserComment fits one JPEG segment: an overlong prompt (then negative
    prompt) is cut, never the parameters line that makes the text A1111 infotext."""
    payload = build_exif(format_infotext(record), tool, existing, size)
    if len(payload) > limit:
        log.warning("prompt too long for one JPEG EXIF segment; UserComment shortened")
    for _ in range(8):
        excess = len(payload) - limit
        if excess <= 0:
            return payload
        cut = excess // 2 + 64  # UTF-16: two bytes a character
        if record.prompt:
            record = replace(record, prompt=record.prompt[: max(0, len(record.prompt) - cut)])
        else:
            record = replace(record, negative_prompt=record.negative_prompt[:-cut])
        payload = build_exif(format_infotext(record), tool, existing, size)
    return payload


def _embed_png(data: bytes, record: MetadataRecord, infotext: str) -> bytes:
    xmp = build_xmp(record, include_record=False).decode("utf-8")  # the record has its own chunk
    chunks = [
        png_chunks.text_chunk(PARAMETERS_KEYWORD, infotext),
        png_chunks.itxt_chunk(RECORD_KEYWORD, record.to_json()),
        png_chunks.itxt_chunk(XMP_KEYWORD, xmp),
    ]
    return png_chunks.replace_texts(data, chunks, {PARAMETERS_KEYWORD, RECORD_KEYWORD, XMP_KEYWORD})


def _embed_jpeg(data: bytes, record: MetadataRecord, tool: str) -> bytes:
    limit = jpeg_segments.MAX_SEGMENT_PAYLOAD
    exif = _fit_exif(record, tool, jpeg_segments.existing_exif(data), limit, _jpeg_size(data))
    xmp = _fit_xmp(record, limit - len(jpeg_segments.XMP_ID))
    return jpeg_segments.replace_app1(data, exif, xmp)


def _embed_webp(data: bytes, record: MetadataRecord, infotext: str, tool: str) -> bytes:
    existing, _, _ = webp_chunks.read_metadata(io.BytesIO(data))
    exif = build_exif(infotext, tool, existing)[len(EXIF_HEADER):]
    return webp_chunks.replace_metadata(data, exif, build_xmp(record))


def embed(data: bytes, mime: str, record: MetadataRecord) -> bytes:
    """`data` with `record` embedded; the format is taken from the bytes (`mime` is only
    a hint). Raises CorruptImageError if the container is damaged."""
    kind = sniff(data) or {"image/png": "png", "image/jpeg": "jpeg", "image/webp": "webp"}.get(mime)
    infotext = format_infotext(record)
    tool = f"{record.app} {record.app_version}"
    try:
        if kind == "png":
            return _embed_png(data, record, infotext)
        if kind == "jpeg":
            return _embed_jpeg(data, record, tool)
        if kind == "webp":
            return _embed_webp(data, record, infotext, tool)
    except (png_chunks.PngFormatError, jpeg_segments.JpegFormatError,
            webp_chunks.WebpFormatError) as exc:
        raise CorruptImageError(f"{kind} image", str(exc)) from exc
    log.info("no metadata embedded: %s images are stored as they are", mime)
    return data
