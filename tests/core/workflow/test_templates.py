"""Project templates: the shipped ones load and say what they promise; user templates save,
import and export as the same JSON; bad files are named with the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.workflow.brand_rules import BrandRules, parse_ratio
from desktop.core.workflow.context import shipped_templates_dir
from desktop.core.workflow.errors import FormatError
from desktop.core.workflow.templates import ProjectTemplate, TemplateCatalog, read_template, slug


def catalog(tmp_path: Path) -> TemplateCatalog:
    return TemplateCatalog(shipped_templates_dir(), tmp_path / "user-templates")


def test_the_shipped_templates_load_and_cover_the_documented_uses(tmp_path: Path) -> None:
    templates = {t.key: t for t in catalog(tmp_path).templates()}
    assert set(templates) == {"social-media-campaign", "product-shots", "storyboard-frames", "app-icons"}
    for t in templates.values():
        assert t.origin == "shipped" and t.presets and t.starter_prompts and t.sizes
        assert all("{prompt}" in p.positive for p in t.presets)
        ratios = [parse_ratio(r) for r in t.brand_rules.aspect_ratios]
        for w, h in t.size_pairs():  # every size a template makes passes its own ratio rule
            assert any(abs((w / h) / r - 1) <= t.brand_rules.aspect_tolerance for r in ratios), (t.key, w, h)


def test_the_social_media_template_makes_square_portrait_and_story_sizes(tmp_path: Path) -> None:
    social = catalog(tmp_path).get("social-media-campaign")
    ratios = sorted(round(w / h, 3) for w, h in social.size_pairs())
    assert ratios == [0.562, 0.8, 1.0]


def test_a_user_template_saves_imports_and_exports_as_the_same_json(tmp_path: Path) -> None:
    cat = catalog(tmp_path)
    shipped = cat.get("app-icons")
    mine = cat.save_user(ProjectTemplate(name="我的 圖示", presets=shipped.presets,
                                         brand_rules=shipped.brand_rules, sizes=("512x512",)))
    assert mine.key == slug("我的 圖示") == "我的-圖示" and mine.origin == "user"
    again = read_template(tmp_path / "user-templates" / f"{mine.key}.json")
    assert again.presets == shipped.presets and again.brand_rules == shipped.brand_rules
    exported = tmp_path / "export.json"
    exported.write_text(again.to_json(), encoding="utf-8")
    imported = TemplateCatalog(tmp_path / "none", tmp_path / "other").import_file(exported)
    assert imported.to_dict() == again.to_dict()
    assert [t.key for t in cat.templates() if t.origin == "user"] == ["我的-圖示"]


@pytest.mark.parametrize(("change", "message"), [
    ({"format": "something-else"}, r": format: expected"),
    ({"version": 99}, r": version: version 99 is newer"),
    ({"sizes": ["1080 by 1080"]}, r": sizes: '1080 by 1080' is not WIDTHxHEIGHT"),
    ({"presets": [{"name": "x", "seed": {"mode": "sometimes"}}]}, r"presets\[0\]: seed mode 'sometimes'"),
    ({"brand_rules": {"palette": {"colours": ["#12345"]}}}, r"brand_rules.palette.colours: '#12345'"),
    ({"brand_rules": {"aspect_ratios": ["wide"]}}, r"brand_rules.aspect_ratios: 'wide' is not"),
    ({"brand_rules": {"safe_margin": 0.7}}, r"brand_rules.safe_margin: must be a fraction"),
])
def test_a_bad_template_names_the_file_and_the_field(tmp_path: Path, change: dict, message: str) -> None:
    data = {"format": "batch-image-generator/project-template", "version": 1, "name": "T", **change}
    path = tmp_path / "t.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FormatError, match=message) as caught:
        read_template(path)
    assert str(path) in str(caught.value)


def test_broken_json_is_named_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text('{\n  "name": "x",\n}', encoding="utf-8")
    with pytest.raises(FormatError, match=r"t.json:3:1: not valid JSON"):
        read_template(path)


def test_brand_rules_round_trip_and_normalise_colours() -> None:
    rules = BrandRules.from_dict({"palette": {"colours": ["ff0000", "#00aa00"], "tolerance": 12,
                                              "min_share": 0.4}, "required_words": [" brand "]})
    assert rules.palette.colours == ("#FF0000", "#00AA00")
    assert rules.required_words == ("brand",)
    assert BrandRules.from_dict(rules.to_dict()) == rules
    assert BrandRules().is_empty and not rules.is_empty
