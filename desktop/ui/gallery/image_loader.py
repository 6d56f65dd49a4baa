"""Loading full images off the GUI thread for the detail panel, the comparison and the
clipboard: `load()` returns a ticket; `image_loaded(ticket, QImage)` answers it."""

from __future__ import annotations

from itertools import count

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage

from desktop.ui.gallery.thumbnail_loader import read_scaled


class _Relay(QObject):
    done = Signal(int, QImage)
    failed = Signal(int, str)


class _LoadJob(QRunnable):
    def __init__(self, ticket: int, path: str, target: QSize | None, relay: _Relay) -> None:
        super().__init__()
        self.ticket, self.path, self.target, self.relay = ticket, path, target, relay

    def run(self) -> None:
        image = read_scaled(self.path, self.target) if self.target else QImage(self.path)
        if image.isNull():
            self.relay.failed.emit(self.ticket, f"{self.path}: the image cannot be read")
        else:
            self.relay.done.emit(self.ticket, image)


class ImageLoader(QObject):
    image_loaded = Signal(int, QImage)
    image_failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # big decodes one at a time; thumbnails keep theirs
        self._tickets = count(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self.image_loaded, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self.image_failed, Qt.ConnectionType.QueuedConnection)

    def load(self, path: str, target: QSize | None = None) -> int:
        """Decode `path` (scaled to fit `target`, or full size) on a worker."""
        ticket = next(self._tickets)
        self.pool.start(_LoadJob(ticket, path, QSize(target) if target else None, self._relay))
        return ticket

    def shutdown(self) -> None:
        self.pool.clear()
        self.pool.waitForDone(5000)
