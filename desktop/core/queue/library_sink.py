"""Adapts the library's ImageStore to what the queue engine needs (`engine.ImageSink`),
turning library errors into the engine's LocalStoreError."""

from __future__ import annotations

from pathlib import Path

from desktop.core.models import GeneratedImage
from desktop.core.queue.engine import LocalStoreError
from desktop.core.queue.repository import StoredFile
from desktop.core.queue.types import ClaimedJob


class LibrarySink:
    def __init__(self, root: Path) -> None:
        from desktop.core.library.image_store import ImageStore
        from desktop.core.library.layout import LibraryPaths

        self.paths = LibraryPaths(root)
        self.paths.ensure()
        self.images = ImageStore(self.paths)

    def store(self, job: ClaimedJob, image: GeneratedImage) -> StoredFile:
        from desktop.core.library.errors import CorruptImageError, LibraryWriteError

        extras = {"batch_id": job.batch_id, "source": job.source}
        try:
            stored = self.images.store_generated(job.job_id, job.request, image, extras)
        except CorruptImageError as exc:
            raise LocalStoreError(f"the provider sent a damaged image: {exc}") from exc
        except LibraryWriteError as exc:
            raise LocalStoreError(str(exc)) from exc
        return StoredFile(stored.rel_path, stored.sha256, stored.size_bytes, stored.width,
                          stored.height, stored.mime)

    def thumbnail(self, rel_path: str) -> str | None:
        return self.images.make_thumbnail(rel_path)

    def remove(self, rel_path: str) -> None:
        self.images.delete_files([rel_path])

    def exists(self, rel_path: str) -> bool:
        return self.paths.abs(rel_path).is_file()
