"""Asking for a profile's password: checked off the GUI thread, a wrong one is said next to
the field (with the tries left or the pause), the dialog closes when it is right."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.profiles.avatar import avatar_pixmap
from desktop.ui.profiles.background import run_profile_task
from desktop.ui.profiles.errors_text import profile_error_text
from desktop.ui.profiles.names import shown_name
from desktop.ui.qt_bridge import QtBridge


class PasswordDialog(QDialog):
    """`attempt(password)` runs in a worker and raises ProfileError when it is refused."""

    def __init__(self, services: Any, bridge: QtBridge, profile: Any, attempt: Callable[[str], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PasswordDialog")
        self.services, self.bridge, self.profile, self.attempt = services, bridge, profile, attempt
        self.avatar = QLabel(self)
        self.avatar.setPixmap(avatar_pixmap(profile.prefs.avatar_color, profile.name, 40, self.devicePixelRatioF()))
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.avatar)
        top.addWidget(self.prompt, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(360)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Password"))
        self.prompt.setText(self.tr("Enter the password of “%1”.").replace("%1", shown_name(self.profile.name)))
        self.password.setPlaceholderText(self.tr("Password"))

    def submit(self) -> None:
        password = self.password.text()
        self.buttons.setEnabled(False)
        run_profile_task(self.services, self.bridge, lambda: self.attempt(password),
                         self.tr("Checking the password"), self._checked, owner=self)

    def _checked(self, error: BaseException | None) -> None:
        self.buttons.setEnabled(True)
        if error is None:
            self.accept()
            return
        self.password.clear()
        self.password.setFocus()
        self.error.setText(profile_error_text(error))
        self.error.show()
