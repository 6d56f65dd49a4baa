"""How much a decoded text looks like real Chinese, to choose between readings of the same bytes.

Big5 bytes often decode without error as GB18030 (and the other way round), and for a few
characters both readings can be real characters. Two measures:

- `common_cjk_share`: the share of non-ASCII characters that are common Han characters or CJK
  punctuation (GB 2312 level 1 and Big5 level 1, as the standards define "common", derived from
  the codecs). It says whether a reading is Chinese at all.
- `chinese_cost`: how surprising the characters are for the script the encoding implies
  (Big5 means Traditional, GB18030 Simplified), from character frequencies
  (`han_frequency`). The right reading of a short text is made of frequent characters of
  its script; a misreading is a random draw, often rare or from the other script. This is
  what separates "霓虹灯" (GB18030) from its Big5 reading "巍箇腑": both are common by the
  standards' definition, but only one is made of frequent characters.
"""

from __future__ import annotations

import contextlib
import math
from types import MappingProxyType

from desktop.core.prompts.han_frequency import SIMPLIFIED_BY_FREQUENCY, TRADITIONAL_BY_FREQUENCY

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"
SCRIPT_OF_ENCODING = MappingProxyType(
    {"cp950": TRADITIONAL, "big5hkscs": TRADITIONAL, "gb18030": SIMPLIFIED}
)
_PUNCTUATION = "，。、！？：；「」『』（）《》〈〉…—～·．　“”‘’【】"
# Ranks given to characters outside the frequency lists (the lists hold ~4,000 each).
_PUNCTUATION_RANK = 10  # as frequent as the most frequent characters
_FULLWIDTH_RANK = 3_000  # ＡＢＣ１２３: used, not often
_OTHER_SCRIPT_BASE, _OTHER_SCRIPT_FACTOR = 3_000, 3  # 這 in a GB18030 file: possible, unusual
_UNLISTED_BASIC_RANK = 8_000  # in GB 2312 / Big5 level 1 but too rare to be listed
_UNLISTED_RANK = 20_000  # any other Han character
_NOT_CHINESE_RANK = 100_000  # kana, Cyrillic, box drawing, private use: what misreadings give
_RANK_OFFSET = 50  # flattens the top of the list: rank 1 and rank 20 are both "very common"


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
_RANKS = MappingProxyType(
    {
        SIMPLIFIED: MappingProxyType({c: i for i, c in enumerate(SIMPLIFIED_BY_FREQUENCY)}),
        TRADITIONAL: MappingProxyType({c: i for i, c in enumerate(TRADITIONAL_BY_FREQUENCY)}),
    }
)
_BASIC_ENCODING = MappingProxyType({SIMPLIFIED: "gb2312", TRADITIONAL: "cp950"})


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


def chinese_cost(text: str, script: str, sample_chars: int = 100_000) -> float:
    """The mean surprise (log of frequency rank) of the non-ASCII characters in the first
    `sample_chars`, read as `script` (SIMPLIFIED or TRADITIONAL). Lower is more plausible:
    about 4-7.5 for real Chinese prompts, 7.5-11.5 for misreadings; 0.0 with no non-ASCII."""
    total = 0.0
    count = 0
    for ch in text[:sample_chars]:
        if ch >= "\x80":
            total += math.log(character_rank(ch, script) + _RANK_OFFSET)
            count += 1
    return total / count if count else 0.0


def character_rank(char: str, script: str) -> int:
    """How frequent `char` is in `script` text: 0 is the most frequent; unlisted characters
    get ranks that say how unlikely they are (see the constants above)."""
    ranks = _RANKS[script]
    rank = ranks.get(char)
    if rank is not None:
        return rank
    if char in _PUNCTUATION:
        return _PUNCTUATION_RANK
    if "\uff01" <= char <= "\uff5e":
        return _FULLWIDTH_RANK
    if not _is_han(char):
        return _NOT_CHINESE_RANK
    other = _RANKS[TRADITIONAL if script == SIMPLIFIED else SIMPLIFIED].get(char)
    if other is not None:
        return _OTHER_SCRIPT_BASE + _OTHER_SCRIPT_FACTOR * other
    return _UNLISTED_BASIC_RANK if _in_basic_set(char, script) else _UNLISTED_RANK


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


def _in_basic_set(char: str, script: str) -> bool:
    try:
        encoded = char.encode(_BASIC_ENCODING[script])
    except UnicodeEncodeError:
        return False
    if script == TRADITIONAL:  # Big5 level 1 only; level 2 holds rare characters
        return 0xA440 <= int.from_bytes(encoded, "big") <= 0xC67E
    return True
