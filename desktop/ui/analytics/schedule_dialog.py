"""Adding or editing a report schedule: which report, format and template, how often and
when, the folder it writes to, whether to push it with sync, and whether it keeps the
tab's current project/provider/model/batch choice."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from desktop.core.reports.request import Format
from desktop.core.reports.schedule import Frequency, ReportSchedule
from desktop.core.reports.templates import Template
from desktop.ui.analytics import labels


class ScheduleDialog(QDialog):
    def __init__(self, report_types: list[str], folder: Path, dimensions: dict[str, object],
                 schedule: ReportSchedule | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScheduleDialog")
        self.original = schedule
        self.dimensions = dict(dimensions)
        self.name = QLineEdit(self)
        self.name.setObjectName("ScheduleName")
        self.report = QComboBox(self)
        self.report.setObjectName("ScheduleReport")
        for key in report_types:
            self.report.addItem(labels.report_title(key), key)
        self.format = QComboBox(self)
        self.format.setObjectName("ScheduleFormat")
        for fmt in ("pdf", "xlsx", "html", "csv", "json"):
            self.format.addItem(labels.choice(labels.FORMATS, fmt), fmt)
        self.template = QComboBox(self)
        self.template.setObjectName("ScheduleTemplate")
        for key in ("detailed", "brief", "client"):
            self.template.addItem(labels.choice(labels.TEMPLATES, key), key)
        self.frequency = QComboBox(self)
        self.frequency.setObjectName("ScheduleFrequency")
        for key in ("daily", "weekly", "monthly"):
            self.frequency.addItem(labels.choice(labels.FREQUENCIES, key), key)
        self.at = QTimeEdit(self)
        self.at.setObjectName("ScheduleTime")
        self.at.setDisplayFormat(QLocale().timeFormat(QLocale.FormatType.ShortFormat))
        self.weekday = QComboBox(self)
        self.weekday.setObjectName("ScheduleWeekday")
        for day in range(7):
            self.weekday.addItem(QLocale().dayName(day + 1, QLocale.FormatType.LongFormat), day)
        self.day_of_month = QSpinBox(self)
        self.day_of_month.setObjectName("ScheduleDay")
        self.day_of_month.setRange(1, 28)
        self.folder = QLineEdit(str(folder), self)
        self.folder.setObjectName("ScheduleFolder")
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        self.push = QCheckBox(self.tr("Also upload it to the sync destinations"), self)
        self.push.setObjectName("SchedulePush")
        self.keep_filter = QCheckBox(self.tr("Only the project, provider, model and batch chosen in the tab"), self)
        self.keep_filter.setObjectName("ScheduleKeepFilter")
        self.keep_filter.setEnabled(bool(self.dimensions))
        self.enabled = QCheckBox(self.tr("On"), self)
        self.enabled.setObjectName("ScheduleEnabled")
        self.enabled.setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Report:"), self.report)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Content:"), self.template)
        form.addRow(self.tr("How often:"), self.frequency)
        form.addRow(self.tr("Time:"), self.at)
        form.addRow(self.tr("Day of the week:"), self.weekday)
        form.addRow(self.tr("Day of the month:"), self.day_of_month)
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow(self.push)
        form.addRow(self.keep_filter)
        form.addRow(self.enabled)
        form.addRow(self.buttons)
        self.form = form
        self.frequency.currentIndexChanged.connect(self._frequency_changed)
        self.setWindowTitle(self.tr("Edit report schedule") if schedule else self.tr("New report schedule"))
        self.at.setTime(QTime(8, 0))
        if schedule is not None:
            self._load(schedule)
        self._frequency_changed()
        self.resize(520, self.sizeHint().height())

    def _load(self, s: ReportSchedule) -> None:
        self.name.setText(s.name)
        self.report.setCurrentIndex(max(self.report.findData(s.report_type), 0))
        self.format.setCurrentIndex(max(self.format.findData(s.format.value), 0))
        self.template.setCurrentIndex(max(self.template.findData(Template(s.template).value), 0))
        self.frequency.setCurrentIndex(max(self.frequency.findData(s.frequency.value), 0))
        self.at.setTime(QTime(s.at_minute // 60, s.at_minute % 60))
        self.weekday.setCurrentIndex(s.weekday)
        self.day_of_month.setValue(s.day_of_month)
        self.folder.setText(str(s.folder))
        self.push.setChecked(s.push_sync)
        self.keep_filter.setChecked(bool(s.filter))
        self.keep_filter.setEnabled(bool(s.filter) or bool(self.dimensions))
        self.enabled.setChecked(s.enabled)

    def _frequency_changed(self) -> None:
        key = self.frequency.currentData()
        self.form.setRowVisible(self.weekday, key == "weekly")
        self.form.setRowVisible(self.day_of_month, key == "monthly")

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the reports"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def schedule(self) -> ReportSchedule:
        """The schedule as filled in (the edited one keeps its id and its run history)."""
        at = self.at.time()
        if self.keep_filter.isChecked():
            dims = dict(self.original.filter) if self.original and not self.dimensions else dict(self.dimensions)
        else:
            dims = {}
        fields = dict(
            name=self.name.text().strip(), report_type=str(self.report.currentData()),
            format=Format(self.format.currentData()), template=Template(self.template.currentData()),
            frequency=Frequency(self.frequency.currentData()), at_minute=at.hour() * 60 + at.minute(),
            weekday=int(self.weekday.currentData()), day_of_month=self.day_of_month.value(),
            folder=Path(self.folder.text().strip()), push_sync=self.push.isChecked(), filter=dims,
            enabled=self.enabled.isChecked(),
        )
        if self.original is not None:
            return replace(self.original, **fields)  # type: ignore[arg-type]
        return ReportSchedule(created_at=time.time(), **fields)  # type: ignore[arg-type]
