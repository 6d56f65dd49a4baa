"""The lock screen: covers the whole window (menus included) while the current profile is
locked. Unlock with the profile's password, or choose another profile and sign in as it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.profiles.avatar import avatar_icon, avatar_pixmap
from desktop.ui.profiles.background import run_profile_task
from desktop.ui.profiles.errors_text import profile_error_text
from desktop.ui.profiles.names import shown_name
from desktop.ui.qt_bridge import QtBridge


class LockScreenView(QWidget):
    unlocked = Signal()

    def __init__(self, services: Any, bridge: QtBridge, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("LockScreen")
        self.services, self.bridge, self.window_ = services, bridge, window
        self.card = QFrame(self)
        self.card.setObjectName("LockCard")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setAutoFillBackground(True)
        self.card.setFixedWidth(340)
        self.avatar = QLabel(self.card)
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.avatar.setMinimumHeight(72)
        self.title = QLabel(self.card)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.hint = QLabel(self.card)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.profile_combo = QComboBox(self.card)
        self.profile_combo.setObjectName("profile")
        self.profile_combo.currentIndexChanged.connect(self._chosen)
        self.password = QLineEdit(self.card)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.submit)
        self.button = QPushButton(self.card)
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.error = QLabel(self.card)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(24, 24, 24, 24)
        inner.setSpacing(10)
        for widget in (self.avatar, self.title, self.hint, self.profile_combo, self.password, self.button, self.error):
            inner.addWidget(widget)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        window.installEventFilter(self)
        self.hide()
        self.retranslate()

    # -- covering the window -------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window_ and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.window_.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        shade = QColor(self.palette().window().color())
        shade.setAlpha(255)  # the work underneath is hidden, not just dimmed
        painter.fillRect(self.rect(), shade)

    def show_locked(self) -> None:
        self.setGeometry(self.window_.rect())
        self._fill_profiles()
        self.error.hide()
        self.password.clear()
        self.show()
        self.raise_()
        self.password.setFocus()

    def _fill_profiles(self) -> None:
        current = self.services.profiles.current
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for profile in self.services.profiles.list():
            self.profile_combo.addItem(avatar_icon(profile.prefs.avatar_color, profile.name, 20), shown_name(profile.name),
                                       profile.name)
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(current.name)))
        self.profile_combo.blockSignals(False)
        self._chosen()

    def _selected(self) -> Any:
        name = self.profile_combo.currentData()
        return next((p for p in self.services.profiles.list() if p.name == name), self.services.profiles.current)

    def _chosen(self, _index: int = 0) -> None:
        profile = self._selected()
        self.avatar.setPixmap(avatar_pixmap(profile.prefs.avatar_color, profile.name, 64, self.devicePixelRatioF()))
        self.password.setVisible(profile.has_password)
        self.error.hide()
        self.retranslate()

    # -- unlocking ------------------------------------------------------------------------
    def submit(self) -> None:
        profiles, profile, password = self.services.profiles, self._selected(), self.password.text()
        if profile.id == profiles.current.id:
            def work() -> object:
                return profiles.unlock(password)
        else:
            def work() -> object:
                return profiles.switch(profile.name, password if profile.has_password else None)
        self.button.setEnabled(False)
        run_profile_task(self.services, self.bridge, work, self.tr("Unlocking"), self._done, owner=self)

    def _done(self, error: BaseException | None) -> None:
        self.button.setEnabled(True)
        if error is not None:
            self.password.clear()
            self.error.setText(profile_error_text(error))
            self.error.show()
            self.password.setFocus()
            return
        self.hide()
        self.unlocked.emit()

    # -- language -------------------------------------------------------------------------
    def retranslate(self) -> None:
        current = self.services.profiles.current
        selected = self._selected() if self.profile_combo.count() else current
        self.title.setText(self.tr("Locked"))
        if selected.id == current.id:
            self.hint.setText(self.tr("“%1” is locked. Enter the password to continue.").replace("%1", shown_name(current.name)))
            self.button.setText(self.tr("Unlock"))
        else:
            self.hint.setText(self.tr("Sign in as “%1”.").replace("%1", shown_name(selected.name)))
            self.button.setText(self.tr("Sign in"))
        self.password.setPlaceholderText(self.tr("Password"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
