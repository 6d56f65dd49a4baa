"""Five clickable stars for a rating from 0 to 5; clicking the current star clears it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

STARS = 5


class RatingView(QWidget):
    rating_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rating = 0
        self._hover = -1
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Rating: click a star; click it again to clear"))
        self.setAccessibleName(self.tr("Rating"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def rating(self) -> int:
        return self._rating

    def set_rating(self, rating: int) -> None:
        self._rating = max(0, min(STARS, int(rating)))
        self.setAccessibleDescription(str(self._rating))
        self.update()

    def _star_width(self) -> int:
        return self.height()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(24 * STARS, 24)

    def _star_at(self, x: float) -> int:
        return min(STARS, int(x // self._star_width()) + 1)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._hover = self._star_at(event.position().x())
        self.update()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self._hover = -1
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        star = self._star_at(event.position().x())
        self.set_rating(0 if star == self._rating else star)
        self.rating_changed.emit(self._rating)

    def keyPressEvent(self, event: object) -> None:  # noqa: N802
        key = event.key()  # type: ignore[attr-defined]
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_5:
            self.set_rating(key - Qt.Key.Key_0)
            self.rating_changed.emit(self._rating)
        else:
            super().keyPressEvent(event)  # type: ignore[arg-type]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        font = QFont(self.font())
        font.setPixelSize(int(self.height() * 0.8))
        painter.setFont(font)
        shown = self._hover if self._hover > 0 else self._rating
        off = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for i in range(STARS):
            painter.setPen(QColor(240, 180, 0) if i < shown else off)
            w = self._star_width()
            painter.drawText(i * w, 0, w, self.height(), Qt.AlignmentFlag.AlignCenter,
                             "★" if i < shown else "☆")
        painter.end()
