"""Decoding thumbnails off the GUI thread.

Requests come from the model's `data(DecorationRole)`; a small QThreadPool reads each
`thumbs/...jpg` (making it first when missing) into a `QImage` scaled to the cell, and the
result returns to the GUI thread through a queued signal. Newest requests are served
first and old ones are dropped, so scrolling fast through 100,000 images decodes what
is on screen now, not everything that flew past.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader

log = logging.getLogger(__name__)
MAX_PENDING = 160  # about two screens of cells; older requests are forgotten


def read_scaled(path: Path | str, target: QSize) -> QImage:
    """Decode `path` at about `target` (JPEG decodes scaled, which is much faster) and
    return an image in a format that paints without conversion. Null on failure."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > target.width() or size.height() > target.height()):
        reader.setScaledSize(size.scaled(target, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return image
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


class _Relay(QObject):
    """Lives on the GUI thread; workers emit on it, so slots run queued on the GUI thread."""

    done = Signal(int, QImage, int)  # asset id, image (null on failure), generation
    failed = Signal(int, str, int)


class _DecodeJob(QRunnable):
    def __init__(self, asset_id: int, locate: Callable[[], Path], target: QSize,
                 relay: _Relay, generation: int) -> None:
        super().__init__()
        self.asset_id, self.locate, self.target = asset_id, locate, target
        self.relay, self.generation = relay, generation

    def run(self) -> None:
        try:
            path = self.locate()
            image = read_scaled(path, self.target)
            if image.isNull():
                raise OSError(f"{path}: the thumbnail cannot be decoded")
        except Exception as exc:  # noqa: BLE001 - a bad file shows as "missing", never crashes
            log.debug("thumbnail for asset %s failed: %s", self.asset_id, exc)
            self.relay.failed.emit(self.asset_id, str(exc), self.generation)
            return
        self.relay.done.emit(self.asset_id, image, self.generation)


class ThumbnailLoader(QObject):
    """Serves `request(asset_id, locate)` with `thumbnail_loaded(asset_id, QImage)`.

    `locate` runs on a worker and returns the thumbnail file (it may make it first).
    """

    thumbnail_loaded = Signal(int, QImage)
    thumbnail_failed = Signal(int, str)

    def __init__(self, target: QSize, threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._pending: OrderedDict[int, Callable[[], Path]] = OrderedDict()
        self._running: set[int] = set()
        self._generation = 0
        self.requested = 0  # counters for tests and the benchmark
        self.decoded = 0
        self.dropped = 0

    def request(self, asset_id: int, locate: Callable[[], Path]) -> None:
        if asset_id in self._running:
            return
        if asset_id in self._pending:
            self._pending.move_to_end(asset_id)
        else:
            self._pending[asset_id] = locate
            self.requested += 1
            while len(self._pending) > MAX_PENDING:
                self._pending.popitem(last=False)
        self._start_more()

    def retain(self, keep: Callable[[int], bool]) -> int:
        """Forget pending requests for cells no longer on screen (the view calls this as
        it scrolls); returns how many were dropped. Running decodes finish regardless."""
        stale = [asset_id for asset_id in self._pending if not keep(asset_id)]
        for asset_id in stale:
            del self._pending[asset_id]
        self.dropped += len(stale)
        return len(stale)

    def set_target(self, target: QSize) -> None:
        """A new cell size: results still in flight are for the old size and are dropped."""
        self.target = target
        self.cancel_pending()

    def cancel_pending(self) -> None:
        self._pending.clear()
        self._running.clear()
        self._generation += 1

    @property
    def busy(self) -> bool:
        return bool(self._pending or self._running)

    def _start_more(self) -> None:
        while self._pending and len(self._running) < self.pool.maxThreadCount():
            asset_id, locate = self._pending.popitem(last=True)  # newest first
            self._running.add(asset_id)
            self.pool.start(_DecodeJob(asset_id, locate, QSize(self.target), self._relay,
                                       self._generation))

    def _on_done(self, asset_id: int, image: QImage, generation: int) -> None:
        if generation != self._generation:
            return
        self._running.discard(asset_id)
        self.decoded += 1
        self.thumbnail_loaded.emit(asset_id, image)
        self._start_more()

    def _on_failed(self, asset_id: int, reason: str, generation: int) -> None:
        if generation != self._generation:
            return
        self._running.discard(asset_id)
        self.thumbnail_failed.emit(asset_id, reason)
        self._start_more()

    def shutdown(self) -> None:
        self.cancel_pending()
        self.pool.clear()
        self.pool.waitForDone(5000)
