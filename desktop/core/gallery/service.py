"""The gallery as the window sees it: synchronous, fast reads (ids for a query, rows by
page, facets) and short write commands that return what changed and publish
`AssetsDidChange` / `AssetDidAdd`. The UI calls reads for a page on the GUI thread and
everything else on its executors; nothing here knows about Qt."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from desktop.core.events import AssetDidAdd, AssetsDidChange, AssetsDidTrash, EventBus
from desktop.core.gallery.edits import GalleryEdits
from desktop.core.gallery.errors import UnknownAssetError
from desktop.core.gallery.exporter import AssetExporter
from desktop.core.gallery.file_fields import file_fields
from desktop.core.gallery.importer import AssetImporter
from desktop.core.gallery.query import GalleryQuery
from desktop.core.gallery.read_connections import ReadConnections
from desktop.core.gallery.reads import GalleryReads
from desktop.core.gallery.views import (
    AssetDetails,
    AssetRecord,
    AssetView,
    CollectionInfo,
    EmptyTrashReport,
    ExportReport,
    Facets,
    FacetValue,
    ImportReport,
)
from desktop.core.library.errors import MissingFileError
from desktop.core.library.image_store import ImageStore
from desktop.core.library.layout import LibraryPaths
from desktop.core.library.metadata import read as read_metadata
from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.store.database import Database


class GalleryService:
    """Searching, paging and editing one library's assets."""

    def __init__(self, db: Database, root: Path, events: EventBus,
                 clock: Callable[[], float] = time.time) -> None:
        self.paths = LibraryPaths(root)
        self.events = events
        self.images = ImageStore(self.paths, clock=clock)
        self.reads = GalleryReads(ReadConnections(db.path))
        self.edits = GalleryEdits(db, clock)
        self._importer = AssetImporter(self.images, self.edits)
        self._exporter = AssetExporter(self.paths, clock)

    def close(self) -> None:
        self.reads.connections.close()

    def _changed(self, ids: Sequence[int]) -> list[int]:
        if ids:
            self.events.publish(AssetsDidChange(tuple(ids)))
        return list(ids)

    # -- reads ----------------------------------------------------------------------------
    def search(self, query: GalleryQuery, limit: int | None = None) -> list[int]:
        """Asset ids the query shows, in its order."""
        return self.reads.search(query, limit)

    def count(self, query: GalleryQuery) -> int:
        return self.reads.count(query)

    def matching(self, query: GalleryQuery, ids: Sequence[int]) -> list[int]:
        return self.reads.matching(query, ids)

    def assets(self, ids: Iterable[int]) -> list[AssetView]:
        """Rows for a page of ids, in the order given."""
        return self.reads.assets(ids)

    def records(self, ids: Iterable[int]) -> list[AssetRecord]:
        """Compact records for a page of ids (views that cache many rows use these)."""
        return self.reads.records(ids)

    def asset(self, asset_id: int) -> AssetView:
        found = self.reads.asset(asset_id)
        if found is None:
            raise UnknownAssetError(asset_id)
        return found

    def facets(self, query: GalleryQuery) -> Facets:
        return self.reads.facets(query)

    def tags(self) -> list[FacetValue]:
        return self.reads.tags()

    def collections(self) -> list[CollectionInfo]:
        return self.reads.collections()

    def trash_count(self) -> int:
        return self.reads.trash_count()

    def details(self, asset_id: int) -> AssetDetails:
        """The row plus what the file says; reads the image's metadata from disk."""
        asset = self.asset(asset_id)
        path = self.file_path(asset)
        exists = path.is_file()
        meta = read_metadata(path) if exists else None
        try:
            request = json.loads(asset.request_json or "{}")
        except ValueError:
            request = {}
        return AssetDetails(
            asset=asset, collections=tuple(self.reads.collections_of(asset_id)),
            request=request if isinstance(request, dict) else {},
            file_fields=file_fields(meta) if meta else {},
            file_source=meta.source if meta else None, file_exists=exists,
            job_source=self.reads.job_source(asset.job_id),
        )

    # -- files ----------------------------------------------------------------------------
    def file_path(self, asset: AssetView) -> Path:
        return self.paths.abs(asset.path)

    def thumbnail_file(self, asset: AssetView) -> Path:
        """The asset's thumbnail, made now when it is missing (call off the GUI thread).
        Raises MissingFileError or CorruptImageError when the image itself is unusable."""
        rel = asset.thumb_path or self.paths.thumb_rel(asset.path)
        path = self.paths.abs(rel)
        if path.is_file():
            return path
        if not self.file_path(asset).is_file():
            raise MissingFileError(self.file_path(asset))
        return self.paths.abs(self.images.make_thumbnail(asset.path))

    # -- edits ----------------------------------------------------------------------------
    def set_rating(self, ids: Iterable[int], rating: int) -> list[int]:
        return self._changed(self.edits.set_rating(ids, rating))

    def set_favorite(self, ids: Iterable[int], favorite: bool) -> list[int]:
        return self._changed(self.edits.set_favorite(ids, favorite))

    def add_tags(self, ids: Iterable[int], names: Iterable[str]) -> list[int]:
        return self._changed(self.edits.add_tags(ids, names))

    def remove_tags(self, ids: Iterable[int], names: Iterable[str]) -> list[int]:
        return self._changed(self.edits.remove_tags(ids, names))

    # -- collections ----------------------------------------------------------------------
    def create_collection(self, name: str) -> int:
        return self.edits.create_collection(name)

    def save_search(self, name: str, query: GalleryQuery) -> int:
        """A smart collection: the query is stored and run whenever it is opened."""
        return self.edits.create_collection(name, query)

    def rename_collection(self, collection_id: int, name: str) -> None:
        self.edits.rename_collection(collection_id, name)

    def update_saved_search(self, collection_id: int, query: GalleryQuery) -> None:
        self.edits.set_collection_query(collection_id, query)

    def delete_collection(self, collection_id: int) -> list[int]:
        return self._changed(self.edits.delete_collection(collection_id))

    def add_to_collection(self, collection_id: int, ids: Iterable[int]) -> list[int]:
        return self._changed(self.edits.add_to_collection(collection_id, ids))

    def remove_from_collection(self, collection_id: int, ids: Iterable[int]) -> list[int]:
        return self._changed(self.edits.remove_from_collection(collection_id, ids))

    # -- trash ----------------------------------------------------------------------------
    def trash(self, ids: Iterable[int]) -> list[int]:
        return self._trashed(self._changed(self.edits.trash(ids)))

    def restore(self, ids: Iterable[int]) -> list[int]:
        return self._trashed(self._changed(self.edits.restore(ids)), restored=True)

    def _trashed(self, ids: list[int], restored: bool = False, purged: bool = False) -> list[int]:
        if ids:  # the audit log records what went to (or came back from) the trash
            self.events.publish(AssetsDidTrash(tuple(ids), restored, purged))
        return ids

    def empty_trash(self) -> EmptyTrashReport:
        """Delete the trash's files, then the rows of those whose image file is gone. A file
        that cannot be deleted keeps its row in the trash, with the reason reported."""
        report = EmptyTrashReport()
        trashed = self.edits.trashed_files()
        result = self.images.delete_files(path for _id, path, _thumb in trashed)
        gone, thumbs = [], []
        for asset_id, path, thumb in trashed:
            if path in result.failed:
                report.failed[asset_id] = result.failed[path]
                continue
            gone.append(asset_id)
            if thumb and thumb.startswith("thumbs/") and thumb != self.paths.thumb_rel(path):
                thumbs.append(thumb)  # a thumbnail stored under another name
        self.images.delete_files(thumbs)
        report.removed = self.edits.delete_rows(gone)
        self._trashed(self._changed(report.removed), purged=True)
        return report

    # -- import and export ----------------------------------------------------------------
    def import_files(self, paths: Iterable[Path | str]) -> ImportReport:
        def added(asset_id: int) -> None:
            self.events.publish(AssetDidAdd(asset_id))

        return self._importer.import_files(paths, on_added=added)

    def export(self, ids: Iterable[int], folder: Path | str) -> ExportReport:
        return self._exporter.export(self.assets(ids), folder)

    # -- re-use ---------------------------------------------------------------------------
    def request_of(self, asset_id: int) -> GenerationRequest:
        return self.asset(asset_id).request()

    def job_spec_of(self, asset_id: int, *, keep_seed: bool = True) -> JobSpec:
        """A job that makes the asset again (see AssetView.job_spec)."""
        return self.asset(asset_id).job_spec(keep_seed=keep_seed)
