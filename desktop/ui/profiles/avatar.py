"""A profile's avatar: a filled circle in its colour with its initial, readable on any colour."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap


def text_color_on(background: QColor) -> QColor:
    # Perceived brightness (ITU-R BT.601): dark text on light colours, white on dark ones.
    light = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor("#1b1b1b") if light > 160 else QColor("#ffffff")


def avatar_pixmap(color: str, name: str, size: int = 32, ratio: float = 1.0) -> QPixmap:
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    background = QColor(color if QColor.isValidColorName(color) else "#7f7f7f")
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(background)
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(8, int(size * 0.5)))
    painter.setFont(font)
    painter.setPen(text_color_on(background))
    initial = name.strip()[:1].upper() or "?"
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initial)
    painter.end()
    return pixmap


def avatar_icon(color: str, name: str, size: int = 32) -> QIcon:
    return QIcon(avatar_pixmap(color, name, size, 2.0))
