"""The backups of the library as a table: when, what kind, how big. The list is short (a week
of daily backups plus a few others), so it is held whole and replaced on each reload."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt

from desktop.ui import formatting as fmt
from desktop.ui.widgets.rows_table_model import Index, RowsTableModel

COLUMNS = (
    QT_TRANSLATE_NOOP("BackupTableModel", "Made"),
    QT_TRANSLATE_NOOP("BackupTableModel", "Kind"),
    QT_TRANSLATE_NOOP("BackupTableModel", "Size"),
)
# Why a backup was made, from its file name (core: backup_schedule.reason_of).
KINDS = {
    "daily": QT_TRANSLATE_NOOP("BackupTableModel", "Daily"),
    "manual": QT_TRANSLATE_NOOP("BackupTableModel", "Made by hand"),
    "pre-migration": QT_TRANSLATE_NOOP("BackupTableModel", "Before an upgrade"),
    "before-restore": QT_TRANSLATE_NOOP("BackupTableModel", "Before a restore"),
}
PathRole = Qt.ItemDataRole.UserRole + 1


def kind_text(reason: str) -> str:
    source = KINDS.get(reason)
    return QCoreApplication.translate("BackupTableModel", source) if source else reason


class BackupTableModel(RowsTableModel):
    """Rows are the core's `BackupInfo`s, newest first; `PathRole` gives a row's file."""

    column_count = len(COLUMNS)
    set_backups = RowsTableModel.set_rows
    backup_at = RowsTableModel.row_at

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        info, column = self.row_for(index), index.column()
        if info is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return fmt.date_time(info.made_at)
            if column == 1:
                return kind_text(info.reason)
            return QLocale().formattedDataSize(int(info.size))
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PathRole:
            return str(info.path)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("BackupTableModel", COLUMNS[section])
        return super().headerData(section, orientation, role)

    def retranslate(self) -> None:
        self.repaint_all()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
