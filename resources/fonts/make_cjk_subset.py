"""Make the CJK font shipped for PDF reports: a subset of WenQuanYi Micro Hei (Apache-2.0)
holding Latin, punctuation, symbols, Bopomofo, kana, Big5 level-1 hanzi (the 5,401 common
Traditional characters) and GB2312 level-1 (the 3,755 common Simplified ones), about
1.4 MB. Characters outside it are printed with a system CJK font or reportlab's built-in
MSung-Light (see desktop/core/reports/pdf_fonts.py).

Maintainer tool, not run by the app or the tests:
    apt-get install fonts-wqy-microhei && pip install fonttools
    python resources/fonts/make_cjk_subset.py [/usr/share/fonts/truetype/wqy/wqy-microhei.ttc]
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

SOURCE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
OUT = Path(__file__).with_name("WQYMicroHei-CJKSubset.ttf")
RANGES = [(0x20, 0x24F), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x22FF), (0x2460, 0x24FF),
          (0x2500, 0x26FF), (0x3000, 0x30FF), (0x3100, 0x312F), (0xFF00, 0xFFEF)]


def _double_byte(codec: str, leads: range, trails: list[int]) -> set[str]:
    out = set()
    for lead in leads:
        for trail in trails:
            with contextlib.suppress(UnicodeDecodeError):
                out.add(bytes([lead, trail]).decode(codec))
    return out


def characters() -> str:
    big5_trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    chars = {chr(c) for lo, hi in RANGES for c in range(lo, hi + 1)}
    chars |= _double_byte("big5", range(0xA1, 0xC7), big5_trails)  # symbols + level 1
    chars |= _double_byte("gb2312", range(0xB0, 0xD8), list(range(0xA1, 0xFF)))  # level 1
    return "".join(sorted(chars))


NEW_NAMES = {1: "WQY MicroHei CJK Subset", 3: "WQYMicroHeiCJKSubset-0.2.0", 4: "WQY MicroHei CJK Subset",
             6: "WQYMicroHeiCJKSubset", 16: "WQY MicroHei CJK Subset"}


def _rename(font: TTFont) -> None:
    """A modified font gets its own name (and reportlab, which keys faces by name, then
    never mixes it up with an installed WenQuanYi Micro Hei)."""
    for record in font["name"].names:
        if record.nameID in NEW_NAMES:
            record.string = NEW_NAMES[record.nameID]


def main(source: Path = SOURCE) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        face = Path(tmp) / "face.ttf"
        TTCollection(str(source)).fonts[0].save(str(face))
        font = TTFont(str(face))
        options = subset.Options()
        options.hinting = False
        options.name_IDs = ["*"]
        options.notdef_outline = True
        sub = subset.Subsetter(options)
        sub.populate(text=characters())
        sub.subset(font)
        _rename(font)
        font.save(str(OUT))
    print(f"{OUT}: {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
