"""A project's images as a grid: ids from the store, each row's facts (brand check, latest
decision, consistency outlier flag) fetched when shown, thumbnails decoded off the GUI
thread by the gallery's loader and kept in a bounded cache."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QImage

from desktop.ui.gallery.thumbnail_cache import ThumbnailCache
from desktop.ui.gallery.thumbnail_loader import ThumbnailLoader
from desktop.ui.workflow.labels import decision_name, status_name

Index = QModelIndex | QPersistentModelIndex
AssetIdRole = Qt.ItemDataRole.UserRole + 1
CheckRole = Qt.ItemDataRole.UserRole + 2  # "pass" | "fail" | ""
StatusRole = Qt.ItemDataRole.UserRole + 3  # latest decision kind or ""
OutlierRole = Qt.ItemDataRole.UserRole + 4
FILTERS = ("all", "passed", "failed", "outliers", "picked")
THUMB = QSize(150, 150)
CELL = QSize(168, 190)  # fixed, so the grid lays out before thumbnails arrive


class ImageGridModel(QAbstractListModel):
    def __init__(self, workflow: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.workflow = workflow
        self.project_id: int | None = None
        self.only: tuple[int, ...] | None = None  # "jump to the images of a step"
        self.filter = "all"
        self._ids: list[int] = []
        self._facts: dict[int, Any] = {}
        self._checks: dict[int, Any] = {}
        self._status: dict[int, str] = {}
        self._outliers: set[int] = set()
        self.cache = ThumbnailCache(48 * 1024 * 1024)
        self.loader = ThumbnailLoader(THUMB, threads=2, parent=self)
        self.loader.thumbnail_loaded.connect(self._thumbnail_loaded)

    # -- loading -------------------------------------------------------------------------
    def show_project(self, project_id: int | None, only: Iterable[int] | None = None) -> None:
        self.project_id = project_id
        self.only = tuple(only) if only is not None else None
        self.refresh()

    def set_filter(self, name: str) -> None:
        self.filter = name if name in FILTERS else "all"
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._facts.clear()
        records = self.workflow.ctx.records
        ids = records.asset_ids(self.project_id) if self.project_id is not None else []
        if self.only is not None:
            wanted = set(self.only)
            ids = [i for i in ids if i in wanted] or [i for i in self.only if records.assets([i])]
        self._checks = self.workflow.checks.latest(ids)
        self._status = self.workflow.history.statuses(ids)
        run = self.workflow.consistency.latest(self.project_id) if self.project_id is not None else None
        self._outliers = {s["asset_id"] for s in (run or {}).get("images", []) if s["outlier"]}
        self._ids = [i for i in ids if self._keep(i)]
        self.endResetModel()

    def _keep(self, asset_id: int) -> bool:
        check = self._checks.get(asset_id)
        return {
            "all": True,
            "passed": check is not None and check.passed,
            "failed": check is not None and not check.passed,
            "outliers": asset_id in self._outliers,
            "picked": self._status.get(asset_id) in ("pick", "approve"),
        }[self.filter]

    def update_assets(self, asset_ids: Iterable[int]) -> None:
        """New facts for some images (a check finished, a decision was made)."""
        wanted = [i for i in asset_ids if i in self._ids]
        if not wanted:
            return
        self._checks.update(self.workflow.checks.latest(wanted))
        self._status.update(self.workflow.history.statuses(wanted))
        for asset_id in wanted:
            self._facts.pop(asset_id, None)
            row = self._ids.index(asset_id)
            self.dataChanged.emit(self.index(row), self.index(row))

    # -- reading -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def asset_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, asset_id: int) -> int:
        return self._ids.index(asset_id) if asset_id in self._ids else -1

    def ids(self) -> list[int]:
        return list(self._ids)

    def facts(self, asset_id: int) -> Any | None:
        if asset_id not in self._facts:
            found = self.workflow.ctx.records.assets([asset_id])
            self._facts[asset_id] = found[0] if found else None
        return self._facts[asset_id]

    def check(self, asset_id: int) -> Any | None:
        return self._checks.get(asset_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        asset_id = self._ids[index.row()]
        check = self._checks.get(asset_id)
        status = self._status.get(asset_id, "")
        if role == Qt.ItemDataRole.DisplayRole:
            marks = []
            if check is not None:
                marks.append(("✓ " if check.passed else "✗ ") + status_name("pass" if check.passed else "fail"))
            if status:
                marks.append(decision_name(status))
            if asset_id in self._outliers:
                marks.append(self.tr("outlier"))
            return " · ".join(marks) or self.tr("not checked")
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(asset_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            facts = self.facts(asset_id)
            return facts.prompt if facts is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and check is not None and not check.passed:
            return QColor("#c0392b")
        if role == Qt.ItemDataRole.SizeHintRole:
            return CELL
        if role == AssetIdRole:
            return asset_id
        if role == CheckRole:
            return "" if check is None else ("pass" if check.passed else "fail")
        if role == StatusRole:
            return status
        if role == OutlierRole:
            return asset_id in self._outliers
        return None

    # -- thumbnails ------------------------------------------------------------------------
    def _thumbnail(self, asset_id: int) -> QImage | None:
        image = self.cache.get(asset_id)
        if image is not None:
            return image
        workflow = self.workflow
        self.loader.request(asset_id, lambda: workflow.image_path(asset_id))
        return None

    def _thumbnail_loaded(self, asset_id: int, image: QImage) -> None:
        self.cache.put(asset_id, image)
        row = self.row_of(asset_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row), [Qt.ItemDataRole.DecorationRole])

    def shutdown(self) -> None:
        if shiboken6.isValid(self.loader):
            self.loader.shutdown()
