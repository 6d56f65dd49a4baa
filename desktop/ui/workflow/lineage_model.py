"""An image's family tree (original → variants → variants of variants) as a Qt tree model.
Indexes carry asset ids; picks and approvals are highlighted, reseeds that were collapsed
show how many they stand for."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap

from desktop.ui.workflow.labels import decision_name

Index = QModelIndex | QPersistentModelIndex
AssetIdRole = Qt.ItemDataRole.UserRole + 1
HIGHLIGHT = ("pick", "approve")
COLUMNS = 3  # image and prompt, decision, seed


class LineageModel(QAbstractItemModel):
    def __init__(self, workflow: Any, images: Any = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.workflow = workflow
        self.images = images  # an ImageGridModel, for its thumbnail cache and loader
        self.collapse = True
        self.asset_id: int | None = None
        self._roots: list[Any] = []
        self._nodes: dict[int, Any] = {}
        self._parent: dict[int, int | None] = {}
        self._icons: dict[int, QIcon] = {}  # drawn at the view's icon size, not the image's

    def show_asset(self, asset_id: int | None) -> None:
        self.asset_id = asset_id
        self.refresh()

    def set_collapse(self, collapse: bool) -> None:
        self.collapse = collapse
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._roots = self.workflow.variants.lineage(self.asset_id, self.collapse) if self.asset_id else []
        self._nodes.clear()
        self._parent.clear()
        stack = [(n, None) for n in self._roots]
        while stack:
            node, parent = stack.pop()
            self._nodes[node.asset_id] = node
            self._parent[node.asset_id] = parent
            stack += [(c, node.asset_id) for c in node.children]
        self.endResetModel()

    def node(self, index: Index) -> Any | None:
        return self._nodes.get(int(index.internalId())) if index.isValid() else None

    def _children(self, asset_id: int | None) -> list[Any]:
        return self._roots if asset_id is None else self._nodes[asset_id].children

    # -- structure -----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= COLUMNS or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        siblings = self._children(int(parent.internalId()) if parent.isValid() else None)
        if not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row].asset_id)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent_id = self._parent.get(int(index.internalId()))
        if parent_id is None:
            return QModelIndex()
        grand = self._parent.get(parent_id)
        row = [n.asset_id for n in self._children(grand)].index(parent_id)
        return self.createIndex(row, 0, parent_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(int(parent.internalId()) if parent.isValid() else None))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return COLUMNS

    def index_of(self, asset_id: int) -> QModelIndex:
        if asset_id not in self._nodes:
            return QModelIndex()
        parent_id = self._parent[asset_id]
        row = [n.asset_id for n in self._children(parent_id)].index(asset_id)
        return self.createIndex(row, 0, asset_id)

    # -- data --------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Image"), self.tr("Decision"), self.tr("Seed"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                label = self.tr("#%1 %2").replace("%1", str(node.asset_id)).replace("%2", self._prompt_text(node))
                if node.collapsed_count:
                    label += "  " + self.tr("(+%n reseed(s))", "", node.collapsed_count)
                return label
            if column == 1:
                return decision_name(node.status) if node.status else ""
            return "" if node.asset.seed is None else str(node.asset.seed)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._thumbnail(node.asset_id)
        if role == Qt.ItemDataRole.FontRole and node.status in HIGHLIGHT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and node.status in HIGHLIGHT:
            return QBrush(QColor(255, 214, 102, 90))
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.asset.prompt
        if role == AssetIdRole:
            return node.asset_id
        return None

    def _prompt_text(self, node: Any) -> str:
        """A variant shows what its prompt adds to its parent's; an original its prompt."""
        parent_id = self._parent.get(node.asset_id)
        prompt = node.asset.prompt
        if parent_id is not None:
            base = self._nodes[parent_id].asset.prompt
            if prompt != base and prompt.startswith(base):
                return "… " + prompt[len(base):].lstrip(", ")
            if prompt == base:
                return "…"
        return prompt if len(prompt) <= 90 else prompt[:89] + "…"

    def _thumbnail(self, asset_id: int) -> QIcon | None:
        if asset_id in self._icons or self.images is None:
            return self._icons.get(asset_id)
        image = self.images.cache.get(asset_id)
        if image is None:
            workflow = self.workflow
            self.images.loader.request(asset_id, lambda: workflow.image_path(asset_id))
            return None
        self._icons[asset_id] = QIcon(QPixmap.fromImage(image))  # on the GUI thread, in data()
        return self._icons[asset_id]

    def thumbnail_arrived(self, asset_id: int) -> None:
        index = self.index_of(asset_id)
        if index.isValid():
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
