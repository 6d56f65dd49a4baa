"""The gallery grid's item model: it holds asset ids in the query's order and pages rows
from `GalleryService.assets` only for the rows a view asks about.

Thumbnails are requested when `data(DecorationRole)` is asked for a row (that is, when
the row is painted), arrive from the loader's workers as `QImage`s, sit in a bounded LRU
cache and are announced with `dataChanged`. Until then the role is empty and the
delegate draws a placeholder.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QImage

from desktop.core.gallery.service import GalleryService
from desktop.core.gallery.views import RECORD_INDEX, AssetRecord, AssetView
from desktop.ui import formatting
from desktop.ui.gallery.thumbnail_cache import ThumbnailCache
from desktop.ui.gallery.thumbnail_loader import ThumbnailLoader

ASSET_IDS_MIME = "application/x-batchgen-asset-ids"
PAGE_SIZE = 200
ROW_CACHE = 5000

Index = QModelIndex | QPersistentModelIndex
ID, RATING, FAVORITE = RECORD_INDEX["id"], RECORD_INDEX["rating"], RECORD_INDEX["favorite"]


def asset_ids_from_mime(data: QMimeData) -> list[int]:
    if not data.hasFormat(ASSET_IDS_MIME):
        return []
    try:
        return [int(i) for i in json.loads(bytes(data.data(ASSET_IDS_MIME).data()).decode())]
    except (ValueError, TypeError):
        return []


class GalleryModel(QAbstractListModel):
    AssetIdRole = Qt.ItemDataRole.UserRole + 1
    AssetRole = Qt.ItemDataRole.UserRole + 2  # the AssetView
    RatingRole = Qt.ItemDataRole.UserRole + 3
    FavoriteRole = Qt.ItemDataRole.UserRole + 4
    FilePathRole = Qt.ItemDataRole.UserRole + 5  # absolute path of the image
    ThumbnailStateRole = Qt.ItemDataRole.UserRole + 6  # "ready" | "loading" | "missing"
    SyncStateRole = Qt.ItemDataRole.UserRole + 7  # "synced", "pending", "error", "conflict" or None

    def __init__(self, gallery: GalleryService, loader: ThumbnailLoader,
                 cache: ThumbnailCache | None = None, parent: Any = None,
                 sync_badges: Any = None) -> None:
        super().__init__(parent)
        self.sync_badges = sync_badges  # desktop.ui.sync.sync_badges.SyncBadgeCache, if syncing
        if sync_badges is not None:
            sync_badges.states_changed.connect(self._sync_states_changed)
        self.gallery = gallery
        self.loader = loader
        self.cache = cache or ThumbnailCache()
        self._ids: list[int] = []
        self._rows: OrderedDict[int, AssetRecord] = OrderedDict()
        self._row_of: dict[int, int] | None = None
        self._missing: dict[int, str] = {}
        self.pages_fetched = 0  # for tests and the benchmark
        loader.thumbnail_loaded.connect(self._thumbnail_loaded)
        loader.thumbnail_failed.connect(self._thumbnail_failed)

    # -- ids ------------------------------------------------------------------------------
    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, asset_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {asset_id: row for row, asset_id in enumerate(self._ids)}
        return self._row_of.get(asset_id)

    def index_of(self, asset_id: int) -> QModelIndex:
        row = self.row_of(asset_id)
        return self.index(row, 0) if row is not None else QModelIndex()

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = None
        self.endResetModel()

    def apply_ids(self, ids: Sequence[int]) -> str:
        """Move to a new result list with the smallest change views can follow: rows
        added on top (new images), rows removed (trash), else a reset. Returns which."""
        new, old = list(ids), self._ids
        if new == old:
            return "same"
        extra = len(new) - len(old)
        if extra > 0 and new[extra:] == old:
            self.beginInsertRows(QModelIndex(), 0, extra - 1)
            self._ids, self._row_of = new, None
            self.endInsertRows()
            return "inserted"
        if extra > 0 and new[:len(old)] == old:
            self.beginInsertRows(QModelIndex(), len(old), len(new) - 1)
            self._ids, self._row_of = new, None
            self.endInsertRows()
            return "appended"
        if extra < 0:
            keep = set(new)
            if [i for i in old if i in keep] == new:
                self._remove_rows([row for row, i in enumerate(old) if i not in keep])
                return "removed"
        self.set_ids(new)
        return "reset"

    def _remove_rows(self, rows: list[int]) -> None:
        ranges: list[list[int]] = []
        for row in rows:
            if ranges and ranges[-1][1] == row - 1:
                ranges[-1][1] = row
            else:
                ranges.append([row, row])
        for first, last in reversed(ranges):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first:last + 1]
            self._row_of = None
            self.endRemoveRows()

    # -- rows -----------------------------------------------------------------------------
    def record_at(self, row: int) -> AssetRecord | None:
        asset_id = self._ids[row]
        record = self._rows.get(asset_id)
        if record is not None:
            self._rows.move_to_end(asset_id)
            return record
        self._fetch_page(row)
        return self._rows.get(asset_id)

    def asset_at(self, row: int) -> AssetView | None:
        record = self.record_at(row)
        return AssetView.from_record(record) if record is not None else None

    def assets_for(self, ids: Sequence[int]) -> list[AssetView]:
        """Rows for ids (e.g. the selection), from the cache where possible."""
        missing = [i for i in ids if i not in self._rows]
        for record in self.gallery.records(missing):
            self._remember(record)
        return [AssetView.from_record(self._rows[i]) for i in ids if i in self._rows]

    def _fetch_page(self, row: int) -> None:
        start = row - row % PAGE_SIZE
        wanted = [i for i in self._ids[start:start + PAGE_SIZE] if i not in self._rows]
        for record in self.gallery.records(wanted):
            self._remember(record)
        self.pages_fetched += 1
        if self.sync_badges is not None:  # this page and the next: badges ready before they are painted
            self.sync_badges.prefetch(self._ids[start:start + 2 * PAGE_SIZE])

    def _remember(self, record: AssetRecord) -> None:
        # Records are plain tuples: the garbage collector stops tracking them, so paging
        # through 100,000 rows does not trigger full collections (100 ms pauses).
        asset_id = record[ID]
        self._rows[asset_id] = record
        self._rows.move_to_end(asset_id)
        while len(self._rows) > ROW_CACHE:
            self._rows.popitem(last=False)

    def forget(self, ids: Sequence[int]) -> None:
        """Rows changed in the store: drop them and their thumbnails, repaint their cells."""
        rows = []
        if self.sync_badges is not None:
            self.sync_badges.forget(ids)
        for asset_id in ids:
            self._rows.pop(asset_id, None)
            self.cache.discard(asset_id)
            self._missing.pop(asset_id, None)
            row = self.row_of(asset_id)
            if row is not None:
                rows.append(row)
        for row in rows:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)

    def clear_thumbnails(self) -> None:
        self.cache.clear()
        self._missing.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0),
                                  [Qt.ItemDataRole.DecorationRole])

    # -- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == self.AssetIdRole:
            return self._ids[index.row()]
        if role == self.SyncStateRole:
            badges = self.sync_badges
            return badges.state(self._ids[index.row()]) if badges is not None else None
        record = self.record_at(index.row())
        if record is None:  # deleted since the search ran; the next search drops the row
            return None
        # The delegate asks these for every cell it paints: answered from the record.
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(record)
        if role == self.RatingRole:
            return record[RATING]
        if role == self.FavoriteRole:
            return bool(record[FAVORITE])
        if role == self.ThumbnailStateRole:
            if record[ID] in self._missing:
                return "missing"
            return "ready" if record[ID] in self.cache else "loading"
        asset = AssetView.from_record(record)
        if role == Qt.ItemDataRole.DisplayRole:
            return asset.prompt.split("\n", 1)[0][:80] or Path(asset.path).name
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(asset)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return asset.prompt or Path(asset.path).name
        if role == self.AssetRole:
            return asset
        if role == self.FilePathRole:
            return str(self.gallery.file_path(asset))
        return None

    def _thumbnail(self, record: AssetRecord) -> QImage | None:
        asset_id = record[ID]
        image = self.cache.get(asset_id)
        if image is None and asset_id not in self._missing:
            gallery = self.gallery
            self.loader.request(asset_id,
                                lambda: gallery.thumbnail_file(AssetView.from_record(record)))
        return image

    def _tooltip(self, asset: AssetView) -> str:
        lines = [asset.prompt[:300] or Path(asset.path).name]
        lines.append(f"{asset.provider} · {asset.model} · {asset.width}×{asset.height}")
        lines.append(f"{formatting.date_time(asset.created_at)} · {formatting.money(asset.cost_usd)}")
        return "\n".join(lines)

    def _thumbnail_loaded(self, asset_id: int, image: QImage) -> None:
        self.cache.put(asset_id, image)
        row = self.row_of(asset_id)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def _thumbnail_failed(self, asset_id: int, reason: str) -> None:
        self._missing[asset_id] = reason
        row = self.row_of(asset_id)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def _sync_states_changed(self, ids: list[int]) -> None:
        # One signal per run of neighbouring rows: a signal over a wide range makes an
        # icon-mode view walk every row in it.
        rows = sorted(r for r in map(self.row_of, ids) if r is not None)
        start = 0
        for i in range(1, len(rows) + 1):
            if i == len(rows) or rows[i] - rows[i - 1] > 8:
                self.dataChanged.emit(self.index(rows[start], 0), self.index(rows[i - 1], 0),
                                      [self.SyncStateRole])
                start = i

    # -- drag and drop --------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:  # noqa: N802
        return ["text/uri-list", ASSET_IDS_MIME]

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        """File URLs for other applications, asset ids for our own collections."""
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self._ids[r] for r in rows]
        assets = self.assets_for(ids)
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(self.gallery.file_path(a))) for a in assets])
        data.setData(ASSET_IDS_MIME, QByteArray(json.dumps([a.id for a in assets]).encode()))
        return data
