"""The audit log as a table model: it holds entry ids (newest first) and reads the rows of a
page only when a view asks for them (a short indexed read), keeping a bounded cache."""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.audit.chain import AuditEntry
from desktop.ui.audit.action_names import action_text
from desktop.ui.profiles.names import shown_name

PAGE = 200
CACHE_PAGES = 20
COLUMNS = ("at", "actor", "action", "target", "details")
Index = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    def __init__(self, audit: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.audit = audit
        self.ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, AuditEntry]] = OrderedDict()
        self.broken_id: int | None = None  # shown in red after a failed verify

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self.ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def entry(self, row: int) -> AuditEntry | None:
        if not 0 <= row < len(self.ids):
            return None
        page = row // PAGE
        if page not in self._pages:
            entries = self.audit.entries(self.ids[page * PAGE:(page + 1) * PAGE])
            self._pages[page] = {e.id: e for e in entries}
            while len(self._pages) > CACHE_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return self._pages[page].get(self.ids[row])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry(index.row())
        if entry is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "at":
                return QLocale().toString(datetime.fromtimestamp(entry.at), QLocale.FormatType.ShortFormat)
            if column == "action":
                return action_text(entry.action)
            if column == "actor":  # the seeded "Default" profile, in the user's language
                return shown_name(entry.actor)
            if column == "details":
                details = entry.details_dict
                return ", ".join(f"{k}: {v}" for k, v in details.items())
            return getattr(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("target", "details"):
            return entry.target if column == "target" else entry.details
        if role == Qt.ItemDataRole.ForegroundRole and entry.id == self.broken_id:
            from PySide6.QtGui import QColor

            return QColor("#c62828")
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self.ids[section]) if 0 <= section < len(self.ids) else None
        titles = (self.tr("When"), self.tr("Profile"), self.tr("Action"), self.tr("Target"), self.tr("Details"))
        return titles[section] if 0 <= section < len(titles) else None
