"""The gallery's writes: rating, favourite, tags, collections and the trash. Each call is
one short transaction on the store's engine and returns the asset ids it changed, so the
service can publish exactly those."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from desktop.core.gallery.errors import (
    CollectionNameTakenError,
    InvalidValueError,
    UnknownCollectionError,
)
from desktop.core.gallery.query import GalleryQuery
from desktop.core.store.database import Database

MAX_RATING = 5
MAX_NAME = 80


def clean_name(name: str, what: str) -> str:
    """Tags and collection names: trimmed, inner whitespace collapsed, not empty."""
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise InvalidValueError(f"a {what} name cannot be empty")
    if len(cleaned) > MAX_NAME:
        raise InvalidValueError(f"{what} name {cleaned[:20]!r}... is longer than {MAX_NAME} characters")
    return cleaned


class GalleryEdits:
    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.clock = clock

    def _begin(self) -> Any:
        return self.db.engine_or_raise().begin()

    @staticmethod
    def _many(conn: Connection, sql: str, rows: list[tuple]) -> None:
        if rows:  # an empty parameter list would run the statement once, unbound
            conn.exec_driver_sql(sql, rows)

    @staticmethod
    def _existing(conn: Connection, ids: list[int], where: str = "1=1") -> list[int]:
        found: list[int] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            found += [r[0] for r in conn.exec_driver_sql(
                f"SELECT id FROM assets WHERE id IN ({marks}) AND {where}", tuple(chunk))]
        return sorted(found)

    # -- rating and favourite -------------------------------------------------------------
    def set_rating(self, ids: Iterable[int], rating: int) -> list[int]:
        if not isinstance(rating, int) or not 0 <= rating <= MAX_RATING:
            raise InvalidValueError(f"rating {rating!r} is not a whole number from 0 to {MAX_RATING}")
        with self._begin() as conn:
            changed = self._existing(conn, list(ids), f"rating IS NOT {int(rating)}")
            self._many(conn, "UPDATE assets SET rating = ? WHERE id = ?",
                                 [(rating, i) for i in changed])
        return changed

    def set_favorite(self, ids: Iterable[int], favorite: bool) -> list[int]:
        with self._begin() as conn:
            changed = self._existing(conn, list(ids), f"favorite IS NOT {int(bool(favorite))}")
            self._many(conn, "UPDATE assets SET favorite = ? WHERE id = ?",
                                 [(int(bool(favorite)), i) for i in changed])
        return changed

    # -- tags -----------------------------------------------------------------------------
    def add_tags(self, ids: Iterable[int], names: Iterable[str]) -> list[int]:
        tags = list(dict.fromkeys(clean_name(n, "tag") for n in names))
        with self._begin() as conn:
            targets = self._existing(conn, list(ids))
            changed: set[int] = set()
            for tag in tags:
                conn.exec_driver_sql("INSERT OR IGNORE INTO tags (name) VALUES (?)", (tag,))
                tag_id = conn.exec_driver_sql("SELECT id FROM tags WHERE name = ?", (tag,)).scalar()
                for asset_id in targets:
                    if conn.exec_driver_sql(
                            "INSERT OR IGNORE INTO asset_tags (asset_id, tag_id) VALUES (?, ?)",
                            (asset_id, tag_id)).rowcount:
                        changed.add(asset_id)
        return sorted(changed)

    def remove_tags(self, ids: Iterable[int], names: Iterable[str]) -> list[int]:
        tags = list(dict.fromkeys(" ".join(str(n).split()) for n in names))
        changed: set[int] = set()
        with self._begin() as conn:
            for tag in tags:
                for asset_id in ids:
                    if conn.exec_driver_sql(
                            "DELETE FROM asset_tags WHERE asset_id = ? AND tag_id ="
                            " (SELECT id FROM tags WHERE name = ?)", (asset_id, tag)).rowcount:
                        changed.add(asset_id)
            # A tag nobody carries any more is clutter in the facet list.
            conn.exec_driver_sql("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM asset_tags)")
        return sorted(changed)

    # -- collections ----------------------------------------------------------------------
    def create_collection(self, name: str, query: GalleryQuery | None = None) -> int:
        name = clean_name(name, "collection")
        try:
            with self._begin() as conn:
                return int(conn.exec_driver_sql(
                    "INSERT INTO collections (name, query_json, created_at) VALUES (?, ?, ?)",
                    (name, query.to_json() if query is not None else None, self.clock()),
                ).lastrowid)
        except IntegrityError as exc:
            if isinstance(exc.orig, sqlite3.IntegrityError):
                raise CollectionNameTakenError(name) from exc
            raise

    def rename_collection(self, collection_id: int, name: str) -> None:
        name = clean_name(name, "collection")
        try:
            with self._begin() as conn:
                done = conn.exec_driver_sql("UPDATE collections SET name = ? WHERE id = ?",
                                            (name, collection_id)).rowcount
        except IntegrityError as exc:
            raise CollectionNameTakenError(name) from exc
        if not done:
            raise UnknownCollectionError(collection_id)

    def set_collection_query(self, collection_id: int, query: GalleryQuery) -> None:
        with self._begin() as conn:
            done = conn.exec_driver_sql(
                "UPDATE collections SET query_json = ? WHERE id = ? AND query_json IS NOT NULL",
                (query.to_json(), collection_id)).rowcount
        if not done:
            raise UnknownCollectionError(collection_id)

    def delete_collection(self, collection_id: int) -> list[int]:
        """Delete a collection (never its images); returns the ids that were in it."""
        with self._begin() as conn:
            members = [r[0] for r in conn.exec_driver_sql(
                "SELECT asset_id FROM collection_assets WHERE collection_id = ?", (collection_id,))]
            if not conn.exec_driver_sql("DELETE FROM collections WHERE id = ?",
                                        (collection_id,)).rowcount:
                raise UnknownCollectionError(collection_id)
        return sorted(members)

    def _hand_made(self, conn: Connection, collection_id: int) -> None:
        row = conn.exec_driver_sql("SELECT query_json FROM collections WHERE id = ?",
                                   (collection_id,)).first()
        if row is None:
            raise UnknownCollectionError(collection_id)
        if row[0] is not None:
            raise InvalidValueError(
                f"collection {collection_id} is a saved search; images cannot be added by hand")

    def add_to_collection(self, collection_id: int, ids: Iterable[int]) -> list[int]:
        now = self.clock()
        with self._begin() as conn:
            self._hand_made(conn, collection_id)
            changed = [i for i in self._existing(conn, list(ids)) if conn.exec_driver_sql(
                "INSERT OR IGNORE INTO collection_assets (collection_id, asset_id, added_at)"
                " VALUES (?, ?, ?)", (collection_id, i, now)).rowcount]
        return changed

    def remove_from_collection(self, collection_id: int, ids: Iterable[int]) -> list[int]:
        with self._begin() as conn:
            return sorted(i for i in set(ids) if conn.exec_driver_sql(
                "DELETE FROM collection_assets WHERE collection_id = ? AND asset_id = ?",
                (collection_id, i)).rowcount)

    # -- trash ----------------------------------------------------------------------------
    def trash(self, ids: Iterable[int]) -> list[int]:
        now = self.clock()
        with self._begin() as conn:
            changed = self._existing(conn, list(ids), "deleted_at IS NULL")
            self._many(conn, "UPDATE assets SET deleted_at = ? WHERE id = ?",
                                 [(now, i) for i in changed])
        return changed

    def restore(self, ids: Iterable[int]) -> list[int]:
        with self._begin() as conn:
            changed = self._existing(conn, list(ids), "deleted_at IS NOT NULL")
            self._many(conn, "UPDATE assets SET deleted_at = NULL WHERE id = ?",
                                 [(i,) for i in changed])
        return changed

    def trashed_files(self) -> list[tuple[int, str, str | None]]:
        """(id, path, thumb_path) of every asset in the trash."""
        with self._begin() as conn:
            return [tuple(r) for r in conn.exec_driver_sql(  # type: ignore[misc]
                "SELECT id, path, thumb_path FROM assets WHERE deleted_at IS NOT NULL")]

    def delete_rows(self, ids: Iterable[int]) -> list[int]:
        """Remove trashed rows for good (only rows still in the trash)."""
        with self._begin() as conn:
            gone = self._existing(conn, list(ids), "deleted_at IS NOT NULL")
            self._many(conn, "DELETE FROM assets WHERE id = ?", [(i,) for i in gone])
        return gone

    def insert_asset(self, values: dict[str, Any]) -> int:
        """Insert one asset row (imports); `values` maps column names to values."""
        columns = ", ".join(values)
        marks = ", ".join(f":{k}" for k in values)
        with self._begin() as conn:
            return int(conn.exec_driver_sql(
                f"INSERT INTO assets ({columns}) VALUES ({marks})", values).lastrowid)

    def set_thumb(self, asset_id: int, thumb_rel: str) -> None:
        with self._begin() as conn:
            conn.exec_driver_sql("UPDATE assets SET thumb_path = ? WHERE id = ?",
                                 (thumb_rel, asset_id))

    def find_by_sha(self, sha256: str) -> int | None:
        with self._begin() as conn:
            row = conn.exec_driver_sql("SELECT id FROM assets WHERE sha256 = ? ORDER BY"
                                       " deleted_at IS NOT NULL, id LIMIT 1", (sha256,)).first()
        return int(row[0]) if row else None
