"""Provider options as widgets, built from the provider's `Capabilities.options` data:
a combo box for choices, spin boxes for numbers, a check box for yes/no, a line for text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.ui.core_text import option_choice, option_help, option_label

INT_LIMIT = 1_000_000_000


def _default_text() -> str:
    return QCoreApplication.translate("OptionFormView", "Default")


class OptionFormView(QWidget):
    """`values()` returns only the options that differ from the provider's default."""

    def __init__(self, specs: Iterable[Any], values: Mapping[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = list(specs)
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        values = values or {}
        for spec in self.specs:
            editor = self._editor(spec, values.get(spec.key, spec.default))
            editor.setObjectName(f"option-{spec.key}")
            label = QLabel(option_label(spec.label), self)
            if spec.help:
                editor.setToolTip(option_help(spec.help))
            self.editors[spec.key] = editor
            self.labels[spec.key] = label
            layout.addRow(label, editor)

    def _editor(self, spec: Any, value: Any) -> QWidget:
        if spec.kind == "bool":
            box = QCheckBox(self)
            box.setChecked(bool(value))
            return box
        if spec.kind in ("int", "float"):
            return self._number(spec, value)
        if spec.kind == "text":
            line = QLineEdit(self)
            line.setText("" if value is None else str(value))
            line.setPlaceholderText(_default_text())
            return line
        combo = QComboBox(self)
        choices = list(spec.choices)
        if value is not None and value not in choices:
            choices.append(value)
        for choice in choices:
            combo.addItem(option_choice(str(choice)), choice)
        combo.setCurrentIndex(max(0, combo.findData(value if value is not None else spec.default)))
        return combo

    def _number(self, spec: Any, value: Any) -> QWidget:
        is_int = spec.kind == "int"
        box: QSpinBox | QDoubleSpinBox = QSpinBox(self) if is_int else QDoubleSpinBox(self)
        low = spec.minimum if spec.minimum is not None else (0 if is_int else -INT_LIMIT)
        high = spec.maximum if spec.maximum is not None else INT_LIMIT
        step = 1 if is_int else 0.1
        if spec.default is None:  # "not set" is one step below the minimum
            low = low - step
            box.setSpecialValueText(_default_text())
        if is_int:
            box.setRange(int(low), int(high))
        else:
            box.setDecimals(2)
            box.setSingleStep(step)
            box.setRange(float(low), float(high))
        box.setValue(low if value is None else (int(value) if is_int else float(value)))
        return box

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for spec in self.specs:
            value = self.value(spec.key)
            if value != spec.default:
                found[spec.key] = value
        return found

    def value(self, key: str) -> Any:
        spec = next(s for s in self.specs if s.key == key)
        editor = self.editors[key]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox | QDoubleSpinBox):
            if spec.default is None and editor.value() == editor.minimum():
                return None
            return editor.value()
        if isinstance(editor, QLineEdit):
            text = editor.text().strip()
            return text if text or spec.default not in (None, "") else spec.default
        if isinstance(editor, QComboBox):
            return editor.currentData()
        return None

    def retranslate(self) -> None:
        for spec in self.specs:
            self.labels[spec.key].setText(option_label(spec.label))
            editor = self.editors[spec.key]
            if spec.help:
                editor.setToolTip(option_help(spec.help))
            if isinstance(editor, QComboBox):
                for i in range(editor.count()):
                    editor.setItemText(i, option_choice(str(editor.itemData(i))))
            elif isinstance(editor, QLineEdit):
                editor.setPlaceholderText(_default_text())
            elif isinstance(editor, QSpinBox | QDoubleSpinBox) and spec.default is None:
                editor.setSpecialValueText(_default_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
