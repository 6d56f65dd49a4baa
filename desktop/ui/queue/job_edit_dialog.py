"""Editing a job that has not run (or failed): its prompt, negative prompt, provider, model,
size, seed, steps, guidance and the provider's own options."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import GenerationRequest
from desktop.core.queue.types import JobRow
from desktop.ui.qt_bridge import QtBridge
from desktop.ui.queue.prompt_highlighter import PromptHighlighter
from desktop.ui.queue.provider_picker_view import ProviderPickerView
from desktop.ui.widgets.option_form_view import OptionFormView

SEED_MAX = 2**31 - 1


class JobEditDialog(QDialog):
    def __init__(self, services: Any, bridge: QtBridge, job: JobRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("JobEditDialog")
        self.services, self.bridge, self.job = services, bridge, job
        request = job.request
        self.prompt_edit = QPlainTextEdit(self)
        self.prompt_edit.setPlainText(request.prompt)
        self.highlighter = PromptHighlighter(self.prompt_edit.document())
        self.negative_edit = QPlainTextEdit(self)
        self.negative_edit.setPlainText(request.negative_prompt)
        self.negative_edit.setMaximumHeight(70)
        self.picker = ProviderPickerView(services, request.provider, request.model, request.size, self)
        self.seed_spin = QSpinBox(self)
        self.seed_spin.setRange(-1, SEED_MAX)
        self.seed_spin.setValue(-1 if request.seed is None else request.seed)
        self.steps_spin = QSpinBox(self)
        self.steps_spin.setRange(0, 500)
        self.steps_spin.setValue(request.steps or 0)
        self.cfg_spin = QDoubleSpinBox(self)
        self.cfg_spin.setRange(0, 50)
        self.cfg_spin.setSingleStep(0.5)
        self.cfg_spin.setValue(request.cfg_scale or 0)
        self.options_box = QGroupBox(self)
        self.options_layout = QVBoxLayout(self.options_box)
        self.options_form: OptionFormView | None = None
        self._build_options(request.params)
        self.picker.changed.connect(lambda: self._build_options({}))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("TestResult")
        self.error_label.setProperty("ok", False)
        self.error_label.setWordWrap(True)
        self.labels = {key: QLabel(self) for key in ("prompt", "negative", "seed", "steps", "cfg")}
        form = QFormLayout()
        form.addRow(self.labels["prompt"], self.prompt_edit)
        form.addRow(self.labels["negative"], self.negative_edit)
        form.addRow(self.picker)
        form.addRow(self.labels["seed"], self.seed_spin)
        form.addRow(self.labels["steps"], self.steps_spin)
        form.addRow(self.labels["cfg"], self.cfg_spin)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.options_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(560, 560)

    def _build_options(self, values: dict[str, Any]) -> None:
        if self.options_form is not None:
            self.options_form.deleteLater()
        name = self.picker.provider()
        specs = self.services.providers.get(name).capabilities().options if name in self.services.providers else ()
        self.options_form = OptionFormView(specs, values, self.options_box)
        self.options_layout.addWidget(self.options_form)
        self.options_box.setVisible(bool(specs))

    def request(self) -> GenerationRequest:
        width, height = self.picker.size()
        seed = self.seed_spin.value()
        return self.job.request.with_changes(
            prompt=self.prompt_edit.toPlainText().strip(),
            negative_prompt=self.negative_edit.toPlainText().strip(),
            provider=self.picker.provider(), model=self.picker.model(), width=width, height=height,
            seed=None if seed < 0 else seed, steps=self.steps_spin.value() or None,
            cfg_scale=self.cfg_spin.value() or None,
            params=self.options_form.values() if self.options_form else {},
        )

    def save(self) -> None:
        try:
            request = self.request()
        except ValueError as exc:
            self.error_label.setText(str(exc))
            return
        if not request.prompt:
            self.error_label.setText(self.tr("The prompt is empty."))
            return
        problems = self.services.providers.get(request.provider).validate(request) \
            if request.provider in self.services.providers else []
        if problems:
            self.error_label.setText("\n".join(problems))
            return
        self.buttons.setEnabled(False)
        self.bridge.run_task(self.services.queue.edit(self.job.id, request), self.tr("Editing the job"),
                             on_done=lambda _r: self.accept(),
                             on_error=lambda _e: self.buttons.setEnabled(True))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit job %1").replace("%1", str(self.job.id)))
        self.labels["prompt"].setText(self.tr("Prompt"))
        self.labels["negative"].setText(self.tr("Negative prompt"))
        self.labels["seed"].setText(self.tr("Seed"))
        self.labels["steps"].setText(self.tr("Steps"))
        self.labels["cfg"].setText(self.tr("Guidance (CFG)"))
        self.seed_spin.setSpecialValueText(self.tr("Random"))
        self.steps_spin.setSpecialValueText(self.tr("Default"))
        self.cfg_spin.setSpecialValueText(self.tr("Default"))
        self.options_box.setTitle(self.tr("Provider options"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
