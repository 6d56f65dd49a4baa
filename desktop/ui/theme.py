"""Light and dark themes on the Fusion style, or whichever the system prefers.

Fusion looks the same on every platform and takes a palette; a small style sheet from
`resources/themes/app.qss` styles the few custom widgets (banner, status dots). With
"system", the scheme follows `QStyleHints.colorScheme()` and changes when the OS does.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop.ui.resources import theme_path

THEMES = ("system", "light", "dark")


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    disabled = QColor(127, 127, 127)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(40, 40, 43),
        QPalette.ColorRole.ToolTipBase: QColor(60, 60, 64),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor(150, 150, 150),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor(55, 55, 58),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 80, 80),
        QPalette.ColorRole.Link: QColor(100, 170, 255),
        QPalette.ColorRole.Highlight: QColor(42, 110, 200),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Light: QColor(75, 75, 78),
        QPalette.ColorRole.Midlight: QColor(62, 62, 65),
        QPalette.ColorRole.Mid: QColor(40, 40, 42),
        QPalette.ColorRole.Dark: QColor(25, 25, 26),
        QPalette.ColorRole.Shadow: QColor(0, 0, 0),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def effective_scheme(theme: str) -> str:
    if theme in ("light", "dark"):
        return theme
    return "dark" if system_prefers_dark() else "light"


class ThemeManager(QObject):
    """Applies a theme and, for "system", re-applies it when the OS scheme changes."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.theme = "system"
        self.scheme = "light"
        app.setStyle("Fusion")
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)

    def apply(self, theme: str) -> str:
        self.theme = theme if theme in THEMES else "system"
        self.scheme = effective_scheme(self.theme)
        palette = dark_palette() if self.scheme == "dark" else self.app.style().standardPalette()
        self.app.setPalette(palette)
        self.app.setStyleSheet(_style_sheet(self.scheme))
        return self.scheme

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.theme == "system":
            self.apply("system")


def _style_sheet(scheme: str) -> str:
    try:
        text = theme_path("app.qss").read_text("utf-8")
    except OSError:
        return ""
    # The sheet holds both schemes; lines tagged for the other one are dropped.
    other = "/*light*/" if scheme == "dark" else "/*dark*/"
    return "\n".join(line for line in text.splitlines() if other not in line)
