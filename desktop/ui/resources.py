"""Where the shipped resources (icons, themes, translations) live, in a checkout and in a
PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def translations_dir() -> Path:
    return resource_dir() / "translations"


def icon_path(name: str) -> Path:
    return resource_dir() / "icons" / name


def theme_path(name: str) -> Path:
    return resource_dir() / "themes" / name
