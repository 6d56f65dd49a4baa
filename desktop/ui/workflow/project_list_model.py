"""The projects of the library, newest activity first. Project counts are small (tens),
so the model keeps the rows it shows and re-reads them when a project changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.ui import formatting as fmt

Index = QModelIndex | QPersistentModelIndex
ProjectIdRole = Qt.ItemDataRole.UserRole + 1


class ProjectListModel(QAbstractListModel):
    def __init__(self, workflow: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.workflow = workflow
        self._rows: list[Any] = []

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = self.workflow.projects.projects()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def project_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, project_id: int) -> int:
        return next((i for i, p in enumerate(self._rows) if p.id == project_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        project = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return project.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("%1 images in %2 batches · changed %3").replace(
                "%1", fmt.number(project.asset_count)).replace(
                "%2", fmt.number(project.batch_count)).replace("%3", fmt.date_time(project.updated_at))
        if role == ProjectIdRole:
            return project.id
        return None
