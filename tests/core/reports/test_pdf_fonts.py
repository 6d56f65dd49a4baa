"""CJK text in PDFs: the shipped font subset is embedded and extracts back; characters it
lacks fall back to a font that still extracts."""

from __future__ import annotations

from pathlib import Path

from desktop.core.reports.document import ReportDoc, Section
from desktop.core.reports.pdf_fonts import CID_FALLBACK, FontSet, bundled_fonts, load_fonts
from desktop.core.reports.render_pdf import render
from tests.core.reports.readers import pdf_fonts, pdf_text

PROMPT = "繁體中文提示：一隻在雨中的貓，水彩風格；台北夜景"


def _doc(text: str) -> ReportDoc:
    return ReportDoc("t", "報告 Report", "Library", "2026-11", 0.0, "/lib",
                     [Section("s", "提示詞 Prompts", paragraphs=[text])])


def _rare_character(fonts: FontSet) -> str:
    """A Big5 level-2 character the shipped subset does not hold."""
    for trail in range(0x40, 0x7F):
        ch = bytes([0xDD, trail]).decode("big5")
        if ord(ch) not in fonts.cmaps[fonts.names[0]]:
            return ch
    raise AssertionError("the subset holds every character tried")


def test_the_shipped_font_is_small_enough_to_commit() -> None:
    fonts = bundled_fonts()
    assert [f.name for f in fonts] == ["WQYMicroHei-CJKSubset.ttf"]
    assert fonts[0].stat().st_size < 2 * 1024 * 1024
    assert (fonts[0].parent / "LICENSE-WQYMicroHei-Apache-2.0.txt").is_file()


def test_the_shipped_font_alone_embeds_and_extracts_traditional_chinese(tmp_path: Path) -> None:
    fonts = load_fonts(system=())
    assert fonts.primary == "CJK-WQYMicroHei-CJKSubset"
    out = tmp_path / "zh.pdf"
    render(_doc(PROMPT), out, fonts=fonts)
    assert PROMPT in pdf_text(out).replace("\n", "")
    used = {name: embedded for name, embedded in pdf_fonts(out).items() if name != "/Helvetica"}
    assert list(used) == ["/AAAAAA+WQYMicroHeiCJKSubset"] and all(used.values()), used  # embedded


def test_a_character_outside_the_subset_falls_back_and_still_extracts(tmp_path: Path) -> None:
    fonts = load_fonts(system=())
    rare = _rare_character(fonts)
    assert fonts.pick(f"雨{rare}") == CID_FALLBACK and fonts.pick("雨") == fonts.primary
    out = tmp_path / "rare.pdf"
    render(_doc(f"罕見字 {rare}"), out, fonts=fonts)
    assert f"罕見字 {rare}" in pdf_text(out)


def test_without_any_font_file_the_builtin_cid_font_is_used(tmp_path: Path) -> None:
    fonts = load_fonts(system=(), bundled=False)
    assert fonts.names == [] and fonts.primary == CID_FALLBACK
    out = tmp_path / "cid.pdf"
    render(_doc(PROMPT), out, fonts=fonts)
    assert PROMPT in pdf_text(out).replace("\n", "")


def test_a_font_reportlab_cannot_read_is_skipped(tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"not a font")
    fonts = load_fonts([bad], system=(), bundled=False)
    assert fonts.names == []
