"""The audit log viewer: who did what and when, filtered by profile, action and dates;
export to CSV or JSON; "Verify chain" walks the hashes and names the first broken entry."""

from __future__ import annotations

import asyncio
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.audit import actions as act
from desktop.core.audit.export import export_entries
from desktop.core.audit.log import AuditQuery, VerifyResult
from desktop.ui.audit.action_names import action_text
from desktop.ui.audit.audit_model import AuditTableModel
from desktop.ui.profiles.names import shown_name
from desktop.ui.qt_bridge import QtBridge


class AuditLogDialog(QDialog):
    entries_loaded = Signal(int)  # how many entries match the filters
    verified = Signal(object)  # VerifyResult
    exported = Signal(object)  # the Path written

    def __init__(self, services: Any, bridge: QtBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AuditLogDialog")
        self.services, self.bridge = services, bridge
        self.audit = services.audit
        self.profile_combo = QComboBox(self)
        self.profile_combo.setObjectName("profile")
        self.action_combo = QComboBox(self)
        self.action_combo.setObjectName("action")
        self.from_check, self.to_check = QCheckBox(self), QCheckBox(self)
        self.from_date, self.to_date = QDateEdit(self), QDateEdit(self)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            edit.setCalendarPopup(True)
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _on: self.refresh())
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.profile_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.action_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.model = AuditTableModel(self.audit, self)
        self.table = QTableView(self)
        self.table.setObjectName("entries")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,) * 3
                                      + (QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(3, 220)
        self.count_label = QLabel(self)
        self.verify_label = QLabel(self)
        self.verify_label.setObjectName("verify-result")
        self.verify_label.setWordWrap(True)
        self.verify_button = QPushButton(self)
        self.verify_button.setObjectName("verify")
        self.verify_button.clicked.connect(self.verify)
        self.csv_button = QPushButton(self)
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.json_button = QPushButton(self)
        self.json_button.clicked.connect(lambda: self._ask_export("json"))
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        self.filter_labels = [QLabel(self) for _ in range(3)]
        filters = QHBoxLayout()
        for label, widget in zip(self.filter_labels[:2], (self.profile_combo, self.action_combo), strict=True):
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.from_check)
        filters.addWidget(self.from_date)
        filters.addWidget(self.to_check)
        filters.addWidget(self.to_date)
        filters.addWidget(self.filter_labels[2])
        filters.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.verify_label, 1)
        for button in (self.verify_button, self.csv_button, self.json_button, self.close_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(1100, 620)
        self._loading = False
        self._generation = 0
        self.retranslate()
        self.refresh()

    # -- filters ------------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        self.profile_combo.blockSignals(True)
        self.action_combo.blockSignals(True)
        profile, action = self.profile_combo.currentData(), self.action_combo.currentData()
        self.profile_combo.clear()
        self.profile_combo.addItem(self.tr("Everyone"), None)
        for p in self.services.profiles.list():
            self.profile_combo.addItem(shown_name(p.name), p.id)
        self.action_combo.clear()
        self.action_combo.addItem(self.tr("All actions"), None)
        for key in act.ALL:
            self.action_combo.addItem(action_text(key), key)
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(profile)))
        self.action_combo.setCurrentIndex(max(0, self.action_combo.findData(action)))
        self.profile_combo.blockSignals(False)
        self.action_combo.blockSignals(False)

    def query(self) -> AuditQuery:
        def day_start(date: QDate) -> float:
            return datetime.combine(date.toPython(), time()).timestamp()

        start = day_start(self.from_date.date()) if self.from_check.isChecked() else None
        end = None
        if self.to_check.isChecked():
            end = (datetime.fromtimestamp(day_start(self.to_date.date())) + timedelta(days=1)).timestamp()
        action = self.action_combo.currentData()
        return AuditQuery(start=start, end=end, profile_id=self.profile_combo.currentData(),
                          actions=(action,) if action else (), text=self.search.text().strip())

    def refresh(self) -> None:
        """Read the matching ids off the GUI thread, then show them (newest first)."""
        if self._loading:
            return
        query, audit = self.query(), self.audit
        self._generation += 1
        generation = self._generation

        async def work() -> tuple[int, list[int]]:
            ids = await asyncio.get_running_loop().run_in_executor(self.services.executors.io, audit.ids, query)
            return generation, ids

        self.bridge.run_task(work(), self.tr("Reading the audit log"), on_done=self._loaded, owner=self)

    def _loaded(self, result: tuple[int, list[int]]) -> None:
        generation, ids = result
        if generation != self._generation:  # a newer filter's read is on its way (reads may finish out of order)
            return
        self.model.set_ids(ids)
        self.count_label.setText(self.tr("%n entries", "", len(ids)))
        self.entries_loaded.emit(len(ids))

    # -- verify and export -------------------------------------------------------------------
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.verify_label.setText(self.tr("Checking the chain…"))
        audit = self.audit

        async def work() -> VerifyResult:
            return await asyncio.get_running_loop().run_in_executor(self.services.executors.io, audit.verify)

        self.bridge.run_task(work(), self.tr("Verifying the audit log"), on_done=self._verified, owner=self)

    def _verified(self, result: VerifyResult) -> None:
        self.verify_button.setEnabled(True)
        self._result = result
        self.model.broken_id = None if result.intact else result.broken.entry_id  # type: ignore[union-attr]
        self._show_result()
        if not result.intact and result.broken.entry_id in self.model.ids:  # type: ignore[union-attr]
            row = self.model.ids.index(result.broken.entry_id)  # type: ignore[union-attr]
            self.table.selectionModel().select(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                               | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(self.model.index(row, 0))
        if self.model.ids:  # repaint the broken row in red
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(len(self.model.ids) - 1, 4))
        self.verified.emit(result)

    def _show_result(self) -> None:
        result = getattr(self, "_result", None)
        if result is None:
            self.verify_label.setText("")
        elif result.intact:
            self.verify_label.setStyleSheet("color: #2e7d32;")
            self.verify_label.setText(self.tr("The chain is intact: %n entries checked.", "", result.checked))
        else:
            self.verify_label.setStyleSheet("color: #c62828;")
            self.verify_label.setText(self.tr("The chain is broken at entry %1. It was changed or removed "
                                              "outside the app.").replace("%1", str(result.broken.entry_id)))
            self.verify_label.setToolTip(result.broken.reason)

    def _ask_export(self, fmt: str) -> None:
        suggested = str(Path.home() / f"audit-log.{fmt}")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"), suggested,
                                                    f"{fmt.upper()} (*.{fmt})")
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the entries the filters show, oldest first, and record the export."""
        query, audit = self.query(), self.audit

        def write() -> Path:
            entries = audit.query(query)
            out = export_entries(entries, path, fmt)
            audit.record(act.AUDIT_EXPORTED, str(out), {"format": fmt, "entries": len(entries)})
            return out

        async def work() -> Path:
            return await asyncio.get_running_loop().run_in_executor(self.services.executors.io, write)

        self.bridge.run_task(work(), self.tr("Exporting the audit log"), on_done=self._exported, owner=self)

    def _exported(self, path: Path) -> None:
        self.verify_label.setStyleSheet("")
        self.verify_label.setText(self.tr("Exported to %1").replace("%1", str(path)))
        self.exported.emit(path)
        self.refresh()

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Audit Log"))
        for label, text in zip(self.filter_labels, (self.tr("Profile"), self.tr("Action"), self.tr("Search")),
                               strict=True):
            label.setText(text)
        self.from_check.setText(self.tr("From"))
        self.to_check.setText(self.tr("To"))
        self.search.setPlaceholderText(self.tr("Target or details"))
        self.verify_button.setText(self.tr("Verify Chain"))
        self.verify_button.setToolTip(self.tr("Check that no entry was changed or removed"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.json_button.setText(self.tr("Export JSON…"))
        self.close_button.setText(self.tr("Close"))
        self._fill_filters()
        self._show_result()
        if self.model.ids:
            self.count_label.setText(self.tr("%n entries", "", len(self.model.ids)))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "close_button"):
            self.retranslate()
        super().changeEvent(event)
