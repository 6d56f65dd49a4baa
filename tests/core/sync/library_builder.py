"""Builds real libraries for sync tests: a folder with `library.db`, image and thumbnail
files, and asset rows written the way the queue writes them."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from sqlalchemy import text

from desktop.core.store.database import Database


class LibraryBuilder:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        for sub in ("images", "thumbs", "backups"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        self.db = Database(self.root / "library.db", backups_dir=self.root / "backups").open()
        self._n = 0

    def add_asset(self, *, size: int = 4096, prompt: str = "a cat in the rain", data: bytes | None = None,
                  tags: tuple[str, ...] = (), thumb: bool = True, provider: str = "openai",
                  rating: int = 0, folder: str = "2026-01") -> int:
        self._n += 1
        body = data if data is not None else os.urandom(size)
        sha = hashlib.sha256(body).hexdigest()
        rel = f"images/{folder}/{self._n:08d}-{sha[:10]}.png"
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
        thumb_rel = None
        if thumb:
            thumb_rel = f"thumbs/{folder}/{self._n:08d}-{sha[:10]}.jpg"
            (self.root / thumb_rel).parent.mkdir(parents=True, exist_ok=True)
            (self.root / thumb_rel).write_bytes(b"JPEG" + hashlib.sha256(body).digest() * 8)
        with self.db.engine_or_raise().begin() as conn:
            asset_id = conn.execute(text(
                "INSERT INTO assets (path, thumb_path, sha256, size_bytes, width, height, mime, provider,"
                " model, prompt, negative_prompt, seed, request_json, cost_usd, origin, created_at,"
                " rating, favorite) VALUES (:p, :t, :s, :n, 1024, 1024, 'image/png', :prov, 'm1', :prompt,"
                " '', 42, '{}', 0.04, 'generated', :c, :r, 0)"),
                {"p": rel, "t": thumb_rel, "s": sha, "n": len(body), "prov": provider,
                 "prompt": prompt, "c": time.time(), "r": rating}).lastrowid
            for tag in tags:
                conn.execute(text("INSERT OR IGNORE INTO tags (name) VALUES (:n)"), {"n": tag})
                conn.execute(text("INSERT INTO asset_tags (asset_id, tag_id) SELECT :a, id FROM tags"
                                  " WHERE name=:n"), {"a": asset_id, "n": tag})
        return int(asset_id)

    def execute(self, sql: str, **params: object) -> None:
        with self.db.engine_or_raise().begin() as conn:
            conn.execute(text(sql), params)

    def rows(self, sql: str, **params: object) -> list[tuple]:
        with self.db.engine_or_raise().connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params)]

    def set_rating(self, asset_id: int, rating: int) -> None:
        self.execute("UPDATE assets SET rating=:r WHERE id=:a", r=rating, a=asset_id)

    def trash(self, asset_id: int) -> None:
        self.execute("UPDATE assets SET deleted_at=:t WHERE id=:a", t=time.time(), a=asset_id)

    def delete(self, asset_id: int) -> None:
        self.execute("DELETE FROM assets WHERE id=:a", a=asset_id)

    def asset(self, asset_id: int) -> dict:
        with self.db.engine_or_raise().connect() as conn:
            row = conn.execute(text("SELECT * FROM assets WHERE id=:a"), {"a": asset_id}).mappings().one()
        return dict(row)

    def close(self) -> None:
        self.db.close()
