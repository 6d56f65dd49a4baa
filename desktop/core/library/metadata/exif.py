"""EXIF for JPEG and WebP: the A1111 parameters text in UserComment (0x9286).

UserComment starts with an 8-byte character-code prefix (Exif 2.3, 4.6.5): `ASCII\\0\\0\\0`
for plain text, `UNICODE\\0` followed by UCS-2/UTF-16 for anything else. We always write a
big-endian ("MM") TIFF and UTF-16BE, which is also what A1111 (via piexif) writes, so
exiftool, A1111 and Civitai all read it. Existing EXIF (orientation, camera data) is kept.
"""

from __future__ import annotations

import struct

from PIL import ExifTags, Image

EXIF_HEADER = b"Exif\x00\x00"
USER_COMMENT = 0x9286
SOFTWARE = 0x0131
ASCII_PREFIX = b"ASCII\x00\x00\x00"
UNICODE_PREFIX = b"UNICODE\x00"
JIS_PREFIX = b"JIS\x00\x00\x00\x00\x00"
UNDEFINED_PREFIX = b"\x00" * 8
_TYPE_UNDEFINED = 7


def encode_user_comment(text: str, byteorder: str = ">") -> bytes:
    if text.isascii():
        return ASCII_PREFIX + text.encode("ascii")
    return UNICODE_PREFIX + text.encode("utf-16-be" if byteorder == ">" else "utf-16-le")


def _guess_utf16(body: bytes, byteorder: str) -> str:
    """UTF-16 byte order of a UNICODE comment: a BOM, else the TIFF byte order unless the
    zero bytes of ASCII characters clearly say otherwise (writers disagree; A1111 always
    writes big-endian)."""
    if body.startswith((b"\xfe\xff", b"\xff\xfe")):
        return "utf-16"
    big = body[0::2].count(0)  # ASCII in UTF-16BE has its zero byte first
    little = body[1::2].count(0)
    if byteorder == ">":
        return "utf-16-le" if little > 2 * big + 2 else "utf-16-be"
    return "utf-16-be" if big > 2 * little + 2 else "utf-16-le"


def decode_user_comment(raw: bytes | str, byteorder: str = ">") -> str:
    """Decode a UserComment value whatever its prefix; unknown bytes are replaced."""
    if isinstance(raw, str):
        return raw.rstrip("\x00")
    prefix, body = raw[:8], raw[8:]
    if prefix == UNICODE_PREFIX:
        body = body[: len(body) - len(body) % 2]
        return body.decode(_guess_utf16(body, byteorder), errors="replace").rstrip("\x00")
    # Some writers skip the prefix altogether.
    text = body if prefix in (ASCII_PREFIX, UNDEFINED_PREFIX, JIS_PREFIX) else raw
    try:
        return text.decode("utf-8").rstrip("\x00").rstrip()
    except UnicodeDecodeError:
        return text.decode("latin-1").rstrip("\x00").rstrip()


def _entries(buf: bytes, base: int, offset: int, order: str) -> list[tuple[int, int]]:
    """(tag, absolute position of the entry) for each entry of the IFD at `offset`."""
    (count,) = struct.unpack_from(order + "H", buf, base + offset)
    first = base + offset + 2
    return [(struct.unpack_from(order + "H", buf, first + 12 * i)[0], first + 12 * i)
            for i in range(count)]


def _mark_undefined(buf: bytearray, base: int) -> None:
    """Pillow writes UserComment (and ComponentsConfiguration) as BYTE; the spec and
    readers such as piexif want UNDEFINED. Both are one byte per unit, so flipping the
    type field in place is exact. `base` is where the
    TIFF header starts in `buf`."""
    order = ">" if buf[base : base + 2] == b"MM" else "<"
    (ifd0,) = struct.unpack_from(order + "I", buf, base + 4)
    for tag, pos in _entries(buf, base, ifd0, order):
        if tag != ExifTags.IFD.Exif:
            continue
        (sub,) = struct.unpack_from(order + "I", buf, pos + 8)
        for sub_tag, sub_pos in _entries(buf, base, sub, order):
            if sub_tag in _UNDEFINED_TAGS:
                struct.pack_into(order + "H", buf, sub_pos + 2, _TYPE_UNDEFINED)


# Tags the Exif 2.32 spec requires in a JPEG; added only where the source had none, so
# strict validators (exiftool -validate) accept the file.
_REQUIRED_IFD0 = {0x011A: 72, 0x011B: 72, 0x0128: 2, 0x0213: 1}  # resolution 72 dpi, centred
_REQUIRED_EXIF = {0x9000: b"0232", 0x9101: b"\x01\x02\x03\x00", 0xA000: b"0100", 0xA001: 1}
_UNDEFINED_TAGS = {USER_COMMENT, 0x9101}  # Pillow would write these as BYTE


def build_exif(comment: str, software: str, existing: bytes | None = None,
               size: tuple[int, int] | None = None) -> bytes:
    """An `Exif\\0\\0`-prefixed payload with `comment` in UserComment and `software` in
    Software, merged into `existing` EXIF (kept: orientation, camera data) if given.
    With the image `size`, tags a JPEG's EXIF must have are added where missing."""
    exif = Image.Exif()
    if existing:
        try:
            exif.load(existing)
        except (OSError, ValueError, struct.error, SyntaxError):
            exif = Image.Exif()  # damaged EXIF from the provider: start clean
    exif.endian = ">"
    exif[SOFTWARE] = software
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    sub[USER_COMMENT] = encode_user_comment(comment)
    if size is not None:
        for tag, value in _REQUIRED_IFD0.items():
            exif.setdefault(tag, value)
        for tag, value in {**_REQUIRED_EXIF, 0xA002: size[0], 0xA003: size[1]}.items():
            sub.setdefault(tag, value)
    payload = bytearray(exif.tobytes())
    _mark_undefined(payload, len(EXIF_HEADER))
    return bytes(payload)


def read_exif(payload: bytes) -> tuple[str | None, list[str]]:
    """(UserComment text or None, warnings) from an EXIF payload (with or without the
    `Exif\\0\\0` header)."""
    warnings: list[str] = []
    exif = Image.Exif()
    try:
        exif.load(payload)
        comment = exif.get_ifd(ExifTags.IFD.Exif).get(USER_COMMENT)
    except (OSError, ValueError, struct.error, SyntaxError, KeyError) as exc:
        return None, [f"EXIF could not be read ({exc})"]
    if comment is None:
        return None, warnings
    if isinstance(comment, tuple):  # BYTE-typed with odd writers
        comment = bytes(comment)
    return decode_user_comment(comment, exif.endian or ">") or None, warnings
