"""Translated words for what the workflow core hands over as data: decision kinds, brand
rules and their results (built from the numbers, not the core's English), consistency
measures, variant methods, shipped template names, and the language-model status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.ui import formatting as fmt

DECISIONS = {
    "pick": QT_TRANSLATE_NOOP("WorkflowDecision", "Picked"),
    "reject": QT_TRANSLATE_NOOP("WorkflowDecision", "Rejected"),
    "approve": QT_TRANSLATE_NOOP("WorkflowDecision", "Approved"),
    "request_changes": QT_TRANSLATE_NOOP("WorkflowDecision", "Changes requested"),
    "comment": QT_TRANSLATE_NOOP("WorkflowDecision", "Comment"),
    "preset_change": QT_TRANSLATE_NOOP("WorkflowDecision", "Preset changed"),
    "rule_change": QT_TRANSLATE_NOOP("WorkflowDecision", "Brand rules changed"),
    "batch": QT_TRANSLATE_NOOP("WorkflowDecision", "Batch made"),
}

RULES = {
    "palette": QT_TRANSLATE_NOOP("WorkflowRule", "Palette"),
    "aspect_ratio": QT_TRANSLATE_NOOP("WorkflowRule", "Aspect ratio"),
    "min_size": QT_TRANSLATE_NOOP("WorkflowRule", "Minimum size"),
    "forbidden_words": QT_TRANSLATE_NOOP("WorkflowRule", "Forbidden words"),
    "required_words": QT_TRANSLATE_NOOP("WorkflowRule", "Required words"),
    "safe_area": QT_TRANSLATE_NOOP("WorkflowRule", "Safe area"),
    "text_free": QT_TRANSLATE_NOOP("WorkflowRule", "No text"),
}

STATUSES = {
    "pass": QT_TRANSLATE_NOOP("WorkflowRule", "Pass"),
    "fail": QT_TRANSLATE_NOOP("WorkflowRule", "Fail"),
    "skipped": QT_TRANSLATE_NOOP("WorkflowRule", "Skipped"),
}

MEASURES = {
    "palette": QT_TRANSLATE_NOOP("WorkflowMeasure", "colour palette (CIELAB)"),
    "phash": QT_TRANSLATE_NOOP("WorkflowMeasure", "perceptual hash"),
    "clip": QT_TRANSLATE_NOOP("WorkflowMeasure", "CLIP similarity"),
}
MEASURE_SEPARATOR = QT_TRANSLATE_NOOP("WorkflowMeasure", ", ")

VARIANT_METHODS = {
    "edit": QT_TRANSLATE_NOOP("WorkflowVariant", "through the provider's edit endpoint"),
    "seed": QT_TRANSLATE_NOOP("WorkflowVariant", "with new seeds (this provider has no edit endpoint)"),
    "seed+prompt": QT_TRANSLATE_NOOP("WorkflowVariant", "with new seeds and small prompt changes"),
    "prompt": QT_TRANSLATE_NOOP("WorkflowVariant", "with small prompt changes (this model takes no seed)"),
}

# Shipped templates by key: (name, description) as they read in the user's language.
TEMPLATES = {
    "social-media-campaign": (
        QT_TRANSLATE_NOOP("WorkflowTemplate", "Social media campaign"),
        QT_TRANSLATE_NOOP("WorkflowTemplate", "One campaign look across feed (1:1), portrait (4:5) "
                          "and story (9:16) formats.")),
    "product-shots": (
        QT_TRANSLATE_NOOP("WorkflowTemplate", "Product shots"),
        QT_TRANSLATE_NOOP("WorkflowTemplate", "E-commerce packshots on white and lifestyle scenes, "
                          "square and landscape.")),
    "storyboard-frames": (
        QT_TRANSLATE_NOOP("WorkflowTemplate", "Storyboard frames"),
        QT_TRANSLATE_NOOP("WorkflowTemplate", "Widescreen frames in one consistent sketch style, a "
                          "locked seed range so frames match.")),
    "app-icons": (
        QT_TRANSLATE_NOOP("WorkflowTemplate", "App icons"),
        QT_TRANSLATE_NOOP("WorkflowTemplate", "Square icons with a clear silhouette, quiet edges "
                          "and no text.")),
}


# The shipped templates' briefs and preset names, so a project starts in the user's language.
TEMPLATE_TEXTS = {
    "A launch campaign for a product or event: bold, clean visuals with room for a headline added later.":
        QT_TRANSLATE_NOOP("WorkflowTemplate", "A launch campaign for a product or event: bold, clean "
                          "visuals with room for a headline added later."),
    "Clean, accurate product photography for an online shop: the product is the hero, colours true to life.":
        QT_TRANSLATE_NOOP("WorkflowTemplate", "Clean, accurate product photography for an online shop: "
                          "the product is the hero, colours true to life."),
    "Frames for a short film or ad: one look from shot to shot so the sequence reads as a whole.":
        QT_TRANSLATE_NOOP("WorkflowTemplate", "Frames for a short film or ad: one look from shot to shot "
                          "so the sequence reads as a whole."),
    "An app icon family: one simple symbol per icon, readable at 48 px, consistent palette.":
        QT_TRANSLATE_NOOP("WorkflowTemplate", "An app icon family: one simple symbol per icon, readable "
                          "at 48 px, consistent palette."),
    "Campaign – bold clean": QT_TRANSLATE_NOOP("WorkflowTemplate", "Campaign – bold clean"),
    "Campaign – illustrated": QT_TRANSLATE_NOOP("WorkflowTemplate", "Campaign – illustrated"),
    "Packshot on white": QT_TRANSLATE_NOOP("WorkflowTemplate", "Packshot on white"),
    "Lifestyle scene": QT_TRANSLATE_NOOP("WorkflowTemplate", "Lifestyle scene"),
    "Storyboard sketch": QT_TRANSLATE_NOOP("WorkflowTemplate", "Storyboard sketch"),
    "Cinematic colour key": QT_TRANSLATE_NOOP("WorkflowTemplate", "Cinematic colour key"),
    "Flat icon": QT_TRANSLATE_NOOP("WorkflowTemplate", "Flat icon"),
    "Glossy 3D icon": QT_TRANSLATE_NOOP("WorkflowTemplate", "Glossy 3D icon"),
}


def localised_template(template: Any) -> Any:
    """A shipped template with its brief and preset names in the user's language (prompt
    texts stay as shipped: image models read English best)."""
    from dataclasses import replace

    if template.origin != "shipped":
        return template
    texts = {k: _t("WorkflowTemplate", v) for k, v in TEMPLATE_TEXTS.items()}
    presets = tuple(p.with_changes(name=texts.get(p.name, p.name)) for p in template.presets)
    return replace(template, brief=texts.get(template.brief, template.brief),
                   description=template_description(template.key, template.origin, template.description),
                   presets=presets)


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def decision_name(kind: str) -> str:
    return _t("WorkflowDecision", DECISIONS.get(kind, kind))


def rule_name(rule: str) -> str:
    return _t("WorkflowRule", RULES.get(rule, rule))


def status_name(status: str) -> str:
    return _t("WorkflowRule", STATUSES.get(status, status))


def measures_text(measures: tuple[str, ...] | list[str]) -> str:
    return _t("WorkflowMeasure", MEASURE_SEPARATOR).join(_t("WorkflowMeasure", MEASURES.get(m, m)) for m in measures)


def variant_method(method: str) -> str:
    return _t("WorkflowVariant", VARIANT_METHODS.get(method, method))


def template_name(key: str, origin: str, name: str) -> str:
    """Shipped templates in the user's language; the user's own as they named them."""
    if origin == "shipped" and key in TEMPLATES:
        return _t("WorkflowTemplate", TEMPLATES[key][0])
    return name


def template_description(key: str, origin: str, description: str) -> str:
    if origin == "shipped" and key in TEMPLATES:
        return _t("WorkflowTemplate", TEMPLATES[key][1])
    return description


PHRASES = {
    "skip_text": QT_TRANSLATE_NOOP("WorkflowRule", "Not checked: no vision model is reachable"),
    "skip_file": QT_TRANSLATE_NOOP("WorkflowRule", "Not checked: the image file could not be read"),
    "palette": QT_TRANSLATE_NOOP("WorkflowRule", "%1 of pixels match the palette within ΔE %2 (needs %3)"),
    "ratio_ok": QT_TRANSLATE_NOOP("WorkflowRule", "%1 has an allowed aspect ratio (%2)"),
    "ratio_bad": QT_TRANSLATE_NOOP("WorkflowRule", "%1 has no allowed aspect ratio; nearest is %2"),
    "size_ok": QT_TRANSLATE_NOOP("WorkflowRule", "%1 is at least %2"),
    "size_bad": QT_TRANSLATE_NOOP("WorkflowRule", "%1 is smaller than %2"),
    "forbidden": QT_TRANSLATE_NOOP("WorkflowRule", "The prompt uses forbidden words: %1"),
    "forbidden_ok": QT_TRANSLATE_NOOP("WorkflowRule", "The prompt uses no forbidden word"),
    "required": QT_TRANSLATE_NOOP("WorkflowRule", "The prompt lacks required words: %1"),
    "required_ok": QT_TRANSLATE_NOOP("WorkflowRule", "The prompt has every required word"),
    "safe_area": QT_TRANSLATE_NOOP("WorkflowRule", "Edge density in the %1 margin is %2 (at most %3)"),
    "text": QT_TRANSLATE_NOOP("WorkflowRule", "The vision model sees text"),
    "no_text": QT_TRANSLATE_NOOP("WorkflowRule", "The vision model sees no text"),
    "list_sep": QT_TRANSLATE_NOOP("WorkflowRule", ", "),
}


def _pct(value: Any) -> str:
    return fmt.percent(float(value or 0))


def _p(key: str, *args: str) -> str:
    text = _t("WorkflowRule", PHRASES[key])
    for i, arg in enumerate(args, start=1):
        text = text.replace(f"%{i}", arg)
    return text


def rule_text(rule: str, status: str, value: Any, limit: Any, detail: dict[str, Any]) -> str:
    """One brand-check result as a sentence in the user's language, with its numbers."""
    sep = _p("list_sep")
    if status == "skipped":
        return _p("skip_text") if rule == "text_free" else _p("skip_file")
    if rule == "palette":
        return _p("palette", _pct(value), fmt.number(float(detail.get("tolerance", 0)), 1), _pct(limit))
    if rule == "aspect_ratio":
        return _p("ratio_ok" if status == "pass" else "ratio_bad", str(detail.get("size", "")),
                  str(detail.get("nearest", "")))
    if rule == "min_size":
        return _p("size_ok" if status == "pass" else "size_bad", str(detail.get("size", "")),
                  str(detail.get("minimum", "")))
    if rule == "forbidden_words":
        found = detail.get("found") or []
        return _p("forbidden", sep.join(found)) if found else _p("forbidden_ok")
    if rule == "required_words":
        missing = detail.get("missing") or []
        return _p("required", sep.join(missing)) if missing else _p("required_ok")
    if rule == "safe_area":
        return _p("safe_area", _pct(detail.get("margin", 0)), _pct(value), _pct(limit))
    if rule == "text_free":
        return _p("text" if status == "fail" else "no_text")
    return rule
