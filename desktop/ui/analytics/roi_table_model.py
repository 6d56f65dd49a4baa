"""Cost-benefit rows, one per project: spend, images, accepted images, hours saved, value,
net and return. Holds the core's `ProjectRoi` rows as computed for the current filter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.core.analytics.roi import ProjectRoi
from desktop.core.analytics.units import Unit
from desktop.ui.analytics import labels
from desktop.ui.widgets.rows_table_model import Index, RowsTableModel

COLUMNS = ("project", "spend", "images", "accepted", "hours", "value", "net", "roi")


class RoiTableModel(RowsTableModel):
    column_count = len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        titles = (self.tr("Project"), self.tr("Spend"), self.tr("Images made"), self.tr("Accepted"),
                  self.tr("Hours saved"), self.tr("Value"), self.tr("Net"), self.tr("Return"))
        return titles[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != "project":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "accepted" and row.accepted is None:
            return self.tr("No picks recorded: the value counts every image made")
        return None

    def _text(self, row: ProjectRoi, column: str) -> str:
        if column == "project":
            if row.project_id is None:
                return self.tr("(no project)")
            return row.name
        if column == "accepted":
            return "—" if row.accepted is None else labels.value_text(row.accepted, Unit.COUNT)
        values = {"spend": (row.spend, Unit.USD), "images": (row.images_made, Unit.COUNT),
                  "hours": (row.hours_saved, Unit.HOURS), "value": (row.value, Unit.USD),
                  "net": (row.net, Unit.USD), "roi": (row.roi_pct, Unit.PERCENT)}
        value, unit = values[column]
        return labels.value_text(value, unit)
