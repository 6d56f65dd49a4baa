"""Syntax colours for typed prompts: dynamicprompts variants `{a|b}` (with `{2$$a|b|c}`
counts), `__wildcards__`, `#` comment lines, A1111 `--flags`, `(weights:1.2)` and unbalanced
braces shown as errors, so a typo is visible before the preview."""

from __future__ import annotations

import re

from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

WILDCARD = re.compile(r"__[\w\-/.*]+__")
FLAG = re.compile(r"(?<!\S)--[A-Za-z_]+")
WEIGHT = re.compile(r":\s*-?\d+(?:\.\d+)?(?=\s*\))")
COUNT = re.compile(r"(?<=\{)\s*\d*(?:-\d*)?\$\$")


def _format(color: str, bold: bool = False, italic: bool = False, underline: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    if underline:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(color))
    return fmt


class PromptHighlighter(QSyntaxHighlighter):
    """Colours chosen to read on both light and dark palettes."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.formats: dict[str, QTextCharFormat] = {}
        self.update_colors()

    def update_colors(self) -> None:
        """Pick colours for the current palette (call on a theme change)."""
        dark = QGuiApplication.palette().base().color().lightness() < 128
        self.formats = {
            "brace": _format("#d19a66" if dark else "#a0522d", bold=True),
            "separator": _format("#d19a66" if dark else "#a0522d", bold=True),
            "wildcard": _format("#56b6c2" if dark else "#0b7285", bold=True),
            "comment": _format("#7f8c8d", italic=True),
            "flag": _format("#c678dd" if dark else "#7b2cbf", bold=True),
            "weight": _format("#98c379" if dark else "#2b8a3e"),
            "error": _format("#ff6b6b" if dark else "#c92a2a", bold=True, underline=True),
        }
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if text.lstrip().startswith("#"):
            self.setFormat(0, len(text), self.formats["comment"])
            return
        for pattern, name in ((WILDCARD, "wildcard"), (FLAG, "flag"), (WEIGHT, "weight"),
                              (COUNT, "separator")):
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.formats[name])
        self._braces(text)

    def _braces(self, text: str) -> None:
        open_at: list[int] = []
        escaped = False
        for i, char in enumerate(text):
            if escaped or char == "\\":
                escaped = not escaped
                continue
            if char == "{":
                open_at.append(i)
                self.setFormat(i, 1, self.formats["brace"])
            elif char == "}":
                if open_at:
                    open_at.pop()
                    self.setFormat(i, 1, self.formats["brace"])
                else:
                    self.setFormat(i, 1, self.formats["error"])
            elif char == "|" and open_at:
                self.setFormat(i, 1, self.formats["separator"])
        for i in open_at:
            self.setFormat(i, 1, self.formats["error"])
