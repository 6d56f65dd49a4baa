"""The Profile menu, shown in the menu bar and from the status bar's profile button: every
profile (the current one checked), Lock now, Edit profiles… and Audit log…."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop.ui.profiles.avatar import avatar_icon
from desktop.ui.profiles.names import shown_name


class ProfileMenu(QMenu):
    switch_requested = Signal(str)  # a profile's name
    lock_requested = Signal()
    edit_requested = Signal()
    audit_requested = Signal()

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProfileMenu")
        self.services = services
        self.group = QActionGroup(self)
        self.profile_actions: dict[str, QAction] = {}
        self.lock_action = QAction(self)
        self.lock_action.setObjectName("action-lock")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(lambda _checked=False: self.lock_requested.emit())
        self.edit_action = QAction(self)
        self.edit_action.setObjectName("action-edit-profiles")
        self.edit_action.triggered.connect(lambda _checked=False: self.edit_requested.emit())
        self.audit_action = QAction(self)
        self.audit_action.setObjectName("action-audit-log")
        self.audit_action.triggered.connect(lambda _checked=False: self.audit_requested.emit())
        self.aboutToShow.connect(self.refresh)
        self.refresh()
        self.retranslate()

    def refresh(self) -> None:
        """Re-read the profiles (a short read); called each time the menu opens."""
        for action in self.actions():  # not clear(): it would delete Lock, Edit and Audit too
            self.removeAction(action)
        for action in self.group.actions():
            self.group.removeAction(action)
            action.deleteLater()
        self.profile_actions.clear()
        current = self.services.profiles.active
        for profile in self.services.profiles.list():
            action = QAction(avatar_icon(profile.prefs.avatar_color, profile.name, 20), shown_name(profile.name), self)
            action.setCheckable(True)
            action.setChecked(current is not None and profile.id == current.id)
            action.triggered.connect(lambda _checked=False, name=profile.name: self.switch_requested.emit(name))
            self.group.addAction(action)
            self.addAction(action)
            self.profile_actions[profile.name] = action
        self.addSeparator()
        self.lock_action.setEnabled(bool(current and current.has_password))
        self.addAction(self.lock_action)
        self.addAction(self.edit_action)
        self.addSeparator()
        self.addAction(self.audit_action)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Profile"))
        self.lock_action.setText(self.tr("Lock Now"))
        self.lock_action.setToolTip(self.tr("Lock the window until the profile's password is entered"))
        self.edit_action.setText(self.tr("Edit Profiles…"))
        self.audit_action.setText(self.tr("Audit Log…"))
        for name, action in self.profile_actions.items():
            action.setText(shown_name(name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
