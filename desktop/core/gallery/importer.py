"""Importing images made elsewhere: each file is copied into the library unchanged, its
metadata (A1111 `parameters`, ComfyUI `prompt`/`workflow`, InvokeAI, XMP, ours) becomes
the asset's prompt and request, and the same bytes are never imported twice."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from desktop.core.gallery.edits import GalleryEdits
from desktop.core.gallery.views import ImportReport
from desktop.core.library.errors import LibraryError
from desktop.core.library.image_store import ImageStore

log = logging.getLogger(__name__)
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp"}


def expand(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Files as given, and the image files inside folders (recursively, sorted)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*")
                              if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)
        else:
            yield path


class AssetImporter:
    def __init__(self, images: ImageStore, edits: GalleryEdits) -> None:
        self.images = images
        self.edits = edits

    def import_files(self, paths: Iterable[Path | str],
                     on_added: Callable[[int], None] | None = None) -> ImportReport:
        """Import every file (folders are searched); one bad file never stops the rest.
        `on_added` is called with each new asset id as soon as its row exists."""
        report = ImportReport()
        for path in expand(paths):
            try:
                self._import_one(path, report, on_added)
            except LibraryError as exc:
                report.failed[str(path)] = str(exc)
        return report

    def _import_one(self, path: Path, report: ImportReport,
                    on_added: Callable[[int], None] | None) -> None:
        imported = self.images.import_file(path)
        existing = self.edits.find_by_sha(imported.sha256)
        if existing is not None:
            report.duplicates[str(path)] = existing
            if not imported.already_present and not self._row_owns(existing, imported.rel_path):
                self.images.delete_files([imported.rel_path])  # the copy we just made
            return
        values = imported.asset_values()
        values.update(created_at=imported.modified_at, cost_usd=0.0, rating=0, favorite=0)
        asset_id = self.edits.insert_asset(values)
        report.added.append(asset_id)
        if imported.metadata.found:
            report.with_metadata += 1
        try:
            self.edits.set_thumb(asset_id, self.images.make_thumbnail(imported.rel_path))
        except LibraryError:  # the gallery makes it again when it is first shown
            log.warning("no thumbnail for imported %s", imported.rel_path, exc_info=True)
        if on_added is not None:
            on_added(asset_id)

    def _row_owns(self, asset_id: int, rel_path: str) -> bool:
        with self.edits.db.read() as conn:
            path = conn.exec_driver_sql("SELECT path FROM assets WHERE id = ?", (asset_id,)).scalar()
        return path == rel_path
