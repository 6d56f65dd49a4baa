"""Choosing a template (or none) and a name for a new project."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.workflow.labels import template_description, template_name

BLANK = ""


class NewProjectDialog(QDialog):
    """`choice()` gives (template key or "", origin, project name) after accept."""

    def __init__(self, templates: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates = templates
        self.list = QListWidget(self)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setMinimumHeight(48)
        self.name_edit = QLineEdit(self)
        self.name_label = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.name_label, self.name_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.description)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._describe)
        self.name_edit.textChanged.connect(self._enable)
        self.resize(520, 420)
        self.retranslate()
        self.list.setCurrentRow(1 if templates else 0)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New project"))
        self.name_label.setText(self.tr("Name:"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Spring launch 2026"))
        row = self.list.currentRow()
        self.list.clear()
        blank = QListWidgetItem(self.tr("Blank project"))
        blank.setData(Qt.ItemDataRole.UserRole, (BLANK, ""))
        self.list.addItem(blank)
        for t in self.templates:
            item = QListWidgetItem(template_name(t.key, t.origin, t.name)
                                   + ("" if t.origin == "shipped" else "  " + self.tr("(yours)")))
            item.setData(Qt.ItemDataRole.UserRole, (t.key, t.origin))
            self.list.addItem(item)
        self.list.setCurrentRow(max(row, 0))
        self._enable()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _describe(self, row: int) -> None:
        if row <= 0 or row > len(self.templates):
            self.description.setText(self.tr("An empty project: add presets and brand rules yourself."))
            return
        t = self.templates[row - 1]
        sizes = ", ".join(t.sizes)
        self.description.setText(template_description(t.key, t.origin, t.description)
                                 + "\n" + self.tr("Sizes: %1 · %n preset(s)", "", len(t.presets)).replace("%1", sizes))

    def _enable(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.name_edit.text().strip()))

    def choice(self) -> tuple[str, str, str]:
        item = self.list.currentItem()
        key, origin = item.data(Qt.ItemDataRole.UserRole) if item else (BLANK, "")
        return key, origin, self.name_edit.text().strip()
