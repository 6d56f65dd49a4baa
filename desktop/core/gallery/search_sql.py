"""Turning a `GalleryQuery` into one SQL WHERE clause and ORDER BY over `assets a`.

Prompt text goes to the FTS5 trigram index when a term has at least three characters
(trigram MATCH cannot see shorter ones); shorter terms, common in Chinese ("貓", "橘貓"),
use LIKE on the prompt column. Every value is a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.core.gallery.query import GalleryQuery, Scope, Sort

MIN_FTS_CHARS = 3

ORDER_SQL = {
    Sort.NEWEST: "a.created_at DESC, a.id DESC",
    Sort.OLDEST: "a.created_at ASC, a.id ASC",
    Sort.RATING: "a.rating DESC, a.created_at DESC, a.id DESC",
    Sort.COST_HIGH: "a.cost_usd DESC, a.created_at DESC, a.id DESC",
    Sort.COST_LOW: "a.cost_usd ASC, a.created_at ASC, a.id ASC",  # all ascending: one index scan
}
TRASH_ORDER_SQL = "a.deleted_at DESC, a.id DESC"  # the trash lists what went last first

# Facets a query can be counted without (so a facet's own choices keep their counts).
FACETS = ("providers", "models", "batch_ids", "sizes", "tags", "origins", "rating")


@dataclass
class SqlParts:
    """WHERE conditions and their named parameters, built up one condition at a time."""

    clauses: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)

    def bind(self, value: Any) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return f":{name}"

    def bind_all(self, values: tuple[Any, ...]) -> str:
        return ", ".join(self.bind(v) for v in values)

    @property
    def where(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "1=1"


def split_terms(text: str) -> tuple[list[str], list[str]]:
    """(terms for FTS, terms for LIKE) from what the user typed; quotes are ignored."""
    terms = [t for t in text.replace('"', " ").split() if t]
    return [t for t in terms if len(t) >= MIN_FTS_CHARS], [t for t in terms if len(t) < MIN_FTS_CHARS]


def fts_expression(terms: list[str]) -> str:
    """An FTS5 query matching every term as a substring of the prompt column."""
    phrases = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
    return f"prompt : ({phrases})"


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _parse_size(size: str) -> tuple[int, int] | None:
    try:
        w, h = size.lower().split("x", 1)
        return int(w), int(h)
    except ValueError:
        return None


def build_where(query: GalleryQuery, *, without: str | None = None) -> SqlParts:
    """The WHERE clause for `query`; `without` names one facet (see FACETS) to leave out."""
    parts = SqlParts()
    add = parts.clauses.append
    add("a.deleted_at IS NOT NULL" if query.scope is Scope.TRASH else "a.deleted_at IS NULL")
    fts_terms, like_terms = split_terms(query.text)
    if fts_terms:
        add("a.id IN (SELECT rowid FROM assets_fts WHERE assets_fts MATCH "
            f"{parts.bind(fts_expression(fts_terms))})")
    for term in like_terms:
        add(f"a.prompt LIKE {parts.bind(like_pattern(term))} ESCAPE '\\'")
    if query.providers and without != "providers":
        add(f"a.provider IN ({parts.bind_all(query.providers)})")
    if query.models and without != "models":
        add(f"a.model IN ({parts.bind_all(query.models)})")
    if query.batch_ids and without != "batch_ids":
        add(f"a.batch_id IN ({parts.bind_all(query.batch_ids)})")
    if query.origins and without != "origins":
        add(f"a.origin IN ({parts.bind_all(query.origins)})")
    if query.sizes and without != "sizes":
        pairs = [p for p in (_parse_size(s) for s in query.sizes) if p]
        ors = [f"(a.width = {parts.bind(w)} AND a.height = {parts.bind(h)})" for w, h in pairs]
        add(f"({' OR '.join(ors)})" if ors else "0")
    if query.tags and without != "tags":
        names = tuple(dict.fromkeys(query.tags))
        add("a.id IN (SELECT at.asset_id FROM asset_tags at JOIN tags t ON t.id = at.tag_id"
            f" WHERE t.name IN ({parts.bind_all(names)}) GROUP BY at.asset_id"
            f" HAVING COUNT(*) = {parts.bind(len(names))})")
    if without != "rating":
        if query.min_rating is not None:
            add(f"a.rating >= {parts.bind(query.min_rating)}")
        if query.max_rating is not None:
            add(f"a.rating <= {parts.bind(query.max_rating)}")
    if query.created_from is not None:
        add(f"a.created_at >= {parts.bind(query.created_from)}")
    if query.created_to is not None:
        add(f"a.created_at < {parts.bind(query.created_to)}")
    if query.min_cost is not None:
        add(f"a.cost_usd >= {parts.bind(query.min_cost)}")
    if query.max_cost is not None:
        add(f"a.cost_usd <= {parts.bind(query.max_cost)}")
    if query.favorites_only:
        add("a.favorite = 1")
    if query.collection_id is not None:
        add("a.id IN (SELECT asset_id FROM collection_assets WHERE collection_id = "
            f"{parts.bind(query.collection_id)})")
    return parts


def order_by(query: GalleryQuery) -> str:
    return TRASH_ORDER_SQL if query.scope is Scope.TRASH else ORDER_SQL[query.sort]
