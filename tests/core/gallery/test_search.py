"""Searching the library: prompt text (FTS5 trigram and LIKE for short terms), every
facet, ranges, sorts, the trash scope, and facet counts."""

from __future__ import annotations

from desktop.core.gallery.query import GalleryQuery, Scope, Sort
from desktop.core.gallery.service import GalleryService
from tests.core.gallery.conftest import LibraryBuilder


def test_newest_first_is_the_default_order_and_oldest_reverses_it(
        gallery: GalleryService, build: LibraryBuilder) -> None:
    ids = [build.asset(created_at=t) for t in (30, 10, 20)]
    assert gallery.search(GalleryQuery()) == [ids[0], ids[2], ids[1]]
    assert gallery.search(GalleryQuery(sort=Sort.OLDEST)) == [ids[1], ids[2], ids[0]]


def test_rating_and_cost_sorts_break_ties_by_date(gallery: GalleryService,
                                                  build: LibraryBuilder) -> None:
    a = build.asset(rating=5, cost_usd=0.01, created_at=1)
    b = build.asset(rating=2, cost_usd=0.30, created_at=2)
    c = build.asset(rating=5, cost_usd=0.01, created_at=3)
    assert gallery.search(GalleryQuery(sort=Sort.RATING)) == [c, a, b]
    assert gallery.search(GalleryQuery(sort=Sort.COST_HIGH)) == [b, c, a]
    assert gallery.search(GalleryQuery(sort=Sort.COST_LOW)) == [a, c, b]


def test_text_finds_substrings_in_english_and_chinese(gallery: GalleryService,
                                                      build: LibraryBuilder) -> None:
    cat = build.asset(prompt="一隻橘貓坐在台北的屋頂上，夕陽，水彩風格")
    fox = build.asset(prompt="A red FOX in the snow, watercolour")
    build.asset(prompt="a lighthouse at dawn")
    assert gallery.search(GalleryQuery(text="台北的屋頂")) == [cat]  # >= 3 chars: FTS
    assert gallery.search(GalleryQuery(text="橘貓")) == [cat]  # 2 chars: LIKE
    assert gallery.search(GalleryQuery(text="貓")) == [cat]
    assert gallery.search(GalleryQuery(text="fox snow")) == [fox]  # case-insensitive, all terms
    assert gallery.search(GalleryQuery(text="fox dawn")) == []


def test_text_with_quotes_and_like_wildcards_is_taken_literally(
        gallery: GalleryService, build: LibraryBuilder) -> None:
    pct = build.asset(prompt='50% off "sale" banner')
    build.asset(prompt="5 of them")
    assert gallery.search(GalleryQuery(text='"sale"')) == [pct]
    assert gallery.search(GalleryQuery(text="0%")) == [pct]
    assert gallery.search(GalleryQuery(text="_")) == []


def test_negative_prompts_are_not_searched_as_prompt_text(gallery: GalleryService,
                                                          build: LibraryBuilder) -> None:
    build.asset(prompt="portrait", negative_prompt="blurry hands")
    assert gallery.search(GalleryQuery(text="blurry")) == []


def test_facets_filter_and_combine(gallery: GalleryService, build: LibraryBuilder) -> None:
    batch = build.batch("海報 第一批")
    a = build.asset(provider="openai", model="gpt-image-1", batch_id=batch)
    b = build.asset(provider="stability", model="sd3", width=1024, height=1024)
    c = build.asset(provider="openai", model="dall-e-3", width=1024, height=1024)
    build.asset(provider="leonardo", model="phoenix", origin="imported")
    assert gallery.search(GalleryQuery(providers=("openai",))) == [c, a]
    assert gallery.search(GalleryQuery(providers=("openai", "stability"),
                                       sizes=("1024x1024",))) == [c, b]
    assert gallery.search(GalleryQuery(models=("sd3",))) == [b]
    assert gallery.search(GalleryQuery(batch_ids=(batch,))) == [a]
    assert gallery.search(GalleryQuery(origins=("generated",), providers=("leonardo",))) == []


