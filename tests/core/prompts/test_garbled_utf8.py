"""Valid UTF-8 is kept unless no writing system would produce it: then, and only then, the
same bytes may be a short GBK/Big5 text."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.core.prompts.garbled_utf8 import looks_garbled

REAL_TEXTS = [
    "Café au lait, crème brûlée",
    unicodedata.normalize("NFD", "Café au lait, crème brûlée"),  # accents as combining marks
    "Kraków nocą, żółć",
    "İstanbul'da yağmurlu gece",
    "Ελληνικό νησί, γαλάζια θάλασσα",
    "Москва ночью, неоновые огни",
    "Қазақстан, Алматы таулары",
    "שָׁלוֹם עוֹלָם",  # Hebrew with vowel points
    "مدينة في الليل",
    "Երևան գիշերը",
    "naïve α-particle, β version",  # scripts change at word boundaries
    "10 м², 20°C, 5 µm, «кавычки»",
    "ˈkæt",  # IPA with a Latin letter
    "λ",
    "plain ascii",
    "a cat 一隻貓",  # anything from U+0800 up is never in doubt
]


@pytest.mark.parametrize("text", REAL_TEXTS)
def test_real_text_in_any_script_is_not_garbled(text: str) -> None:
    assert not looks_garbled(text)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("һֻ", "Cyrillic letter carrying a Hebrew vowel point (一只 in GB18030)"),
        ("prompt\nһֻè\n", "the same inside a file (一只猫)"),
        ("ɽˮ", "a word of IPA and modifier letters only (山水)"),
        ("С¹", "a Latin-1 sign right after a Cyrillic letter (小鹿)"),
        ("ʽͥ", "a combining mark on a modifier letter (式庭)"),
        ("ƿ\u0378", "an unassigned code point (瓶透)"),
        ("Ωж", "Greek and Cyrillic letters in one word"),
        ("\u0301abc", "a combining mark on nothing"),
    ],
)
def test_text_no_language_writes_is_garbled(text: str, why: str) -> None:
    assert looks_garbled(text), why
