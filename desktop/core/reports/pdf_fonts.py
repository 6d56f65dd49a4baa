"""CJK-capable fonts for PDF reports, so Traditional Chinese prompts print.

Candidates, best first: `BATCHGEN_CJK_FONT`, full system CJK TrueType fonts, the subset
shipped in resources/fonts. Each string is set in the first embedded font that has all
its characters; if none has, in reportlab's built-in CID font `MSung-Light` (Traditional
Chinese, not embedded, but its text still extracts). reportlab keeps registered fonts in
its own process-wide table; registering the same name twice is harmless.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop.core.paths import resources_dir

log = logging.getLogger(__name__)

CID_FALLBACK = "MSung-Light"
SYSTEM_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "C:/Windows/Fonts/msjh.ttc",
    "C:/Windows/Fonts/mingliu.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)


def bundled_fonts() -> list[Path]:
    folder = resources_dir() / "fonts"
    return sorted(folder.glob("*.ttf")) + sorted(folder.glob("*.ttc")) if folder.is_dir() else []


@dataclass
class FontSet:
    """Registered fonts in preference order, and the choice of font for a piece of text."""

    names: list[str]  # embedded TrueType fonts, best first
    sources: dict[str, str]
    cmaps: dict[str, frozenset[int]] = field(repr=False, default_factory=dict)

    @property
    def primary(self) -> str:
        return self.names[0] if self.names else CID_FALLBACK

    def pick(self, text: str) -> str:
        wanted = {ord(c) for c in text if ord(c) > 0x7E}
        for name in self.names:
            if wanted <= self.cmaps[name]:
                return name
        return CID_FALLBACK

    def describe(self) -> str:
        used = ", ".join(f"{n} ({self.sources[n]})" for n in self.names) or "none embedded"
        return f"{used}; fallback {CID_FALLBACK} (CID, not embedded)"


def load_fonts(extra: list[Path] | None = None, *, system: tuple[str, ...] = SYSTEM_CANDIDATES,
               bundled: bool = True) -> FontSet:
    """Register every usable candidate (system fonts first, then the bundled subset)."""
    env = os.environ.get("BATCHGEN_CJK_FONT")
    paths = [Path(env)] if env else []
    paths += list(extra or []) + [Path(p) for p in system] + (bundled_fonts() if bundled else [])
    fonts = FontSet([], {})
    for path in paths:
        if not path.is_file():
            continue
        name = "CJK-" + path.stem.replace(" ", "")
        if name in fonts.names:
            continue
        try:
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
            font = pdfmetrics.getFont(name)
        except (TTFError, OSError, ValueError) as exc:  # e.g. CFF outlines: not usable here
            log.info("skipping font %s: %s", path, exc)
            continue
        if Path(font.face.filename).resolve() != path.resolve():
            continue  # reportlab shares faces by internal name: this one is another file's
        fonts.names.append(name)
        fonts.sources[name] = str(path)
        fonts.cmaps[name] = frozenset(font.face.charToGlyph)
    if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return fonts
