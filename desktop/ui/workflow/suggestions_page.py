"""Creative suggestions from a language model: local Ollama first (offline), OpenAI as an
option. The answer streams in as it is written, then its improved prompt and alternative
directions can become the batch's prompts. Which model answers is chosen here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.workflow.settings import WorkflowSettings
from desktop.core.workflow.suggestions import Suggestions

BACKENDS = ("auto", "ollama", "openai")


class SuggestionsView(QWidget):
    suggest_requested = Signal(str, bool)  # text, is a brief
    stop_requested = Signal()
    status_requested = Signal()
    settings_changed = Signal(object)  # WorkflowSettings
    prompts_chosen = Signal(list)
    details_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorkflowSuggestions")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("WorkflowModelStatus")
        self.status_label.setWordWrap(True)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.status_requested)
        self.details_button = QPushButton(self)
        self.details_button.clicked.connect(self.details_requested)
        self.settings_box = QGroupBox(self)
        self.backend = QComboBox(self)
        self.backend.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.ollama_model = QComboBox(self)
        self.ollama_model.setEditable(True)
        self.vision_model = QComboBox(self)
        self.vision_model.setEditable(True)
        self.openai_model = QLineEdit(self)
        self.save_settings = QPushButton(self)
        self.save_settings.clicked.connect(self._settings)
        self.labels = {k: QLabel(self) for k in ("backend", "ollama", "vision", "openai")}
        form = QFormLayout(self.settings_box)
        for key, field in (("backend", self.backend), ("ollama", self.ollama_model),
                           ("vision", self.vision_model), ("openai", self.openai_model)):
            form.addRow(self.labels[key], field)
        form.addRow("", self.save_settings)
        self.input = QPlainTextEdit(self)
        self.input.setMaximumHeight(100)
        self.is_brief = QCheckBox(self)
        self.suggest_button = QPushButton(self)
        self.suggest_button.setObjectName("WorkflowSuggestButton")
        self.suggest_button.clicked.connect(self._suggest)
        self.stop_button = QPushButton(self)
        self.stop_button.clicked.connect(self.stop_requested)
        self.stop_button.setEnabled(False)
        self.output = QPlainTextEdit(self)
        self.output.setObjectName("WorkflowSuggestionText")
        self.output.setReadOnly(True)
        self.ideas = QListWidget(self)
        self.ideas.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.ideas.setWordWrap(True)
        self.ideas.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.use_button = QPushButton(self)
        self.use_button.clicked.connect(self._use)
        self.negatives = QLabel(self)
        self.negatives.setWordWrap(True)
        self.negatives.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        status = QHBoxLayout()
        status.addWidget(self.status_label, 1)
        status.addWidget(self.details_button)
        status.addWidget(self.refresh_button)
        ask = QHBoxLayout()
        ask.addWidget(self.is_brief)
        ask.addStretch(1)
        ask.addWidget(self.stop_button)
        ask.addWidget(self.suggest_button)
        results = QWidget(self)
        right = QVBoxLayout(results)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.ideas, 1)
        right.addWidget(self.negatives)
        right.addWidget(self.use_button)
        split = QSplitter(self)
        split.addWidget(self.output)
        split.addWidget(results)
        left = QVBoxLayout()
        left.addLayout(status)
        left.addWidget(self.input)
        left.addLayout(ask)
        left.addWidget(split, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.settings_box, 1)
        self._status: Any = None
        self._ideas: Suggestions | None = None
        self._settings_value = WorkflowSettings()
        self.retranslate()

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Look again"))
        self.details_button.setText(self.tr("Details…"))
        self.settings_box.setTitle(self.tr("Language model"))
        self.labels["backend"].setText(self.tr("Use:"))
        self.labels["ollama"].setText(self.tr("Ollama model:"))
        self.labels["vision"].setText(self.tr("Vision model:"))
        self.labels["openai"].setText(self.tr("OpenAI model:"))
        names = {"auto": self.tr("Local Ollama first, then OpenAI"), "ollama": self.tr("Only local Ollama"),
                 "openai": self.tr("Only OpenAI")}
        current = self.backend.currentData() or self._settings_value.backend
        self.backend.clear()
        for key in BACKENDS:
            self.backend.addItem(names[key], key)
        self.backend.setCurrentIndex(max(0, self.backend.findData(current)))
        self.ollama_model.lineEdit().setPlaceholderText(self.tr("First installed chat model"))
        self.vision_model.lineEdit().setPlaceholderText(self.tr("First installed vision model"))
        self.save_settings.setText(self.tr("Save"))
        self.input.setPlaceholderText(self.tr("A prompt to improve, or a creative brief"))
        self.is_brief.setText(self.tr("This is a brief"))
        self.suggest_button.setText(self.tr("Suggest"))
        self.stop_button.setText(self.tr("Stop"))
        self.use_button.setText(self.tr("Use as prompts"))
        self.use_button.setToolTip(self.tr("Put the chosen suggestions in the batch's prompt box"))
        self.show_status(self._status)
        self._show_negatives()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load_settings(self, settings: WorkflowSettings) -> None:
        self._settings_value = settings
        self.backend.setCurrentIndex(max(0, self.backend.findData(settings.backend)))
        self.ollama_model.setCurrentText(settings.ollama_model)
        self.vision_model.setCurrentText(settings.vision_model)
        self.openai_model.setText(settings.openai_model)

    def _settings(self) -> None:
        from dataclasses import replace

        self._settings_value = replace(
            self._settings_value, backend=str(self.backend.currentData() or "auto"),
            ollama_model=self.ollama_model.currentText().strip(),
            vision_model=self.vision_model.currentText().strip(),
            openai_model=self.openai_model.text().strip() or "gpt-4o-mini")
        self.settings_changed.emit(self._settings_value)

    def show_status(self, status: Any) -> None:
        """`status` is the core's ModelStatus, or None while looking."""
        self._status = status
        self.details_button.setVisible(status is not None and status.text is None)
        if status is None:
            self.status_label.setText(self.tr("Looking for a language model…"))
            return
        for combo, current in ((self.ollama_model, self.ollama_model.currentText()),
                               (self.vision_model, self.vision_model.currentText())):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([""] + list(status.ollama_models))
            combo.setCurrentText(current)
            combo.blockSignals(False)
        if status.text is None:
            self.status_label.setText(self.tr("No language model is reachable. Start Ollama (ollama serve) "
                                              "or add an OpenAI key in Settings; everything else works "
                                              "without it."))
        else:
            vision = status.vision.label if status.vision else self.tr("no vision model")
            self.status_label.setText(self.tr("Suggestions from %1 · images: %2").replace(
                "%1", status.text.label).replace("%2", vision))
        self.suggest_button.setEnabled(status.text is not None)

    def _suggest(self) -> None:
        text = self.input.toPlainText().strip()
        if text:
            self.output.clear()
            self.ideas.clear()
            self._ideas = None
            self.negatives.clear()
            self.suggest_requested.emit(text, self.is_brief.isChecked())

    def set_running(self, running: bool) -> None:
        self.suggest_button.setEnabled(not running and (self._status is None or self._status.text is not None))
        self.stop_button.setEnabled(running)

    def append(self, piece: str) -> None:
        self.output.moveCursor(self.output.textCursor().MoveOperation.End)
        self.output.insertPlainText(piece)

    def show_ideas(self, ideas: Suggestions) -> None:
        self._ideas = ideas
        self.ideas.clear()
        for text in ideas.improved + ideas.alternatives:
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if text in ideas.improved else Qt.CheckState.Unchecked)
            self.ideas.addItem(item)
        self._show_negatives()

    def _show_negatives(self) -> None:
        negatives = self._ideas.negatives if self._ideas is not None else []
        self.negatives.setText(self.tr("Negative prompt: %1").replace("%1", "; ".join(negatives))
                               if negatives else "")

    def _use(self) -> None:
        chosen = [self.ideas.item(i).text() for i in range(self.ideas.count())
                  if self.ideas.item(i).checkState() == Qt.CheckState.Checked]
        if chosen:
            self.prompts_chosen.emit(chosen)
