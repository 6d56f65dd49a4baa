"""An in-window message strip: errors from background tasks, finished batches, warnings.
It shows where the user is looking without a modal box; the detail is one click away."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from desktop.ui.widgets.details_dialog import DetailsDialog

TextSource = str | Callable[[], str]


def _resolve(text: TextSource) -> str:
    return text() if callable(text) else text


class MessageBanner(QFrame):
    """Shows the latest message; `level` is info, warning or error (styled by the theme)."""

    action_triggered = Signal(str)  # the action key given to show_message

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBanner")
        self.setProperty("level", "info")
        self._text: TextSource = ""
        self._action_text: TextSource = ""
        self._detail = ""
        self._title = ""
        self._action_key = ""
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

    def show_message(self, text: TextSource, level: str = "error", detail: str = "", title: str = "",
                     action_key: str = "", action_text: TextSource = "", timeout_ms: int = 0) -> None:
        """Texts may be callables returning the translated text, so that the message follows a
        language switch; pressing the action button emits `action_triggered(action_key)`."""
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self._text, self._action_text = text, action_text
        self._detail, self._title = detail, title
        self.details_button.setVisible(bool(detail))
        self._action_key = action_key
        self.action_button.setVisible(bool(action_key))
        self._draw_texts()
        self.show()
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    @property
    def level(self) -> str:
        return str(self.property("level"))

    @property
    def action_key(self) -> str:
        return self._action_key

    @property
    def text(self) -> str:
        return self.text_label.text()

    def _draw_texts(self) -> None:
        self.text_label.setText(_resolve(self._text))
        self.action_button.setText(_resolve(self._action_text))

    def show_details(self) -> None:
        dialog = DetailsDialog(self._title or self.text, self._detail, self.window())
        dialog.open()

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()

    def retranslate(self) -> None:
        self.details_button.setText(self.tr("Details…"))
        self.close_button.setToolTip(self.tr("Dismiss"))
        self._draw_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
