"""Editing profiles: the list on the left (new, delete), the chosen profile's preferences on
the right, and its password (set, change, remove; an admin resets someone else's)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.profiles.passwords import MIN_LENGTH
from desktop.core.profiles.records import PALETTE, Profile, ProfilePrefs
from desktop.ui.profiles.avatar import avatar_icon
from desktop.ui.profiles.background import run_profile_task
from desktop.ui.profiles.errors_text import profile_error_text
from desktop.ui.profiles.names import shown_name
from desktop.ui.qt_bridge import QtBridge


class ProfileEditorDialog(QDialog):
    profiles_changed = Signal()
    saved = Signal()
    password_changed = Signal()

    def __init__(self, services: Any, bridge: QtBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProfileEditorDialog")
        self.services, self.bridge = services, bridge
        self.profiles = services.profiles
        self._color = PALETTE[0]
        self.list = QListWidget(self)
        self.list.setObjectName("profiles")
        self.list.setIconSize(QSize(24, 24))
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_profile)
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self.delete_profile)
        self._build_form()
        self._build_password()
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addWidget(self.prefs_box)
        right.addWidget(self.password_box)
        right.addWidget(self.error)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 640)
        self.retranslate()
        self.reload()

    # -- building ------------------------------------------------------------------------------
    def _build_form(self) -> None:
        self.prefs_box = QGroupBox(self)
        form = self.form = QFormLayout(self.prefs_box)
        self.name_edit = QLineEdit(self.prefs_box)
        self.name_edit.setObjectName("name")
        self.color_button = QPushButton(self.prefs_box)
        self.color_button.setObjectName("color")
        self.color_button.clicked.connect(self._pick_color)
        self.language_combo = QComboBox(self.prefs_box)
        self.theme_combo = QComboBox(self.prefs_box)
        self.provider_combo = QComboBox(self.prefs_box)
        self.model_edit = QLineEdit(self.prefs_box)
        self.size_edit = QLineEdit(self.prefs_box)
        self.project_combo = QComboBox(self.prefs_box)
        self.budget_spin = QDoubleSpinBox(self.prefs_box)
        self.budget_spin.setObjectName("budget")
        self.budget_spin.setRange(0, 1_000_000)
        self.budget_spin.setDecimals(2)
        self.budget_spin.setSingleStep(10)
        self.idle_spin = QSpinBox(self.prefs_box)
        self.idle_spin.setObjectName("idle")
        self.idle_spin.setRange(0, 24 * 60)
        self.admin_check = QCheckBox(self.prefs_box)
        self.labels = [QLabel(self.prefs_box) for _ in range(10)]
        widgets = (self.name_edit, self.color_button, self.language_combo, self.theme_combo, self.provider_combo,
                   self.model_edit, self.size_edit, self.project_combo, self.budget_spin, self.idle_spin)
        for label, widget in zip(self.labels, widgets, strict=True):
            form.addRow(label, widget)
        form.addRow("", self.admin_check)

    def _build_password(self) -> None:
        self.password_box = QGroupBox(self)
        self.password_state = QLabel(self.password_box)
        self.password_state.setWordWrap(True)
        self.current_password = QLineEdit(self.password_box)
        self.current_password.setObjectName("current-password")
        self.new_password = QLineEdit(self.password_box)
        self.new_password.setObjectName("new-password")
        self.confirm_password = QLineEdit(self.password_box)
        self.confirm_password.setObjectName("confirm-password")
        for edit in (self.current_password, self.new_password, self.confirm_password):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.set_password_button = QPushButton(self.password_box)
        self.set_password_button.setObjectName("set-password")
        self.set_password_button.clicked.connect(self.set_password)
        self.remove_password_button = QPushButton(self.password_box)
        self.remove_password_button.setObjectName("remove-password")
        self.remove_password_button.clicked.connect(self.remove_password)
        self.reset_password_button = QPushButton(self.password_box)
        self.reset_password_button.setObjectName("reset-password")
        self.reset_password_button.clicked.connect(self.reset_password)
        self.password_note = QLabel(self.password_box)
        self.password_note.setWordWrap(True)
        self.password_note.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self.password_box)
        layout.addWidget(self.password_state)
        layout.addWidget(self.current_password)
        layout.addWidget(self.new_password)
        layout.addWidget(self.confirm_password)
        row = QHBoxLayout()
        row.addWidget(self.set_password_button)
        row.addWidget(self.remove_password_button)
        row.addWidget(self.reset_password_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.password_note)

    def _fill_choices(self) -> None:
        def refill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
            data = combo.currentData()
            combo.clear()
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(data)))

        app = self.tr("Same as the app setting")
        refill(self.language_combo, [(app, ""), ("English", "en"), ("繁體中文", "zh_TW")])
        refill(self.theme_combo, [(app, ""), (self.tr("System"), "system"), (self.tr("Light"), "light"),
                                  (self.tr("Dark"), "dark")])
        providers = [(app, "")]
        for name in self.services.providers.names():
            providers.append((self.services.providers.get(name).display_name, name))
        refill(self.provider_combo, providers)
        projects: list[tuple[str, Any]] = [(self.tr("None"), None)]
        workflow = getattr(self.services, "workflow", None)
        if workflow is not None:
            projects += [(p.name, p.id) for p in workflow.projects.projects()]
        refill(self.project_combo, projects)

    # -- showing ------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        selected = select or (self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem()
                              else self.profiles.current.name)
        self.list.blockSignals(True)
        self.list.clear()
        for profile in self.profiles.list():
            item = QListWidgetItem(avatar_icon(profile.prefs.avatar_color, profile.name, 24), shown_name(profile.name))
            item.setData(Qt.ItemDataRole.UserRole, profile.name)
            self.list.addItem(item)
            if profile.name == selected:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self._show_selected()

    def selected(self) -> Profile | None:
        item = self.list.currentItem()
        if item is None:
            return None
        name = item.data(Qt.ItemDataRole.UserRole)
        return next((p for p in self.profiles.list() if p.name == name), None)

    def _show_selected(self) -> None:
        profile = self.selected()
        self.error.hide()
        if profile is None:
            return
        prefs = profile.prefs
        self.name_edit.setText(profile.name)
        self._set_color(prefs.avatar_color)
        for combo, value in ((self.language_combo, prefs.language), (self.theme_combo, prefs.theme),
                             (self.provider_combo, prefs.default_provider),
                             (self.project_combo, prefs.default_project_id)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.model_edit.setText(prefs.default_model)
        self.size_edit.setText(prefs.default_size)
        self.budget_spin.setValue(prefs.monthly_budget_usd or 0.0)
        self.idle_spin.setValue(prefs.idle_lock_minutes)
        self.admin_check.setChecked(profile.is_admin)
        self._show_password_state(profile)

    def _show_password_state(self, profile: Profile) -> None:
        me = self.profiles.current
        is_me = profile.id == me.id
        for edit in (self.current_password, self.new_password, self.confirm_password):
            edit.clear()
        self.current_password.setVisible(profile.has_password)
        self.remove_password_button.setVisible(profile.has_password)
        self.reset_password_button.setVisible(profile.has_password and not is_me and me.is_admin)
        self.delete_button.setEnabled(not is_me)
        self.idle_spin.setEnabled(profile.has_password)
        self.retranslate()

    def _set_color(self, color: str) -> None:
        self._color = color
        self.color_button.setIcon(avatar_icon(color, self.name_edit.text() or "?", 20))
        self.color_button.setText(color.upper())

    def _pick_color(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._color), self, self.tr("Avatar colour"))
        if chosen.isValid():
            self._set_color(chosen.name())

    # -- saving ------------------------------------------------------------------------------
    def prefs(self) -> ProfilePrefs:
        budget = self.budget_spin.value()
        return ProfilePrefs(
            avatar_color=self._color, language=str(self.language_combo.currentData() or ""),
            theme=str(self.theme_combo.currentData() or ""),
            default_provider=str(self.provider_combo.currentData() or ""),
            default_model=self.model_edit.text().strip(), default_size=self.size_edit.text().strip().lower(),
            default_project_id=self.project_combo.currentData(),
            monthly_budget_usd=budget if budget > 0 else None, idle_lock_minutes=self.idle_spin.value())

    def _run(self, work: Any, where: str, select: str | None = None, signal: Signal | None = None) -> None:
        self.buttons.setEnabled(False)

        def done(error: BaseException | None) -> None:
            self.buttons.setEnabled(True)
            if error is not None:
                self.error.setText(profile_error_text(error))
                self.error.show()
                return
            self.reload(select)
            self.profiles_changed.emit()
            if signal is not None:
                signal.emit()

        run_profile_task(self.services, self.bridge, work, where, done, owner=self)

    def save(self) -> None:
        profile = self.selected()
        if profile is None:
            return
        prefs, new_name, admin = self.prefs(), self.name_edit.text().strip(), self.admin_check.isChecked()
        profiles = self.profiles

        def work() -> None:
            if new_name and new_name != profile.name:
                profiles.rename(profile.name, new_name)
            name = new_name or profile.name
            profiles.update(name, prefs)
            if admin != profile.is_admin:
                profiles.set_admin(name, admin)

        self._run(work, self.tr("Saving the profile"), select=new_name or profile.name, signal=self.saved)

    def new_profile(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New profile"), self.tr("Name of the new profile:"))
        if ok and name.strip():
            self._run(lambda: self.profiles.create(name), self.tr("Creating the profile"),
                      select=" ".join(name.split()))

    def delete_profile(self) -> None:
        profile = self.selected()
        if profile is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete profile"),
            self.tr("Delete the profile “%1”? Its batches and images stay in the library.").replace("%1", profile.name))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: self.profiles.delete(profile.name), self.tr("Deleting the profile"))

    def _new_password_or_error(self) -> str | None:
        new, again = self.new_password.text(), self.confirm_password.text()
        if len(new) < MIN_LENGTH:
            self._fail(self.tr("A password needs at least %1 characters.").replace("%1", str(MIN_LENGTH)))
            return None
        if new != again:
            self._fail(self.tr("The two passwords differ."))
            return None
        return new

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def set_password(self) -> None:
        profile = self.selected()
        new = self._new_password_or_error()
        if profile is None or new is None:
            return
        old = self.current_password.text() if profile.has_password else None
        self._run(lambda: self.profiles.set_password(profile.name, new, old), self.tr("Saving the password"),
                  select=profile.name, signal=self.password_changed)

    def remove_password(self) -> None:
        profile = self.selected()
        if profile is None:
            return
        old = self.current_password.text()
        self._run(lambda: self.profiles.set_password(profile.name, None, old), self.tr("Removing the password"),
                  select=profile.name, signal=self.password_changed)

    def reset_password(self) -> None:
        profile = self.selected()
        new = self._new_password_or_error()
        if profile is None or new is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Reset password"),
            self.tr("Reset the password of “%1”? The keys saved in that profile are deleted with the old "
                    "password and must be entered again.").replace("%1", profile.name))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: self.profiles.reset_password(profile.name, new), self.tr("Resetting the password"),
                      select=profile.name, signal=self.password_changed)

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Profiles"))
        self.new_button.setText(self.tr("New…"))
        self.delete_button.setText(self.tr("Delete"))
        self.prefs_box.setTitle(self.tr("Preferences"))
        texts = (self.tr("Name"), self.tr("Avatar colour"), self.tr("Language"), self.tr("Theme"),
                 self.tr("Default provider"), self.tr("Default model"), self.tr("Default size"),
                 self.tr("Default project"), self.tr("Monthly budget alert"), self.tr("Lock after idle"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.model_edit.setPlaceholderText(self.tr("The provider's default"))
        self.size_edit.setPlaceholderText(self.tr("e.g. %1").replace("%1", "1024x1024"))
        self.budget_spin.setPrefix("US$ ")
        self.budget_spin.setSpecialValueText(self.tr("Off"))
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setSpecialValueText(self.tr("Never"))
        self.idle_spin.setToolTip(self.tr("Only a profile with a password can lock"))
        self.admin_check.setText(self.tr("Admin (may reset other profiles' passwords)"))
        self.password_box.setTitle(self.tr("Password"))
        self.current_password.setPlaceholderText(self.tr("Current password"))
        self.new_password.setPlaceholderText(self.tr("New password"))
        self.confirm_password.setPlaceholderText(self.tr("New password again"))
        profile = self.selected()
        has = profile is not None and profile.has_password
        self.password_state.setText(self.tr("Protected by a password. Its keys are encrypted with it.") if has
                                    else self.tr("No password: anyone at this computer can use this profile."))
        self.set_password_button.setText(self.tr("Change Password") if has else self.tr("Set Password"))
        self.remove_password_button.setText(self.tr("Remove Password"))
        self.reset_password_button.setText(self.tr("Reset Password"))
        self.password_note.setText(self.tr(
            "Forgot a password? An admin profile can reset it here; without an admin, run "
            "“main.py profile reset-password NAME”. A reset deletes the keys saved in that profile."))
        self._fill_choices()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "password_note"):
            self.retranslate()
        super().changeEvent(event)
