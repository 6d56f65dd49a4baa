"""Turning the bytes of a prompt file into text without guessing blindly or losing a character.

Order: byte-order marks; UTF-16 without a BOM (recognised by its NUL pattern); strict UTF-8
(unless its reading is garbled, see `garbled_utf8`); then the Chinese encodings Excel and
Notepad use on zh-TW and zh-CN Windows (cp950, big5hkscs, gb18030), tried strictly and ranked
by how plausible each reading is as Chinese of the script it implies (`cjk_score`), with
charset-normalizer deciding near-ties; then Western Windows (cp1252) when it reads as words;
then charset-normalizer's best guess for anything else. Only when nothing decodes cleanly is
text decoded with marks: every undecodable byte becomes the lone surrogate U+DC00+byte, which
the readers find and report by line and column.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from desktop.core.prompts.cjk_score import SCRIPT_OF_ENCODING, chinese_cost, common_cjk_share
from desktop.core.prompts.garbled_utf8 import looks_garbled

# A named codec error handler, registered once: pure function, no state. It keeps every
# undecodable byte (as U+DC00+byte) so it can be reported, where "replace" would lose it.
MARK_ERRORS = "batchgen-mark-bytes"


def _mark_bytes(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(chr(0xDC00 + b) for b in bad), error.end


codecs.register_error(MARK_ERRORS, _mark_bytes)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CJK_CANDIDATES = ("cp950", "big5hkscs", "gb18030")
_MARK_RE = re.compile("[\ud800-\udfff]")
_SAMPLE_BYTES = 64 * 1024
_NEAR_TIE = 0.02  # readings whose mean costs differ less than this are a tie
# How plausible a Chinese reading must be (`chinese_cost` at most) to replace garbled UTF-8.
# Short real Chinese prompts score 4-7.5 (a few rare words up to 9), misreadings 7.5-11.5.
_MAX_COST_OVER_UTF8 = 8.5
_BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"%PDF-", b"PK\x03\x04",
    b"\x1f\x8b", b"\x7fELF", b"MZ\x90\x00", b"II*\x00", b"MM\x00*", b"7z\xbc\xaf",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Text and the encoding it was read in; `marked` says undecodable bytes are marked in it."""

    text: str
    encoding: str
    marked: bool = False


def binary_reason(data: bytes) -> str | None:
    """Why these bytes are not a text file (an image, an archive, NUL or control bytes), or None.

    Call after `bom_encoding` and `utf16_without_bom`: UTF-16 text is full of NUL bytes.
    """
    head = data[:8192]
    webp = head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    if webp or any(head.startswith(m) for m in _BINARY_MAGIC):
        return "not a text prompt file (looks binary: it starts like an image, PDF or archive)"
    if b"\x00" in head:
        return "not a text prompt file (looks binary: it contains NUL bytes)"
    controls = sum(1 for b in head if b < 0x09 or 0x0E <= b < 0x20)
    if head and controls * 10 > len(head):
        return "not a text prompt file (looks binary: many control bytes)"
    return None


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NUL bytes sit at every other place, as in ASCII-heavy
    UTF-16 text (headers, digits, newlines) saved without a byte-order mark."""
    head = data[:4096]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    even_nul, odd_nul = even.count(0), odd.count(0)
    if odd_nul >= len(odd) * 0.3 and even_nul <= len(even) * 0.02:
        return "utf-16-le"
    if even_nul >= len(even) * 0.3 and odd_nul <= len(odd) * 0.02:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a whole file; never raises and never drops a byte (see the module docstring)."""
    declared = bom_encoding(data) or utf16_without_bom(data)
    if declared:
        return _decode(data, declared)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if looks_garbled(text):
            chinese = _best_chinese(data)
            if chinese and _plausible_chinese(chinese):
                return chinese
        return DecodedText(text, "utf-8")
    chinese = _best_chinese(data)
    share = common_cjk_share(chinese.text) if chinese else 0.0
    if chinese and share >= 0.9:
        return chinese
    utf8 = _decode(data, "utf-8")
    if _mostly_utf8(utf8.text):
        return utf8
    if chinese and share >= 0.3:
        return chinese
    western = _strict_candidates(data, ("cp1252",)).get("cp1252")
    if western is not None and _looks_western(western):
        return DecodedText(western, "cp1252")
    guess = _charset_normalizer_guess(data, None)
    if guess:
        guessed = _strict_candidates(data, (guess,))
        if guessed:
            return DecodedText(guessed[guess], guess)
    if chinese:
        return chinese
    tried = [_decode(data, enc) for enc in ("utf-8", *CJK_CANDIDATES, *([guess] if guess else []))]
    return min(tried, key=lambda d: len(_MARK_RE.findall(d.text)))


