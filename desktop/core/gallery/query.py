"""What the gallery shows: one `GalleryQuery` (search text, facets, ranges, sort), stored
as JSON in a smart collection so a saved search is just a query with a name."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from typing import Any


class Sort(StrEnum):
    NEWEST = "newest"
    OLDEST = "oldest"
    RATING = "rating"  # best first, then newest
    COST_HIGH = "cost_high"
    COST_LOW = "cost_low"


class Scope(StrEnum):
    """Which part of the library a query looks at."""

    LIBRARY = "library"  # everything not in the trash
    TRASH = "trash"


@dataclass(frozen=True)
class GalleryQuery:
    """A search over the library. Empty tuples and None mean "no condition"; within one
    facet values are alternatives (OR), between facets conditions combine (AND); tags
    must all be present."""

    text: str = ""
    providers: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    batch_ids: tuple[int, ...] = ()
    sizes: tuple[str, ...] = ()  # "1024x1024"
    tags: tuple[str, ...] = ()
    origins: tuple[str, ...] = ()  # generated | imported | pulled
    created_from: float | None = None  # unix seconds, inclusive
    created_to: float | None = None  # unix seconds, exclusive
    min_rating: int | None = None
    max_rating: int | None = None
    min_cost: float | None = None
    max_cost: float | None = None
    favorites_only: bool = False
    scope: Scope = Scope.LIBRARY
    collection_id: int | None = None  # members of a hand-made collection
    sort: Sort = Sort.NEWEST

    def with_changes(self, **changes: Any) -> GalleryQuery:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["scope"], data["sort"] = str(self.scope), str(self.sort)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GalleryQuery:
        """Tolerant of saved searches from older versions: unknown keys are dropped,
        lists become tuples, unknown sorts fall back to newest."""
        known = {f.name: f for f in fields(cls)}
        clean: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue
            clean[key] = tuple(value) if isinstance(value, list) else value
        try:
            clean["sort"] = Sort(clean.get("sort", Sort.NEWEST))
        except ValueError:
            clean["sort"] = Sort.NEWEST
        try:
            clean["scope"] = Scope(clean.get("scope", Scope.LIBRARY))
        except ValueError:
            clean["scope"] = Scope.LIBRARY
        return cls(**clean)

    @classmethod
    def from_json(cls, text: str) -> GalleryQuery:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a saved search must be a JSON object")
        return cls.from_dict(data)
