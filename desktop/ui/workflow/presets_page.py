"""Editing a project's style presets: texts around the {prompt} slot, provider, size,
quality, style keyword, seed policy and per-provider parameters, with a preview of the
request each provider would get. Presets import from and export to A1111 and Fooocus."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.workflow.preset_render import NATIVE_STYLES
from desktop.core.workflow.presets import SEED_MAX, StylePreset
from desktop.ui.workflow.preset_list_model import PresetListModel

SEED_MODES = ("random", "locked", "range")
QUALITIES = ("", "auto", "low", "medium", "high")
STYLE_WORDS = sorted({k for table in NATIVE_STYLES.values() for k in table})


class PresetEditorView(QWidget):
    save_requested = Signal(object, object, str)  # StylePreset, preset id or None, note
    delete_requested = Signal(int)
    import_requested = Signal()
    export_requested = Signal()

    def __init__(self, model: PresetListModel, workflow: Any, providers: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorkflowPresets")
        self.model, self.workflow = model, workflow
        self.list = QListView(self)
        self.list.setModel(model)
        self.list.selectionModel().currentRowChanged.connect(lambda cur, _p: self.load(cur.row()))
        self.name = QLineEdit(self)
        self.positive = QPlainTextEdit(self)
        self.negative = QPlainTextEdit(self)
        for edit in (self.positive, self.negative):
            edit.setMaximumHeight(70)
            edit.textChanged.connect(self._preview)
        self.provider = QComboBox(self)
        self.provider.addItem("", "")
        for name, label in providers:
            self.provider.addItem(label, name)
        self.provider.currentIndexChanged.connect(lambda _i: self._preview())
        self.model_edit = QLineEdit(self)
        self.width, self.height = QSpinBox(self), QSpinBox(self)
        for spin in (self.width, self.height):
            spin.setRange(0, 16384)
            spin.setSingleStep(64)
            spin.valueChanged.connect(lambda _v: self._preview())
        self.quality = QComboBox(self)
        self.style_word = QComboBox(self)
        self.style_word.setEditable(True)
        self.style_word.addItems([""] + STYLE_WORDS)
        self.style_word.currentTextChanged.connect(lambda _t: self._preview())
        self.seed_mode = QComboBox(self)
        self.seed, self.seed_end = QSpinBox(self), QSpinBox(self)
        for spin in (self.seed, self.seed_end):
            spin.setRange(0, SEED_MAX)
        self.seed_mode.currentIndexChanged.connect(lambda _i: self._seed_fields())
        self.params = QPlainTextEdit(self)
        self.params.setMaximumHeight(60)
        self.note = QLineEdit(self)
        self.preview = QLabel(self)
        self.preview.setObjectName("WorkflowPresetPreview")
        self.preview.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("WorkflowError")
        self.buttons = {k: QPushButton(self) for k in ("new", "save", "delete", "import", "export")}
        self.buttons["new"].clicked.connect(self.clear)
        self.buttons["save"].clicked.connect(self._save)
        self.buttons["delete"].clicked.connect(self._delete)
        self.buttons["import"].clicked.connect(self.import_requested)
        self.buttons["export"].clicked.connect(self.export_requested)
        self.labels = {k: QLabel(self) for k in ("name", "positive", "negative", "provider", "model", "size",
                                                 "quality", "style", "seed", "params", "note", "preview")}
        form = QFormLayout()
        size = QHBoxLayout()
        size.addWidget(self.width)
        size.addWidget(QLabel("×", self))
        size.addWidget(self.height)
        seed = QHBoxLayout()
        seed.addWidget(self.seed_mode)
        seed.addWidget(self.seed)
        seed.addWidget(self.seed_end)
        for key, field in (("name", self.name), ("positive", self.positive), ("negative", self.negative),
                           ("provider", self.provider), ("model", self.model_edit), ("size", size),
                           ("quality", self.quality), ("style", self.style_word), ("seed", seed),
                           ("params", self.params), ("note", self.note), ("preview", self.preview)):
            form.addRow(self.labels[key], field)
        row = QHBoxLayout()
        for key in ("new", "save", "delete"):
            row.addWidget(self.buttons[key])
        row.addStretch(1)
        row.addWidget(self.buttons["import"])
        row.addWidget(self.buttons["export"])
        editor = QWidget(self)
        right = QVBoxLayout(editor)
        right.addLayout(form)
        right.addWidget(self.error)
        right.addLayout(row)
        right.addStretch(1)
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(editor)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.preset_id: int | None = None
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        texts = {"name": self.tr("Name:"), "positive": self.tr("Prompt text:"),
                 "negative": self.tr("Negative prompt:"), "provider": self.tr("Provider:"),
                 "model": self.tr("Model:"), "size": self.tr("Size:"), "quality": self.tr("Quality:"),
                 "style": self.tr("Style keyword:"), "seed": self.tr("Seed:"),
                 "params": self.tr("Provider parameters:"), "note": self.tr("Why (for the history):"),
                 "preview": self.tr("Preview:")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.positive.setPlaceholderText(self.tr("Use {prompt} where the prompt goes, e.g. {prompt}, soft light"))
        self.params.setPlaceholderText(self.tr('JSON per provider, e.g. {"stability": {"style_preset": "anime"}}'))
        self.provider.setItemText(0, self.tr("Project default"))
        self.model_edit.setPlaceholderText(self.tr("Provider default"))
        self.style_word.setToolTip(self.tr("Mapped to each provider's own style (Stability style preset, "
                                           "Leonardo preset style…)"))
        for combo, values, names in (
                (self.quality, QUALITIES, {"": self.tr("Default"), "auto": self.tr("Automatic"),
                                           "low": self.tr("Low"), "medium": self.tr("Medium"),
                                           "high": self.tr("High")}),
                (self.seed_mode, SEED_MODES, {"random": self.tr("Random"), "locked": self.tr("Locked"),
                                              "range": self.tr("Range")})):
            current = combo.currentData()
            combo.clear()
            for value in values:
                combo.addItem(names[value], value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.width.setSpecialValueText(self.tr("Any"))
        self.height.setSpecialValueText(self.tr("Any"))
        self.buttons["new"].setText(self.tr("New"))
        self.buttons["save"].setText(self.tr("Save preset"))
        self.buttons["delete"].setText(self.tr("Delete"))
        self.buttons["import"].setText(self.tr("Import styles…"))
        self.buttons["import"].setToolTip(self.tr("A1111 styles.csv or Fooocus style .json"))
        self.buttons["export"].setText(self.tr("Export styles…"))
        self._preview()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def clear(self) -> None:
        self.preset_id = None
        self.list.clearSelection()
        self._fill(StylePreset(name=""))

    def load(self, row: int) -> None:
        entry = self.model.entry(row)
        if entry is None:
            return
        self.preset_id = entry.id
        self._fill(entry.preset)

    def _fill(self, p: StylePreset) -> None:
        self.name.setText(p.name)
        self.positive.setPlainText(p.positive)
        self.negative.setPlainText(p.negative)
        self.provider.setCurrentIndex(max(0, self.provider.findData(p.provider)))
        self.model_edit.setText(p.model)
        self.width.setValue(p.width or 0)
        self.height.setValue(p.height or 0)
        self.quality.setCurrentIndex(max(0, self.quality.findData(p.quality or "")))
        self.style_word.setCurrentText(p.style)
        self.seed_mode.setCurrentIndex(max(0, self.seed_mode.findData(p.seed.mode)))
        self.seed.setValue(p.seed.seed or 0)
        self.seed_end.setValue(p.seed.end or 0)
        self._seed_fields()
        self.params.setPlainText(json.dumps(p.provider_params, ensure_ascii=False) if p.provider_params else "")
        self.note.clear()
        self.error.clear()
        self._preview()

    def preset(self) -> StylePreset:
        """The form as a preset; raises ValueError with a readable message."""
        try:
            params = json.loads(self.params.toPlainText() or "{}")
        except ValueError as exc:
            raise ValueError(self.tr("Provider parameters are not valid JSON")) from exc
        mode = str(self.seed_mode.currentData() or "random")
        data = {
            "name": self.name.text().strip(), "positive": self.positive.toPlainText(),
            "negative": self.negative.toPlainText(), "provider": str(self.provider.currentData() or ""),
            "model": self.model_edit.text().strip(), "width": self.width.value() or None,
            "height": self.height.value() or None, "quality": self.quality.currentData() or None,
            "style": self.style_word.currentText().strip(),
            "seed": {"mode": mode, "seed": None if mode == "random" else self.seed.value(),
                     "end": self.seed_end.value() if mode == "range" else None},
            "provider_params": params,
        }
        return StylePreset.from_dict(data)

    def _save(self) -> None:
        try:
            preset = self.preset()
        except Exception as exc:
            self.error.setText(str(exc))
            return
        self.error.clear()
        self.save_requested.emit(preset, self.preset_id, self.note.text().strip())

    def _delete(self) -> None:
        if self.preset_id is not None:
            self.delete_requested.emit(self.preset_id)

    def _seed_fields(self) -> None:
        mode = self.seed_mode.currentData() or "random"
        self.seed.setVisible(mode != "random")
        self.seed_end.setVisible(mode == "range")

    def _preview(self) -> None:
        try:
            preset = self.preset()
        except Exception:
            self.preview.setText("")
            return
        provider = preset.provider or None
        request = self.workflow.projects.render(preset, self.tr("a lighthouse at dawn"), provider=provider)
        extras = ", ".join(f"{k}={v}" for k, v in request.params.items())
        text = f"{request.provider} · {request.size}\n{request.prompt}"
        if request.negative_prompt:
            text += "\n− " + request.negative_prompt
        if extras or request.style:
            text += "\n" + ", ".join(x for x in (extras, request.style and f"style={request.style}") if x)
        self.preview.setText(text)
