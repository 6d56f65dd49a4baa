"""Loading and switching translations at run time.

Every tab ships its own `resources/translations/<area>_<lang>.qm`; all files for the chosen
language are installed, plus Qt's own (`qtbase_<lang>.qm`) for standard buttons and
dialogs. Installing translators makes Qt send `LanguageChange` to every widget, and each
widget re-reads its strings in `changeEvent`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from desktop.ui.resources import translations_dir

log = logging.getLogger(__name__)

# Language names are shown in their own language, so they are never translated.
LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("zh_TW", "繁體中文"))
SOURCE_LANGUAGE = "en"


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the setting, or for "" the system's when we ship it."""
    if setting in dict(LANGUAGES):
        return setting
    locale = system or QLocale.system()
    if locale.language() == QLocale.Language.Chinese and (
        locale.script() == QLocale.Script.TraditionalHanScript
        or locale.territory() in (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macau)
    ):
        return "zh_TW"
    return SOURCE_LANGUAGE


def locale_for(language: str) -> QLocale:
    if language == "zh_TW":
        return QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalHanScript, QLocale.Country.Taiwan)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


class Translations:
    """The translators installed on the application for one language at a time."""

    def __init__(self, app: QCoreApplication, directory: Path | None = None) -> None:
        self.app = app
        self.directory = directory or translations_dir()
        self.language = SOURCE_LANGUAGE
        self._installed: list[QTranslator] = []
        self.loaded: list[str] = []  # file names, for the smoke test and the About box

    def files_for(self, language: str) -> list[Path]:
        return sorted(self.directory.glob(f"*_{language}.qm"))

    def apply(self, setting: str) -> str:
        """Switch to the language `setting` names ("" follows the system); returns it."""
        language = resolve_language(setting)
        QLocale.setDefault(locale_for(language))  # before the LanguageChange events go out
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        self.loaded.clear()
        self.language = language
        if language != SOURCE_LANGUAGE:
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            self._load(Path(qt_dir) / f"qtbase_{language}.qm", required=False)
        # English has files too: they hold only the plural forms ("1 job", "2 jobs").
        for path in self.files_for(language):
            self._load(path, required=True)
        # Qt posts LanguageChange to each widget; deliver them now so that the whole window
        # reads in the new language when this returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return language

    def _load(self, path: Path, required: bool) -> None:
        translator = QTranslator(self.app)
        if translator.load(str(path)):
            self.app.installTranslator(translator)
            self._installed.append(translator)
            self.loaded.append(path.name)
        elif required:
            log.warning("cannot load translation %s", path)

