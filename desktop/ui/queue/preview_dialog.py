"""The expansion preview: what dropped files or typed prompts would queue — the jobs,
identical requests, bad rows as `file:line: reason`, and per provider the estimated cost and
time — with the defaults (provider, model, size, count) the user picks before confirming.

Files are read and expanded in a worker thread; changing a default expands again.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.prompts.preview import ExpansionPreview
from desktop.core.queue.intake import Intake, IntakeDefaults
from desktop.core.queue.types import BatchOptions
from desktop.ui import formatting as fmt
from desktop.ui.qt_bridge import QtBridge
from desktop.ui.queue.preview_models import PreviewJobsModel, ProviderCostModel
from desktop.ui.queue.provider_picker_view import ProviderPickerView, provider_display_names

RECOMPUTE_MS = 250


class PreviewDialog(QDialog):
    """Emits `queued(batch_id, job_ids)` after the user confirms and the jobs are stored."""

    queued = Signal(int, list)
    preview_changed = Signal()  # a new expansion is on screen

    def __init__(self, services: Any, bridge: QtBridge, paths: list[Path] | None = None,
                 text: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PreviewDialog")
        self.services = services
        self.bridge = bridge
        self.paths = [Path(p) for p in paths or []]
        self.text = text
        self.preview: ExpansionPreview | None = None
        self.intake = Intake(services.providers, services.prices, services.config)
        self._generation = 0
        names = provider_display_names(services)
        self.jobs_model = PreviewJobsModel(self, names)
        self.cost_model = ProviderCostModel(self, names)
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_MS)
        self._timer.timeout.connect(self.recompute)
        self.picker.changed.connect(self._timer.start)
        for spin in (self.count_spin, self.max_spin):
            spin.valueChanged.connect(self._timer.start)
        self.mode_combo.currentIndexChanged.connect(self._timer.start)
        self.retranslate()
        self.resize(980, 640)
        self.recompute()

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.defaults_box = QGroupBox(self)
        self.picker = ProviderPickerView(self.services, parent=self.defaults_box)
        self.count_spin = QSpinBox(self.defaults_box)
        self.count_spin.setRange(1, 100)
        self.mode_combo = QComboBox(self.defaults_box)
        self.mode_combo.addItem("", "combinatorial")
        self.mode_combo.addItem("", "random")
        self.max_spin = QSpinBox(self.defaults_box)
        self.max_spin.setRange(1, 100_000)
        self.max_spin.setValue(self.services.config.max_expansion)
        self.defaults_hint = QLabel(self.defaults_box)
        self.defaults_hint.setWordWrap(True)
        self.count_label, self.mode_label, self.max_label = (QLabel(self) for _ in range(3))
        defaults = QFormLayout(self.defaults_box)
        defaults.addRow(self.defaults_hint)
        defaults.addRow(self.picker)
        defaults.addRow(self.count_label, self.count_spin)
        defaults.addRow(self.mode_label, self.mode_combo)
        defaults.addRow(self.max_label, self.max_spin)

        self.batch_box = QGroupBox(self)
        self.name_edit = QLineEdit(self.batch_box)
        self.name_edit.setText(", ".join(p.name for p in self.paths))
        self.priority_spin = QSpinBox(self.batch_box)
        self.priority_spin.setRange(-100, 100)
        self.budget_spin = QDoubleSpinBox(self.batch_box)
        self.budget_spin.setRange(0, 1_000_000)
        self.budget_spin.setDecimals(2)
        self.cache_check = QCheckBox(self.batch_box)
        self.cache_check.setChecked(True)
        self.name_label, self.priority_label, self.budget_label = (QLabel(self) for _ in range(3))
        batch = QFormLayout(self.batch_box)
        batch.addRow(self.name_label, self.name_edit)
        batch.addRow(self.priority_label, self.priority_spin)
        batch.addRow(self.budget_label, self.budget_spin)
        batch.addRow(self.cache_check)

        left = QVBoxLayout()
        left.addWidget(self.defaults_box)
        left.addWidget(self.batch_box)
        left.addStretch(1)

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("PreviewSummary")
        self.summary_label.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.jobs_view = _table(self.jobs_model, self)
        self.jobs_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.cost_view = _table(self.cost_model, self)
        self.cost_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.duplicates_list = QListWidget(self)
        self.problems_list = QListWidget(self)
        self.problems_list.setObjectName("PreviewProblems")
        for widget in (self.jobs_view, self.cost_view, self.duplicates_list, self.problems_list):
            self.tabs.addTab(widget, "")
        right = QVBoxLayout()
        right.addWidget(self.summary_label)
        right.addWidget(self.tabs, 1)

        body = QHBoxLayout()
        body.addLayout(left, 0)
        body.addLayout(right, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

    # -- expansion -------------------------------------------------------------------------------
    def defaults(self) -> IntakeDefaults:
        width, height = self.picker.size()
        return IntakeDefaults(
            provider=self.picker.provider() or None, model=self.picker.model() or None,
            width=width, height=height, count=self.count_spin.value(),
            mode=str(self.mode_combo.currentData()), max_jobs=self.max_spin.value(),
        )

    def recompute(self) -> None:
        try:
            defaults = self.defaults()
        except ValueError as exc:
            self.summary_label.setText(self.tr("Size: %1").replace("%1", str(exc)))
            self.ok_button.setEnabled(False)
            return
        self._generation += 1
        generation = self._generation
        self.ok_button.setEnabled(False)
        self.summary_label.setText(self.tr("Reading and expanding the prompts…"))
        loop = asyncio.get_running_loop()
        if self.paths:
            work = loop.run_in_executor(self.services.executors.io, self.intake.preview_files,
                                        self.paths, defaults)
        else:
            work = loop.run_in_executor(self.services.executors.io, self.intake.preview_text,
                                        self.text or "", defaults)
        self.bridge.run_task(work, self.tr("Reading the prompts"),
                             on_done=lambda p: self._show(p, generation), owner=self)

    def _show(self, preview: ExpansionPreview, generation: int) -> None:
        if generation != self._generation:
            return  # a newer expansion was started; this one is stale
        self.preview = preview
        self.jobs_model.set_specs(preview.specs)
        self.cost_model.set_tallies(list(preview.by_provider.values()), self._eta)
        self.duplicates_list.clear()
        for dup in preview.duplicates:
            self.duplicates_list.addItem(self.tr("%1: %2 identical jobs: %3").replace(
                "%1", ", ".join(dup.sources)).replace("%2", fmt.number(dup.jobs)).replace(
                "%3", " ".join(dup.request.prompt.split())))
        self.problems_list.clear()
        for problem in preview.problems:
            self.problems_list.addItem(str(problem))
        self._update_texts()
        if preview.problems and not preview.specs:
            self.tabs.setCurrentWidget(self.problems_list)
        self.preview_changed.emit()

    def _eta(self, provider: str, jobs: int) -> float | None:
        engine = self.services.engine
        return engine.eta_for({provider: jobs}) if engine is not None else None

    def _update_texts(self) -> None:
        preview = self.preview
        jobs = len(preview.specs) if preview else 0
        self.ok_button.setText(self.tr("Queue %n job(s)", "", jobs))
        self.ok_button.setEnabled(jobs > 0)
        self.tabs.setTabText(0, self.tr("Jobs (%1)").replace("%1", fmt.number(jobs)))
        self.tabs.setTabText(1, self.tr("Cost and time"))
        self.tabs.setTabText(2, self.tr("Duplicates (%1)").replace(
            "%1", fmt.number(len(preview.duplicates) if preview else 0)))
        self.tabs.setTabText(3, self.tr("Problems (%1)").replace(
            "%1", fmt.number(len(preview.problems) if preview else 0)))
        if preview is None:
            return
        parts = [self.tr("%n job(s)", "", jobs) + " " +
                 self.tr("from %n prompt row(s)", "", preview.rows)]
        if preview.by_provider:
            cost = fmt.money(preview.estimated_usd)
            parts.append(self.tr("estimated cost %1").replace("%1", cost) if preview.fully_priced
                         else self.tr("estimated cost at least %1").replace("%1", cost))
        if preview.problems:
            parts.append(self.tr("%n row(s) with problems left out", "", len(preview.problems)))
        if preview.capped:
            parts.append(self.tr("capped at %1 jobs").replace("%1", fmt.number(preview.max_jobs)))
        self.summary_label.setText(" · ".join(parts))

    # -- confirming --------------------------------------------------------------------------------
    def options(self) -> BatchOptions:
        budget = self.budget_spin.value()
        source = "; ".join(str(p) for p in self.paths) if self.paths else "typed"
        return BatchOptions(
            name=self.name_edit.text().strip() or (self.tr("Typed prompts") if not self.paths else ""),
            source=source, priority=self.priority_spin.value(),
            budget_usd=budget if budget > 0 else None, allow_cache=self.cache_check.isChecked(),
        )

    def confirm(self) -> None:
        if self.preview is None or not self.preview.specs:
            return
        self.ok_button.setEnabled(False)
        specs = list(self.preview.specs)

        def stored(result: tuple[int, list[int]]) -> None:
            batch_id, job_ids = result
            self.queued.emit(batch_id, job_ids)
            self.accept()

        self.bridge.run_task(self.services.queue.enqueue(specs, self.options()), self.tr("Queueing the jobs"),
                             on_done=stored, on_error=lambda _e: self.ok_button.setEnabled(True))

    # -- language --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preview the batch"))
        self.defaults_box.setTitle(self.tr("Defaults for rows that leave them out"))
        self.defaults_hint.setText(self.tr("A row's own provider, model or size wins over these."))
        self.count_label.setText(self.tr("Images per prompt"))
        self.mode_label.setText(self.tr("Choices like {a|b}"))
        self.mode_combo.setItemText(0, self.tr("Every combination"))
        self.mode_combo.setItemText(1, self.tr("Random picks"))
        self.max_label.setText(self.tr("At most (jobs)"))
        self.batch_box.setTitle(self.tr("Batch"))
        self.name_label.setText(self.tr("Name"))
        self.name_edit.setPlaceholderText(self.tr("Typed prompts") if not self.paths else "")
        self.priority_label.setText(self.tr("Priority"))
        self.priority_spin.setToolTip(self.tr("Higher runs first"))
        self.budget_label.setText(self.tr("Budget"))
        self.budget_spin.setSpecialValueText(self.tr("No limit"))
        self.budget_spin.setPrefix(self.tr("$"))
        self.budget_spin.setToolTip(self.tr("Pause the batch before it would cost more than this"))
        self.cache_check.setText(self.tr("Reuse identical earlier images"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._update_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _table(model: Any, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(22)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view
