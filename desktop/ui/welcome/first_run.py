"""Running the welcome before the window: when no settings file exists yet, show it (modal,
on Qt's own loop: the window's asyncio loop starts later), save what it chose, and return
the choices so the composition root can store the key once the services exist."""

from __future__ import annotations

import logging
import os
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent

from desktop.core.config import ConfigError, ConfigStore
from desktop.core.discovery import cloud_providers, discover_local_servers_blocking
from desktop.ui.welcome.choices import WelcomeChoices

log = logging.getLogger(__name__)


def is_first_run(config_store: ConfigStore) -> bool:
    return not config_store.path.exists()


def run_welcome(config_store: ConfigStore, translations: Any) -> WelcomeChoices:
    """Show the welcome and save its choices (skipping saves the defaults, so it is not
    shown again). `translations` is the app's `i18n.Translations`."""
    from desktop.ui.welcome.welcome_wizard import WelcomeWizard

    config = config_store.load()
    translations.apply(config.language)
    wizard = WelcomeWizard(
        discover=lambda: discover_local_servers_blocking(dict(os.environ)),
        cloud_providers=cloud_providers(), library=config.library_dir(),
        language=translations.language, set_language=translations.apply)
    wizard.exec()
    choices = wizard.choices or WelcomeChoices(skipped=True)
    wizard.deleteLater()  # gone before the window is built
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    choices.apply_to(config)
    try:
        config_store.save(config)
    except ConfigError:  # the window still opens; the welcome comes back next time
        log.exception("could not save the welcome's choices")
    return choices
