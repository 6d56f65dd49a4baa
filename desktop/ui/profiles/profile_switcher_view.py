"""The profile button at the right end of the menu bar: the current profile's avatar and name; a click opens
the Profile menu."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QToolButton, QWidget

from desktop.ui.profiles.avatar import avatar_icon
from desktop.ui.profiles.names import shown_name
from desktop.ui.profiles.profile_menu import ProfileMenu


class ProfileSwitcherView(QToolButton):
    def __init__(self, services: Any, menu: ProfileMenu, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProfileSwitcher")
        self.services = services
        self.setMenu(menu)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAutoRaise(True)
        self.setIconSize(QSize(18, 18))
        self.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.refresh()

    def refresh(self) -> None:
        profile = self.services.profiles.active
        if profile is None:
            return
        self.setIcon(avatar_icon(profile.prefs.avatar_color, profile.name, 18))
        self.setText(shown_name(profile.name))
        self.retranslate()

    def minimumSizeHint(self) -> QSize:
        # Only the avatar is needed: in a narrow window the name gives way, not the window's width.
        hint = super().minimumSizeHint()
        return QSize(self.iconSize().width() + 12, hint.height())

    def retranslate(self) -> None:
        profile = self.services.profiles.active
        name = shown_name(profile.name) if profile else ""
        if profile is not None:
            self.setText(name)
        self.setToolTip(self.tr("Working as “%1”. Click to switch profiles or lock.").replace("%1", name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
