"""The reports page: write one report now (type, format, template, the tab's current
filter, a file) off the GUI thread with a progress bar, then open it or show it in its
folder; and the scheduled reports (list, add, edit, remove, switch on and off) with
their last run, last file and last error."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.analytics.filters import Filter
from desktop.core.analytics.units import Unit
from desktop.core.reports.request import Format, ReportCancelled, ReportRequest, ReportResult
from desktop.core.reports.templates import Template
from desktop.ui.analytics import labels
from desktop.ui.analytics.schedule_list_model import ScheduleListModel
from desktop.ui.gallery.desktop_files import reveal

FORMATS = ("pdf", "xlsx", "html", "csv", "json")
TEMPLATES = ("detailed", "brief", "client")


class ProgressRelay(QObject):
    """Carries the report's progress from the worker thread to the GUI thread."""

    progressed = Signal(float, str)


class ReportsPage(QWidget):
    generate_requested = Signal(object, object)  # ReportRequest, Path
    add_requested = Signal()
    edit_requested = Signal(object)  # ReportSchedule
    remove_requested = Signal(object)  # ReportSchedule
    run_now_requested = Signal(object)  # ReportSchedule

    def __init__(self, report_types: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AnalyticsReports")
        self.report_types = report_types
        self.opener: Callable[[QUrl], bool] = QDesktopServices.openUrl  # tests replace it
        self.type = QComboBox(self)
        self.type.setObjectName("ReportType")
        for key in report_types:
            self.type.addItem("", key)
        self.format = QComboBox(self)
        self.format.setObjectName("ReportFormat")
        for key in FORMATS:
            self.format.addItem("", key)
        self.template = QComboBox(self)
        self.template.setObjectName("ReportTemplate")
        for key in TEMPLATES:
            self.template.addItem("", key)
        for combo in (self.type, self.format, self.template):
            combo.setMaximumWidth(420)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.scope = QLabel(self)
        self.scope.setObjectName("ReportScope")
        self.scope.setWordWrap(True)
        self.path = QLineEdit(self)
        self.path.setObjectName("ReportPath")
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self.choose_file)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        self.generate = QPushButton(self)
        self.generate.setObjectName("ReportGenerate")
        self.generate.clicked.connect(self._generate)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("ReportCancel")
        self.cancel.clicked.connect(self._cancel)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("ReportProgress")
        self.progress.setRange(0, 1000)
        self.message = QLabel(self)
        self.message.setObjectName("ReportMessage")
        self.message.setWordWrap(True)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("ReportOpen")
        self.open_button.clicked.connect(self.open_report)
        self.reveal_button = QPushButton(self)
        self.reveal_button.setObjectName("ReportReveal")
        self.reveal_button.clicked.connect(self.reveal_report)
        actions = QHBoxLayout()
        for widget in (self.generate, self.cancel, self.progress, self.open_button, self.reveal_button):
            actions.addWidget(widget, 1 if widget is self.progress else 0)
        self.now_box = QGroupBox(self)
        form = QFormLayout(self.now_box)
        self.form_labels = [QLabel(self) for _ in range(5)]
        form.addRow(self.form_labels[0], self.type)
        form.addRow("", self.description)
        form.addRow(self.form_labels[1], self.format)
        form.addRow(self.form_labels[2], self.template)
        form.addRow(self.form_labels[3], self.scope)
        form.addRow(self.form_labels[4], path_row)
        form.addRow(actions)
        form.addRow(self.message)

        self.schedules = ScheduleListModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("ScheduleTable")
        self.table.setModel(self.schedules)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self._edit(index.row()))
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("ScheduleAdd")
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("ScheduleEdit")
        self.edit_button.clicked.connect(lambda: self._edit(self._selected_row()))
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("ScheduleRemove")
        self.remove_button.clicked.connect(self._remove)
        self.run_now_button = QPushButton(self)
        self.run_now_button.setObjectName("ScheduleRunNow")
        self.run_now_button.clicked.connect(self._run_now)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.run_now_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.schedule_note = QLabel(self)
        self.schedule_note.setWordWrap(True)
        self.schedule_box = QGroupBox(self)
        box_layout = QVBoxLayout(self.schedule_box)
        box_layout.addWidget(self.schedule_note)
        box_layout.addWidget(self.table, 1)
        box_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.now_box)
        layout.addWidget(self.schedule_box, 1)

        self._said: tuple[str, tuple[str, ...]] | None = None
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self._progressed)
        self._cancel_flag = threading.Event()
        self._path_chosen = False
        self.filter: Filter | None = None
        self.result: ReportResult | None = None
        self.running = False
        self.type.currentIndexChanged.connect(self._choice_changed)
        self.format.currentIndexChanged.connect(self._choice_changed)
        self.path.textEdited.connect(lambda _t: setattr(self, "_path_chosen", True))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.schedules.modelReset.connect(self._update_buttons)
        self.retranslate()
        self._set_running(False)

    # -- text ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.now_box.setTitle(self.tr("Write a report now"))
        for label, text in zip(self.form_labels, (self.tr("Report:"), self.tr("Format:"), self.tr("Content:"),
                                                  self.tr("Covers:"), self.tr("File:")), strict=True):
            label.setText(text)
        for i, key in enumerate(self.report_types):
            self.type.setItemText(i, labels.report_title(key))
        for i, key in enumerate(FORMATS):
            self.format.setItemText(i, labels.choice(labels.FORMATS, key))
        for i, key in enumerate(TEMPLATES):
            self.template.setItemText(i, labels.choice(labels.TEMPLATES, key))
        self.browse.setText(self.tr("Choose…"))
        self.generate.setText(self.tr("Write report"))
        self.cancel.setText(self.tr("Cancel"))
        self.open_button.setText(self.tr("Open"))
        self.reveal_button.setText(self.tr("Show in folder"))
        self.schedule_box.setTitle(self.tr("Scheduled reports"))
        self.schedule_note.setText(self.tr("Scheduled reports are written while the app is open; a run missed "
                                           "while it was closed is made at the next start."))
        self.add_button.setText(self.tr("Add…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.remove_button.setText(self.tr("Remove"))
        self.run_now_button.setText(self.tr("Run now"))
        self.run_now_button.setToolTip(self.tr("Write this schedule's report now; its next run stays as planned"))
        self.description.setText(labels.report_description(self.report_key()))
        if self.filter is not None:
            self.set_filter(self.filter, self._scope_text)
        if self._said is not None:
            self._say(self._said[0], *self._said[1])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the report now --------------------------------------------------------------------
    def report_key(self) -> str:
        return str(self.type.currentData())

    def format_key(self) -> str:
        return str(self.format.currentData())

    def set_filter(self, flt: Filter, describe: str) -> None:
        """The tab's current filter and how the tab describes it."""
        self.filter = flt
        self._scope_text = describe
        self.scope.setText(describe)
        self._choice_changed()

    def _choice_changed(self) -> None:
        self.description.setText(labels.report_description(self.report_key()))
        if not self._path_chosen:
            self.path.setText(str(self.suggested_path()))
        else:
            current = Path(self.path.text())
            if current.suffix.lstrip(".") in FORMATS and current.suffix != "." + self.format_key():
                self.path.setText(str(current.with_suffix("." + self.format_key())))

    def suggested_path(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        first = self.filter.first_day() if self.filter else None
        stamp = first.strftime("%Y-%m") if first else date.today().isoformat()
        return Path(folder) / f"{self.report_key()}-{stamp}.{self.format_key()}"

    def choose_file(self) -> None:
        fmt = self.format_key()
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as"), self.path.text(),
                                                f"{fmt.upper()} (*.{fmt})")
        if chosen:
            self.set_path(Path(chosen))

    def set_path(self, path: Path) -> None:
        self._path_chosen = True
        self.path.setText(str(path))

    def request(self) -> ReportRequest:
        return ReportRequest(self.report_key(), Format(self.format_key()), Template(self.template.currentData()),
                             self.filter or Filter())

    def _generate(self) -> None:
        text = self.path.text().strip()
        if not text:
            self._say("choose")
            return
        path = Path(text)
        if path.suffix.lower() != "." + self.format_key():
            path = path.with_name(path.name + "." + self.format_key())
        self.generate_requested.emit(self.request(), path)

    def progress_callback(self) -> Callable[[float, str], None]:
        """The callback the report service calls on its worker thread."""
        self._cancel_flag.clear()
        relay, flag = self.relay, self._cancel_flag

        def report(fraction: float, message: str) -> None:
            if flag.is_set():
                raise ReportCancelled("cancelled by the user")
            relay.progressed.emit(fraction, message)

        return report

    def _cancel(self) -> None:
        self._cancel_flag.set()
        self._say("cancelling")

    def report_started(self) -> None:
        self.result = None
        self._set_running(True)
        self.progress.setValue(0)
        self._say("reading")

    def _progressed(self, fraction: float, _message: str) -> None:
        if not self.running:
            return
        self.progress.setValue(int(fraction * 1000))
        self._say("reading" if fraction < 0.6 else "writing")

    def report_finished(self, result: ReportResult) -> None:
        self.result = result
        self._set_running(False)
        self.progress.setValue(1000)
        self._say("wrote", str(result.path), labels.value_text(result.bytes / 1024, Unit.COUNT))

    def report_failed(self, error: BaseException) -> None:
        self._set_running(False)
        self.progress.setValue(0)
        if isinstance(error, ReportCancelled):
            self._say("cancelled")
        else:
            self._say("failed", str(error))

    def _say(self, key: str, *args: str) -> None:
        """Show a message; it is kept as a key so a language switch can word it again."""
        self._said = (key, args)
        texts = {"choose": self.tr("Choose a file to write the report to."),
                 "cancelling": self.tr("Cancelling…"),
                 "reading": self.tr("Reading the numbers…"),
                 "writing": self.tr("Writing the file…"),
                 "wrote": self.tr("Wrote %1 (%2 KB)."),
                 "cancelled": self.tr("Cancelled: no file was written."),
                 "failed": self.tr("The report could not be written: %1")}
        text = texts[key]
        for number, arg in enumerate(args, start=1):
            text = text.replace(f"%{number}", arg)
        self.message.setText(text)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.generate.setEnabled(not running)
        self.cancel.setEnabled(running)
        done = self.result is not None and not running
        self.open_button.setEnabled(done)
        self.reveal_button.setEnabled(done)

    def open_report(self) -> None:
        if self.result is not None:
            self.opener(QUrl.fromLocalFile(str(self.result.path)))

    def reveal_report(self) -> None:
        if self.result is not None:
            reveal(str(self.result.path), self.opener)

    # -- schedules ---------------------------------------------------------------------------
    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _edit(self, row: int) -> None:
        schedule = self.schedules.schedule_at(row)
        if schedule is not None:
            self.edit_requested.emit(schedule)

    def _remove(self) -> None:
        schedule = self.schedules.schedule_at(self._selected_row())
        if schedule is not None:
            self.remove_requested.emit(schedule)

    def _run_now(self) -> None:
        schedule = self.schedules.schedule_at(self._selected_row())
        if schedule is not None and not self.running:
            self.run_now_requested.emit(schedule)

    def _update_buttons(self) -> None:
        selected = self._selected_row() >= 0
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
        self.run_now_button.setEnabled(selected)

    def show_schedules(self, schedules: list[Any]) -> None:
        selected = self.schedules.schedule_at(self._selected_row())
        self.schedules.set_schedules(schedules)
        if selected is not None and selected.id is not None:
            row = self.schedules.row_of(selected.id)
            if row >= 0:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
