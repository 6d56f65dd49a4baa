"""Projects, presets and rules in the library, and the history every change leaves: who,
when, why, with what changed; exports for reports."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.core.services import Services
from desktop.core.workflow.brand_rules import BrandRules
from desktop.core.workflow.errors import DuplicateNameError, NotFoundError, WorkflowError
from desktop.core.workflow.presets import StylePreset
from tests.core.workflow.conftest import run_queue

pytestmark = pytest.mark.asyncio


async def test_a_project_from_a_template_gets_its_presets_rules_sizes_and_prompts(services: Services) -> None:
    wf = services.workflow
    template = wf.projects.catalog.get("product-shots")
    project_id = await wf.projects.create_from_template("product-shots", "春季新品")
    info = wf.projects.project(project_id)
    assert (info.name, info.template, info.sizes) == ("春季新品", "product-shots", template.sizes)
    assert info.starter_prompts == template.starter_prompts
    assert [e.preset for e in wf.projects.presets(project_id, include_global=False)] == sorted(
        template.presets, key=lambda p: p.name)
    assert wf.projects.rules(project_id).rules == template.brand_rules
    assert wf.projects.rules(project_id).version == 1


async def test_project_names_are_unique_and_missing_projects_are_named(services: Services) -> None:
    wf = services.workflow
    await wf.projects.create("Autumn")
    with pytest.raises(DuplicateNameError, match="'Autumn' already exists"):
        await wf.projects.create("Autumn")
    with pytest.raises(NotFoundError, match="project 999 does not exist"):
        wf.projects.project(999)


async def test_saving_a_project_as_a_template_keeps_what_it_has_become(services: Services) -> None:
    wf = services.workflow
    project_id = await wf.projects.create_from_template("app-icons", "Weather icons")
    await wf.projects.save_preset(project_id, StylePreset("Line icon", "{prompt}, thin line icon"))
    await wf.projects.set_rules(project_id, BrandRules(aspect_ratios=("1:1",), text_free=True))
    saved = await wf.projects.save_as_template(project_id, "Weather icon set")
    assert saved.origin == "user"
    again = wf.projects.catalog.get(saved.key, "user")
    assert "Line icon" in [p.name for p in again.presets]
    assert again.brand_rules == BrandRules(aspect_ratios=("1:1",), text_free=True)
    other = await wf.projects.create_from_template(saved.key, "Copy", origin="user")
    assert len(wf.projects.presets(other, include_global=False)) == 3


async def test_preset_and_rule_changes_are_recorded_with_before_and_after(services: Services) -> None:
    wf = services.workflow
    project_id = await wf.projects.create("Posters")
    preset_id = await wf.projects.save_preset(project_id, StylePreset("Bold", "{prompt}, bold"))
    await wf.projects.save_preset(project_id, StylePreset("Bold", "{prompt}, bolder"), preset_id,
                                  note="client wants more punch")
    await wf.projects.set_rules(project_id, BrandRules(min_width=800), note="print size")
    await wf.projects.delete_preset(preset_id, note="not used")
    history = wf.history.decisions(project_id)
    assert [d.kind for d in history] == ["preset_change", "rule_change", "preset_change", "preset_change"]
    update = history[2]
    assert update.note == "client wants more punch" and update.payload["action"] == "update"
    assert update.payload["before"]["positive"] == "{prompt}, bold"
    assert update.payload["after"]["positive"] == "{prompt}, bolder"
    assert history[0].payload["action"] == "delete" and history[0].payload["after"] is None
    assert history[1].payload["after"]["min_width"] == 800
    assert all(d.actor == wf.ctx.actor for d in history)
    assert wf.projects.rules(project_id).version == 2


async def test_decisions_are_one_per_image_and_only_of_known_kinds(services: Services) -> None:
    wf = services.workflow
    project_id = await wf.projects.create("Shots")
    preset_id = await wf.projects.save_preset(project_id, StylePreset("Plain"))
    await wf.projects.enqueue_with_preset(project_id, preset_id, ["red cup", "blue cup"],
                                          sizes=["64x64"], provider="a1111")
    await run_queue(services)
    a, b = wf.ctx.records.asset_ids(project_id)
    ids = await wf.history.record("reject", [a, b], note="off brief")
    assert len(ids) == 2
    await wf.history.record("pick", [a])
    assert wf.history.statuses([a, b]) == {a: "pick", b: "reject"}
    await wf.history.record("comment", project_id=project_id, note="再亮一點")
    assert wf.history.decisions(project_id)[0].asset_id is None
    with pytest.raises(WorkflowError, match="decision kind 'like'"):
        await wf.history.record("like", [a])
    with pytest.raises(WorkflowError, match="image\\(s\\) 12345 do not exist"):
        await wf.history.record("pick", [12345])
    with pytest.raises(IntegrityError), services.db.engine_or_raise().begin() as conn:
        conn.execute(text("INSERT INTO decisions (kind, actor, note, payload_json, created_at)"
                          " VALUES ('like', '', '', '{}', 0)"))


async def test_history_and_checks_export_as_json_and_csv(services: Services, tmp_path: Path) -> None:
    wf = services.workflow
    project_id = await wf.projects.create("Export")
    await wf.projects.set_rules(project_id, BrandRules(min_width=100, forbidden_words=("cup",)))
    preset_id = await wf.projects.save_preset(project_id, StylePreset("Plain"))
    await wf.projects.enqueue_with_preset(project_id, preset_id, ["red cup"], sizes=["64x64"], provider="a1111")
    await run_queue(services)
    (asset_id,) = wf.ctx.records.asset_ids(project_id)
    await wf.history.record("request_changes", [asset_id], note="bigger, and no cups")

    assert await wf.history.export(project_id, tmp_path / "history.json") == 4
    data = json.loads((tmp_path / "history.json").read_text("utf-8"))
    assert data[0]["kind"] == "request_changes" and data[0]["asset_ids"] == [asset_id]
    assert {d["kind"] for d in data} == {"request_changes", "batch", "preset_change", "rule_change"}
    await wf.history.export(project_id, tmp_path / "history.csv")
    table = list(csv.DictReader((tmp_path / "history.csv").open(encoding="utf-8-sig")))
    assert table[0]["note"] == "bigger, and no cups"

    assert await wf.checks.export(project_id, tmp_path / "checks.csv") == 1
    lines = list(csv.DictReader((tmp_path / "checks.csv").open(encoding="utf-8-sig")))
    assert {(r["rule"], r["status"]) for r in lines} == {("min_size", "fail"), ("forbidden_words", "fail")}
    assert all(r["passed"] == "0" for r in lines)
    await wf.checks.export(project_id, tmp_path / "checks.json")
    checks = json.loads((tmp_path / "checks.json").read_text("utf-8"))
    assert checks[0]["passed"] is False and len(checks[0]["results"]) == 2


async def test_changed_rules_make_old_results_stale_and_a_project_check_catches_up(services: Services) -> None:
    wf = services.workflow
    project_id = await wf.projects.create("Catch up")
    preset_id = await wf.projects.save_preset(project_id, StylePreset("Plain"))
    await wf.projects.enqueue_with_preset(project_id, preset_id, ["red cup", "red mug"],
                                          sizes=["64x64"], provider="a1111")
    await run_queue(services)  # no rules yet: nothing to check
    ids = wf.ctx.records.asset_ids(project_id)
    assert wf.checks.latest(ids) == {}
    await wf.projects.set_rules(project_id, BrandRules(required_words=("mug",)))
    assert await wf.checks.check_project(project_id) == 2
    assert await wf.checks.check_project(project_id) == 0  # nothing stale left
    results = {wf.ctx.records.assets([i])[0].prompt: c.passed for i, c in wf.checks.latest(ids).items()}
    assert results == {"red cup": False, "red mug": True}


async def test_styles_import_into_a_project_and_export_back(services: Services, tmp_path: Path) -> None:
    wf = services.workflow
    project_id = await wf.projects.create("Styles")
    source = tmp_path / "styles.csv"
    source.write_text('name,prompt,negative_prompt\nNoir,"{prompt}, film noir",colour\n', encoding="utf-8")
    (preset_id,) = await wf.projects.import_styles(source, project_id)
    assert wf.projects.preset(preset_id).preset.apply("a detective") == ("a detective, film noir", "colour")
    assert wf.history.decisions(project_id)[0].note == "imported from styles.csv"
    assert await wf.projects.export_styles(project_id, tmp_path / "out.json") == 1
    assert json.loads((tmp_path / "out.json").read_text("utf-8"))[0]["name"] == "Noir"


async def test_deleting_a_project_keeps_its_images_unassigned(services: Services) -> None:
    wf = services.workflow
    project_id = await wf.projects.create("Temporary")
    preset_id = await wf.projects.save_preset(project_id, StylePreset("Plain"))
    await wf.projects.enqueue_with_preset(project_id, preset_id, ["red"], sizes=["64x64"], provider="a1111")
    await run_queue(services)
    (asset_id,) = wf.ctx.records.asset_ids(project_id)
    await wf.projects.delete(project_id)
    assert wf.projects.projects() == []
    assert wf.ctx.records.assets([asset_id])[0].project_id is None
