"""Paints one gallery cell: the thumbnail fitted into a square (or a placeholder while it
loads), the selection frame, the favourite heart, the rating stars and, when the sync
service sets it, a cloud badge."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.gallery.gallery_model import GalleryModel

# The cloud badge: white when every destination holds a verified copy, amber while waiting,
# red when an upload failed or a conflict waits for the user.
SYNC_COLORS = {"synced": QColor(255, 255, 255), "pending": QColor(255, 190, 60),
               "error": QColor(255, 90, 80), "conflict": QColor(255, 90, 80)}

MARGIN = 4
PLACEHOLDER = QColor(128, 128, 128, 60)
MISSING = QColor(200, 80, 80, 70)


def _over(colour: QColor, base: QColor) -> QColor:
    """`colour` composited over `base`, as an opaque colour."""
    a = colour.alphaF()
    return QColor(round(colour.red() * a + base.red() * (1 - a)),
                  round(colour.green() * a + base.green() * (1 - a)),
                  round(colour.blue() * a + base.blue() * (1 - a)))


class ThumbnailDelegate(QStyledItemDelegate):
    def __init__(self, cell: int = 168, parent: object = None) -> None:
        super().__init__(parent)
        self.cell = cell

    def set_cell(self, cell: int) -> None:
        self.cell = cell

    @property
    def image_size(self) -> QSize:
        side = self.cell - 2 * MARGIN
        return QSize(side, side)

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(self.cell, self.cell)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        box = QRect(option.rect).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        image = index.data(Qt.ItemDataRole.DecorationRole)
        state = index.data(GalleryModel.ThumbnailStateRole)
        if isinstance(image, QImage) and not image.isNull():
            size = image.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(box.center())
            painter.drawImage(target, image)
        else:
            # An opaque plain fill. A translucent fill this tall makes Qt's raster engine
            # split it across its thread pool and wait on a latch, and an antialiased
            # rounded rectangle costs ~0.5 ms: either stalls fast scrolling on 2 cores.
            base = option.palette.color(QPalette.ColorRole.Base)
            painter.fillRect(box, _over(MISSING if state == "missing" else PLACEHOLDER, base))
            if state == "missing":
                painter.setPen(option.palette.color(QPalette.ColorRole.Text))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "?")
        self._badges(painter, box, index)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if option.state & QStyle.StateFlag.State_Selected:
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), 3)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(box).adjusted(-1.5, -1.5, 1.5, 1.5), 6, 6)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight).lighter(150), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(box), 6, 6)
        painter.restore()

    def _badges(self, painter: QPainter, box: QRect, index: QModelIndex | QPersistentModelIndex) -> None:
        rating = index.data(GalleryModel.RatingRole) or 0
        favorite = bool(index.data(GalleryModel.FavoriteRole))
        synced = index.data(GalleryModel.SyncStateRole)
        font = QFont(painter.font())
        font.setPixelSize(max(11, self.cell // 12))
        painter.setFont(font)
        if rating:
            strip = QRect(box.left(), box.bottom() - font.pixelSize() - 6, box.width(), font.pixelSize() + 6)
            painter.fillRect(strip, QColor(0, 0, 0, 110))
            painter.setPen(QColor(255, 204, 0))
            painter.drawText(strip.adjusted(5, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, "★" * int(rating))
        corner = QRect(box.right() - font.pixelSize() - 8, box.top() + 3, font.pixelSize() + 6,
                       font.pixelSize() + 4)
        if favorite:
            painter.setPen(QColor(235, 64, 90))
            painter.drawText(corner, Qt.AlignmentFlag.AlignCenter, "♥")
        if synced:
            cloud = corner.translated(0 if not favorite else -corner.width(), 0)
            # On a dark chip, so that the badge reads over white space and light images alike.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 120))
            painter.drawRoundedRect(QRectF(cloud), 4, 4)
            painter.setPen(SYNC_COLORS.get(synced, SYNC_COLORS["pending"]))
            painter.drawText(cloud, Qt.AlignmentFlag.AlignCenter, "☁")
