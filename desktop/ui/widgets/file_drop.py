"""Prompt files dropped anywhere on the window: an event filter on the window and on every
child that would otherwise take the drop itself (text boxes take dropped file names as text)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtWidgets import QWidget

DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove)


def local_files(mime: QMimeData | None) -> list[Path]:
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class FileDropFilter(QObject):
    files_dropped = Signal(list)  # list[Path]

    def watch(self, root: QWidget) -> None:
        """Catch drops on `root` and on its children that accept drops of their own."""
        root.setAcceptDrops(True)
        root.installEventFilter(self)
        for child in root.findChildren(QWidget):
            if child.acceptDrops():
                child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in DRAG_EVENTS:
            if local_files(event.mimeData()):
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop:
            files = local_files(event.mimeData())
            if files:
                event.acceptProposedAction()
                self.files_dropped.emit(files)
                return True
        return False
