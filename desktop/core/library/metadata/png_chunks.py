"""PNG chunks: find them without decoding pixels, read text chunks, and insert ours.

Adding text chunks this way leaves the compressed pixel data byte-for-byte as the
provider sent it (no re-encode). Ours go right before the first IDAT so that readers
which stop at the image data (Pillow's `Image.open().info`, most web tools) see them.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TEXT_TYPES = (b"tEXt", b"zTXt", b"iTXt")
_MAX_TEXT = 64 << 20  # never inflate more than this from one chunk


class PngFormatError(ValueError):
    """The bytes are not a well-formed PNG chunk stream."""


@dataclass(frozen=True)
class ChunkSpan:
    type: bytes
    start: int  # offset of the length field
    data_start: int
    length: int

    @property
    def end(self) -> int:  # after the CRC
        return self.data_start + self.length + 4


def chunk_spans(fh: BinaryIO) -> tuple[list[ChunkSpan], str | None]:
    """Every chunk up to IEND, reading only headers. Returns (spans, problem) where
    problem describes a truncated or damaged stream (the spans found so far are kept)."""
    fh.seek(0)
    if fh.read(8) != PNG_SIGNATURE:
        return [], "not a PNG (bad signature)"
    spans: list[ChunkSpan] = []
    pos = 8
    while True:
        head = fh.read(8)
        if len(head) < 8:
            return spans, f"truncated after {len(spans)} chunks (no IEND)"
        length, ctype = struct.unpack(">I4s", head)
        if length > 0x7FFFFFFF or not ctype.isalpha():
            return spans, f"damaged chunk header at byte {pos}"
        spans.append(ChunkSpan(ctype, pos, pos + 8, length))
        pos += 12 + length
        if ctype == b"IEND":
            return spans, None
        fh.seek(pos)


def make_chunk(ctype: bytes, data: bytes) -> bytes:
    return struct.pack(">I4s", len(data), ctype) + data + struct.pack(
        ">I", zlib.crc32(ctype + data) & 0xFFFFFFFF
    )


def text_chunk(keyword: str, text: str) -> bytes:
    """tEXt for plain ASCII (the widest support), uncompressed UTF-8 iTXt otherwise."""
    key = keyword.encode("latin-1")
    if text.isascii():
        return make_chunk(b"tEXt", key + b"\x00" + text.encode("ascii"))
    return itxt_chunk(keyword, text)


def itxt_chunk(keyword: str, text: str, compress: bool = False) -> bytes:
    body = text.encode("utf-8")
    if compress:
        body = zlib.compress(body, 9)
    head = keyword.encode("latin-1") + b"\x00" + bytes([1 if compress else 0, 0]) + b"\x00\x00"
    return make_chunk(b"iTXt", head + body)


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, _MAX_TEXT)
    if inflater.unconsumed_tail:
        raise ValueError(f"compressed text larger than {_MAX_TEXT:,} bytes")
    return out


def decode_text_chunk(ctype: bytes, data: bytes) -> tuple[str, str]:
    """(keyword, text) of a tEXt/zTXt/iTXt chunk; raises ValueError when malformed."""
    key, sep, rest = data.partition(b"\x00")
    if not sep:
        raise ValueError("no keyword separator")
    keyword = key.decode("latin-1")
    if ctype == b"tEXt":
        return keyword, rest.decode("latin-1")
    if ctype == b"zTXt":
        return keyword, _inflate(rest[1:]).decode("latin-1")
    if len(rest) < 2:
        raise ValueError("iTXt too short")
    compressed, rest = rest[0], rest[2:]
    _lang, _, rest = rest.partition(b"\x00")
    _translated, _, body = rest.partition(b"\x00")
    if compressed:
        body = _inflate(body)
    return keyword, body.decode("utf-8", errors="replace")


def read_texts(fh: BinaryIO) -> tuple[dict[str, str], list[str]]:
    """Every text chunk as keyword -> text (the first of each keyword wins), and
    warnings for the ones that could not be decoded."""
    spans, problem = chunk_spans(fh)
    warnings = [f"PNG {problem}"] if problem else []
    texts: dict[str, str] = {}
    for span in spans:
        if span.type not in TEXT_TYPES:
            continue
        fh.seek(span.data_start)
        try:
            keyword, text = decode_text_chunk(span.type, fh.read(span.length))
        except (ValueError, zlib.error) as exc:
            warnings.append(f"PNG {span.type.decode()} chunk at byte {span.start}: {exc}")
            continue
        texts.setdefault(keyword, text)
    return texts, warnings


def replace_texts(data: bytes, new_chunks: Iterable[bytes], drop_keywords: set[str]) -> bytes:
    """`data` with text chunks of `drop_keywords` removed and `new_chunks` inserted
    before the first IDAT. Raises PngFormatError if the PNG is damaged."""
    import io

    spans, problem = chunk_spans(io.BytesIO(data))
    if problem:
        raise PngFormatError(problem)
    view = memoryview(data)
    parts: list[bytes | memoryview] = [view[:8]]
    inserted = False
    drop = {k.encode("latin-1") for k in drop_keywords}
    for span in spans:
        if span.type == b"IDAT" and not inserted:
            parts.extend(new_chunks)
            inserted = True
        if span.type in TEXT_TYPES:
            keyword = bytes(view[span.data_start : span.data_start + 80]).split(b"\x00", 1)[0]
            if keyword in drop:
                continue
        parts.append(view[span.start : span.end])
    if not inserted:
        raise PngFormatError("no IDAT chunk")
    return b"".join(parts)
