"""A bounded least-recently-used cache of decoded thumbnails (`QImage`), by asset id.

Bounded by bytes, not count, so a larger thumbnail size holds fewer images instead of
using more memory; touching an entry on `get` keeps what is on screen alive.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtGui import QImage

DEFAULT_BUDGET = 96 * 1024 * 1024  # about 900 thumbnails of 160 px


class ThumbnailCache:
    def __init__(self, max_bytes: int = DEFAULT_BUDGET) -> None:
        self.max_bytes = max_bytes
        self._images: OrderedDict[int, QImage] = OrderedDict()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._images)

    def __contains__(self, asset_id: int) -> bool:
        return asset_id in self._images

    @property
    def bytes_used(self) -> int:
        return self._bytes

    def get(self, asset_id: int) -> QImage | None:
        image = self._images.get(asset_id)
        if image is not None:
            self._images.move_to_end(asset_id)
        return image

    def put(self, asset_id: int, image: QImage) -> None:
        self.discard(asset_id)
        self._images[asset_id] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > self.max_bytes and len(self._images) > 1:
            _old_id, old = self._images.popitem(last=False)
            self._bytes -= old.sizeInBytes()

    def discard(self, asset_id: int) -> None:
        old = self._images.pop(asset_id, None)
        if old is not None:
            self._bytes -= old.sizeInBytes()

    def clear(self) -> None:
        self._images.clear()
        self._bytes = 0
