"""A project at a glance: its brief and sizes, a batch from a preset and prompts (the
starter prompts to begin with), and the latest consistency score with the measures used."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import formatting as fmt
from desktop.ui.workflow.labels import measures_text
from desktop.ui.workflow.preset_list_model import PresetIdRole, PresetListModel


class ProjectOverviewView(QWidget):
    generate_requested = Signal(int, list, list, str, int)  # preset id, prompts, sizes, provider, count
    consistency_requested = Signal()

    def __init__(self, presets: PresetListModel, providers: list[tuple[str, str]],
                 default_provider: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorkflowOverview")
        self.title = QLabel(self)
        self.title.setObjectName("WorkflowProjectTitle")
        self.brief = QLabel(self)
        self.brief.setWordWrap(True)
        self.generate_box = QGroupBox(self)
        self.preset_combo = QComboBox(self)
        self.preset_combo.setModel(presets)
        self.provider_combo = QComboBox(self)
        for name, label in providers:
            self.provider_combo.addItem(label, name)
        self.provider_combo.setCurrentIndex(max(0, self.provider_combo.findData(default_provider)))
        self.prompts_edit = QPlainTextEdit(self)
        self.prompts_edit.setMinimumHeight(90)
        self.sizes_list = QListWidget(self)
        self.sizes_list.setMaximumHeight(90)
        self.count_spin = QSpinBox(self)
        self.count_spin.setRange(1, 50)
        self.queue_button = QPushButton(self)
        self.queue_button.setObjectName("WorkflowQueueButton")
        self.queue_button.clicked.connect(self._generate)
        self.labels = {k: QLabel(self) for k in ("preset", "provider", "prompts", "sizes", "count")}
        form = QFormLayout(self.generate_box)
        form.addRow(self.labels["preset"], self.preset_combo)
        form.addRow(self.labels["provider"], self.provider_combo)
        form.addRow(self.labels["prompts"], self.prompts_edit)
        form.addRow(self.labels["sizes"], self.sizes_list)
        row = QHBoxLayout()
        row.addWidget(self.count_spin)
        row.addStretch(1)
        row.addWidget(self.queue_button)
        form.addRow(self.labels["count"], row)

        self.consistency_box = QGroupBox(self)
        self.score_label = QLabel(self)
        self.score_label.setObjectName("WorkflowScore")
        self.measures_label = QLabel(self)
        self.measures_label.setWordWrap(True)
        self.score_button = QPushButton(self)
        self.score_button.clicked.connect(self.consistency_requested)
        box = QVBoxLayout(self.consistency_box)
        top = QHBoxLayout()
        top.addWidget(self.score_label, 1)
        top.addWidget(self.score_button)
        box.addLayout(top)
        box.addWidget(self.measures_label)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.brief)
        layout.addWidget(self.generate_box, 1)
        layout.addWidget(self.consistency_box)
        self._project: Any = None
        self._run: dict[str, Any] | None = None
        self._clip_installed = False
        self.retranslate()

    def retranslate(self) -> None:
        self.generate_box.setTitle(self.tr("Make a batch with a preset"))
        self.labels["preset"].setText(self.tr("Preset:"))
        self.labels["provider"].setText(self.tr("Provider:"))
        self.labels["prompts"].setText(self.tr("Prompts:"))
        self.labels["sizes"].setText(self.tr("Sizes:"))
        self.labels["count"].setText(self.tr("Images per prompt and size:"))
        self.prompts_edit.setPlaceholderText(self.tr("One prompt per line"))
        self.queue_button.setText(self.tr("Queue batch"))
        self.consistency_box.setTitle(self.tr("Consistency"))
        self.score_button.setText(self.tr("Score consistency"))
        self.score_button.setToolTip(self.tr("Compare the project's images: palette, structure and, "
                                             "if installed, CLIP"))
        self._show_project()
        self._show_score()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_project(self, project: Any, run: dict[str, Any] | None, clip_installed: bool) -> None:
        new = project is None or self._project is None or project.id != self._project.id
        self._project, self._run, self._clip_installed = project, run, clip_installed
        if new and project is not None:
            self.prompts_edit.setPlainText("\n".join(project.starter_prompts))
            self.sizes_list.clear()
            for size in project.sizes or ("1024x1024",):
                item = QListWidgetItem(size)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.sizes_list.addItem(item)
        self._show_project()
        self._show_score()

    def _show_project(self) -> None:
        p = self._project
        self.title.setText(p.name if p else self.tr("No project selected"))
        if p is None:
            self.brief.setText(self.tr("Create a project from a template to begin."))
            return
        counts = self.tr("%1 images in %n batch(es)", "", p.batch_count).replace("%1", fmt.number(p.asset_count))
        self.brief.setText("\n".join(x for x in (p.brief or p.description, counts) if x))

    def _show_score(self) -> None:
        run = self._run
        if not run:
            self.score_label.setText(self.tr("Not scored yet"))
            self.measures_label.setText("")
            return
        outliers = sum(1 for s in run.get("images", []) if s["outlier"])
        self.score_label.setText(self.tr("%1 / 100 over %2 images · %n outlier(s)", "", outliers).replace(
            "%1", fmt.number(float(run["score"]), 1)).replace("%2", fmt.number(int(run["asset_count"]))))
        measures = tuple(m for m in str(run["measures"]).split(",") if m)
        text = self.tr("Measured by: %1").replace("%1", measures_text(measures))
        if "clip" not in measures and self._clip_installed:
            text += "\n" + self.tr("CLIP similarity was not used: CLIP is installed but could not be loaded.")
        elif "clip" not in measures:
            text += "\n" + self.tr("CLIP similarity was not used: the optional CLIP extra is not installed.")
        self.measures_label.setText(text)

    def _generate(self) -> None:
        index = self.preset_combo.currentIndex()
        preset_id = self.preset_combo.model().index(index, 0).data(PresetIdRole) if index >= 0 else None
        prompts = [p.strip() for p in self.prompts_edit.toPlainText().splitlines() if p.strip()]
        sizes = [self.sizes_list.item(i).text() for i in range(self.sizes_list.count())
                 if self.sizes_list.item(i).checkState() == Qt.CheckState.Checked]
        if preset_id is None or not prompts or not sizes:
            return
        self.generate_requested.emit(int(preset_id), prompts, sizes,
                                     str(self.provider_combo.currentData() or ""), self.count_spin.value())

    def use_prompts(self, prompts: list[str]) -> None:
        self.prompts_edit.setPlainText("\n".join(prompts))
