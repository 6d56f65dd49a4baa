"""The Settings dialog: General (library folder, language, theme, default provider) and
Providers (one form each). OK stores keys through the secrets service, saves the settings
file, rebuilds providers, retunes the queue's lanes and switches language and theme."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.config import ProviderSettings
from desktop.core.provider_settings import (
    ProviderDescription,
    apply_provider_settings,
    describe,
    key_name,
)
from desktop.ui.i18n import LANGUAGES
from desktop.ui.qt_bridge import QtBridge
from desktop.ui.settings.provider_form_view import ProviderFormView
from desktop.ui.sync.sync_page_view import SyncPageView
from desktop.ui.theme import THEMES


class SettingsDialog(QDialog):
    """`applied` is emitted once everything is saved; the window then re-reads what it shows."""

    applied = Signal()
    providers_loaded = Signal()

    def __init__(self, services: Any, bridge: QtBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsDialog")
        self.services, self.bridge = services, bridge
        config = services.config
        self.forms: dict[str, ProviderFormView] = {}
        self.tabs = QTabWidget(self)
        self.general = QWidget(self)
        self._library_shown = str(services.root)  # the library open now (maybe from --library)
        self.library_edit = QLineEdit(self._library_shown, self.general)
        self.library_edit.setObjectName("LibraryEdit")
        self.browse_button = QPushButton(self.general)
        self.browse_button.clicked.connect(self._browse)
        self.library_note = QLabel(self.general)
        self.library_note.setWordWrap(True)
        self.language_combo = QComboBox(self.general)
        self.language_combo.setObjectName("LanguageCombo")
        self.language_combo.addItem("", "")
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(config.language)))
        self.theme_combo = QComboBox(self.general)
        self.theme_combo.setObjectName("ThemeCombo")
        for theme in THEMES:
            self.theme_combo.addItem("", theme)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(config.theme)))
        self.provider_combo = QComboBox(self.general)
        self.provider_combo.setObjectName("DefaultProviderCombo")
        for cls in services.providers.classes():
            self.provider_combo.addItem(cls.display_name, cls.name)
        self.provider_combo.setCurrentIndex(max(0, self.provider_combo.findData(config.default_provider)))
        self.labels = {k: QLabel(self.general) for k in ("library", "language", "theme", "provider")}
        library_row = QHBoxLayout()
        library_row.addWidget(self.library_edit, 1)
        library_row.addWidget(self.browse_button)
        general = QFormLayout(self.general)
        general.addRow(self.labels["library"], library_row)
        general.addRow("", self.library_note)
        general.addRow(self.labels["language"], self.language_combo)
        general.addRow(self.labels["theme"], self.theme_combo)
        general.addRow(self.labels["provider"], self.provider_combo)

        self.providers_page = QWidget(self)
        self.provider_list = QListWidget(self.providers_page)
        self.provider_list.setObjectName("ProviderList")
        self.provider_list.setMaximumWidth(220)
        self.stack = QStackedWidget(self.providers_page)
        self.loading_label = QLabel(self.stack)
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading_label)
        self.provider_list.currentRowChanged.connect(lambda row: self.stack.setCurrentIndex(row + 1))
        providers = QHBoxLayout(self.providers_page)
        providers.addWidget(self.provider_list)
        providers.addWidget(self.stack, 1)
        self.tabs.addTab(self.general, "")
        self.tabs.addTab(self.providers_page, "")
        self.sync_page = SyncPageView(services, bridge, self) if getattr(services, "sync", None) else None
        if self.sync_page is not None:  # its changes apply at once, not on OK
            self.tabs.addTab(self.sync_page, "")

        self.error_label = QLabel(self)
        self.error_label.setObjectName("TestResult")
        self.error_label.setProperty("ok", "false")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(820, 600)
        self._load_providers()

    # -- providers ----------------------------------------------------------------------------
    def _load_providers(self) -> None:
        services = self.services

        async def work() -> list[ProviderDescription]:
            loop = asyncio.get_running_loop()
            return [await loop.run_in_executor(services.executors.io, describe, services, name)
                    for name in services.providers.names()]

        self.bridge.run_task(work(), self.tr("Reading provider settings"), on_done=self._show_providers,
                             owner=self)

    def _show_providers(self, descriptions: list[ProviderDescription]) -> None:
        for info in descriptions:
            form = ProviderFormView(self.services, self.bridge, info,
                                    self.services.config.provider(info.name), self.stack)
            self.forms[info.name] = form
            self.stack.addWidget(form)
            self.provider_list.addItem(info.display_name)
        if descriptions:
            self.provider_list.setCurrentRow(0)
        self.providers_loaded.emit()

    def show_provider(self, name: str) -> None:
        names = list(self.forms)
        if name in names:
            self.tabs.setCurrentWidget(self.providers_page)
            self.provider_list.setCurrentRow(names.index(name))

    # -- saving ----------------------------------------------------------------------------------
    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the library folder"), self.library_edit.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.library_edit.setText)
        dialog.open()

    def save(self) -> None:
        config = self.services.config
        config.language = str(self.language_combo.currentData() or "")
        config.theme = str(self.theme_combo.currentData() or "system")
        config.default_provider = str(self.provider_combo.currentData() or config.default_provider)
        library = self.library_edit.text().strip()
        if library and library != self._library_shown:
            config.library_path = library  # used from the next start
        key_changes: list[tuple[str, str, str | None]] = []
        for name, form in self.forms.items():
            settings = form.settings(config.providers.get(name))
            # Saving a form left as it was would mark a local server nobody set up as set up
            # (a green dot for an A1111 that is not there).
            if name in config.providers or settings != ProviderSettings():
                config.providers[name] = settings
            action, value = form.key_change()
            if action != "keep":
                key_changes.append((action, key_name(name), value))
        self.buttons.setEnabled(False)
        services = self.services

        def write() -> None:
            for action, secret, value in key_changes:
                if action == "set" and value:
                    services.secrets.set(secret, value)
                else:
                    services.secrets.delete(secret)
            profiles = getattr(services, "profiles", None)  # a profile's own preferences stay its own
            services.config_store.save(profiles.config_to_save(config) if profiles is not None else config)

        async def work() -> None:
            await asyncio.get_running_loop().run_in_executor(services.executors.io, write)

        self.bridge.run_task(work(), self.tr("Saving settings"), on_done=self._saved,
                             on_error=self._save_failed)

    def _saved(self, _result: object) -> None:
        apply_provider_settings(self.services)
        self.buttons.setEnabled(True)
        self.applied.emit()
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error_label.setText(self.tr("Settings were not saved: %1").replace("%1", str(exc)))
        self.error_label.show()

    # -- language ------------------------------------------------------------------------------
    def show_page(self, page: str) -> None:
        """Bring a page to the front: "providers" or "sync" (others: the first page)."""
        pages = {"providers": self.providers_page, "sync": self.sync_page}
        widget = pages.get(page)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.tabs.setTabText(0, self.tr("General"))
        self.tabs.setTabText(1, self.tr("Providers"))
        if self.sync_page is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.sync_page), self.sync_page.title())
        self.labels["library"].setText(self.tr("Library folder"))
        self.labels["language"].setText(self.tr("Language"))
        self.labels["theme"].setText(self.tr("Theme"))
        self.labels["provider"].setText(self.tr("Default provider"))
        self.browse_button.setText(self.tr("Browse…"))
        self.library_note.setText(self.tr("Images and the database live here. A new folder is used "
                                          "the next time the app starts."))
        self.language_combo.setItemText(0, self.tr("Follow the system"))
        themes = {"system": self.tr("Follow the system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        for i in range(self.theme_combo.count()):
            self.theme_combo.setItemText(i, themes[self.theme_combo.itemData(i)])
        self.loading_label.setText(self.tr("Reading provider settings…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