def test_tags_must_all_be_present(gallery: GalleryService, build: LibraryBuilder) -> None:
    both = build.asset(tags=("客戶A", "poster"))
    build.asset(tags=("客戶A",))
    build.asset(tags=("poster",))
    assert gallery.search(GalleryQuery(tags=("客戶A", "poster"))) == [both]
    assert len(gallery.search(GalleryQuery(tags=("poster",)))) == 2


def test_ranges_for_date_rating_and_cost(gallery: GalleryService, build: LibraryBuilder) -> None:
    early = build.asset(created_at=100, rating=1, cost_usd=0.01)
    mid = build.asset(created_at=200, rating=3, cost_usd=0.04)
    late = build.asset(created_at=300, rating=5, cost_usd=0.19)
    assert gallery.search(GalleryQuery(created_from=150, created_to=300)) == [mid]
    assert gallery.search(GalleryQuery(min_rating=3)) == [late, mid]
    assert gallery.search(GalleryQuery(max_rating=1)) == [early]
    assert gallery.search(GalleryQuery(min_cost=0.02, max_cost=0.1)) == [mid]


def test_favourites_collections_and_trash_scope(gallery: GalleryService,
                                                build: LibraryBuilder) -> None:
    fav = build.asset(favorite=1)
    other = build.asset()
    gone = build.asset()
    gallery.trash([gone])
    album = gallery.create_collection("精選")
    gallery.add_to_collection(album, [other, gone])
    assert gallery.search(GalleryQuery(favorites_only=True)) == [fav]
    assert gallery.search(GalleryQuery(collection_id=album)) == [other]  # trash hidden
    assert gallery.search(GalleryQuery(scope=Scope.TRASH)) == [gone]
    assert gallery.search(GalleryQuery()) == [other, fav]


def test_matching_keeps_only_the_ids_a_query_shows_in_its_order(
        gallery: GalleryService, build: LibraryBuilder) -> None:
    ids = [build.asset(provider=p, created_at=t) for p, t in
           (("openai", 1), ("stability", 2), ("openai", 3))]
    assert gallery.matching(GalleryQuery(providers=("openai",)), ids) == [ids[2], ids[0]]
    assert gallery.matching(GalleryQuery(text="nothing like this"), ids) == []


def test_facet_counts_ignore_their_own_choice_but_respect_the_others(
        gallery: GalleryService, build: LibraryBuilder) -> None:
    batch = build.batch("早上")
    build.asset(provider="openai", rating=4, batch_id=batch, tags=("poster",))
    build.asset(provider="openai", rating=0, width=1024, height=1024)
    build.asset(provider="stability", rating=4, tags=("poster",))
    build.asset(provider="stability", prompt="a lighthouse")
    facets = gallery.facets(GalleryQuery(providers=("openai",), text="red fox"))
    assert facets.total == 2
    assert {(f.value, f.count) for f in facets.providers} == {("openai", 2), ("stability", 1)}
    assert {(f.value, f.count) for f in facets.ratings} == {("4", 1), ("0", 1)}
    assert {(f.value, f.count) for f in facets.sizes} == {("96x64", 1), ("1024x1024", 1)}
    assert [(f.value, f.count, f.label) for f in facets.batches] == [(str(batch), 1, "早上")]
    assert [(f.value, f.count) for f in facets.tags] == [("poster", 1)]


def test_paging_returns_rows_in_the_order_asked_and_skips_missing_ids(
        gallery: GalleryService, build: LibraryBuilder) -> None:
    a = build.asset(prompt="first", tags=("b", "a"))
    b = build.asset(prompt="second")
    rows = gallery.assets([b, 999, a])
    assert [r.id for r in rows] == [b, a]
    assert rows[1].tags == ("a", "b") and rows[1].prompt == "first"


def test_common_sorts_are_served_by_an_index_not_a_temp_sort(gallery: GalleryService) -> None:
    from desktop.core.gallery.search_sql import build_where, order_by

    for sort in Sort:
        query = GalleryQuery(sort=sort)
        parts = build_where(query)
        plan = " ".join(str(row[-1]) for row in gallery.reads.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT a.id FROM assets a WHERE {parts.where}"
            f" ORDER BY {order_by(query)}", parts.params))
        assert "TEMP B-TREE" not in plan, (sort, plan)
        assert "ix_assets_gallery" in plan, (sort, plan)
