"""Telling real UTF-8 text from short GBK/Big5 text that happens to be valid UTF-8.

Two bytes of GBK or Big5 (lead 0xC2-0xDF, trail 0x80-0xBF) are also one UTF-8 character below
U+0800, so "一只" in GB18030 is valid UTF-8: "һֻ", a Cyrillic letter with a Hebrew vowel point.
`looks_garbled` says whether a valid UTF-8 reading is one no writing system produces; only
then does the decoder consider a Chinese reading, and takes it only if it is plausible.
Everything else stays UTF-8, which comes first: "λ" (Greek lambda) and "位" in GB18030 are
the same two bytes (CE BB), and a file holding just those is read as "λ".
"""

from __future__ import annotations

import unicodedata

# Where each script's letters start below U+0800, highest first (Unicode block starts).
# IPA (U+0250) and spacing modifier letters (U+02B0) are written with Latin: one script.
_SCRIPT_STARTS = (
    ("\u07c0", "nko"), ("\u0780", "thaana"), ("\u0700", "syriac"), ("\u0600", "arabic"),
    ("\u0590", "hebrew"), ("\u0530", "armenian"), ("\u0400", "cyrillic"), ("\u0370", "greek"),
    ("\x00", "latin"),
)  # fmt: skip
_GENERIC_MARKS = ("\u0300", "\u0362")  # combining accents: on Latin, Greek and Cyrillic
_GENERIC_MARK_BASES = frozenset({"latin", "greek", "cyrillic"})
_IPA_AND_MODIFIERS = ("\u0250", "\u02ff")
_SIGNS_AFTER_ANY_LETTER = frozenset("²³°«»·")  # 10 м², 20°, «quotes»


def looks_garbled(text: str, sample_chars: int = 100_000) -> bool:
    """Whether valid UTF-8 `text` (its first `sample_chars`) reads as a misread GBK/Big5
    text: all its characters are below U+0800 (two UTF-8 bytes, like a GBK/Big5 pair) and
    somewhere they run together as no language writes them (see `_garbled`)."""
    sample = text[:sample_chars]
    if all(ch < "\x80" for ch in sample) or any(ch >= "\u0800" for ch in sample):
        return False
    return _garbled(sample)


def _garbled(sample: str) -> bool:
    """Letters of two scripts run together, a combining mark on a base it cannot sit on, an
    unassigned or private code point, a word of IPA or modifier letters only (no real word
    is), or a Latin-1 sign right after a non-Latin letter ("С¹")."""
    previous = ""
    for char in sample:
        if char >= "\x80" and _garbled_pair(previous, char):
            return True
        previous = char
    return any(_is_ipa_only(word) for word in _words(sample))


def _garbled_pair(previous: str, char: str) -> bool:
    category = unicodedata.category(char)
    if category in ("Cn", "Co"):
        return True
    if category == "Mn":
        return not _mark_fits(previous, char)
    if not previous or previous < "\x80":
        return False
    if category.startswith("L"):
        return previous.isalpha() and _script(previous) != _script(char)
    return (
        "\xa1" <= char <= "\xbf"
        and char not in _SIGNS_AFTER_ANY_LETTER
        and previous.isalpha()
        and _script(previous) != "latin"
    )


def _mark_fits(base: str, mark: str) -> bool:
    if not base:  # a mark that starts the text sits on nothing
        return False
    if unicodedata.category(base) == "Mn":  # stacked marks: judged on the first one
        return _script(base) == _script(mark) or _is_generic_mark(base)
    if not base.isalpha() or _is_ipa(base) and base >= "\u02b0":  # no marks on ʰ ˮ
        return False
    if _is_generic_mark(mark):
        return _script(base) in _GENERIC_MARK_BASES
    return _script(base) == _script(mark)


def _words(text: str) -> list[str]:
    """Runs of letters, combining marks and IPA/modifier signs (ˈ, ˮ are not all letters)."""
    words: list[str] = []
    current: list[str] = []
    for char in text:
        if char.isalpha() or _is_ipa(char) or unicodedata.category(char) == "Mn":
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def _is_ipa_only(word: str) -> bool:
    return len(word) >= 2 and all(_is_ipa(char) for char in word)


def _is_ipa(char: str) -> bool:
    return _IPA_AND_MODIFIERS[0] <= char <= _IPA_AND_MODIFIERS[1]


def _is_generic_mark(mark: str) -> bool:
    return _GENERIC_MARKS[0] <= mark <= _GENERIC_MARKS[1]


def _script(char: str) -> str:
    return next(name for start, name in _SCRIPT_STARTS if char >= start)
