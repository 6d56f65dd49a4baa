"""The welcome's four pages: hello (and the language), local servers, a cloud key, the
library folder. Each page re-reads its strings on a language change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.ui.i18n import LANGUAGES
from desktop.ui.welcome.choices import LocalChoice
from desktop.ui.welcome.discovery_runner import DiscoveryRunner


class _Page(QWizardPage):
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and getattr(self, "_built", False):
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError


def _note(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class IntroPage(_Page):
    """Hello, what the next pages do, and the language (switches the welcome at once)."""

    language_chosen = Signal(str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome-intro")
        self.text = _note(self)
        self.language_label = QLabel(self)
        self.language = QComboBox(self)
        self.language.setObjectName("welcome-language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        index = self.language.findData(language)
        self.language.setCurrentIndex(max(index, 0))
        self.language.currentIndexChanged.connect(lambda _i: self.language_chosen.emit(self.language.currentData()))
        row = QHBoxLayout()
        row.addWidget(self.language_label)
        row.addWidget(self.language)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch(1)
        self._built = True
        self.retranslate()

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Batch Image Generator"))
        self.setSubTitle(self.tr("Three short steps, and every one can be changed later in Settings."))
        self.text.setText(self.tr(
            "Batch Image Generator turns prompt files into many images at once, from image servers "
            "on this computer or from cloud providers, and keeps every image in a local library.\n\n"
            "Next, it looks for image servers running on this computer, lets you add a key for a "
            "cloud provider and asks where the library should live. Press Skip to start with the "
            "defaults."))
        self.language_label.setText(self.tr("Language:"))


class ServersPage(_Page):
    """Looks for Ollama, AUTOMATIC1111/Forge and ComfyUI as soon as it is shown; a found
    server is ticked to be used."""

    servers_shown = Signal()

    def __init__(self, runner: DiscoveryRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome-servers")
        self.runner = runner
        self.servers: list[Any] = []
        self.checks: dict[str, QCheckBox] = {}
        self.status = _note(self)
        self.status.setObjectName("welcome-servers-status")
        self.rows = QVBoxLayout()
        self.again = QPushButton(self)
        self.again.setObjectName("welcome-look-again")
        self.again.clicked.connect(self.look)
        self.hint = _note(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(self.rows)
        layout.addWidget(self.again, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(self.hint)
        runner.finished.connect(self._show)
        runner.failed.connect(self._failed)
        self._error = ""
        self._built = True
        self.retranslate()

    def initializePage(self) -> None:
        if not self.servers and not self.runner.running:
            self.look()

    def look(self) -> None:
        self._error = ""
        self.again.setEnabled(False)
        self.runner.start()
        self.retranslate()

    def _show(self, servers: list[Any]) -> None:
        self.servers = servers
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.checks.clear()
        for server in servers:
            self.rows.addWidget(self._row(server))
        self.again.setEnabled(True)
        self.retranslate()
        self.servers_shown.emit()

    def _failed(self, error: str) -> None:
        self._error = error
        self.again.setEnabled(True)
        self.retranslate()

    def _row(self, server: Any) -> QWidget:
        row = QWidget(self)
        row.setObjectName(f"server-{server.provider}")
        icon = QLabel(row)
        pixmap = (QStyle.StandardPixmap.SP_DialogApplyButton if server.found
                  else QStyle.StandardPixmap.SP_DialogCancelButton)
        icon.setPixmap(self.style().standardIcon(pixmap).pixmap(20, 20))
        check = QCheckBox(row)
        check.setObjectName(f"use-{server.provider}")
        check.setChecked(server.found)
        check.setEnabled(server.found)
        self.checks[server.provider] = check
        detail = QLabel(row)
        detail.setObjectName(f"detail-{server.provider}")
        detail.setWordWrap(True)
        detail.setEnabled(server.found)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 4, 0, 4)
        line.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.addWidget(check)
        texts.addWidget(detail)
        line.addLayout(texts, 1)
        return row

    def _server_text(self, server: Any) -> tuple[str, str]:
        if not server.found:
            return (self.tr("%1: not found").replace("%1", server.display_name),
                    self.tr("Nothing answers at %1.").replace("%1", server.url))
        title = self.tr("Use %1 at %2").replace("%1", server.display_name).replace("%2", server.url)
        if server.provider == "ollama" and not server.can_generate:
            return title, self.tr("Found, but it has no image model: it can still write and improve "
                                  "prompts. (%1)").replace("%1", server.message)
        models = ", ".join(server.models[:3]) + ("…" if len(server.models) > 3 else "")
        if models:
            return title, self.tr("Found, with %1 model(s): %2").replace("%1", str(len(server.models))).replace("%2", models)
        return title, self.tr("Found.")

    def chosen(self) -> list[LocalChoice]:
        return [LocalChoice(s.provider, s.url, s.can_generate) for s in self.servers
                if s.found and self.checks.get(s.provider) is not None and self.checks[s.provider].isChecked()]

    def retranslate(self) -> None:
        self.setTitle(self.tr("Image servers on this computer"))
        self.setSubTitle(self.tr("Ollama, AUTOMATIC1111 / Forge and ComfyUI are found automatically."))
        if self.runner.running:
            status = self.tr("Looking for image servers on this computer…")
        elif self._error:
            status = self.tr("Looking for servers failed: %1").replace("%1", self._error)
        elif not self.servers:
            status = ""
        elif any(s.found for s in self.servers):
            found = sum(1 for s in self.servers if s.found)
            status = self.tr("Found %1 of %2. Ticked servers are added to your providers.").replace(
                "%1", str(found)).replace("%2", str(len(self.servers)))
        else:
            status = self.tr("No image server is running on this computer right now. That is fine: "
                             "you can use a cloud provider, or start one and add it in Settings.")
        self.status.setText(status)
        for server in self.servers:
            check = self.checks.get(server.provider)
            detail = self.findChild(QLabel, f"detail-{server.provider}")
            if check is not None and detail is not None:
                title, text = self._server_text(server)
                check.setText(title)
                detail.setText(text)
        self.again.setText(self.tr("Look again"))
        self.hint.setText(self.tr("Servers are looked for at their usual addresses (or OLLAMA_HOST, "
                                  "SDWEBUI_BASE_URL and COMFYUI_BASE_URL when set)."))


class CloudKeyPage(_Page):
    """An optional key for one cloud provider; it goes to the system's keychain (or the
    encrypted file), never into the library or the settings file."""

    def __init__(self, providers: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome-cloud")
        self.text = _note(self)
        self.provider = QComboBox(self)
        self.provider.setObjectName("welcome-provider")
        for item in providers:
            self.provider.addItem(item.display_name, item.name)
        self.key = QLineEdit(self)
        self.key.setObjectName("welcome-key")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setClearButtonEnabled(True)
        self.show_key = QCheckBox(self)
        self.show_key.toggled.connect(lambda on: self.key.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        self.env_note = _note(self)
        self.provider.currentIndexChanged.connect(lambda _i: self.retranslate())
        self._providers = {p.name: p for p in providers}
        self.form = QFormLayout()
        self.provider_label, self.key_label = QLabel(self), QLabel(self)
        self.form.addRow(self.provider_label, self.provider)
        self.form.addRow(self.key_label, self.key)
        self.form.addRow("", self.show_key)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(self.form)
        layout.addWidget(self.env_note)
        layout.addStretch(1)
        self._built = True
        self.retranslate()

    def chosen(self) -> tuple[str, str]:
        key = self.key.text().strip()
        return (str(self.provider.currentData()), key) if key else ("", "")

    def retranslate(self) -> None:
        self.setTitle(self.tr("A cloud provider (optional)"))
        self.setSubTitle(self.tr("Add the API key of one provider now, or later in Settings."))
        self.text.setText(self.tr("The key is kept in the system's keychain (or an encrypted file when "
                                  "there is none), never in the library or the settings file."))
        self.provider_label.setText(self.tr("Provider:"))
        self.key_label.setText(self.tr("API key:"))
        self.key.setPlaceholderText(self.tr("Paste the key here, or leave empty"))
        self.show_key.setText(self.tr("Show the key"))
        item = self._providers.get(str(self.provider.currentData()))
        names = " / ".join(item.key_env) if item is not None else ""
        self.env_note.setText(self.tr("A key in the environment (%1) is used too, without saving it.")
                              .replace("%1", names) if names else "")


class LibraryPage(_Page):
    """Where the library folder lives; it is created when the window opens."""

    def __init__(self, default: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome-library")
        self.text = _note(self)
        self.path = QLineEdit(str(default), self)
        self.path.setObjectName("welcome-library-path")
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.note = _note(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._built = True
        self.retranslate()

    def chosen(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the library folder"), self.path.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.path.setText)
        dialog.open()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The library"))
        self.setSubTitle(self.tr("One folder holds the images, their thumbnails, the database and its backups."))
        self.text.setText(self.tr("Folder:"))
        self.browse.setText(self.tr("Browse…"))
        self.note.setText(self.tr("A folder that already holds a library is opened as it is. Choose a "
                                  "disk with room for many images; a synced cloud folder is not "
                                  "needed, the app syncs to buckets itself."))
