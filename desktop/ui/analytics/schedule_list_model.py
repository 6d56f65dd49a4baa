"""The report schedules as a table: name, report, format, when, enabled (a check box),
last run, last file written and last error. Rows are the store's `ReportSchedule`s by id."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTime, Signal

from desktop.core.reports.schedule import Frequency, ReportSchedule
from desktop.ui import formatting as fmt
from desktop.ui.analytics import labels
from desktop.ui.widgets.rows_table_model import Index, RowsTableModel

COLUMNS = ("name", "report", "format", "when", "enabled", "last_run", "last_output", "last_error")


def when_text(s: ReportSchedule) -> str:
    at = QLocale().toString(QTime(s.at_minute // 60, s.at_minute % 60), QLocale.FormatType.ShortFormat)
    if s.frequency is Frequency.WEEKLY:
        day = QLocale().dayName(s.weekday + 1, QLocale.FormatType.LongFormat)
        return QCoreApplication.translate("AnalyticsLabels", "Every %1 at %2").replace("%1", day).replace("%2", at)
    if s.frequency is Frequency.MONTHLY:
        return QCoreApplication.translate("AnalyticsLabels", "Monthly on day %1 at %2").replace("%1", str(s.day_of_month)).replace("%2", at)
    return QCoreApplication.translate("AnalyticsLabels", "Daily at %1").replace("%1", at)


class ScheduleListModel(RowsTableModel):
    enabled_toggled = Signal(int, bool)  # schedule id, enabled
    column_count = len(COLUMNS)
    set_schedules = RowsTableModel.set_rows
    schedule_at = RowsTableModel.row_at

    def row_of(self, schedule_id: int) -> int:
        return next((i for i, s in enumerate(self.rows) if s.id == schedule_id), -1)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        titles = (self.tr("Name"), self.tr("Report"), self.tr("Format"), self.tr("When"), self.tr("On"),
                  self.tr("Last run"), self.tr("Last file"), self.tr("Last error"))
        return titles[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and COLUMNS[index.column()] == "enabled":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        s, column = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column == "enabled":
            return Qt.CheckState.Checked if s.enabled else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(s, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("last_output", "last_error"):
            return (s.last_output if column == "last_output" else s.last_error) or None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or COLUMNS[index.column()] != "enabled":
            return False
        s = self.rows[index.row()]
        enabled = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        if s.id is not None and enabled != s.enabled:
            self.enabled_toggled.emit(s.id, enabled)
        return True

    def _text(self, s: ReportSchedule, column: str) -> str:
        if column == "name":
            return s.name or labels.report_title(s.report_type)
        if column == "report":
            return labels.report_title(s.report_type)
        if column == "format":
            return s.format.value.upper()
        if column == "when":
            return when_text(s)
        if column == "last_run":
            return fmt.date_time(s.last_run_at) if s.last_run_at else self.tr("Not yet")
        if column == "last_output":
            return s.last_output.replace("\\", "/").rsplit("/", 1)[-1] if s.last_output else ""
        if column == "last_error":
            return s.last_error or ""
        return ""
