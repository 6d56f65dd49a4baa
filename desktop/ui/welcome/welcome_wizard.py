"""The first-run welcome as a QWizard: intro (language), local servers, a cloud key, the
library. "Skip" on any page ends it with the defaults; Finish collects `WelcomeChoices`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QWidget, QWizard

from desktop.ui.resources import icon_path
from desktop.ui.welcome.choices import WelcomeChoices
from desktop.ui.welcome.discovery_runner import DiscoveryRunner
from desktop.ui.welcome.pages import CloudKeyPage, IntroPage, LibraryPage, ServersPage


class WelcomeWizard(QWizard):
    """`discover` is the (blocking) local-server discovery, run on a worker thread;
    `set_language(code)` switches the app's translations (the welcome follows at once)."""

    language_changed = Signal(str)

    def __init__(self, discover: Callable[[], list[Any]], cloud_providers: list[Any], library: Path,
                 language: str = "", set_language: Callable[[str], Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WelcomeWizard")
        self.set_language = set_language
        self.choices: WelcomeChoices | None = None
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonLayout([QWizard.WizardButton.CustomButton1, QWizard.WizardButton.Stretch,
                              QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                              QWizard.WizardButton.FinishButton])
        self.customButtonClicked.connect(lambda _which: self.skip())
        logo = icon_path("app-64.png")
        if logo.exists():
            self.setWindowIcon(QIcon(str(icon_path("app.svg"))))
            self.setPixmap(QWizard.WizardPixmap.LogoPixmap, QPixmap(str(logo)))
        self.runner = DiscoveryRunner(discover, self)
        self.intro = IntroPage(language, self)
        self.intro.language_chosen.connect(self._language_chosen)
        self.servers = ServersPage(self.runner, self)
        self.cloud = CloudKeyPage(cloud_providers, self)
        self.library = LibraryPage(library, self)
        for page in (self.intro, self.servers, self.cloud, self.library):
            self.addPage(page)
        self.resize(700, 520)
        self.retranslate()

    def _language_chosen(self, language: str) -> None:
        if self.set_language is not None:
            self.set_language(language)
        self.language_changed.emit(language)

    def skip(self) -> None:
        self.choices = WelcomeChoices(skipped=True)
        self.done(QWizard.DialogCode.Rejected)

    def accept(self) -> None:
        provider, key = self.cloud.chosen()
        self.choices = WelcomeChoices(
            language=self.intro.chosen_language(), library=self.library.chosen(),
            local=self.servers.chosen(), cloud_provider=provider, cloud_key=key)
        super().accept()

    def reject(self) -> None:  # Escape or the title bar's close: the same as Skip
        if self.choices is None:
            self.choices = WelcomeChoices(skipped=True)
        super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome"))
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Skip"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "library"):
            self.retranslate()
        super().changeEvent(event)
