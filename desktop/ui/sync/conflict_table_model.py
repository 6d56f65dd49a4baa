"""Open sync conflicts: an image whose rating, favourite or tags were changed here and in
another library differently. One row per conflict (keyed by its id)."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from PySide6.QtCore import Qt

from desktop.ui import formatting as fmt
from desktop.ui.sync.labels import CONFLICT_FIELDS, label, value_text
from desktop.ui.widgets.rows_table_model import Index, RowsTableModel

IMAGE, FIELD, LOCAL, REMOTE, DESTINATION, SINCE = range(6)


class ConflictTableModel(RowsTableModel):
    ConflictIdRole = Qt.ItemDataRole.UserRole + 1
    column_count = 6

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Image"), self.tr("What changed"), self.tr("This computer"),
                  self.tr("Cloud"), self.tr("Destination"), self.tr("Since"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        conflict = self.rows[index.row()]
        if role == self.ConflictIdRole:
            return conflict.id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == IMAGE:
            return conflict.asset_path
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == IMAGE:
            return PurePosixPath(conflict.asset_path).name
        if col == FIELD:
            return label(CONFLICT_FIELDS, conflict.field)
        if col == LOCAL:
            return self._value(conflict.field, conflict.local_value)
        if col == REMOTE:
            return self._value(conflict.field, conflict.remote_value)
        if col == DESTINATION:
            return conflict.destination
        if col == SINCE:
            return fmt.date_time(conflict.created_at)
        return None

    @staticmethod
    def _value(field: str, value: object) -> str:
        if field == "rating" and isinstance(value, int) and not isinstance(value, bool):
            return "★" * value if value else "☆"
        return value_text(value)
