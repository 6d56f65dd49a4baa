"""The Queue tab: batches with progress beside the job table, the prompt box below, and the
actions on selected jobs. Prompt files dropped on the window arrive at `open_files`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import JobSpec
from desktop.core.prompts import SUPPORTED_SUFFIXES
from desktop.core.queue.queries import JobFilter
from desktop.core.queue.types import BatchOptions
from desktop.ui.core_text import error_reason, outcome_name, state_name
from desktop.ui.qt_bridge import QtBridge
from desktop.ui.queue.batch_model import BatchListModel
from desktop.ui.queue.batch_panel_view import BatchPanelView
from desktop.ui.queue.job_edit_dialog import JobEditDialog
from desktop.ui.queue.job_table_model import COL, JobTableModel
from desktop.ui.queue.job_table_view import JobTableView
from desktop.ui.queue.preview_dialog import PreviewDialog
from desktop.ui.queue.prompt_editor_view import PromptEditorView
from desktop.ui.queue.provider_picker_view import provider_display_names
from desktop.ui.queue.queue_actions import CHECK_LIMIT, QueueActions
from desktop.ui.widgets.details_dialog import DetailsDialog

STATE_FILTERS = (("", ()), ("waiting", ("pending", "paused")), ("running", ("running",)),
                 ("failed", ("failed",)), ("succeeded", ("succeeded",)), ("cancelled", ("cancelled",)))


class QueueView(QWidget):
    asset_requested = Signal(int)  # "show in gallery" for this asset id
    preview_opened = Signal(object)  # the PreviewDialog, for tests and the main window
    batch_queued = Signal(int, list)
    template_opened = Signal(object)  # the JobEditDialog of a job queued from a template

    def __init__(self, services: Any, bridge: QtBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QueueView")
        self.services, self.bridge = services, bridge
        self.ui_state: dict[str, Any] = services.config.ui
        names = provider_display_names(services)
        self.model = JobTableModel(services.queue, bridge, self, names, executor=services.executors.io)
        self.batch_model = BatchListModel(services.queue, bridge, self)
        self.table = JobTableView(self)
        self.table.setModel(self.model)
        self.table.apply_default_widths()
        self.table.doubleClicked.connect(lambda _i: self.show_details())
        self.table.clicked.connect(self._cell_clicked)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.batches = BatchPanelView(services, self.batch_model, self)
        self.batches.batch_selected.connect(self._batch_selected)
        self.batches.pause_requested.connect(
            lambda ids: self._run(services.queue.pause_batches(ids), self.tr("Pausing batches")))
        self.batches.resume_requested.connect(
            lambda ids: self._run(services.queue.resume_batches(ids), self.tr("Resuming batches")))
        self.batches.cancel_requested.connect(self._cancel_batches)
        self.editor = PromptEditorView(self)
        self.editor.preview_requested.connect(self.open_text)
        self.job_actions = QueueActions(self)
        self._connect_actions()
        self.table.addActions(list(self.job_actions.actions.values()))
        self.open_action = QAction(self)
        self.open_action.setObjectName("action-open")
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.open_action.triggered.connect(self.choose_files)
        self.state_combo = QComboBox(self)
        self.state_combo.setObjectName("StateFilter")
        for key, _states in STATE_FILTERS:
            self.state_combo.addItem("", key)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("SearchJobs")
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.state_combo.currentIndexChanged.connect(self._apply_filter)
        self._batch_filter: int | None = None
        self.toolbar = self._build_toolbar()
        self.top_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.top_split.setObjectName("queue.top")
        self.top_split.addWidget(self.batches)
        self.top_split.addWidget(self.table)
        self.top_split.setStretchFactor(1, 1)
        self.top_split.setSizes([280, 900])
        self.main_split = QSplitter(Qt.Orientation.Vertical, self)
        self.main_split.setObjectName("queue.main")
        self.main_split.addWidget(self.top_split)
        self.main_split.addWidget(self.editor)
        self.main_split.setStretchFactor(0, 1)
        self.main_split.setSizes([520, 160])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.main_split, 1)
        self.model.rows_refreshed.connect(self._refresh_actions)
        self.retranslate()
        self._refresh_actions()

    @property
    def splitters(self) -> list[QSplitter]:
        return [self.top_split, self.main_split]

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.open_action)
        bar.addSeparator()
        for name in ("pause", "resume", "cancel", "retry"):
            bar.addAction(self.job_actions[name])
        bar.addSeparator()
        for name in ("front", "back", "edit", "duplicate", "details"):
            bar.addAction(self.job_actions[name])
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.state_combo)
        bar.addWidget(self.search_edit)
        return bar

    # -- adding work -----------------------------------------------------------------------------
    def choose_files(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        dialog = QFileDialog(self, self.tr("Open prompt files"), self.ui_state.get("last_folder", ""),
                             self.tr("Prompt files (%1)").replace("%1", patterns))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda files: self.open_files([Path(f) for f in files]))
        dialog.open()

    def open_files(self, paths: list[Path]) -> PreviewDialog | None:
        paths = [Path(p) for p in paths]
        if not paths:
            return None
        self.ui_state["last_folder"] = str(paths[0].parent)
        return self._open_preview(PreviewDialog(self.services, self.bridge, paths=paths, parent=self.window()))

    def open_text(self, text: str) -> PreviewDialog:
        return self._open_preview(PreviewDialog(self.services, self.bridge, text=text, parent=self.window()))

    def _open_preview(self, dialog: PreviewDialog) -> PreviewDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.queued.connect(lambda batch_id, job_ids: self._queued(dialog, batch_id, job_ids))
        dialog.open()
        self.preview_opened.emit(dialog)
        return dialog

    def requeue(self, spec: JobSpec, *, edit: bool) -> None:
        """From the gallery: "generate again" queues an image's settings at once; "use as
        template" queues them paused and opens the job editor, so the designer changes
        what they want and resumes the job."""
        options = BatchOptions(name=spec.request.prompt[:60], source=spec.source, paused=edit)

        def queued(result: tuple[int, list[int]]) -> None:
            batch_id, job_ids = result
            self.batch_queued.emit(batch_id, job_ids)
            self.table.select_ids(job_ids)
            if edit and job_ids:
                rows = self.services.queue.jobs(job_ids[:1])
                if rows:
                    dialog = JobEditDialog(self.services, self.bridge, rows[0], self.window())
                    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                    dialog.open()
                    self.template_opened.emit(dialog)

        async def work() -> tuple[int, list[int]]:
            queue = self.services.queue
            batch_id, job_ids = await queue.enqueue([spec], options)
            if edit:  # the batch was held so the job could not start before it is paused itself
                await queue.pause(job_ids)
                await queue.resume_batches([batch_id])
            return batch_id, job_ids

        self.bridge.run_task(work(), self.tr("Queuing the image again"), on_done=queued, owner=self)

    def _queued(self, dialog: PreviewDialog, batch_id: int, job_ids: list[int]) -> None:
        if dialog.text is not None and dialog.text == self.editor.text():
            self.editor.editor.clear()  # typed prompts are queued; the box is ready for more
        self.batch_queued.emit(batch_id, job_ids)

    # -- selection and filters -------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        return self.table.selected_ids()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._refresh_actions()

    def _refresh_actions(self) -> None:
        ids = self.selected_ids()
        rows = self.model.jobs_for(ids) if len(ids) <= CHECK_LIMIT else None
        self.job_actions.update_for(rows, len(ids))

    def _batch_selected(self, batch_id: int | None) -> None:
        self._batch_filter = batch_id
        self._apply_filter()

    def _apply_filter(self) -> None:
        states = dict(STATE_FILTERS).get(self.state_combo.currentData() or "", ())
        self.model.set_filter(JobFilter(states=tuple(states), batch_id=self._batch_filter,
                                        text=self.search_edit.text().strip()))
        self._refresh_actions()

    # -- actions ------------------------------------------------------------------------------------
    def _run(self, work: Any, where: str) -> None:
        self.bridge.run_task(work, where)

    def _connect_actions(self) -> None:
        queue = self.services.queue
        simple = {
            "pause": (queue.pause, self.tr("Pausing jobs")),
            "resume": (queue.resume, self.tr("Resuming jobs")),
            "cancel": (queue.cancel, self.tr("Cancelling jobs")),
            "retry": (queue.retry, self.tr("Retrying jobs")),
            "duplicate": (queue.duplicate, self.tr("Duplicating jobs")),
        }
        for name, (command, where) in simple.items():
            self.job_actions[name].triggered.connect(
                lambda _c=False, cmd=command, w=where: self._on_selection(cmd, w))
        self.job_actions["front"].triggered.connect(
            lambda: self._on_selection(lambda ids: queue.move(ids, True), self.tr("Moving jobs")))
        self.job_actions["back"].triggered.connect(
            lambda: self._on_selection(lambda ids: queue.move(ids, False), self.tr("Moving jobs")))
        self.job_actions["raise"].triggered.connect(lambda: self._nudge_priority(1))
        self.job_actions["lower"].triggered.connect(lambda: self._nudge_priority(-1))
        self.job_actions["priority"].triggered.connect(self.ask_priority)
        self.job_actions["edit"].triggered.connect(self.edit_selected)
        self.job_actions["gallery"].triggered.connect(self._show_in_gallery)
        self.job_actions["details"].triggered.connect(self.show_details)

    def _on_selection(self, command: Any, where: str) -> None:
        ids = self.selected_ids()
        if ids:
            self._run(command(ids), where)

    def _nudge_priority(self, step: int) -> None:
        ids = self.selected_ids()
        rows = self.model.jobs_for(ids)
        by_priority: dict[int, list[int]] = {}
        for row in rows:
            by_priority.setdefault(row.priority + step, []).append(row.id)
        for priority, group in by_priority.items():
            self._run(self.services.queue.set_priority(group, priority), self.tr("Changing priority"))

    def ask_priority(self) -> QInputDialog | None:
        ids = self.selected_ids()
        if not ids:
            return None
        rows = self.model.jobs_for(ids[:1])
        dialog = QInputDialog(self)
        dialog.setObjectName("PriorityDialog")
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(-100, 100)
        dialog.setIntValue(rows[0].priority if rows else 0)
        dialog.setWindowTitle(self.tr("Set priority"))
        dialog.setLabelText(self.tr("Priority for %n job(s) (higher runs first):", "", len(ids)))
        dialog.setOkButtonText(self.tr("Set"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.intValueSelected.connect(
            lambda value: self._run(self.services.queue.set_priority(ids, value), self.tr("Changing priority")))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_selected(self) -> JobEditDialog | None:
        ids = self.selected_ids()
        rows = self.model.jobs_for(ids[:1])
        if len(ids) != 1 or not rows:
            return None
        dialog = JobEditDialog(self.services, self.bridge, rows[0], self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _show_in_gallery(self) -> None:
        rows = self.model.jobs_for(self.selected_ids()[:1])
        if rows and rows[0].asset_id is not None:
            self.asset_requested.emit(rows[0].asset_id)

    def show_details(self) -> DetailsDialog | None:
        # From the store, not the table's cache: a row repaints a moment after its job
        # changes, and the details must not say "Pending" next to the attempt that failed.
        rows = self.services.queue.jobs(self.selected_ids()[:1])
        if not rows:
            return None
        job = rows[0]
        summary = f"{state_name(job.state.value)} · {error_reason(job.error_kind)}".strip(" ·")
        lines = [self.tr("Prompt: %1").replace("%1", job.prompt)]
        if job.error_message:
            lines += ["", self.tr("Error: %1").replace("%1", job.error_message)]
        attempts = self.services.queue.queries.attempts_of(job.id)
        if attempts:
            lines += ["", self.tr("Attempts:")]
            for number, attempt in enumerate(attempts, start=1):
                outcome = outcome_name(attempt.get("outcome") or "")
                status = attempt.get("http_status")
                message = attempt.get("error_message") or ""
                lines.append(f"  {number}. {outcome}" + (f" (HTTP {status})" if status else "")
                             + (f": {message}" if message else ""))
        lines += ["", self.tr("Request:"), json.dumps(json.loads(job.request_json), ensure_ascii=False, indent=2)]
        dialog = DetailsDialog(summary or state_name(job.state.value), "\n".join(lines), self.window())
        dialog.setWindowTitle(self.tr("Job %1").replace("%1", str(job.id)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _cell_clicked(self, index: QModelIndex) -> None:
        """One click on a failed job's error opens the full error."""
        if index.column() == COL["error"] and index.data(Qt.ItemDataRole.DisplayRole):
            self.show_details()

    def _cancel_batches(self, batch_ids: list[int]) -> None:
        ids = [j for b in batch_ids for j in self.services.queue.job_ids(JobFilter(batch_id=b))]
        if ids:
            self._run(self.services.queue.cancel(ids), self.tr("Cancelling batches"))

    # -- language -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.open_action.setText(self.tr("Open prompt files…"))
        self.open_action.setToolTip(self.tr("Open prompt files (txt, csv, tsv, json, jsonl, xlsx); "
                                            "or drop them anywhere on the window"))
        labels = {"": self.tr("All jobs"), "waiting": self.tr("Waiting"), "running": state_name("running"),
                  "failed": state_name("failed"), "succeeded": state_name("succeeded"),
                  "cancelled": state_name("cancelled")}
        for i in range(self.state_combo.count()):
            self.state_combo.setItemText(i, labels[self.state_combo.itemData(i) or ""])
        self.search_edit.setPlaceholderText(self.tr("Search prompts"))
        self.job_actions.retranslate()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

