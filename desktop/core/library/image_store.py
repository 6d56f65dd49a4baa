"""Putting images into the library: generated ones (checked, metadata embedded, written
atomically, named after their job), imported ones (copied unchanged, deduplicated by
hash), their thumbnails, and deleting files.

All methods are synchronous; the queue calls them on its image-io worker threads. The
store writes files only; rows are the caller's business (the file is durable before the
row that points at it commits).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.library.atomic import describe_os_error, hash_file, write_atomic
from desktop.core.library.errors import (
    CorruptImageError,
    MissingFileError,
    UnreadableFileError,
    UnsafePathError,
)
from desktop.core.library.image_check import DEFAULT_MAX_PIXELS, check_image
from desktop.core.library.layout import LibraryPaths
from desktop.core.library.metadata import MetadataRecord, ReadMetadata, embed, read
from desktop.core.library.naming import generated_rel_path, imported_rel_path
from desktop.core.library.thumbnails import write_thumbnail
from desktop.core.models import GeneratedImage, GenerationRequest


@dataclass(frozen=True)
class StoredImage:
    """A generated image as written: what its asset row needs."""

    rel_path: str
    sha256: str
    size_bytes: int
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class ImportedImage:
    """A foreign image copied into `images/imported/`, with what its file says about it."""

    rel_path: str
    sha256: str
    size_bytes: int
    width: int
    height: int
    mime: str
    original: Path
    modified_at: float  # the original file's modification time (unix seconds)
    metadata: ReadMetadata
    already_present: bool = False  # the same bytes were imported before

    def asset_values(self) -> dict[str, Any]:
        """Column values for an `assets` row (origin "imported"); ids and times are the
        caller's. `request_json` holds what could be read, so the image can be re-made."""
        meta = self.metadata
        request: dict[str, Any] = {
            "provider": meta.provider or meta.source or "", "model": meta.model or "",
            "prompt": meta.prompt, "negative_prompt": meta.negative_prompt, "seed": meta.seed,
            "steps": meta.steps, "cfg_scale": meta.cfg_scale,
        }
        if meta.size:
            request["width"], request["height"] = meta.size
        if meta.sampler:
            request["params"] = {"sampler_name": meta.sampler}
        return {
            "path": self.rel_path, "sha256": self.sha256, "size_bytes": self.size_bytes,
            "width": self.width, "height": self.height, "mime": self.mime,
            "provider": request["provider"], "model": request["model"],
            "prompt": meta.prompt, "negative_prompt": meta.negative_prompt, "seed": meta.seed,
            "request_json": json.dumps(request, ensure_ascii=False, sort_keys=True),
            "origin": "imported",
        }


@dataclass
class DeleteResult:
    removed: list[str] = field(default_factory=list)  # relative paths actually deleted
    failed: dict[str, str] = field(default_factory=dict)  # relative path -> cause


class ImageStore:
    """The library's files for one library folder."""

    def __init__(
        self,
        paths: LibraryPaths,
        *,
        clock: Callable[[], float] = time.time,
        max_pixels: int = DEFAULT_MAX_PIXELS,
    ) -> None:
        self.paths = paths
        self.clock = clock
        self.max_pixels = max_pixels

    def store_generated(
        self,
        job_id: int,
        request: GenerationRequest,
        image: GeneratedImage,
        extras: Mapping[str, Any] | None = None,
    ) -> StoredImage:
        """Check, embed metadata, write atomically. `extras` may hold `batch_id`,
        `source` and `created_at` for the embedded record.

        Raises CorruptImageError (bad bytes from the provider) or LibraryWriteError.
        """
        extras = extras or {}
        what = f"image for job {job_id} from {request.provider}"
        info = check_image(image.data, what, max_pixels=self.max_pixels)
        now = float(extras.get("created_at") or self.clock())
        record = MetadataRecord.from_request(
            request, job_id=job_id, batch_id=extras.get("batch_id"), seed=image.seed,
            created_at=now, source=str(extras.get("source") or ""),
            revised_prompt=image.revised_prompt,
        )
        try:
            data = embed(image.data, info.mime, record)
        except CorruptImageError as exc:
            raise CorruptImageError(what, exc.reason) from exc
        sha = hashlib.sha256(data).hexdigest()
        rel = generated_rel_path(job_id, sha, info.ext, now)
        written = write_atomic(self.paths.abs(rel), data, self.paths.tmp)
        return StoredImage(rel, written.sha256, written.size_bytes, info.width, info.height, info.mime)

    def make_thumbnail(self, rel_path: str) -> str:
        """(Re)make the thumbnail of a library image; returns `thumbs/...jpg`.
        Raises MissingFileError, CorruptImageError or LibraryWriteError."""
        return write_thumbnail(self.paths, rel_path)

    def import_file(self, path: Path | str) -> ImportedImage:
        """Copy a foreign image into `images/imported/` byte for byte (its own metadata
        stays intact) and read its metadata. Importing the same bytes twice stores one
        file. Raises MissingFileError, UnreadableFileError, CorruptImageError or
        LibraryWriteError."""
        source = Path(path)
        try:
            data = source.read_bytes()
            modified = source.stat().st_mtime
        except FileNotFoundError as exc:
            raise MissingFileError(source) from exc
        except OSError as exc:
            raise UnreadableFileError(source, describe_os_error(exc)) from exc
        info = check_image(data, source, max_pixels=self.max_pixels)
        sha = hashlib.sha256(data).hexdigest()
        rel = imported_rel_path(sha, info.ext)
        dest = self.paths.abs(rel)
        present = dest.is_file() and hash_file(dest)[0] == sha
        if not present:
            write_atomic(dest, data, self.paths.tmp)
            with contextlib.suppress(OSError):  # keep the user's date; not worth failing for
                os.utime(dest, (modified, modified))
        return ImportedImage(
            rel_path=rel, sha256=sha, size_bytes=len(data), width=info.width,
            height=info.height, mime=info.mime, original=source, modified_at=modified,
            metadata=read(data), already_present=present,
        )

    def delete_files(self, rel_paths: Iterable[str]) -> DeleteResult:
        """Delete images (and their thumbnails) for good. Files already gone are fine;
        paths outside `images/` or `thumbs/` are refused with UnsafePathError."""
        result = DeleteResult()
        targets: list[str] = []
        for rel in rel_paths:
            top = rel.replace("\\", "/").split("/", 1)[0]
            if top not in ("images", "thumbs"):
                raise UnsafePathError(f"{rel!r}: only images/ and thumbs/ files can be deleted")
            targets.append(rel)
            if top == "images":
                targets.append(self.paths.thumb_rel(rel))
        for rel in targets:
            target = self.paths.abs(rel)
            try:
                target.unlink()
                result.removed.append(rel)
            except FileNotFoundError:
                continue
            except OSError as exc:
                result.failed[rel] = describe_os_error(exc)
        return result

