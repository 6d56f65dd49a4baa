"""Language and theme together, as the Settings dialog changes them at run time."""

from __future__ import annotations

from desktop.core.config import AppConfig
from desktop.ui.i18n import Translations
from desktop.ui.theme import ThemeManager


class Appearance:
    def __init__(self, translations: Translations, theme: ThemeManager) -> None:
        self.translations = translations
        self.theme = theme
        self._language: str | None = None
        self._theme: str | None = None

    def apply(self, config: AppConfig) -> None:
        """Switch what changed since the last call (switching languages retranslates every
        widget, so it is not done needlessly)."""
        if config.language != self._language:
            self._language = config.language
            self.translations.apply(config.language)
        if config.theme != self._theme:
            self._theme = config.theme
            self.theme.apply(config.theme)
