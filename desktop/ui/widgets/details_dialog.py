"""A non-modal dialog with a summary line and the full detail text (an error's message and
traceback, a job's attempts), selectable and copyable."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class DetailsDialog(QDialog):
    def __init__(self, summary: str, detail: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary_label = QLabel(summary, self)
        self.summary_label.setWordWrap(True)
        self.detail_edit = QPlainTextEdit(self)
        self.detail_edit.setReadOnly(True)
        self.detail_edit.setPlainText(detail)
        self.detail_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton(self)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(detail))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.detail_edit, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Details"))
        self.copy_button.setText(self.tr("Copy"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
