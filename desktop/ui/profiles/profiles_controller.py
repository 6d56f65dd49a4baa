"""Profiles in the main window, added with one call (`ProfilesController(window)`): the
Profile menu before Help, the profile button in the menu bar's corner, switching without a
restart (language and theme follow the profile), lock now, lock after idle, the lock
screen, the profile editor and the audit log viewer. Sign-in and sign-out of the window
session are recorded in the audit log."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QWidget

from desktop.core.profiles import events as pev
from desktop.ui import formatting as fmt
from desktop.ui.profiles.background import run_profile_task
from desktop.ui.profiles.idle_watcher import IdleWatcher
from desktop.ui.profiles.lock_screen_view import LockScreenView
from desktop.ui.profiles.password_dialog import PasswordDialog
from desktop.ui.profiles.profile_menu import ProfileMenu
from desktop.ui.profiles.profile_switcher_view import ProfileSwitcherView

VIA = "window"


class ProfilesController(QObject):
    profile_changed = Signal(object)  # the current Profile after a switch or an edit
    dialog_opened = Signal(object)  # the editor, audit viewer or password dialog (tests)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.services, self.bridge = window.services, window.bridge
        self.menu = ProfileMenu(self.services, window)
        self.menu.switch_requested.connect(self.switch_to)
        self.menu.lock_requested.connect(self.lock_now)
        self.menu.edit_requested.connect(self.open_editor)
        self.menu.audit_requested.connect(self.open_audit_log)
        help_menu = getattr(window, "help_menu", None)
        bar = window.menuBar()
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            bar.addMenu(self.menu)
        # In the menu bar's right corner (where people look for "who am I"); the status bar
        # is already as wide as a small screen allows.
        self.corner = QWidget(bar)
        self.switcher = ProfileSwitcherView(self.services, self.menu, self.corner)
        corner_layout = QHBoxLayout(self.corner)
        corner_layout.setContentsMargins(0, 0, 8, 0)
        corner_layout.addWidget(self.switcher)
        bar.setCornerWidget(self.corner, Qt.Corner.TopRightCorner)
        self.lock_screen = LockScreenView(self.services, self.bridge, window)
        self.lock_screen.unlocked.connect(self._after_unlock)
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock_now)
        self.bridge.event_arrived.connect(self._event)
        window.closed.connect(self._window_closed)
        self._start()

    # -- session ------------------------------------------------------------------------------
    def _start(self) -> None:
        profiles = self.services.profiles
        if profiles.locked:
            self.lock_screen.show_locked()
        else:
            profiles.sign_in_session(VIA)
        self._follow_profile()

    def _window_closed(self) -> None:
        self.idle.close()
        self.services.profiles.sign_out_session(VIA)

    def _follow_profile(self) -> None:
        profile = self.services.profiles.active
        self.switcher.refresh()
        if profile is not None and not self.services.profiles.locked:
            self.idle.set_minutes(profile.prefs.idle_lock_minutes if profile.has_password else 0)
        else:
            self.idle.stop()

    def _event(self, event: object) -> None:
        if isinstance(event, pev.ProfileDidSwitch):
            appearance = getattr(self.window, "appearance", None)
            if appearance is not None:
                appearance.apply(self.services.config)  # the profile's language and theme
            if event.locked:
                self.lock_screen.show_locked()
            self._follow_profile()
            self.profile_changed.emit(self.services.profiles.active)
        elif isinstance(event, pev.ProfileDidLock):
            self.lock_screen.show_locked()
            self._follow_profile()
        elif isinstance(event, pev.ProfileDidUnlock):
            self.lock_screen.hide()
            self._follow_profile()
        elif isinstance(event, pev.ProfileBudgetDidExceed):
            spent, budget = fmt.money(event.spent_usd), fmt.money(event.budget_usd)
            self.window.banner.show_message(lambda: self.tr(
                "“%1” has spent %2 this month, over the monthly budget of %3.").replace(
                "%1", event.name).replace("%2", spent).replace("%3", budget), "warning")
        elif isinstance(event, pev.ProfilesDidChange):
            appearance = getattr(self.window, "appearance", None)
            if appearance is not None:
                appearance.apply(self.services.config)
            self._follow_profile()
            self.profile_changed.emit(self.services.profiles.active)

    def _after_unlock(self) -> None:
        self._follow_profile()

    # -- actions ------------------------------------------------------------------------------
    def switch_to(self, name: str) -> None:
        profiles = self.services.profiles
        current = profiles.active
        if current is not None and current.name == name:
            return
        target = next((p for p in profiles.list() if p.name == name), None)
        if target is None:
            return
        if target.has_password:
            dialog = PasswordDialog(self.services, self.bridge, target,
                                    lambda password: profiles.switch(name, password), self.window)
            dialog.setModal(True)
            self.dialog_opened.emit(dialog)
            dialog.open()
            return
        run_profile_task(self.services, self.bridge, lambda: profiles.switch(name),
                         self.tr("Switching profiles"), self._switched, owner=self.window)

    def _switched(self, error: BaseException | None) -> None:
        if error is not None:
            from desktop.ui.profiles.errors_text import profile_error_text

            self.window.banner.show_message(lambda: profile_error_text(error), "error")
        self.menu.refresh()

    def lock_now(self) -> None:
        profiles = self.services.profiles
        if profiles.active is not None and profiles.active.has_password and not profiles.locked:
            profiles.lock()  # the lock screen appears on ProfileDidLock

    def open_editor(self) -> QDialog:
        from desktop.ui.profiles.profile_editor_dialog import ProfileEditorDialog

        dialog = ProfileEditorDialog(self.services, self.bridge, self.window)
        self.dialog_opened.emit(dialog)
        dialog.open()
        return dialog

    def open_audit_log(self) -> QDialog:
        from desktop.ui.audit.audit_log_dialog import AuditLogDialog

        dialog = AuditLogDialog(self.services, self.bridge, self.window)
        self.dialog_opened.emit(dialog)
        dialog.open()
        return dialog
