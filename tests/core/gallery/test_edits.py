"""Rating, favourites, tags and collections: what changes, what is refused, and which
events are published."""

from __future__ import annotations

import pytest

from desktop.core.events import AssetsDidChange
from desktop.core.gallery.errors import (
    CollectionNameTakenError,
    InvalidValueError,
    UnknownCollectionError,
)
from desktop.core.gallery.query import GalleryQuery
from desktop.core.gallery.service import GalleryService
from tests.core.gallery.conftest import LibraryBuilder


def test_rating_changes_only_what_differs_and_publishes_those_ids(
        gallery: GalleryService, build: LibraryBuilder, published: list[object]) -> None:
    a, b = build.asset(rating=4), build.asset()
    assert gallery.set_rating([a, b, 12345], 4) == [b]
    assert published == [AssetsDidChange((b,))]
    assert gallery.asset(b).rating == 4
    assert gallery.set_rating([a, b], 4) == []
    assert len(published) == 1  # nothing changed, nothing published


@pytest.mark.parametrize("bad", [-1, 6, 2.5, "3"])
def test_ratings_outside_zero_to_five_are_refused(gallery: GalleryService,
                                                  build: LibraryBuilder, bad: object) -> None:
    a = build.asset()
    with pytest.raises(InvalidValueError, match="0 to 5"):
        gallery.set_rating([a], bad)  # type: ignore[arg-type]


def test_favourite_toggles(gallery: GalleryService, build: LibraryBuilder) -> None:
    a = build.asset()
    assert gallery.set_favorite([a], True) == [a]
    assert gallery.asset(a).favorite is True
    assert gallery.set_favorite([a], False) == [a] and gallery.asset(a).favorite is False


def test_tags_are_trimmed_deduplicated_and_unused_ones_disappear(
        gallery: GalleryService, build: LibraryBuilder) -> None:
    a, b = build.asset(), build.asset()
    assert gallery.add_tags([a, b], ["  客戶 A ", "客戶 A", "poster"]) == [a, b]
    assert gallery.asset(a).tags == ("poster", "客戶 A")
    assert gallery.add_tags([a], ["poster"]) == []
    assert gallery.remove_tags([a, b], ["poster"]) == [a, b]
    assert [t.value for t in gallery.tags()] == ["客戶 A"]
    with pytest.raises(InvalidValueError, match="empty"):
        gallery.add_tags([a], ["   "])


def test_hand_made_collections_hold_assets_and_count_live_ones(
        gallery: GalleryService, build: LibraryBuilder) -> None:
    a, b = build.asset(), build.asset()
    album = gallery.create_collection("品牌 主視覺")
    assert gallery.add_to_collection(album, [a, b, a]) == [a, b]
    gallery.trash([b])
    (info,) = gallery.collections()
    assert (info.name, info.count, info.is_smart) == ("品牌 主視覺", 1, False)
    assert gallery.details(a).collections == ("品牌 主視覺",)
    assert gallery.remove_from_collection(album, [a]) == [a]
    assert gallery.search(GalleryQuery(collection_id=album)) == []


def test_collection_names_are_unique_and_unknown_ids_are_named(gallery: GalleryService) -> None:
    first = gallery.create_collection("Picks")
    with pytest.raises(CollectionNameTakenError, match="'Picks'"):
        gallery.create_collection("Picks")
    second = gallery.create_collection("Other")
    with pytest.raises(CollectionNameTakenError):
        gallery.rename_collection(second, "Picks")
    gallery.rename_collection(first, "Best")
    assert [c.name for c in gallery.collections()] == ["Best", "Other"]
    with pytest.raises(UnknownCollectionError, match="collection 999"):
        gallery.add_to_collection(999, [1])
    with pytest.raises(UnknownCollectionError):
        gallery.delete_collection(999)


def test_deleting_a_collection_keeps_its_images(gallery: GalleryService,
                                                build: LibraryBuilder) -> None:
    a = build.asset()
    album = gallery.create_collection("tmp")
    gallery.add_to_collection(album, [a])
    assert gallery.delete_collection(album) == [a]
    assert gallery.collections() == [] and gallery.search(GalleryQuery()) == [a]


def test_a_saved_search_is_a_smart_collection_counted_by_its_query(
        gallery: GalleryService, build: LibraryBuilder) -> None:
    build.asset(rating=5, provider="openai")
    build.asset(rating=5, provider="stability")
    build.asset(rating=1, provider="openai")
    smart = gallery.save_search("五星 OpenAI", GalleryQuery(min_rating=5, providers=("openai",)))
    (info,) = gallery.collections()
    assert info.is_smart and info.count == 1
    assert info.query == GalleryQuery(min_rating=5, providers=("openai",))
    gallery.update_saved_search(smart, GalleryQuery(min_rating=5))
    assert gallery.collections()[0].count == 2
    with pytest.raises(InvalidValueError, match="saved search"):
        gallery.add_to_collection(smart, [1])


def test_a_damaged_saved_search_still_lists(gallery: GalleryService, build: LibraryBuilder) -> None:
    build.asset()
    smart = gallery.save_search("broken", GalleryQuery())
    with gallery.edits.db.engine_or_raise().begin() as conn:
        conn.exec_driver_sql("UPDATE collections SET query_json='{oops' WHERE id=?", (smart,))
    (info,) = gallery.collections()
    assert info.is_smart and info.count == 1