def decode_text_file(data: bytes) -> DecodedText | str:
    """The decoded text of a file's bytes, or why they are not text (see `binary_reason`)."""
    if not (bom_encoding(data) or utf16_without_bom(data)):
        reason = binary_reason(data)
        if reason:
            return reason
    return decode_bytes(data)


def marked_bytes(text: str) -> str | None:
    """The undecodable bytes marked in `text`, as "0xA4 0x40", or None when there are none."""
    found = _MARK_RE.findall(text)
    if not found:
        return None
    parts = [
        f"0x{ord(ch) - 0xDC00:02X}" if 0xDC00 <= ord(ch) <= 0xDCFF else f"U+{ord(ch):04X}"
        for ch in found[:8]
    ]
    return " ".join(parts) + (" ..." if len(found) > 8 else "")


def first_mark(text: str, start: int = 0, end: int | None = None) -> int | None:
    """The index of the first undecodable byte marked in `text[start:end]`, or None."""
    match = _MARK_RE.search(text, start, len(text) if end is None else end)
    return match.start() if match else None


def _decode(data: bytes, encoding: str) -> DecodedText:
    try:
        return DecodedText(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return DecodedText(data.decode(encoding, MARK_ERRORS), encoding, marked=True)


def _mostly_utf8(text: str) -> bool:
    """UTF-8 with a few bad bytes (a file edited in two programs): many valid multi-byte
    characters per undecodable byte, which no legacy-encoded file produces by chance."""
    bad = len(_MARK_RE.findall(text))
    good = sum(1 for ch in text if ch >= "\x80") - bad
    return good >= 3 and good >= 4 * bad


def _looks_western(text: str, sample_chars: int = 100_000) -> bool:
    """Whether cp1252 text reads as a Western language: its non-ASCII characters are mostly
    Latin letters sitting inside words ("café"), not runs of symbols and capitals (mojibake).
    charset-normalizer alone often calls a short French line Baltic or Central European."""
    sample = text[:sample_chars]
    non_ascii = in_words = 0
    for index, char in enumerate(sample):
        if char < "\x80":
            continue
        non_ascii += 1
        if char.isalpha() and "LATIN" in unicodedata.name(char, ""):
            before = sample[index - 1] if index else ""
            after = sample[index + 1] if index + 1 < len(sample) else ""
            if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
                in_words += 1
    return non_ascii > 0 and in_words >= 0.6 * non_ascii


def _strict_candidates(data: bytes, encodings: tuple[str, ...]) -> dict[str, str]:
    decoded: dict[str, str] = {}
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if text not in decoded.values():  # big5hkscs reads most cp950 files the same way
            decoded[encoding] = text
    return decoded


def _plausible_chinese(reading: DecodedText) -> bool:
    cost = chinese_cost(reading.text, SCRIPT_OF_ENCODING[reading.encoding])
    return common_cjk_share(reading.text) >= 0.9 and cost <= _MAX_COST_OVER_UTF8


def _best_chinese(data: bytes) -> DecodedText | None:
    """The most plausible strict Chinese reading of `data`, or None when none decodes.

    Each reading is judged as the script its encoding implies (`chinese_cost`); near-ties
    (a couple of characters that are real words both ways) go to charset-normalizer, and
    failing that to the first of CJK_CANDIDATES (cp950: the users are mostly in Taiwan)."""
    decoded = _strict_candidates(data, CJK_CANDIDATES)
    if not decoded:
        return None
    costs = {enc: chinese_cost(text, SCRIPT_OF_ENCODING[enc]) for enc, text in decoded.items()}
    low = min(costs.values())
    tied = [enc for enc in decoded if costs[enc] <= low + _NEAR_TIE]  # in CJK_CANDIDATES order
    best = tied[0]
    if len(tied) > 1:
        guess = _charset_normalizer_guess(data, tied)
        best = guess if guess in tied else best
    return DecodedText(decoded[best], best)


def _charset_normalizer_guess(data: bytes, among: list[str] | None) -> str | None:
    sample = data[:_SAMPLE_BYTES]
    if len(data) > _SAMPLE_BYTES and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]  # never cut a multi-byte character
    try:
        best = from_bytes(sample, cp_isolation=among).best()
        name = codecs.lookup(best.encoding).name if best else None
    except (LookupError, ValueError, RuntimeError):
        return None
    return "cp950" if name == "big5" else name  # cp950 is Big5 as Windows writes it
