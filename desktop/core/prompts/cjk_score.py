"""How much a decoded text looks like real Chinese: the share of its non-ASCII characters
that are common Han characters or CJK punctuation.

Big5 bytes often decode without error as GB18030 (and the other way round) but give rare
or private-use characters; the right reading gives common ones. "Common" is what the
standards themselves call frequent: GB 2312 level 1 (3,755 simplified characters) and
Big5 level 1 (5,401 traditional characters), derived from the codecs, so no data file.
"""

from __future__ import annotations

import contextlib

_PUNCTUATION = "，。、！？：；「」『』（）《》〈〉…—～·．　“”‘’【】"


def _common_characters() -> frozenset[str]:
    chars: set[str] = set(_PUNCTUATION)
    for lead in range(0xB0, 0xD8):  # GB 2312 level 1
        for trail in range(0xA1, 0xFF):
            _add_decoded(chars, bytes((lead, trail)), "gb2312")
    big5_trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    for lead in range(0xA4, 0xC7):  # Big5 level 1 ends at C67E
        for trail in big5_trails:
            if lead == 0xC6 and trail > 0x7E:
                break
            _add_decoded(chars, bytes((lead, trail)), "cp950")
    return frozenset(chars)


def _add_decoded(chars: set[str], pair: bytes, encoding: str) -> None:
    with contextlib.suppress(UnicodeDecodeError):
        chars.add(pair.decode(encoding))


COMMON_CJK: frozenset[str] = _common_characters()


def common_cjk_share(text: str, sample_chars: int = 100_000) -> float:
    """The share (0..1) of non-ASCII characters in the first `sample_chars` that are common
    Chinese characters or punctuation; 0.0 when the sample has no non-ASCII character."""
    non_ascii = common = 0
    for ch in text[:sample_chars]:
        if ch >= "\x80":
            non_ascii += 1
            if ch in COMMON_CJK:
                common += 1
    return common / non_ascii if non_ascii else 0.0
