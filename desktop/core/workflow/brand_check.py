"""Checking one image against brand rules. Each rule gives pass, fail or skipped with a
plain sentence and its numbers; an image passes when no rule failed. The pixel rules run
in a worker thread; "no text" asks a vision model and is skipped when none is reachable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from desktop.core.workflow.brand_rules import BrandRules, parse_hex, parse_ratio
from desktop.core.workflow.colour import srgb_to_lab
from desktop.core.workflow.image_measures import edge_map, margin_mask, palette_share

PASS, FAIL, SKIPPED = "pass", "fail", "skipped"
TEXT_QUESTION = (
    "Does this image contain any visible text: letters, words, numbers, captions or "
    "watermarks? Answer YES or NO as the first word, then say in one short sentence what "
    "you see."
)


@dataclass(frozen=True)
class RuleResult:
    rule: str  # palette | aspect_ratio | min_size | forbidden_words | required_words | safe_area | text_free
    status: str  # pass | fail | skipped
    reason: str
    value: float | None = None
    limit: float | None = None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class BrandCheckResult:
    results: tuple[RuleResult, ...]

    @property
    def passed(self) -> bool:
        return all(r.status != FAIL for r in self.results)

    @property
    def failures(self) -> list[RuleResult]:
        return [r for r in self.results if r.status == FAIL]

    def replace_rule(self, result: RuleResult) -> BrandCheckResult:
        kept = [r for r in self.results if r.rule != result.rule]
        return BrandCheckResult(tuple(kept + [result]))

    def to_json(self) -> str:
        return json.dumps([asdict(r) for r in self.results], ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> BrandCheckResult:
        return cls(tuple(RuleResult(**item) for item in json.loads(text or "[]")))


@dataclass(frozen=True)
class ImageFacts:
    """What the checks need besides pixels: the full size and the prompt it was made from."""

    width: int
    height: int
    prompt: str


def _word_pattern(word: str) -> re.Pattern[str]:
    # Latin words match whole words ("ad" is not in "shadow"); CJK has no word breaks.
    if re.fullmatch(r"[\w\s'-]+", word, flags=re.ASCII):
        return re.compile(rf"(?<![\w]){re.escape(word)}(?![\w])", re.IGNORECASE)
    return re.compile(re.escape(word), re.IGNORECASE)


def check_words(rules: BrandRules, prompt: str) -> list[RuleResult]:
    out = []
    if rules.forbidden_words:
        found = [w for w in rules.forbidden_words if _word_pattern(w).search(prompt)]
        out.append(RuleResult(
            "forbidden_words", FAIL if found else PASS,
            f"the prompt uses forbidden words: {', '.join(found)}" if found
            else "the prompt uses no forbidden word", float(len(found)), 0.0, {"found": found}))
    if rules.required_words:
        missing = [w for w in rules.required_words if not _word_pattern(w).search(prompt)]
        out.append(RuleResult(
            "required_words", FAIL if missing else PASS,
            f"the prompt lacks required words: {', '.join(missing)}" if missing
            else "the prompt has every required word", float(len(missing)), 0.0,
            {"missing": missing}))
    return out


def check_geometry(rules: BrandRules, facts: ImageFacts) -> list[RuleResult]:
    out = []
    if rules.aspect_ratios and facts.height > 0:
        ratio = facts.width / facts.height
        errors = {r: abs(ratio / parse_ratio(r) - 1) for r in rules.aspect_ratios}
        best = min(errors, key=lambda r: errors[r])
        ok = errors[best] <= rules.aspect_tolerance
        out.append(RuleResult(
            "aspect_ratio", PASS if ok else FAIL,
            f"{facts.width}x{facts.height} is {best}" if ok else
            f"{facts.width}x{facts.height} (ratio {ratio:.3f}) is none of "
            f"{', '.join(rules.aspect_ratios)}; nearest {best} is off by {errors[best]:.1%}",
            round(ratio, 4), round(parse_ratio(best), 4),
            {"nearest": best, "size": f"{facts.width}x{facts.height}"}))
    if rules.min_width or rules.min_height:
        ok = facts.width >= rules.min_width and facts.height >= rules.min_height
        out.append(RuleResult(
            "min_size", PASS if ok else FAIL,
            f"{facts.width}x{facts.height} is at least {rules.min_width}x{rules.min_height}" if ok
            else f"{facts.width}x{facts.height} is smaller than {rules.min_width}x{rules.min_height}",
            float(min(facts.width, facts.height)), float(min(rules.min_width, rules.min_height)),
            {"size": f"{facts.width}x{facts.height}",
             "minimum": f"{rules.min_width}x{rules.min_height}"}))
    return out


def check_palette(rules: BrandRules, rgb: np.ndarray) -> list[RuleResult]:
    palette = rules.palette
    if not palette.colours:
        return []
    lab = srgb_to_lab(np.array([parse_hex(c) for c in palette.colours], dtype=float))
    share, per_colour = palette_share(rgb, lab, palette.tolerance)
    ok = share >= palette.min_share
    return [RuleResult(
        "palette", PASS if ok else FAIL,
        f"{share:.0%} of pixels are within ΔE {palette.tolerance:g} of the palette "
        f"(needs {palette.min_share:.0%})", round(share, 4), palette.min_share,
        {"per_colour": dict(zip(palette.colours, [round(s, 4) for s in per_colour], strict=True)),
         "tolerance": palette.tolerance})]


def check_safe_area(rules: BrandRules, rgb: np.ndarray) -> list[RuleResult]:
    if rules.safe_margin <= 0:
        return []
    edges = edge_map(rgb)
    band = margin_mask(*edges.shape, rules.safe_margin)
    density = float(edges[band].mean()) if band.any() else 0.0
    centre = float(edges[~band].mean()) if (~band).any() else 0.0
    ok = density <= rules.max_edge_density
    return [RuleResult(
        "safe_area", PASS if ok else FAIL,
        f"edge density in the {rules.safe_margin:.0%} margin is {density:.1%} "
        f"(at most {rules.max_edge_density:.1%}; centre {centre:.1%})",
        round(density, 4), rules.max_edge_density,
        {"centre_density": round(centre, 4), "margin": rules.safe_margin})]


def check_image(rules: BrandRules, facts: ImageFacts, rgb: np.ndarray | None) -> BrandCheckResult:
    """Every rule but "no text"; pixel rules are skipped when the file cannot be read."""
    results = check_geometry(rules, facts) + check_words(rules, facts.prompt)
    pixel_rules = [name for name, on in (("palette", bool(rules.palette.colours)),
                                         ("safe_area", rules.safe_margin > 0)) if on]
    if rgb is None:
        results += [RuleResult(n, SKIPPED, "the image file could not be read") for n in pixel_rules]
    else:
        results += check_palette(rules, rgb) + check_safe_area(rules, rgb)
    if rules.text_free:
        results.append(RuleResult("text_free", SKIPPED, "waiting for a vision model"))
    return BrandCheckResult(tuple(results))


def text_free_result(answer: str | None, model: str, unavailable: str = "") -> RuleResult:
    """The "no text" rule from a vision model's answer to `TEXT_QUESTION`."""
    if answer is None:
        return RuleResult("text_free", SKIPPED, unavailable or "no vision model is reachable")
    first = re.sub(r"[^A-Za-z]", "", (answer.strip().split() or [""])[0]).upper()
    if first not in ("YES", "NO"):
        return RuleResult("text_free", SKIPPED, f"{model} gave no yes/no answer: {answer[:120]}",
                          detail={"model": model})
    has_text = first == "YES"
    return RuleResult(
        "text_free", FAIL if has_text else PASS,
        f"{model} sees text: {answer.strip()[:200]}" if has_text else f"{model} sees no text",
        detail={"model": model, "answer": answer.strip()[:500]})


def summarise(results: Sequence[RuleResult]) -> str:
    failed = [r.reason for r in results if r.status == FAIL]
    return "; ".join(failed) if failed else "passes every rule"
