"""The Backups dialog: every backup of the library database with its date, kind and size;
"Back up now"; the daily schedule's setting (on/off, keep N); and "Restore…", which asks the
window to close the library, restore (backing up the current state first) and reopen it.

It is handed the core's backup schedule (`backup_schedule.BackupSchedule`, built by the
composition root) and calls it off the GUI thread.
"""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import formatting as fmt
from desktop.ui.backups.backup_table_model import BackupTableModel, kind_text
from desktop.ui.qt_bridge import QtBridge


class BackupsDialog(QDialog):
    """`restore_requested(Path)` asks the window to restore that backup (after the user
    confirmed); `backups_loaded` fires after each reload (tests wait for it)."""

    restore_requested = Signal(object)  # Path
    backups_loaded = Signal()
    confirm_opened = Signal(object)  # the QMessageBox asking to confirm a restore

    def __init__(self, services: Any, bridge: QtBridge, schedule: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BackupsDialog")
        self.services, self.bridge, self.schedule = services, bridge, schedule
        self.model = BackupTableModel(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("backups-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.ask_restore())
        self.backup_button = QPushButton(self)
        self.backup_button.setObjectName("backup-now")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.ask_restore)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("delete-backup")
        self.delete_button.clicked.connect(self.ask_delete)
        self.folder_button = QPushButton(self)
        self.folder_button.clicked.connect(self._open_folder)
        actions = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.delete_button, self.folder_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.daily = QCheckBox(self)
        self.daily.setObjectName("daily-backups")
        self.keep = QSpinBox(self)
        self.keep.setObjectName("keep-daily")
        self.keep.setRange(1, 365)
        self.keep_label = QLabel(self)
        self.keep_label.setBuddy(self.keep)
        settings = schedule.settings
        self.daily.setChecked(settings.enabled)
        self.keep.setValue(settings.keep)
        self.daily.toggled.connect(self._settings_changed)
        self.keep.valueChanged.connect(self._settings_changed)
        schedule_row = QHBoxLayout()
        schedule_row.addWidget(self.daily)
        schedule_row.addSpacing(16)
        schedule_row.addWidget(self.keep_label)
        schedule_row.addWidget(self.keep)
        schedule_row.addStretch(1)
        self.status = QLabel(self)
        self.status.setObjectName("backups-status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(schedule_row)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._message: Any = None  # a callable giving the status text in the current language
        self.resize(640, 440)
        self.retranslate()
        self._update_buttons()
        self.reload()

    # -- loading and making ---------------------------------------------------------------------
    def _off_thread(self, function: Any, *args: Any) -> asyncio.Future[Any]:
        return asyncio.get_running_loop().run_in_executor(self.services.executors.io, function, *args)

    def reload(self) -> None:
        async def work() -> list[Any]:
            return await self._off_thread(self.schedule.backups)

        self.bridge.run_task(work(), self.tr("Listing the backups"), on_done=self._loaded, owner=self)

    def _loaded(self, backups: list[Any]) -> None:
        self.model.set_backups(backups)
        self._update_buttons()
        self.backups_loaded.emit()

    def backup_now(self) -> None:
        self.backup_button.setEnabled(False)

        async def work() -> Any:
            return await self._off_thread(self.schedule.backup_now, "manual")

        def done(info: Any) -> None:
            self._show(lambda: self.tr("Backed up at %1 (%2).").replace("%1", fmt.date_time(info.made_at))
                       .replace("%2", kind_text(info.reason)))
            self.backup_button.setEnabled(True)
            self.reload()

        def failed(_exc: BaseException) -> None:
            self.backup_button.setEnabled(True)

        self.bridge.run_task(work(), self.tr("Backing up the library"), on_done=done, on_error=failed, owner=self)

    # -- the schedule's setting -------------------------------------------------------------------
    def _settings_changed(self) -> None:
        settings = dataclasses.replace(self.schedule.settings, enabled=self.daily.isChecked(),
                                       keep=self.keep.value())
        self.schedule.settings = settings
        settings.save_to(self.services.config)
        self.keep.setEnabled(settings.enabled)
        config, store = self.services.config, self.services.config_store

        async def work() -> None:
            await self._off_thread(store.save, config)

        self.bridge.run_task(work(), self.tr("Saving the backup setting"), owner=self)

    # -- restoring ---------------------------------------------------------------------------------
    def selected_backup(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def ask_restore(self) -> QMessageBox | None:
        info = self.selected_backup()
        if info is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore this backup?"),
                          self.tr("Restore the library database as it was on %1?")
                          .replace("%1", fmt.date_time(info.made_at)), parent=self)
        box.setInformativeText(self.tr(
            "The window closes and the library opens again with the backup's contents; the "
            "queue stops meanwhile. The current state is backed up first (\"Before a restore\"), "
            "so you can undo this by restoring that backup. Images on disk are not changed."))
        restore = box.addButton(self.tr("Restore and reopen"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self._confirmed(info.path) if button is restore else None)
        box.open()
        self.confirm_opened.emit(box)
        return box

    def ask_delete(self) -> QMessageBox | None:
        info = self.selected_backup()
        if info is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete this backup?"),
                          self.tr("Delete the backup made on %1? It cannot be brought back.")
                          .replace("%1", fmt.date_time(info.made_at)), parent=self)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self._delete(info.path) if button is delete else None)
        box.open()
        self.confirm_opened.emit(box)
        return box

    def _delete(self, path: Path) -> None:
        async def work() -> None:
            await self._off_thread(self.schedule.delete, path)

        self.bridge.run_task(work(), self.tr("Deleting the backup"), on_done=lambda _r: self.reload(), owner=self)

    def _confirmed(self, path: Path) -> None:
        self.restore_requested.emit(Path(path))
        self.accept()

    # -- small things ------------------------------------------------------------------------------
    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.schedule.backups_dir)))

    def _update_buttons(self, *_args: Any) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)
        self.delete_button.setEnabled(self.selected_backup() is not None)
        self.keep.setEnabled(self.daily.isChecked())

    def _show(self, message: Any) -> None:
        self._message = message
        self.status.setText(message())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backups"))
        self.intro.setText(self.tr(
            "Snapshots of the library database (jobs, image records, settings of projects); the "
            "images themselves stay in the library folder. Backups are kept in %1.")
            .replace("%1", str(self.schedule.backups_dir)))
        self.backup_button.setText(self.tr("Back up now"))
        self.restore_button.setText(self.tr("Restore…"))
        self.delete_button.setText(self.tr("Delete…"))
        self.folder_button.setText(self.tr("Open folder"))
        self.daily.setText(self.tr("Back up every day while the app runs"))
        self.keep_label.setText(self.tr("Keep the last"))
        self.keep.setSuffix(self.tr(" daily backups"))
        self.model.retranslate()
        self.status.setText(self._message() if self._message else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "status"):
            self.retranslate()
        super().changeEvent(event)
