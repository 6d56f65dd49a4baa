from __future__ import annotations

import errno
import hashlib
import os
import re
import time
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from desktop.core.library import atomic
from desktop.core.library.errors import (
    CorruptImageError,
    LibraryWriteError,
    MissingFileError,
    UnsafePathError,
)
from desktop.core.library.image_store import ImageStore
from desktop.core.library.layout import LibraryPaths
from desktop.core.library.metadata import read
from desktop.core.library.naming import job_id_from_name
from desktop.core.models import GeneratedImage, GenerationRequest
from desktop.core.queue.library_sink import LibrarySink
from desktop.core.queue.types import ClaimedJob
from tests.core.library.conftest import (
    CHINESE_PROMPT,
    encode,
    gradient,
    jpeg_bytes,
    png_bytes,
    webp_bytes,
)

FIXED_NOW = time.mktime((2026, 5, 20, 10, 0, 0, 0, 0, -1))


@pytest.fixture
def store(paths: LibraryPaths) -> ImageStore:
    return ImageStore(paths, clock=lambda: FIXED_NOW)


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_a_generated_png_is_stored_named_hashed_and_carries_its_record(
    store: ImageStore, paths: LibraryPaths, request_zh: GenerationRequest
) -> None:
    image = GeneratedImage(png_bytes((96, 64)), "image/png", seed=777, revised_prompt="修訂後的提示")
    stored = store.store_generated(12, request_zh, image, {"batch_id": 3, "source": "prompts.csv:4"})
    assert re.fullmatch(r"images/2026-05/00000012-[0-9a-f]{10}\.png", stored.rel_path)
    assert job_id_from_name(stored.rel_path) == 12
    on_disk = paths.abs(stored.rel_path).read_bytes()
    assert stored.sha256 == hashlib.sha256(on_disk).hexdigest() and stored.sha256[:10] in stored.rel_path
    assert (stored.size_bytes, stored.width, stored.height, stored.mime) == (len(on_disk), 96, 64, "image/png")
    record = read(paths.abs(stored.rel_path)).record
    assert record is not None
    assert (record.job_id, record.batch_id, record.source, record.created_at) == (12, 3, "prompts.csv:4", FIXED_NOW)
    assert (record.prompt, record.seed, record.revised_prompt) == (CHINESE_PROMPT, 777, "修訂後的提示")
    assert files_under(paths.tmp) == []


@pytest.mark.parametrize(("data", "ext", "mime"), [(jpeg_bytes(), "jpg", "image/jpeg"),
                                                   (webp_bytes(), "webp", "image/webp")])
def test_the_real_format_decides_the_extension_not_the_declared_mime(
    store: ImageStore, paths: LibraryPaths, request_zh: GenerationRequest, data: bytes, ext: str, mime: str
) -> None:
    stored = store.store_generated(5, request_zh, GeneratedImage(data, "image/png"))
    assert stored.rel_path.endswith(f".{ext}") and stored.mime == mime
    assert read(paths.abs(stored.rel_path)).model == "gpt-image-1"


def test_damaged_provider_bytes_are_refused_and_nothing_is_written(
    store: ImageStore, paths: LibraryPaths, request_zh: GenerationRequest
) -> None:
    data = png_bytes((200, 200))
    with pytest.raises(CorruptImageError, match="image for job 9 from openai"):
        store.store_generated(9, request_zh, GeneratedImage(data[:300]))
    assert files_under(paths.images) == [] and files_under(paths.tmp) == []


def test_a_full_disk_is_a_write_error_and_leaves_no_partial_file(
    store: ImageStore, paths: LibraryPaths, request_zh: GenerationRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full)
    with pytest.raises(LibraryWriteError, match="disk is full"):
        store.store_generated(9, request_zh, GeneratedImage(png_bytes()))
    assert files_under(paths.images) == [] and files_under(paths.tmp) == []


