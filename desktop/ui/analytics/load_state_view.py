"""A line above a page's numbers: a busy bar while they load, or what went wrong and a
button to try again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class LoadStateView(QWidget):
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LoadState")
        self.busy = QProgressBar(self)
        self.busy.setObjectName("LoadBusy")
        self.busy.setRange(0, 0)  # indeterminate
        self.busy.setMaximumHeight(8)
        self.busy.setTextVisible(False)
        self.label = QLabel(self)
        self.label.setObjectName("LoadMessage")
        self.label.setWordWrap(True)
        self.retry = QPushButton(self)
        self.retry.clicked.connect(self.retry_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.busy, 1)
        layout.addWidget(self.retry)
        self.error = ""
        self.set_idle()
        self.retranslate()

    def retranslate(self) -> None:
        self.retry.setText(self.tr("Try again"))
        if not self.error:  # an error stays as the core worded it
            self.label.setText(self.tr("Loading…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_busy(self) -> None:
        self.error = ""
        self.label.setText(self.tr("Loading…"))
        self.label.setStyleSheet("")
        self.busy.show()
        self.retry.hide()
        self.show()

    def set_idle(self) -> None:
        self.error = ""
        self.busy.hide()
        self.retry.hide()
        self.hide()

    def set_error(self, message: str) -> None:
        self.error = message
        self.busy.hide()
        self.label.setText(message)
        self.label.setStyleSheet("color: #d9534f;")
        self.retry.show()
        self.show()
