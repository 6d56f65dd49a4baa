"""Object metadata is ASCII and fits S3's size limit; pulls only write inside the library."""

from __future__ import annotations

import pytest

from desktop.core.sync.layout import decode_metadata, encode_metadata, is_safe_rel, manifest_rel


def test_unicode_metadata_round_trips_as_ascii() -> None:
    meta = encode_metadata({"sha256": "ab" * 32, "prompt": "一隻在雨中的貓，水彩風格 100%"})
    assert all(v.isascii() for v in meta.values())
    assert decode_metadata(meta)["prompt"] == "一隻在雨中的貓，水彩風格 100%"


def test_a_long_prompt_is_cut_to_fit_without_breaking_an_escape() -> None:
    meta = encode_metadata({"sha256": "ab" * 32, "prompt": "雨" * 2000})
    assert sum(len(k) + len(v) for k, v in meta.items()) <= 1800
    text = decode_metadata(meta)["prompt"]
    assert set(text) == {"雨"} and len(text) > 100


@pytest.mark.parametrize(("rel", "safe"), [
    ("images/2026-01/a.png", True), ("thumbs/a.jpg", True), ("../etc/passwd", False),
    ("images/../../x", False), ("/images/a.png", False), ("library.db", False),
    ("images\\..\\x", False), ("C:/images/a.png", False),
])
def test_only_paths_under_images_or_thumbs_may_be_written_by_a_pull(rel: str, safe: bool) -> None:
    assert is_safe_rel(rel) is safe


def test_manifest_segments_sort_in_order() -> None:
    assert manifest_rel("lib", 9) < manifest_rel("lib", 10)
