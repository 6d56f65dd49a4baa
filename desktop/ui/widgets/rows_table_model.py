"""A flat table over a short list of row objects that is replaced as a whole on each reload
(backups, schedules, sync destinations, conflicts, cost-benefit rows). Subclasses set
`column_count` and answer `data`/`headerData`; the row bookkeeping lives here once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    column_count = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_for(self, index: Index) -> Any | None:
        """The row object behind a valid index of this table, else None."""
        return self.row_at(index.row()) if index.isValid() else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.column_count

    def repaint_all(self) -> None:
        """Every cell again (a language switch changes the texts, not the rows)."""
        if self.rows and self.column_count:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.column_count - 1))
