"""A project's history as a table: when, who, what (a decision or a batch), the note, and
how many images the step leads to. Rows are the timeline entries the service returns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.ui import formatting as fmt
from desktop.ui.workflow.labels import decision_name

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 5


class TimelineModel(QAbstractTableModel):
    def __init__(self, workflow: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.workflow = workflow
        self.project_id: int | None = None
        self._rows: list[Any] = []

    def show_project(self, project_id: int | None) -> None:
        self.project_id = project_id
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = self.workflow.history.timeline(self.project_id) if self.project_id else []
        self.endResetModel()

    def entry(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Note"),
                    self.tr("Images"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return fmt.date_time(entry.at)
            if column == 1:
                return entry.actor
            if column == 2:
                preset = entry.detail.get("preset")
                return decision_name(entry.kind) + (f" · {preset}" if preset else "")
            if column == 3:
                if entry.kind == "batch" and entry.detail.get("variant_of"):
                    return self.tr("Variants of image #%1").replace("%1", str(entry.detail["variant_of"]))
                return entry.note
            return fmt.number(len(entry.asset_ids)) if entry.asset_ids else ""
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return entry.note or None
        return None
