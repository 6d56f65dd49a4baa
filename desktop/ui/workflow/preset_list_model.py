"""The style presets a project can use (its own, then the library-wide ones)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
PresetIdRole = Qt.ItemDataRole.UserRole + 1


class PresetListModel(QAbstractListModel):
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
        self._rows = self.workflow.projects.presets(self.project_id) if self.project_id else []
        self.endResetModel()

    def entry(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, preset_id: int) -> int:
        return next((i for i, e in enumerate(self._rows) if e.id == preset_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            shared = entry.project_id is None
            return entry.preset.name + ("  " + self.tr("(all projects)") if shared else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.preset.positive
        if role == PresetIdRole:
            return entry.id
        return None
