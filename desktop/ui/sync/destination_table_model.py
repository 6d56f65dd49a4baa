"""The Sync page's list of destinations: name, location, verified copies, backlog, last run
and state, one row per destination (keyed by name)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.ui import formatting as fmt
from desktop.ui.sync.labels import data_size
from desktop.ui.sync.page_data import DestinationRow
from desktop.ui.widgets.rows_table_model import Index, RowsTableModel

NAME, LOCATION, VERIFIED, WAITING, LAST_RUN, STATE = range(6)
PROBLEM_COLOR = QColor("#d32f2f")


class DestinationTableModel(RowsTableModel):
    NameRole = Qt.ItemDataRole.UserRole + 1
    column_count = 6

    def row_named(self, name: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.name == name), None)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Name"), self.tr("Location"), self.tr("Verified"), self.tr("Waiting"),
                  self.tr("Last run"), self.tr("State"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == self.NameRole:
            return row.name
        status = row.status
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == STATE and status is not None and status.last_error:
                return status.last_error
            if col == LOCATION:
                return row.destination.url.text
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == STATE and status and status.last_error:
            return PROBLEM_COLOR
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (VERIFIED, WAITING):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: DestinationRow, col: int) -> str | None:
        status = row.status
        if col == NAME:
            return row.name
        if col == LOCATION:
            return row.destination.url.text
        if status is None:
            return "—"
        if col == VERIFIED:
            return f"{fmt.number(status.verified_objects)} ({data_size(status.verified_bytes)})"
        if col == WAITING:
            return fmt.number(status.pending + status.failing)
        if col == LAST_RUN:
            return fmt.date_time(status.last_run_at) if status.last_run_at else self.tr("Never")
        if col == STATE:
            return self.state_text(row)
        return None

    def state_text(self, row: DestinationRow) -> str:
        status = row.status
        if status is None:
            return "—"
        if status.last_error:
            return self.tr("Problem")
        if status.last_run_at is None:
            return self.tr("Not run yet")
        if status.open_conflicts:
            return self.tr("Conflicts to resolve")
        if status.pending or status.failing:
            return self.tr("Waiting")
        return self.tr("Up to date")
