"""An in-window message strip: errors from background tasks, finished batches, warnings.
It shows where the user is looking without a modal box; the detail is one click away."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from desktop.ui.widgets.details_dialog import DetailsDialog


class MessageBanner(QFrame):
    """Shows the latest message; `level` is info, warning or error (styled by the theme)."""

    action_triggered = Signal(str)  # the action key given to show_message

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBanner")
        self.setProperty("level", "info")
        self._detail = ""
        self._title = ""
        self._action_key = ""
        self._action_source = ""
        self.text_label = QLabel(self)
        self.text_label.setWordWrap(True)
        self.details_button = QPushButton(self)
        self.details_button.clicked.connect(self.show_details)
        self.action_button = QPushButton(self)
        self.action_button.clicked.connect(lambda: self.action_triggered.emit(self._action_key))
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.details_button)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.retranslate()
        self.hide()

    def show_message(self, text: str, level: str = "error", detail: str = "", title: str = "",
                     action_key: str = "", action_text: str = "", timeout_ms: int = 0) -> None:
        """`action_text` is already translated; pressing it emits `action_triggered(action_key)`."""
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.text_label.setText(text)
        self._detail, self._title = detail, title or text
        self.details_button.setVisible(bool(detail))
        self._action_key = action_key
        self.action_button.setText(action_text)
        self.action_button.setVisible(bool(action_key))
        self.show()
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    @property
    def level(self) -> str:
        return str(self.property("level"))

    @property
    def text(self) -> str:
        return self.text_label.text()

    def show_details(self) -> None:
        dialog = DetailsDialog(self._title, self._detail, self.window())
        dialog.open()

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()

    def retranslate(self) -> None:
        self.details_button.setText(self.tr("Details…"))
        self.close_button.setToolTip(self.tr("Dismiss"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
