"""Handing library files to the operating system: open in the default application,
reveal in the file manager, copy to the clipboard (the picture and its file URL)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QProcess, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage

UrlOpener = Callable[[QUrl], bool]


def open_files(paths: list[str], opener: UrlOpener = QDesktopServices.openUrl) -> int:
    """Open each file in its default application; returns how many were handed over."""
    return sum(1 for p in paths if opener(QUrl.fromLocalFile(p)))


def reveal(path: str, opener: UrlOpener = QDesktopServices.openUrl) -> bool:
    """Show the file selected in Finder / Explorer; elsewhere open its folder."""
    if sys.platform == "darwin":
        return QProcess.startDetached("open", ["-R", path])[0]
    if sys.platform == "win32":
        return QProcess.startDetached("explorer", ["/select,", str(Path(path))])[0]
    return opener(QUrl.fromLocalFile(str(Path(path).parent)))


def image_mime(image: QImage, path: str) -> QMimeData:
    """The picture itself (for editors and chat apps) and the file (for file managers)."""
    data = QMimeData()
    data.setImageData(image)
    data.setUrls([QUrl.fromLocalFile(path)])
    return data


def copy_image(image: QImage, path: str) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setMimeData(image_mime(image, path))


def copy_text(text: str) -> None:
    QGuiApplication.clipboard().setText(text)
