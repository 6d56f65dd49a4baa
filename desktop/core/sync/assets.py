"""Asset rows as sync reads and writes them: one `AssetRecord` with its tags; pulled assets
are inserted here, and merged metadata (rating, favorite, tags) is applied here."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from desktop.core.sync.store import SyncStore

_COLUMNS = ("id, path, thumb_path, sha256, size_bytes, width, height, mime, provider, model,"
            " prompt, negative_prompt, seed, request_json, cost_usd, origin, created_at, rating,"
            " favorite, deleted_at")


@dataclass(frozen=True)
class AssetRecord:
    id: int
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


class AssetRepository:
    def __init__(self, store: SyncStore) -> None:
        self.store = store

    def load_many(self, ids: Iterable[int]) -> dict[int, AssetRecord]:
        ids = list(ids)
        rows: list[Any] = []
        tags: dict[int, list[str]] = {}
        with self.store.read() as conn:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                rows += conn.execute(text(f"SELECT {_COLUMNS} FROM assets WHERE id IN :ids")
                                     .bindparams(bindparam("ids", expanding=True)), {"ids": chunk}).all()
                for asset_id, name in conn.execute(text(
                        "SELECT at.asset_id, t.name FROM asset_tags at JOIN tags t ON t.id = at.tag_id"
                        " WHERE at.asset_id IN :ids").bindparams(bindparam("ids", expanding=True)),
                        {"ids": chunk}):
                    tags.setdefault(asset_id, []).append(name)
        return {r.id: AssetRecord(*r[:18], bool(r.favorite), r.deleted_at,
                                  tuple(sorted(tags.get(r.id, ()))))
                for r in rows}

    def load(self, asset_id: int) -> AssetRecord | None:
        return self.load_many([asset_id]).get(asset_id)

    def by_sha(self, sha256: str) -> AssetRecord | None:
        """The asset holding this image, a live one before one in the trash."""
        with self.store.read() as conn:
            found = conn.execute(text("SELECT id FROM assets WHERE sha256=:s ORDER BY"
                                      " deleted_at IS NOT NULL, id LIMIT 1"), {"s": sha256}).scalar()
        return self.load(int(found)) if found is not None else None

    @staticmethod
    def id_by_sha(conn: Connection, sha256: str) -> int | None:
        found = conn.execute(text("SELECT id FROM assets WHERE sha256=:s ORDER BY"
                                  " deleted_at IS NOT NULL, id LIMIT 1"), {"s": sha256}).scalar()
        return int(found) if found is not None else None

    @staticmethod
    def path_taken(conn: Connection, path: str) -> bool:
        return conn.execute(text("SELECT 1 FROM assets WHERE path=:p"), {"p": path}).first() is not None

    @staticmethod
    def insert_pulled(conn: Connection, sidecar: dict[str, Any], path: str,
                      thumb_path: str | None, size: int) -> int:
        request = sidecar.get("request")
        asset_id = conn.execute(text(
            "INSERT INTO assets (path, thumb_path, sha256, size_bytes, width, height, mime, provider,"
            " model, prompt, negative_prompt, seed, request_json, cost_usd, origin, created_at,"
            " rating, favorite) VALUES (:path, :thumb, :sha, :size, :w, :h, :mime, :prov, :model,"
            " :prompt, :neg, :seed, :req, :cost, 'pulled', :created, :rating, :fav)"),
            {"path": path, "thumb": thumb_path, "sha": sidecar["sha256"], "size": size,
             "w": int(sidecar.get("width") or 0), "h": int(sidecar.get("height") or 0),
             "mime": sidecar.get("mime") or "application/octet-stream",
             "prov": sidecar.get("provider") or "", "model": sidecar.get("model") or "",
             "prompt": sidecar.get("prompt") or "", "neg": sidecar.get("negative_prompt") or "",
             "seed": sidecar.get("seed"),
             "req": json.dumps(request, ensure_ascii=False) if request is not None else "{}",
             "cost": float(sidecar.get("cost_usd") or 0.0),
             "created": float(sidecar.get("created_at") or 0.0),
             "rating": int(sidecar.get("rating") or 0), "fav": bool(sidecar.get("favorite"))},
        ).lastrowid
        AssetRepository.set_tags(conn, int(asset_id), sidecar.get("tags") or [])
        return int(asset_id)

    @staticmethod
    def set_tags(conn: Connection, asset_id: int, names: Iterable[str]) -> None:
        wanted = {str(n) for n in names if str(n).strip()}
        current = {name for (name,) in conn.execute(text(
            "SELECT t.name FROM asset_tags at JOIN tags t ON t.id = at.tag_id WHERE at.asset_id=:a"),
            {"a": asset_id})}
        for name in sorted(current - wanted):
            conn.execute(text("DELETE FROM asset_tags WHERE asset_id=:a AND tag_id ="
                              " (SELECT id FROM tags WHERE name=:n)"), {"a": asset_id, "n": name})
        for name in sorted(wanted - current):
            conn.execute(text("INSERT OR IGNORE INTO tags (name) VALUES (:n)"), {"n": name})
            conn.execute(text("INSERT OR IGNORE INTO asset_tags (asset_id, tag_id) SELECT :a, id"
                              " FROM tags WHERE name=:n"), {"a": asset_id, "n": name})

    @staticmethod
    def apply(conn: Connection, asset_id: int, changes: dict[str, Any]) -> None:
        """Apply merged values of the fields sync merges (rating, favorite, tags)."""
        if "rating" in changes:
            conn.execute(text("UPDATE assets SET rating=:v WHERE id=:a"),
                         {"v": int(changes["rating"]), "a": asset_id})
        if "favorite" in changes:
            conn.execute(text("UPDATE assets SET favorite=:v WHERE id=:a"),
                         {"v": bool(changes["favorite"]), "a": asset_id})
        if "tags" in changes:
            AssetRepository.set_tags(conn, asset_id, changes["tags"])
