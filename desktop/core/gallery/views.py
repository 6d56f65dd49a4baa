"""Plain data the gallery hands to views: asset rows, facet counts, collections, and the
reports of import, export and emptying the trash."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from desktop.core.gallery.query import GalleryQuery
from desktop.core.models import GenerationRequest, JobSpec

ASSET_COLUMNS = (
    "id, job_id, batch_id, path, thumb_path, sha256, size_bytes, width, height, mime,"
    " provider, model, prompt, negative_prompt, seed, request_json, cost_usd, origin,"
    " created_at, rating, favorite, deleted_at"
)
# An asset record: the ASSET_COLUMNS values in order, then the tuple of tag names. A plain
# tuple of strings and numbers, which Python's garbage collector stops tracking, so a view
# can cache thousands of them while scrolling without making full collections frequent.
AssetRecord = tuple
RECORD_INDEX = {name.strip(): i for i, name in enumerate(ASSET_COLUMNS.split(","))}
TAGS_INDEX = len(RECORD_INDEX)


@dataclass(frozen=True, slots=True)  # slots: pages of these are made while scrolling
class AssetView:
    """One asset as the gallery shows it. Paths are relative to the library root."""

    id: int
    job_id: int | None
    batch_id: int | None
    path: str
    thumb_path: str | None
    sha256: str
    size_bytes: int
    width: int
    height: int
    mime: str
    provider: str
    model: str
    prompt: str
    negative_prompt: str
    seed: int | None
    request_json: str
    cost_usd: float
    origin: str
    created_at: float
    rating: int
    favorite: bool
    deleted_at: float | None
    tags: tuple[str, ...] = ()

    @classmethod
    def from_row(cls, row: tuple[Any, ...], tags: tuple[str, ...] = ()) -> AssetView:
        """From a row selected with ASSET_COLUMNS, in that order."""
        (id_, job, batch, path, thumb, sha, size, w, h, mime, prov, model, prompt, neg, seed,
         req, cost, origin, created, rating, fav, deleted) = row
        return cls(id_, job, batch, path, thumb, sha, size or 0, w or 0, h or 0, mime, prov,
                   model, prompt or "", neg or "", seed, req or "{}", cost or 0.0, origin,
                   created, rating or 0, bool(fav), deleted, tags)

    @classmethod
    def from_record(cls, record: AssetRecord) -> AssetView:
        return cls.from_row(record[:TAGS_INDEX], record[TAGS_INDEX])

    @property
    def size_label(self) -> str:
        return f"{self.width}x{self.height}"

    @property
    def in_trash(self) -> bool:
        return self.deleted_at is not None

    def request(self) -> GenerationRequest:
        """The request that made this asset: its stored JSON, with the row's own columns
        where the JSON lacks them (imported images carry only what their file said)."""
        try:
            data = json.loads(self.request_json or "{}")
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        data = {k: v for k, v in data.items() if v is not None}
        data.setdefault("provider", self.provider)
        data.setdefault("model", self.model)
        data.setdefault("prompt", self.prompt)
        data.setdefault("negative_prompt", self.negative_prompt)
        if self.seed is not None:
            data.setdefault("seed", self.seed)
        if self.width and self.height:
            data.setdefault("width", self.width)
            data.setdefault("height", self.height)
        return GenerationRequest.from_dict(data)

    def job_spec(self, *, keep_seed: bool = True) -> JobSpec:
        """A job that makes this image again. Without the seed the queue draws a new one,
        so "generate again" gives a fresh variation instead of a request-cache hit."""
        request = self.request()
        if not keep_seed:
            request = request.with_changes(seed=None)
        return JobSpec(request=request, source=f"gallery asset {self.id}", tags=self.tags)


@dataclass(frozen=True)
class AssetDetails:
    """Everything the detail panel shows about one asset: the row, its collections, the
    request parameters and what the image file itself says (read from disk)."""

    asset: AssetView
    collections: tuple[str, ...]
    request: dict[str, Any]
    file_fields: dict[str, str]  # metadata found in the file, by field name
    file_source: str | None  # which tool wrote the file's metadata
    file_exists: bool
    job_source: str = ""  # where the prompt came from, e.g. "prompts.csv:12"


@dataclass(frozen=True)
class FacetValue:
    value: str  # provider name, model, batch id, "1024x1024", tag, rating "0".."5"
    count: int
    label: str = ""  # batch name, when there is one


@dataclass(frozen=True)
class Facets:
    """How many assets each facet value would show, given the rest of the query."""

    providers: tuple[FacetValue, ...] = ()
    models: tuple[FacetValue, ...] = ()
    batches: tuple[FacetValue, ...] = ()
    sizes: tuple[FacetValue, ...] = ()
    tags: tuple[FacetValue, ...] = ()
    origins: tuple[FacetValue, ...] = ()
    ratings: tuple[FacetValue, ...] = ()
    total: int = 0


@dataclass(frozen=True)
class CollectionInfo:
    """A hand-made collection, or a smart one (a saved search) when `query` is set."""

    id: int
    name: str
    count: int
    created_at: float
    query: GalleryQuery | None = None

    @property
    def is_smart(self) -> bool:
        return self.query is not None


@dataclass
class ImportReport:
    added: list[int] = field(default_factory=list)  # new asset ids
    duplicates: dict[str, int] = field(default_factory=dict)  # file -> the existing asset id
    failed: dict[str, str] = field(default_factory=dict)  # file -> why
    with_metadata: int = 0  # how many new ones carried a prompt or settings


@dataclass
class ExportReport:
    folder: str
    files: list[str] = field(default_factory=list)  # written file names
    manifest_json: str = ""
    manifest_csv: str = ""
    failed: dict[int, str] = field(default_factory=dict)  # asset id -> why


@dataclass
class EmptyTrashReport:
    removed: list[int] = field(default_factory=list)  # asset ids deleted for good
    failed: dict[int, str] = field(default_factory=dict)  # asset id -> why its file stayed
