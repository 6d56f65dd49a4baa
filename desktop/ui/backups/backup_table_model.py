"""The backups of the library as a table: when, what kind, how big. The list is short (a week
of daily backups plus a few others), so it is held whole and replaced on each reload."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.ui import formatting as fmt

Index = QModelIndex | QPersistentModelIndex
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


class BackupTableModel(QAbstractTableModel):
    """Rows are the core's `BackupInfo`s, newest first; `PathRole` gives a row's file."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_backups(self, backups: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(backups)
        self.endResetModel()

    def backup_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info, column = self._rows[index.row()], index.column()
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
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
