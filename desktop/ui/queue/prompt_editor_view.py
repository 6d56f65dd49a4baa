"""The box where prompts are typed or pasted, one a line, in the .txt syntax with
dynamicprompts variants and wildcards highlighted; Ctrl+Enter opens the preview."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop.ui.queue.prompt_highlighter import PromptHighlighter


class PromptEditorView(QWidget):
    preview_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("SectionTitle")
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("PromptEditor")
        self.editor.setTabChangesFocus(True)
        self.highlighter = PromptHighlighter(self.editor.document())
        self.preview_button = QPushButton(self)
        self.preview_button.setObjectName("PreviewTyped")
        self.preview_button.clicked.connect(self.request_preview)
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.editor.clear)
        self.editor.textChanged.connect(self._update_buttons)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self.editor)
        shortcut.activated.connect(self.request_preview)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self._update_buttons()

    def text(self) -> str:
        return self.editor.toPlainText()

    def request_preview(self) -> None:
        if self.text().strip():
            self.preview_requested.emit(self.text())

    def _update_buttons(self) -> None:
        has_text = bool(self.text().strip())
        self.preview_button.setEnabled(has_text)
        self.clear_button.setEnabled(has_text)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Type or paste prompts"))
        self.editor.setPlaceholderText(self.tr(
            "One prompt a line. {red|blue} makes a job for each choice, __colors__ picks from a "
            "wildcard file, # starts a comment, and a line such as --prompt \"a fox\" --seed 5 "
            "--steps 30 sets parameters."))
        self.preview_button.setText(self.tr("Preview and queue…"))
        self.preview_button.setToolTip(self.tr("Show the jobs these prompts make (Ctrl+Enter)"))
        self.clear_button.setText(self.tr("Clear"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.highlighter.update_colors()
        super().changeEvent(event)
