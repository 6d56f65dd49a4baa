"""The gallery's sidebar list: All images, Favourites, Trash, then hand-made collections
and saved searches, with counts. Images dragged from the grid can be dropped on a
collection (add), on Favourites (mark) or on Trash (delete)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QApplication, QStyle

from desktop.core.gallery.query import GalleryQuery
from desktop.core.gallery.views import CollectionInfo
from desktop.ui import formatting
from desktop.ui.gallery.gallery_model import ASSET_IDS_MIME, asset_ids_from_mime

Index = QModelIndex | QPersistentModelIndex
ALL, FAVORITES, TRASH, COLLECTION, SMART = "all", "favorites", "trash", "collection", "smart"
DROP_KINDS = (FAVORITES, TRASH, COLLECTION)


@dataclass(frozen=True)
class SidebarEntry:
    kind: str
    collection_id: int | None = None
    name: str = ""  # user-given names only; fixed entries are translated when shown
    count: int | None = None
    query: GalleryQuery | None = None


class CollectionListModel(QAbstractListModel):
    KindRole = Qt.ItemDataRole.UserRole + 1
    CollectionIdRole = Qt.ItemDataRole.UserRole + 2
    QueryRole = Qt.ItemDataRole.UserRole + 3
    CountRole = Qt.ItemDataRole.UserRole + 4

    assets_dropped = Signal(str, int, list)  # kind, collection id (0 if none), asset ids

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[SidebarEntry] = [SidebarEntry(ALL), SidebarEntry(FAVORITES),
                                             SidebarEntry(TRASH)]

    def set_contents(self, collections: Sequence[CollectionInfo], *, total: int | None = None,
                     favorites: int | None = None, trash: int | None = None) -> None:
        entries = [SidebarEntry(ALL, count=total), SidebarEntry(FAVORITES, count=favorites),
                   SidebarEntry(TRASH, count=trash)]
        entries += [SidebarEntry(COLLECTION, c.id, c.name, c.count)
                    for c in collections if not c.is_smart]
        entries += [SidebarEntry(SMART, c.id, c.name, c.count, c.query)
                    for c in collections if c.is_smart]
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def entry(self, row: int) -> SidebarEntry:
        return self._entries[row]

    def row_of(self, kind: str, collection_id: int | None = None) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.kind == kind and entry.collection_id == collection_id:
                return row
        return None

    def hand_made(self) -> list[SidebarEntry]:
        return [e for e in self._entries if e.kind == COLLECTION]

    def _fixed_name(self, kind: str) -> str:
        return {ALL: self.tr("All images"), FAVORITES: self.tr("Favourites"),
                TRASH: self.tr("Trash")}.get(kind, "")

    # -- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            name = entry.name or self._fixed_name(entry.kind)
            return f"{name}  ({formatting.number(entry.count)})" if entry.count is not None else name
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.kind == SMART:
                return self.tr("Saved search: opening it runs the search again")
            if entry.kind in DROP_KINDS:
                return self.tr("Drop images here")
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(entry.kind)
        if role == self.KindRole:
            return entry.kind
        if role == self.CollectionIdRole:
            return entry.collection_id
        if role == self.QueryRole:
            return entry.query
        if role == self.CountRole:
            return entry.count
        return None

    @staticmethod
    def _icon(kind: str) -> Any:
        style = QApplication.style()
        pixmap = {
            ALL: QStyle.StandardPixmap.SP_DirHomeIcon, FAVORITES: QStyle.StandardPixmap.SP_DialogYesButton,
            TRASH: QStyle.StandardPixmap.SP_TrashIcon, COLLECTION: QStyle.StandardPixmap.SP_DirIcon,
            SMART: QStyle.StandardPixmap.SP_FileDialogContentsView,
        }[kind]
        return style.standardIcon(pixmap) if style is not None else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self._entries[index.row()].kind in DROP_KINDS:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ASSET_IDS_MIME]

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: Index) -> bool:
        return (parent.isValid() and self._entries[parent.row()].kind in DROP_KINDS
                and bool(asset_ids_from_mime(data)))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        entry = self._entries[parent.row()]
        self.assets_dropped.emit(entry.kind, entry.collection_id or 0, asset_ids_from_mime(data))
        return True  # the gallery applies the change; the grid only offers copies
