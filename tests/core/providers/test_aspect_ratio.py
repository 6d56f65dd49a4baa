"""Choosing the allowed aspect ratio nearest to a requested size."""

from __future__ import annotations

import pytest

from desktop.core.providers.aspect_ratio import RatioMatch, nearest_ratio, ratio_value

GEMINI = ("1:1", "2:3", "3:2", "3:4", "4:3", "9:16", "16:9", "21:9")


@pytest.mark.parametrize(
    ("width", "height", "ratio"),
    [(1024, 1024, "1:1"), (1920, 1080, "16:9"), (1080, 1920, "9:16"), (1344, 768, "16:9"), (1200, 896, "4:3"),
     (832, 1248, "2:3"), (2560, 1080, "21:9"), (1000, 1010, "1:1")],
)
def test_the_nearest_ratio_is_chosen(width, height, ratio):
    assert nearest_ratio(width, height, GEMINI).ratio == ratio


def test_an_exact_ratio_has_no_error_and_a_distorting_one_says_how_much():
    assert nearest_ratio(1600, 900, GEMINI) == RatioMatch("16:9", pytest.approx(0.0))
    far = nearest_ratio(4000, 1000, GEMINI)
    assert far.ratio == "21:9" and far.error == pytest.approx(4 / (21 / 9) - 1)
    assert far.describe(4000, 1000) == "4000x1000 is closest to 21:9 (71% off)"


def test_distance_is_symmetric_on_a_log_scale():
    """2:1 and 1:2 are equally far from 1:1, so neither orientation is favoured."""
    wide = nearest_ratio(2000, 1000, ("1:1", "4:1"))
    tall = nearest_ratio(1000, 2000, ("1:1", "1:4"))
    assert wide.error == pytest.approx(tall.error)


def test_ratio_value_and_bad_input():
    assert ratio_value("16:9") == pytest.approx(16 / 9)
    for bad in ("16x9", "0:1", "a:b", "3"):
        with pytest.raises(ValueError):
            ratio_value(bad)
    with pytest.raises(ValueError):
        nearest_ratio(0, 10, GEMINI)
    with pytest.raises(ValueError):
        nearest_ratio(10, 10, ())
