"""How a profile's name is shown: the profile the library seeds is named "Default" in the
store (so `--profile Default` works in every language) and shown in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

SEEDED_NAME = "Default"  # desktop.core.profiles.service.DEFAULT_NAME (the UI may not import the store side)


def shown_name(name: str) -> str:
    if name == SEEDED_NAME:
        return QCoreApplication.translate("ProfileNames", "Default")
    return name
