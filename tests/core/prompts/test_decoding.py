"""Decoding prompt files: encodings are detected from the bytes, never assumed, and no byte
is dropped without a trace."""

from __future__ import annotations

import codecs

import pytest

from desktop.core.prompts.cjk_score import common_cjk_share
from desktop.core.prompts.decoding import (
    DecodedText,
    binary_reason,
    decode_bytes,
    decode_text_file,
    first_mark,
    marked_bytes,
)

TRADITIONAL = "prompt,count\n一隻在雨中的貓，水彩風格,2\n夜晚的台北街頭，霓虹燈，電影感,1\n"
SIMPLIFIED = "prompt,count\n一只在雨中的猫，水彩风格,2\n夜晚的上海街头，霓虹灯，电影感,1\n"


def test_big5_bytes_of_traditional_chinese_are_read_as_cp950() -> None:
    data = TRADITIONAL.encode("cp950")
    assert data[13:15] == b"\xa4\x40"  # 一 in Big5: these are real Big5 bytes
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp950"
    assert decoded.text == TRADITIONAL
    assert not decoded.marked


def test_a_short_big5_text_is_still_big5_not_gb18030() -> None:
    # GB18030 decodes these bytes without error too, but into rare characters.
    data = "一隻貓".encode("cp950")
    data.decode("gb18030")  # would not raise: the reason a naive detector fails
    assert decode_bytes(data).text == "一隻貓"


def test_gb18030_simplified_chinese_is_read_as_gb18030() -> None:
    decoded = decode_bytes(SIMPLIFIED.encode("gb18030"))
    assert decoded.encoding == "gb18030"
    assert decoded.text == SIMPLIFIED


def test_short_gb18030_is_not_taken_for_big5_even_when_both_readings_are_common() -> None:
    # Big5 reads these bytes as 巍箇腑: no error, all Big5 level 1 ("common") characters;
    # only their frequency says 霓虹灯 is the text.
    data = "prompt\n霓虹灯\n".encode("gb18030")
    assert data.decode("cp950") == "prompt\n巍箇腑\n"
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.text) == ("gb18030", "prompt\n霓虹灯\n")


@pytest.mark.parametrize("text", ["一只猫", "一只", "山水山水", "小鹿小鹿"])
def test_gb18030_that_is_also_garbled_utf8_is_read_as_gb18030(text: str) -> None:
    data = f"prompt\n{text}\n".encode("gb18030")
    data.decode("utf-8")  # valid UTF-8 too ("һֻ", "ɽˮ", "С¹"): strict UTF-8 alone would win
    assert decode_bytes(data).text == f"prompt\n{text}\n"


@pytest.mark.parametrize(
    "text", ["prompt\nλ\n", "prompt\n10 м²\n", "prompt\nМосква ночью\n", "prompt\nΩμέγα café\n"]
)
def test_utf8_that_reads_as_real_text_stays_utf8_even_if_it_is_valid_gb18030(text: str) -> None:
    # "λ" is byte for byte "位" in GB18030: UTF-8 comes first unless its reading is garbled.
    data = text.encode("utf-8")
    data.decode("gb18030")
    assert decode_bytes(data) == DecodedText(text, "utf-8")


def test_hkscs_only_characters_fall_back_to_big5hkscs() -> None:
    text = "prompt\n香港的舊樓，𨋢\n"  # 𨋢 (lift) exists in HKSCS, not in cp950
    data = text.encode("big5hkscs")
    with pytest.raises(UnicodeDecodeError):
        data.decode("cp950")
    decoded = decode_bytes(data)
    assert decoded.encoding == "big5hkscs"
    assert decoded.text == text


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-32-le", codecs.BOM_UTF32_LE),
    ],
)
def test_a_byte_order_mark_decides_the_encoding_and_is_removed(encoding: str, bom: bytes) -> None:
    decoded = decode_bytes(bom + TRADITIONAL.encode(encoding))
    assert decoded.text == TRADITIONAL
    assert not decoded.marked


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_recognised_by_its_nul_pattern(encoding: str) -> None:
    decoded = decode_bytes(TRADITIONAL.encode(encoding))
    assert decoded.encoding == encoding
    assert decoded.text == TRADITIONAL


def test_plain_utf8_is_utf8() -> None:
    decoded = decode_bytes(TRADITIONAL.encode("utf-8"))
    assert (decoded.encoding, decoded.text) == ("utf-8", TRADITIONAL)


def test_western_windows_text_is_read_through_charset_normalizer() -> None:
    text = "prompt\nCafé au lait, crème brûlée, naïve façade, déjà vu\n" * 3
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text
    assert not decoded.marked


def test_utf8_with_one_stray_byte_keeps_utf8_and_marks_the_byte() -> None:
    data = "prompt\n一隻在雨中的貓，水彩風格\n".encode() + b"bad \xff byte\n"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.marked
    assert "一隻在雨中的貓" in decoded.text
    index = first_mark(decoded.text)
    assert index is not None and decoded.text[index - 4 : index] == "bad "
    assert marked_bytes(decoded.text) == "0xFF"


def test_big5_text_is_not_taken_for_western_text() -> None:
    text = "prompt\n香港夜景，霓虹，雨\n"
    assert decode_bytes(text.encode("cp950")).text == text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 20,
        b"\xff\xd8\xff\xe0" + b"JFIF",
        b"GIF89a...",
        b"RIFF\x10\x00\x00\x00WEBPVP8 ",
        b"%PDF-1.7\n",
        b"PK\x03\x04 zip",
        b"text with a \x00 NUL byte",
    ],
)
def test_images_archives_and_nul_bytes_are_binary(data: bytes) -> None:
    assert binary_reason(data) is not None
    result = decode_text_file(data)
    assert isinstance(result, str) and "looks binary" in result


def test_utf16_text_is_not_taken_for_binary_despite_its_nul_bytes() -> None:
    result = decode_text_file(codecs.BOM_UTF16_LE + "prompt\na cat\n".encode("utf-16-le"))
    assert not isinstance(result, str)
    assert result.text == "prompt\na cat\n"


def test_common_cjk_share_separates_right_and_wrong_readings() -> None:
    data = TRADITIONAL.encode("cp950")
    assert common_cjk_share(data.decode("cp950")) > 0.9
    assert common_cjk_share(data.decode("gb18030")) < 0.6
    assert common_cjk_share("plain ascii") == 0.0
