"""The thumbnail grid: a `QListView` in icon mode tuned for 100,000 items (uniform sizes,
static movement, batched layout so a new result list never freezes the window), that
drags images out as file URLs and takes image files dropped in from outside to import."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from desktop.ui.gallery.gallery_model import ASSET_IDS_MIME, GalleryModel
from desktop.ui.gallery.thumbnail_delegate import ThumbnailDelegate

LAYOUT_BATCH = 1500  # items laid out per event-loop turn (~15 ms here)


class GalleryGridView(QListView):
    files_dropped = Signal(list)  # local paths dropped from another application
    delete_pressed = Signal()
    activated_asset = Signal(int)

    def __init__(self, parent: QWidget | None = None, cell: int = 168) -> None:
        super().__init__(parent)
        self.setObjectName("GalleryGrid")
        self.thumbnail_delegate = ThumbnailDelegate(cell, self)
        self.setItemDelegate(self.thumbnail_delegate)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)  # items never move; drags go out
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.setSpacing(0)
        self.setGridSize(QSize(cell, cell))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionRectVisible(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(cell // 3)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setMouseTracking(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.doubleClicked.connect(
            lambda index: self.activated_asset.emit(int(index.data(GalleryModel.AssetIdRole))))

    def visible_rows(self, margin_rows: int = 1) -> range:
        """Rows whose cells are on screen, plus `margin_rows` rows of cells above and below
        (the grid is uniform, so this is arithmetic, not a walk over items)."""
        model = self.model()
        count = model.rowCount() if model is not None else 0
        cell = max(self.gridSize().width(), 1)
        columns = max(self.viewport().width() // cell, 1)
        first = self.indexAt(self.viewport().rect().topLeft() + QPoint(2, 2)).row()
        if first < 0:
            first = (self.verticalScrollBar().value() // cell) * columns
        first = max(0, first - first % columns - margin_rows * columns)
        lines = self.viewport().height() // cell + 2 + 2 * margin_rows
        return range(first, min(count, first + lines * columns))

    def set_cell(self, cell: int) -> None:
        self.thumbnail_delegate.set_cell(cell)
        self.setGridSize(QSize(cell, cell))
        self.verticalScrollBar().setSingleStep(cell // 3)
        self.doItemsLayout()

    # -- drops from other applications (our own drags go to collections) -----------------
    @staticmethod
    def _external_files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
        data = event.mimeData()
        if data.hasFormat(ASSET_IDS_MIME) or not data.hasUrls():
            return []
        return [u.toLocalFile() for u in data.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._external_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self._external_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = self._external_files(event)
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)
