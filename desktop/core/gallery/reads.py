"""The gallery's reads: ids in order for a query, rows by id in pages, facet counts,
tags and collections. Each is one indexed query on the calling thread's own connection
(see read_connections), so they are safe to call from the GUI thread for a page and from
workers for whole searches."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from desktop.core.gallery.query import GalleryQuery, Scope
from desktop.core.gallery.read_connections import ReadConnections
from desktop.core.gallery.search_sql import build_where, order_by
from desktop.core.gallery.views import (
    ASSET_COLUMNS,
    AssetRecord,
    AssetView,
    CollectionInfo,
    Facets,
    FacetValue,
)

CHUNK = 500  # ids per IN (...) list; well under SQLite's variable limit
FACET_LIMIT = 200  # values per facet list; the rest are reachable by search


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _marks(n: int) -> str:
    return ", ".join("?" * n)


class GalleryReads:
    def __init__(self, connections: ReadConnections) -> None:
        self.connections = connections

    @property
    def conn(self) -> sqlite3.Connection:
        return self.connections.get()

    # -- ids ------------------------------------------------------------------------------
    def search(self, query: GalleryQuery, limit: int | None = None) -> list[int]:
        parts = build_where(query)
        sql = f"SELECT a.id FROM assets a WHERE {parts.where} ORDER BY {order_by(query)}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [row[0] for row in self.conn.execute(sql, parts.params).fetchall()]

    def count(self, query: GalleryQuery) -> int:
        parts = build_where(query)
        return int(self.conn.execute(f"SELECT COUNT(*) FROM assets a WHERE {parts.where}",
                                     parts.params).fetchone()[0])

    def matching(self, query: GalleryQuery, ids: Sequence[int]) -> list[int]:
        """Which of `ids` the query shows, in the query's order."""
        found: set[int] = set()
        for chunk in _chunks(list(ids)):
            parts = build_where(query)
            marks = parts.bind_all(tuple(chunk))
            sql = f"SELECT a.id FROM assets a WHERE {parts.where} AND a.id IN ({marks})"
            found.update(r[0] for r in self.conn.execute(sql, parts.params))
        if not found:
            return []
        parts = build_where(query)
        sql = (f"SELECT a.id FROM assets a WHERE a.id IN ({parts.bind_all(tuple(found))})"
               f" ORDER BY {order_by(query)}")
        return [r[0] for r in self.conn.execute(sql, parts.params)]

    # -- rows -----------------------------------------------------------------------------
    def records(self, ids: Iterable[int]) -> list[AssetRecord]:
        """Compact records (see views.AssetRecord) for `ids` in the order given; ids that no
        longer exist are left out."""
        ids = list(ids)
        rows: dict[int, tuple] = {}
        tags: dict[int, list[str]] = {}
        conn = self.conn
        for chunk in _chunks(ids):
            marks = _marks(len(chunk))
            for row in conn.execute(f"SELECT {ASSET_COLUMNS} FROM assets WHERE id IN ({marks})",
                                    tuple(chunk)):
                rows[row[0]] = row
            for asset_id, name in conn.execute(
                    "SELECT at.asset_id, t.name FROM asset_tags at JOIN tags t ON t.id = at.tag_id"
                    f" WHERE at.asset_id IN ({marks}) ORDER BY t.name", tuple(chunk)):
                tags.setdefault(asset_id, []).append(name)
        return [(*rows[i], tuple(tags.get(i, ()))) for i in ids if i in rows]

    def assets(self, ids: Iterable[int]) -> list[AssetView]:
        """Rows for `ids` in the order given; ids that no longer exist are left out."""
        return [AssetView.from_record(r) for r in self.records(ids)]

    def asset(self, asset_id: int) -> AssetView | None:
        found = self.assets([asset_id])
        return found[0] if found else None

    def job_source(self, job_id: int | None) -> str:
        if job_id is None:
            return ""
        row = self.conn.execute("SELECT source FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return str(row[0] or "") if row else ""

    # -- facets ---------------------------------------------------------------------------
    def _grouped(self, query: GalleryQuery, facet: str, key: str, extra: str = "",
                 order: str = "2 DESC, 1") -> list[tuple]:
        parts = build_where(query, without=facet)
        sql = (f"SELECT {key}, COUNT(*) FROM assets a WHERE {parts.where} {extra}"
               f" GROUP BY 1 ORDER BY {order} LIMIT {FACET_LIMIT}")
        return self.conn.execute(sql, parts.params).fetchall()

    def facets(self, query: GalleryQuery) -> Facets:
        """Counts per facet value; each facet is counted as if its own choice were empty,
        so picking one provider still shows how many the others have."""
        def values(rows: list[tuple]) -> tuple[FacetValue, ...]:
            return tuple(FacetValue(str(v), n) for v, n in rows if v not in (None, ""))

        batches = self._grouped(query, "batch_ids", "a.batch_id", "AND a.batch_id IS NOT NULL",
                                "1 DESC")
        names = self._batch_names([b for b, _n in batches])
        parts = build_where(query, without="tags")
        tag_rows = self.conn.execute(
            "SELECT t.name, COUNT(*) FROM asset_tags at JOIN tags t ON t.id = at.tag_id"
            f" JOIN assets a ON a.id = at.asset_id WHERE {parts.where}"
            f" GROUP BY t.name ORDER BY 2 DESC, 1 LIMIT {FACET_LIMIT}", parts.params).fetchall()
        return Facets(
            providers=values(self._grouped(query, "providers", "a.provider")),
            models=values(self._grouped(query, "models", "a.model")),
            batches=tuple(FacetValue(str(b), n, names.get(b, "")) for b, n in batches),
            sizes=values(self._grouped(query, "sizes", "a.width || 'x' || a.height")),
            tags=values(tag_rows),
            origins=values(self._grouped(query, "origins", "a.origin")),
            ratings=values(self._grouped(query, "rating", "a.rating", order="1 DESC")),
            total=self.count(query),
        )

    def _batch_names(self, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        rows = self.conn.execute(f"SELECT id, name FROM batches WHERE id IN ({_marks(len(ids))})",
                                 tuple(ids))
        return {i: n or "" for i, n in rows}

    # -- tags and collections -------------------------------------------------------------
    def tags(self) -> list[FacetValue]:
        """Every tag with how many live assets carry it, most used first."""
        rows = self.conn.execute(
            "SELECT t.name, COUNT(a.id) FROM tags t LEFT JOIN asset_tags at ON at.tag_id = t.id"
            " LEFT JOIN assets a ON a.id = at.asset_id AND a.deleted_at IS NULL"
            " GROUP BY t.id ORDER BY 2 DESC, 1").fetchall()
        return [FacetValue(name, n) for name, n in rows]

    def collections(self) -> list[CollectionInfo]:
        rows = self.conn.execute(
            "SELECT c.id, c.name, c.query_json, c.created_at, (SELECT COUNT(*) FROM"
            " collection_assets ca JOIN assets a ON a.id = ca.asset_id WHERE"
            " ca.collection_id = c.id AND a.deleted_at IS NULL) FROM collections c"
            " ORDER BY c.name COLLATE NOCASE").fetchall()
        found = []
        for cid, name, query_json, created, members in rows:
            query = _saved_query(query_json)
            count = self.count(query) if query is not None else members
            found.append(CollectionInfo(cid, name, count, created, query))
        return found

    def collection(self, collection_id: int) -> CollectionInfo | None:
        return next((c for c in self.collections() if c.id == collection_id), None)

    def collections_of(self, asset_id: int) -> list[str]:
        rows = self.conn.execute(
            "SELECT c.name FROM collection_assets ca JOIN collections c ON c.id = ca.collection_id"
            " WHERE ca.asset_id = ? ORDER BY c.name COLLATE NOCASE", (asset_id,))
        return [r[0] for r in rows]

    def trash_count(self) -> int:
        return self.count(GalleryQuery(scope=Scope.TRASH))


def _saved_query(query_json: str | None) -> GalleryQuery | None:
    if not query_json:
        return None
    try:
        return GalleryQuery.from_json(query_json)
    except (ValueError, TypeError, json.JSONDecodeError):
        return GalleryQuery()  # a damaged saved search still shows as a smart collection
