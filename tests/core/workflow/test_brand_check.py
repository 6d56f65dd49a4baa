"""Brand checks on images built to pass and to fail each rule, with the numbers shown."""

from __future__ import annotations

import pytest

from desktop.core.workflow.brand_check import (
    FAIL,
    PASS,
    SKIPPED,
    BrandCheckResult,
    ImageFacts,
    check_image,
    text_free_result,
)
from desktop.core.workflow.brand_rules import BrandRules, PaletteRule
from tests.core.workflow.images import busy_centre, checker, stripes

RED, NAVY, GREEN = (200, 30, 45), (20, 30, 80), (30, 160, 60)
BRAND = PaletteRule(("#C81E2D", "#141E50"), tolerance=6.0, min_share=0.7)


def only(result: BrandCheckResult, rule: str):
    found = [r for r in result.results if r.rule == rule]
    assert len(found) == 1, result
    return found[0]


def facts(w: int = 200, h: int = 200, prompt: str = "a poster") -> ImageFacts:
    return ImageFacts(w, h, prompt)


def test_an_image_in_brand_colours_passes_the_palette_rule_with_its_share() -> None:
    image = stripes([(RED, 0.5), (NAVY, 0.4), (GREEN, 0.1)])
    result = only(check_image(BrandRules(palette=BRAND), facts(), image), "palette")
    assert result.status == PASS
    assert result.value == pytest.approx(0.9, abs=0.01)
    assert result.detail["per_colour"]["#C81E2D"] == pytest.approx(0.5, abs=0.01)


def test_an_image_mostly_off_palette_fails_and_says_how_much_matched() -> None:
    image = stripes([(RED, 0.3), (GREEN, 0.7)])
    result = only(check_image(BrandRules(palette=BRAND), facts(), image), "palette")
    assert result.status == FAIL
    assert result.value == pytest.approx(0.3, abs=0.01)
    assert "30% of pixels are within ΔE 6" in result.reason and "needs 70%" in result.reason


def test_a_near_colour_counts_within_the_tolerance_and_not_beyond_it() -> None:
    near = tuple(c + 3 for c in RED)  # ΔE2000 about 1.5
    image = stripes([(near, 1.0)])
    assert only(check_image(BrandRules(palette=BRAND), facts(), image), "palette").status == PASS
    strict = PaletteRule(BRAND.colours, tolerance=0.5, min_share=0.7)
    assert only(check_image(BrandRules(palette=strict), facts(), image), "palette").status == FAIL


@pytest.mark.parametrize(("size", "status"), [((1080, 1350), PASS), ((1080, 1080), PASS),
                                              ((1920, 1080), FAIL), ((1090, 1350), PASS)])
def test_aspect_ratio_rule_allows_the_listed_ratios_within_tolerance(size, status) -> None:
    rules = BrandRules(aspect_ratios=("1:1", "4:5"))
    result = only(check_image(rules, facts(*size), None), "aspect_ratio")
    assert result.status == status
    if status == FAIL:
        assert "none of 1:1, 4:5" in result.reason and result.detail["nearest"] == "1:1"


def test_minimum_size_fails_small_images() -> None:
    rules = BrandRules(min_width=1024, min_height=1024)
    assert only(check_image(rules, facts(1024, 1024), None), "min_size").status == PASS
    small = only(check_image(rules, facts(1024, 768), None), "min_size")
    assert small.status == FAIL and "1024x768 is smaller than 1024x1024" in small.reason


def test_forbidden_and_required_words_match_whole_words_and_chinese() -> None:
    rules = BrandRules(forbidden_words=("ad", "競品"), required_words=("Acme", "台北"))
    ok = check_image(rules, facts(prompt="ACME shadow puppets in 台北 at night"), None)
    assert only(ok, "forbidden_words").status == PASS  # "ad" inside "shadow" does not count
    assert only(ok, "required_words").status == PASS
    bad = check_image(rules, facts(prompt="an ad next to the 競品 logo"), None)
    assert only(bad, "forbidden_words").detail["found"] == ["ad", "競品"]
    assert only(bad, "required_words").detail["missing"] == ["Acme", "台北"]
    assert not bad.passed and len(bad.failures) == 2


def test_busy_detail_in_the_safe_area_fails_and_a_quiet_margin_passes() -> None:
    rules = BrandRules(safe_margin=0.15, max_edge_density=0.05)
    busy = only(check_image(rules, facts(), checker()), "safe_area")
    assert busy.status == FAIL and busy.value > 0.3
    quiet = only(check_image(rules, facts(), busy_centre(margin=0.15)), "safe_area")
    assert quiet.status == PASS and quiet.value < 0.05
    assert quiet.detail["centre_density"] > 0.3  # the detail is there, just not in the margin


def test_pixel_rules_are_skipped_when_the_file_cannot_be_read() -> None:
    rules = BrandRules(palette=BRAND, safe_margin=0.1, forbidden_words=("x",))
    result = check_image(rules, facts(prompt="fine"), None)
    assert only(result, "palette").status == SKIPPED and only(result, "safe_area").status == SKIPPED
    assert result.passed  # skipped is not failed


@pytest.mark.parametrize(("answer", "status"), [
    ("YES. The word SALE is printed across the top.", FAIL),
    ("No, there is no visible text.", PASS),
    ("**No** — only a mountain.", PASS),
    ("I cannot tell.", SKIPPED),
    (None, SKIPPED),
])
def test_the_text_free_rule_reads_the_vision_models_yes_or_no(answer, status) -> None:
    result = text_free_result(answer, "Ollama llava:latest")
    assert result.status == status and result.rule == "text_free"


def test_results_survive_json_and_a_rule_can_be_replaced() -> None:
    rules = BrandRules(min_width=10, text_free=True)
    result = check_image(rules, facts(), None)
    assert only(result, "text_free").status == SKIPPED
    updated = result.replace_rule(text_free_result("Yes, a logo with letters.", "m"))
    assert not updated.passed
    assert BrandCheckResult.from_json(updated.to_json()) == updated
    assert BrandRules().is_empty and check_image(BrandRules(), facts(), None).results == ()
