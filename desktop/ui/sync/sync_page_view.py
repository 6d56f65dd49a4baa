"""The Sync page of Settings: destinations with their state, add / edit / remove, a
connection test that says exactly what failed, sync and backup on demand, and the open
conflicts with "keep this computer's" / "keep the cloud's".

Changes here take effect at once (the dialog's OK and Cancel do not apply to them). Every
call into the sync service runs off the GUI thread through the bridge's `run_task`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.sync import credentials
from desktop.core.sync.errors import SyncError
from desktop.core.sync.report import SyncReport, TestResult
from desktop.ui import formatting as fmt
from desktop.ui.sync.conflict_table_model import ConflictTableModel
from desktop.ui.sync.destination_dialog import DestinationDialog, DestinationEdit
from desktop.ui.sync.destination_table_model import DestinationTableModel
from desktop.ui.sync.labels import (
    CREDENTIAL_SOURCES,
    DELETE_POLICIES,
    TEST_PROBLEMS,
    data_size,
    label,
)
from desktop.ui.sync.page_data import SyncPageData, read_page_data, stored_credential_masks

REFRESH_MS = 400
OK_COLOR, PROBLEM_COLOR = "#2e7d32", "#d32f2f"


class SyncPageView(QWidget):
    """`data_loaded` fires after each read of the destinations and conflicts;
    `message_shown` after each result line (tests wait on these)."""

    data_loaded = Signal()
    message_shown = Signal(str)

    def __init__(self, services: Any, bridge: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SyncPage")
        self.services, self.bridge = services, bridge
        self.sync = services.sync
        self.executor = services.executors.io
        self.data = SyncPageData()
        self.dialog: DestinationDialog | None = None
        self.confirm: QMessageBox | None = None
        self._reading = False
        self._read_again = False
        self._select_when_loaded: str | None = None
        self._message: tuple[str | Callable[[], str], bool | None] | None = None
        self.loads = 0  # reads finished, for tests
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.destinations = DestinationTableModel(self)
        self.table = self._table(self.destinations, "DestinationTable")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.buttons = {k: QPushButton(self) for k in ("add", "edit", "remove", "test", "sync", "backup")}
        for key, button in self.buttons.items():
            button.setObjectName(f"sync-{key}")
        self.buttons["add"].clicked.connect(self.add_destination)
        self.buttons["edit"].clicked.connect(self.edit_selected)
        self.buttons["remove"].clicked.connect(self.remove_selected)
        self.buttons["test"].clicked.connect(self.test_selected)
        self.buttons["sync"].clicked.connect(self.sync_now)
        self.buttons["backup"].clicked.connect(self.backup_selected)
        self.details = QLabel(self)
        self.details.setObjectName("DestinationDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(self)
        self.message.setObjectName("SyncMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.conflicts = ConflictTableModel(self)
        self.conflicts_box = QGroupBox(self)
        self.conflict_table = self._table(self.conflicts, "ConflictTable")
        self.conflict_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.conflicts_empty = QLabel(self.conflicts_box)
        self.keep_local = QPushButton(self.conflicts_box)
        self.keep_local.setObjectName("keep-local")
        self.keep_local.clicked.connect(lambda: self.resolve_selected("local"))
        self.keep_remote = QPushButton(self.conflicts_box)
        self.keep_remote.setObjectName("keep-remote")
        self.keep_remote.clicked.connect(lambda: self.resolve_selected("remote"))
        self._build_layout()
        self._refresh_later = QTimer(self)
        self._refresh_later.setSingleShot(True)
        self._refresh_later.setInterval(REFRESH_MS)
        self._refresh_later.timeout.connect(self.refresh)
        bridge.sync_progressed.connect(lambda e: e.detail == "done" and self._refresh_later.start())
        self.retranslate()
        self._selection_changed()
        self.refresh()

    def _table(self, model: Any, name: str) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _build_layout(self) -> None:
        row = QHBoxLayout()
        for key in ("add", "edit", "remove", "test"):
            row.addWidget(self.buttons[key])
        row.addStretch(1)
        row.addWidget(self.buttons["backup"])
        row.addWidget(self.buttons["sync"])
        conflicts = QVBoxLayout(self.conflicts_box)
        conflicts.addWidget(self.conflicts_empty)
        conflicts.addWidget(self.conflict_table, 1)
        choices = QHBoxLayout()
        choices.addStretch(1)
        choices.addWidget(self.keep_local)
        choices.addWidget(self.keep_remote)
        conflicts.addLayout(choices)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 3)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.details)
        layout.addWidget(self.conflicts_box, 2)

    # -- reading -------------------------------------------------------------------------------
    def _run(self, fn: Callable[..., Any], *args: Any, where: str,
             on_done: Callable[[Any], None]) -> None:
        """A blocking sync call on the I/O pool, its result back on the GUI thread."""
        executor = self.executor

        async def work() -> Any:
            return await asyncio.get_running_loop().run_in_executor(executor, lambda: fn(*args))

        self.bridge.run_task(work(), where, on_done=on_done, owner=self)

    def refresh(self) -> None:
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        self._run(read_page_data, self.sync, where=self.tr("Reading sync destinations"),
                  on_done=self._loaded)

    def _loaded(self, data: SyncPageData) -> None:
        self._reading = False
        self.loads += 1
        chosen = self.selected_name()
        if self._select_when_loaded and any(r.name == self._select_when_loaded for r in data.destinations):
            chosen, self._select_when_loaded = self._select_when_loaded, None
        self.data = data
        self.destinations.set_rows(data.destinations)
        self.conflicts.set_rows(data.conflicts)
        if chosen is None and data.destinations:
            chosen = data.destinations[0].name
        if chosen is not None:
            self.select(chosen)
        has_conflicts = bool(data.conflicts)
        self.conflict_table.setVisible(has_conflicts)
        self.conflicts_empty.setVisible(not has_conflicts)
        self.keep_local.setEnabled(has_conflicts)
        self.keep_remote.setEnabled(has_conflicts)
        self._selection_changed()
        self.data_loaded.emit()
        if self._read_again:
            self._read_again = False
            self.refresh()

    # -- selection -----------------------------------------------------------------------------
    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.destinations.rows[rows[0].row()].name if rows else None

    def select(self, name: str) -> None:
        row = self.destinations.row_named(name)
        if row is not None:
            self.table.selectionModel().select(
                self.destinations.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def _selection_changed(self) -> None:
        name = self.selected_name()
        for key in ("edit", "remove", "test", "backup"):
            self.buttons[key].setEnabled(name is not None)
        self.buttons["sync"].setEnabled(bool(self.data.destinations))
        self.details.setText(self._details_text(name))

    def _details_text(self, name: str | None) -> str:
        if name is None:
            return self.tr("No destination yet. Add one to copy your images to a bucket.") \
                if not self.data.destinations else ""
        row = next(r for r in self.data.destinations if r.name == name)
        opts = row.destination.options
        limit = (self.tr("%1 MB/s").replace("%1", fmt.number(opts.bandwidth_limit / 2**20, 1))
                 if opts.bandwidth_limit else self.tr("unlimited"))
        parts = [
            self.tr("Credentials: %1").replace("%1", label(CREDENTIAL_SOURCES, row.credentials_source)),
            self.tr("Deleted images: %1").replace("%1", label(DELETE_POLICIES, opts.delete_policy.value)),
            self.tr("%1 parallel transfers, bandwidth %2").replace("%1", fmt.number(opts.concurrency))
            .replace("%2", limit),
            self.tr("Bring in other computers' images: %1").replace(
                "%1", self.tr("on") if opts.pull else self.tr("off")),
            self.tr("Library backups: %1").replace(
                "%1", self.tr("keep %1").replace("%1", fmt.number(opts.backup_keep))
                if opts.push_backups else self.tr("off")),
        ]
        status = row.status
        if status is not None:
            parts.append(self.tr("Verified: %1 files, %2").replace("%1", fmt.number(status.verified_objects))
                         .replace("%2", data_size(status.verified_bytes)))
            if status.failing:
                parts.append(self.tr("Failing and retried later: %1").replace("%1", fmt.number(status.failing)))
            if status.last_error:
                parts.append(self.tr("Last error: %1").replace("%1", status.last_error))
        return "\n".join(parts)

    # -- messages ------------------------------------------------------------------------------
    def show_message(self, text: str | Callable[[], str], ok: bool | None = None) -> None:
        """A result line; given as a function, it is re-read when the language changes."""
        self._message = (text, ok)
        text = text() if callable(text) else text
        color = {True: OK_COLOR, False: PROBLEM_COLOR}.get(ok)  # type: ignore[call-overload]
        self.message.setStyleSheet(f"color: {color};" if color else "")
        self.message.setProperty("ok", {True: "true", False: "false"}.get(ok, ""))  # type: ignore[call-overload]
        self.message.setText(text)
        self.message.show()
        self.message_shown.emit(text)

    # -- add / edit / remove -------------------------------------------------------------------
    def add_destination(self) -> DestinationDialog:
        taken = {r.name for r in self.data.destinations}
        return self._open_dialog(DestinationDialog(self.bridge, self.executor, None, taken, None, self))

    def edit_selected(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        dest = next(r.destination for r in self.data.destinations if r.name == name)
        self._run(stored_credential_masks, self.services.secrets, dest, where=self.tr("Reading credentials"),
                  on_done=lambda masks: self._open_dialog(
                      DestinationDialog(self.bridge, self.executor, dest, set(), masks, self)))

    def _open_dialog(self, dialog: DestinationDialog) -> DestinationDialog:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._apply(dialog))
        dialog.open()
        return dialog

    def _apply(self, dialog: DestinationDialog) -> None:
        edit = dialog.result_edit
        if edit is None:
            return
        existing = dialog.existing
        sync, secrets = self.sync, self.services.secrets

        def save(edit: DestinationEdit) -> tuple[bool, str]:
            try:
                if existing is None:
                    name = sync.add_destination(edit.url, edit.name or None, edit.options).name
                else:
                    name = sync.update_destination(existing.name, edit.options).name
                    if edit.forget_credentials and secrets is not None:
                        credentials.forget(secrets, existing.kind, name)
                if edit.credentials:
                    sync.store_credentials(name, edit.credentials)
            except SyncError as exc:
                return False, str(exc)
            return True, name

        def done(result: tuple[bool, str]) -> None:
            ok, text = result
            if not ok:
                self.show_message(lambda: self.tr("The destination was not saved: %1").replace("%1", text), False)
                return
            if existing is None:
                self.show_message(lambda: self.tr("Added %1. Its images are queued and go up in the background; "
                                          "use Test to check the connection.").replace("%1", text), True)
            else:
                self.show_message(lambda: self.tr("Saved the settings of %1.").replace("%1", text), True)
            self.sync.wake()
            self._select_when_loaded = text
            self.refresh()

        self._run(save, edit, where=self.tr("Saving a sync destination"), on_done=done)

    def remove_selected(self) -> QMessageBox | None:
        name = self.selected_name()
        if name is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove destination"),
                          self.tr("Stop syncing to %1? The bucket and the files in it stay as they are; "
                                  "this library forgets its sync state and stored credentials.").replace("%1", name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Remove"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(lambda button: button is yes and self._remove(name))
        self.confirm = box
        box.open()
        return box

    def _remove(self, name: str) -> None:
        self._run(self.sync.remove_destination, name, where=self.tr("Removing a sync destination"),
                  on_done=lambda _d: (self.show_message(lambda: self.tr("Removed %1.").replace("%1", name), True),
                                      self.refresh()))

    # -- test, sync, backup --------------------------------------------------------------------
    def test_selected(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        self.buttons["test"].setEnabled(False)
        self.show_message(lambda: self.tr("Testing %1…").replace("%1", name))
        self.bridge.run_task(self.sync.test(name), self.tr("Testing a sync destination"),
                             on_done=lambda result: self._tested(name, result),
                             on_error=lambda _exc: self.buttons["test"].setEnabled(True), owner=self)

    def _tested(self, name: str, result: TestResult) -> None:
        self.buttons["test"].setEnabled(self.selected_name() is not None)
        row = next((r for r in self.data.destinations if r.name == name), None)
        if result.ok:
            source = row.credentials_source if row else ""
            url = row.destination.url.text if row else name
            self.show_message(lambda: self.tr(
                "Connection works: %1 is reachable, the credentials from %2 were accepted, and a test file "
                "was written, verified and removed.").replace("%1", url).replace(
                "%2", label(CREDENTIAL_SOURCES, source)), True)
        else:
            self.show_message(lambda: f"{label(TEST_PROBLEMS, result.problem or 'other')}.\n{result.message}",
                              False)
        self.refresh()

    def sync_now(self) -> None:
        if self.sync.paused:
            self.show_message(lambda: self.tr("Sync is paused: resume it from the status bar first."), False)
            return
        self.buttons["sync"].setEnabled(False)
        self.show_message(lambda: self.tr("Syncing…"))

        def done(report: SyncReport) -> None:
            self.buttons["sync"].setEnabled(True)
            up = sum(p.uploaded for p in report.passes)
            down = sum(p.pulled for p in report.passes)
            conflicts = sum(p.conflicts for p in report.passes)

            def counts() -> str:
                text = self.tr("%1 files uploaded, %2 images brought in.").replace(
                    "%1", fmt.number(up)).replace("%2", fmt.number(down))
                if conflicts:
                    text = self.sentences(text, self.tr("New conflicts to resolve below: %1.").replace(
                        "%1", fmt.number(conflicts)))
                return text

            if report.ok:
                self.show_message(lambda: self.sentences(self.tr("Sync finished; everything is verified."), counts()),
                                  True)
            else:
                errors = [f"{p.destination}: {e}" for p in report.passes for e in p.errors[:2]]
                self.show_message(lambda: self.sentences(self.tr("Sync finished with problems."), counts()) + "\n"
                                  + "\n".join(errors), False)
            self.refresh()

        self.bridge.run_task(self.sync.run_until_idle(), self.tr("Syncing now"), on_done=done,
                             on_error=lambda _exc: self.buttons["sync"].setEnabled(True), owner=self)

    def backup_selected(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        self.show_message(lambda: self.tr("Backing up the library to %1…").replace("%1", name))
        self.bridge.run_task(
            self.sync.push_backup(name), self.tr("Uploading a library backup"), owner=self,
            on_done=lambda n: self.show_message(
                lambda: self.tr("Backups uploaded to %1: %2.").replace("%1", name).replace("%2", fmt.number(n)), True))

    def sentences(self, first: str, second: str) -> str:
        """Two sentences in a row: a space between them in English, none in Chinese."""
        return self.tr("%1 %2", "two sentences in a row").replace("%1", first).replace("%2", second)

    # -- conflicts -----------------------------------------------------------------------------
    def resolve_selected(self, keep: str) -> None:
        rows = sorted({i.row() for i in self.conflict_table.selectionModel().selectedRows()})
        if not rows and self.conflicts.rows:
            rows = [0] if len(self.conflicts.rows) == 1 else []
        if not rows:
            self.show_message(lambda: self.tr("Select the conflicts to resolve first."), False)
            return
        ids = [self.conflicts.rows[r].id for r in rows]
        sync = self.sync

        def resolve() -> int:
            for conflict_id in ids:
                sync.resolve_conflict(conflict_id, keep)
            return len(ids)

        def done_text() -> str:
            return (self.tr("Kept this computer's values; they go up with the next sync.") if keep == "local"
                    else self.tr("Took the cloud's values."))

        self._run(resolve, where=self.tr("Resolving sync conflicts"),
                  on_done=lambda _n: (self.show_message(done_text, True), self.refresh()))

    # -- language ------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Sync")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Copies of your images go to these buckets in the background, each one "
                                   "verified. Changes on this page take effect at once."))
        texts = {"add": self.tr("Add…"), "edit": self.tr("Edit…"), "remove": self.tr("Remove"),
                 "test": self.tr("Test"), "sync": self.tr("Sync now"), "backup": self.tr("Back up now")}
        for key, text in texts.items():
            self.buttons[key].setText(text)
        self.buttons["test"].setToolTip(self.tr("Check the credentials and the bucket by writing, verifying "
                                                "and removing a small test file"))
        self.conflicts_box.setTitle(self.tr("Conflicts"))
        self.conflicts_empty.setText(self.tr("No conflicts: every image agrees with the cloud."))
        self.keep_local.setText(self.tr("Keep this computer's"))
        self.keep_remote.setText(self.tr("Keep the cloud's"))
        self.conflict_table.setToolTip(self.tr("An image's rating, favourite or tags changed here and on "
                                               "another computer differently: choose which to keep."))
        self._selection_changed()
        if self._message is not None and self.message.isVisible():
            self.show_message(*self._message)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.destinations.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
            self.conflicts.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        super().changeEvent(event)
