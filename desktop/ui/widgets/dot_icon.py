"""Small coloured dots for states and statuses (the same colour means the same thing in
the job table, the batch list and the status bar)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

STATE_COLORS = {
    "pending": "#7a8ca3",
    "running": "#2f7fd8",
    "succeeded": "#2e9d4f",
    "failed": "#d0392b",
    "cancelled": "#9a9a9a",
    "paused": "#e0a100",
}

STATUS_COLORS = {
    "ready": "#2e9d4f",
    "ok": "#2e9d4f",
    "degraded": "#e0a100",
    "down": "#d0392b",
    "error": "#d0392b",
    "blocked": "#d0392b",
    "unconfigured": "#9a9a9a",
    "syncing": "#2f7fd8",
    "idle": "#9a9a9a",
}


def dot_icon(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(color).darker(130))
    painter.setBrush(QColor(color))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    painter.end()
    return QIcon(pixmap)


class DotIcons:
    """Dot icons by key, made once per owner (item models ask for them on every paint)."""

    def __init__(self, colors: dict[str, str], fallback: str = "#9a9a9a") -> None:
        self.colors = colors
        self.fallback = fallback
        self._icons: dict[str, QIcon] = {}

    def get(self, key: str) -> QIcon:
        icon = self._icons.get(key)
        if icon is None:
            icon = self._icons[key] = dot_icon(self.colors.get(key, self.fallback))
        return icon
