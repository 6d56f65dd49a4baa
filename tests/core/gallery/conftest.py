"""A fresh library with a gallery service, and a builder that adds assets backed by real
image files (solid colours with a gradient, so thumbnails and exports do real work)."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from desktop.core.events import EventBus
from desktop.core.gallery.service import GalleryService
from desktop.core.store.database import Database


def picture_bytes(colour: tuple[int, int, int], size: tuple[int, int] = (96, 64),
                  fmt: str = "PNG", **options: Any) -> bytes:
    """A coloured picture with a darker diagonal band, encoded as `fmt`."""
    im = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(im)
    dark = tuple(c // 2 for c in colour)
    draw.polygon([(0, size[1]), (size[0] // 2, 0), (size[0], 0), (size[0] // 2, size[1])], fill=dark)
    buf = io.BytesIO()
    im.save(buf, fmt, **options)
    return buf.getvalue()


class LibraryBuilder:
    """Adds asset rows whose files exist under `images/`."""

    def __init__(self, gallery: GalleryService) -> None:
        self.gallery = gallery
        self._n = count(1)

    def batch(self, name: str) -> int:
        with self.gallery.edits.db.engine_or_raise().begin() as conn:
            return int(conn.exec_driver_sql(
                "INSERT INTO batches (name, source, created_at, paused, priority, fallback_json,"
                " notified) VALUES (?, '', 0, 0, 0, '[]', 0)", (name,)).lastrowid)

    def asset(self, *, prompt: str = "a red fox", colour: tuple[int, int, int] = (200, 60, 40),
              created_at: float | None = None, tags: tuple[str, ...] = (),
              image: bytes | None = None, **columns: Any) -> int:
        n = next(self._n)
        data = image if image is not None else picture_bytes(colour)
        rel = f"images/test/{n:05d}.png"
        path = self.gallery.paths.abs(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        request = {"provider": columns.get("provider", "openai"),
                   "model": columns.get("model", "gpt-image-1"), "prompt": prompt,
                   "width": columns.get("width", 96), "height": columns.get("height", 64),
                   "seed": columns.get("seed", 1000 + n)}
        values = {
            "path": rel, "sha256": hashlib.sha256(data).hexdigest(), "size_bytes": len(data),
            "width": 96, "height": 64, "mime": "image/png", "provider": "openai",
            "model": "gpt-image-1", "prompt": prompt, "negative_prompt": "", "seed": 1000 + n,
            "request_json": json.dumps(request, ensure_ascii=False), "cost_usd": 0.04,
            "origin": "generated", "created_at": float(created_at if created_at is not None else n),
            "rating": 0, "favorite": 0,
        }
        values.update(columns)
        asset_id = self.gallery.edits.insert_asset(values)
        if tags:
            self.gallery.edits.add_tags([asset_id], tags)
        return asset_id


@pytest.fixture
def library_root(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    return root


@pytest.fixture
def events() -> EventBus:
    return EventBus()


@pytest.fixture
def published(events: EventBus) -> list[object]:
    seen: list[object] = []
    events.subscribe_all(seen.append)
    return seen


@pytest.fixture
def gallery(library_root: Path, events: EventBus) -> Iterator[GalleryService]:
    db = Database(library_root / "library.db").open()
    service = GalleryService(db, library_root, events, clock=lambda: 1_800_000_000.0)
    yield service
    service.close()
    db.close()


@pytest.fixture
def build(gallery: GalleryService) -> LibraryBuilder:
    return LibraryBuilder(gallery)
