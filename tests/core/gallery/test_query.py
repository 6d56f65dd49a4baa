"""A saved search is a GalleryQuery in JSON; it must survive the round trip and old files."""

from __future__ import annotations

import pytest

from desktop.core.gallery.query import GalleryQuery, Scope, Sort


def test_a_query_survives_the_json_round_trip_with_tuples_and_enums() -> None:
    query = GalleryQuery(text="橘貓 屋頂", providers=("openai", "a1111"), batch_ids=(3,),
                         sizes=("1024x1024",), tags=("客戶A",), min_rating=3, max_cost=0.5,
                         created_from=1.0, favorites_only=True, sort=Sort.COST_HIGH)
    back = GalleryQuery.from_json(query.to_json())
    assert back == query
    assert isinstance(back.providers, tuple) and back.sort is Sort.COST_HIGH


def test_unknown_keys_and_sorts_from_other_versions_are_tolerated() -> None:
    back = GalleryQuery.from_dict({"text": "cat", "colour": "red", "sort": "by_vibes",
                                   "scope": "elsewhere"})
    assert back == GalleryQuery(text="cat")
    assert back.sort is Sort.NEWEST and back.scope is Scope.LIBRARY


def test_a_saved_search_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(ValueError, match="JSON object"):
        GalleryQuery.from_json("[1, 2]")