def test_storing_the_same_image_for_the_same_job_twice_keeps_one_file(
    store: ImageStore, paths: LibraryPaths, request_zh: GenerationRequest
) -> None:
    image = GeneratedImage(png_bytes())
    first = store.store_generated(1, request_zh, image)
    second = store.store_generated(1, request_zh, image)
    assert first == second and len(files_under(paths.images)) == 1


def test_make_thumbnail_for_a_stored_image(store: ImageStore, paths: LibraryPaths,
                                           request_zh: GenerationRequest) -> None:
    stored = store.store_generated(2, request_zh, GeneratedImage(png_bytes((1024, 512))))
    thumb = store.make_thumbnail(stored.rel_path)
    assert thumb == paths.thumb_rel(stored.rel_path)
    with Image.open(paths.abs(thumb)) as im:
        assert im.size == (256, 128)


def test_import_copies_bytes_unchanged_reads_metadata_and_deduplicates(
    store: ImageStore, paths: LibraryPaths, tmp_path: Path
) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("parameters", "一隻狗\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 5, Size: 64x48, Model: sd15")
    original = tmp_path / "outside" / "dog.png"
    original.parent.mkdir()
    original.write_bytes(encode(gradient(), "PNG", pnginfo=info))
    os.utime(original, (1_600_000_000, 1_600_000_000))

    imported = store.import_file(original)
    assert imported.rel_path == f"images/imported/{imported.sha256[:16]}.png"
    copy = paths.abs(imported.rel_path)
    assert copy.read_bytes() == original.read_bytes() and copy.stat().st_mtime == 1_600_000_000
    assert (imported.metadata.source, imported.metadata.prompt, imported.metadata.seed) == ("a1111", "一隻狗", 5)
    values = imported.asset_values()
    assert (values["origin"], values["prompt"], values["model"], values["seed"]) == ("imported", "一隻狗", "sd15", 5)
    assert '"sampler_name": "Euler a"' in values["request_json"]
    assert not imported.already_present

    again = store.import_file(original)
    assert again.already_present and again.rel_path == imported.rel_path
    assert len(files_under(paths.images)) == 1


def test_import_refuses_missing_and_non_image_files(store: ImageStore, tmp_path: Path) -> None:
    with pytest.raises(MissingFileError):
        store.import_file(tmp_path / "nope.png")
    notes = tmp_path / "notes.png"
    notes.write_text("not really a picture")
    with pytest.raises(CorruptImageError, match="notes.png"):
        store.import_file(notes)


def test_delete_files_removes_images_and_their_thumbnails(
    store: ImageStore, paths: LibraryPaths, request_zh: GenerationRequest
) -> None:
    stored = store.store_generated(3, request_zh, GeneratedImage(png_bytes()))
    thumb = store.make_thumbnail(stored.rel_path)
    result = store.delete_files([stored.rel_path, "images/2026-05/00000099-0000000000.png"])
    assert result.removed == [stored.rel_path, thumb] and result.failed == {}
    assert files_under(paths.images) == [] and files_under(paths.thumbs) == []
    paths.db.write_bytes(b"database")
    with pytest.raises(UnsafePathError):
        store.delete_files(["library.db"])
    assert paths.db.read_bytes() == b"database"


def test_the_queue_sink_stores_through_the_image_store(library_dir: Path, request_zh: GenerationRequest) -> None:
    sink = LibrarySink(library_dir)
    job = ClaimedJob(job_id=44, batch_id=7, attempt_id=1, request=request_zh, estimated_cost=None,
                     fallback=(), fallback_index=0, source="a.csv:1", tags=(), project_id=None,
                     profile_id=None)
    stored = sink.store(job, GeneratedImage(png_bytes()))
    assert sink.exists(stored.path) and job_id_from_name(stored.path) == 44
    assert sink.thumbnail(stored.path) is not None
    record = read(library_dir / stored.path).record
    assert record is not None and (record.batch_id, record.source) == (7, "a.csv:1")
    sink.remove(stored.path)
    assert not sink.exists(stored.path)
