"""The designer's path, headless, over a real library, the real queue engine and the real
A1111 adapter talking to a painting fake: a project from a template, a preset applied to a
batch, brand checks stored automatically, a consistency score, variants of the best image
with their lineage, the decisions in the timeline, and suggestions from a local Ollama."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.core import events as ev
from desktop.core.services import Services
from desktop.core.workflow import events as wev
from desktop.core.workflow.brand_rules import BrandRules, PaletteRule
from desktop.core.workflow.suggestions import parse_suggestions
from tests.core.workflow.conftest import run_queue
from tests.fakes.ollama_chat_fake import FakeOllamaChat

SUGGESTION = ("IMPROVED:\n- a red paper lantern festival in Tainan, dusk, warm bokeh\n"
              "ALTERNATIVES:\n- a macro shot of one lantern\n- an aerial view of the street\n"
              "NEGATIVE:\n- text, watermark, blurry")


@pytest.mark.asyncio
async def test_a_designer_goes_from_template_to_variants_and_suggestions(
        services: Services, ollama: FakeOllamaChat) -> None:
    wf = services.workflow
    seen: list[object] = []
    services.events.subscribe_all(seen.append)

    # A project from the social-media template, with its presets, rules and sizes.
    project_id = await wf.projects.create_from_template("social-media-campaign", "Lantern festival")
    project = wf.projects.project(project_id)
    assert project.sizes == ("1080x1080", "1080x1350", "1080x1920")
    preset = next(e for e in wf.projects.presets(project_id) if e.preset.name == "Campaign – bold clean")
    rules = BrandRules(palette=PaletteRule(("#C81E2D",), tolerance=5, min_share=0.6),
                       aspect_ratios=("1:1", "4:5", "9:16"), min_width=1080,
                       forbidden_words=("watermark",))
    await wf.projects.set_rules(project_id, rules, note="brand red only")

    # Apply the preset to a batch: 2 prompts x 3 sizes, on A1111.
    batch_id, job_ids = await wf.projects.enqueue_with_preset(
        project_id, preset.id, ["red lanterns over a street", "blue night market stalls"], provider="a1111")
    assert len(job_ids) == 6
    await run_queue(services)

    assets = wf.checks.ctx.records.asset_ids(project_id)
    assert len(assets) == 6
    checks = wf.checks.latest(assets)
    assert set(checks) == set(assets)  # every new image was checked automatically
    facts = {a.id: a for a in wf.checks.ctx.records.assets(assets)}
    for asset_id, check in checks.items():
        red = "red" in facts[asset_id].prompt
        assert check.passed is red, (facts[asset_id].prompt, check.result)
        assert {r.rule for r in check.result.results} == {"palette", "aspect_ratio", "min_size",
                                                          "forbidden_words"}
    assert sorted((facts[a].width, facts[a].height) for a in assets)[0] == (1080, 1080)
    assert sum(isinstance(e, wev.BrandCheckDidFinish) for e in seen) == 6

    # A second batch in one size: its consistency score flags the one blue image.
    lanterns = ["red lanterns over a street", "red lanterns by the river", "red lanterns at a temple",
                "blue night market stalls"]
    second, _ = await wf.projects.enqueue_with_preset(project_id, preset.id, lanterns,
                                                      sizes=["1080x1350"], provider="a1111")
    await run_queue(services)
    batch_assets = wf.checks.ctx.records.asset_ids(batch_id=second)
    run_id, report = await wf.consistency.score(batch_assets, project_id=project_id, batch_id=second)
    assert report.measures == ("palette", "phash") and "clip" in report.left_out
    blue = next(a.id for a in wf.checks.ctx.records.assets(batch_assets) if "blue" in a.prompt)
    assert report.outliers == [blue]
    assert wf.consistency.latest(project_id)["id"] == run_id
    reds = [a for a in assets if "red" in facts[a].prompt]

    # Pick the best image and ask for variants: A1111 has no edit endpoint -> new seeds.
    best = reds[0]
    await wf.history.record("pick", [best], note="strongest composition")
    plan, variant_batch, variant_jobs = await wf.variants.request(best, 3)
    assert plan.method == "seed" and len(variant_jobs) == 3
    await run_queue(services)
    (root,) = wf.variants.lineage(best, collapse=False)
    assert root.asset_id == best and root.status == "pick"
    assert len(root.children) == 3
    assert all(c.asset.parent_id == best and c.asset.project_id == project_id for c in root.children)
    (collapsed,) = wf.variants.lineage(root.children[0].asset_id)
    assert len(collapsed.children) == 1 and collapsed.children[0].collapsed_count == 2
    # Variants of variants hang under their parent.
    await wf.variants.request(root.children[0].asset_id, 1)
    await run_queue(services)
    (root,) = wf.variants.lineage(best, collapse=False)
    assert sum(len(c.children) for c in root.children) == 1

    # The timeline: the batches and the decisions, newest first, each leading to images.
    timeline = wf.history.timeline(project_id)
    kinds = [e.kind for e in timeline]
    assert kinds.count("batch") == 4 and "pick" in kinds and "rule_change" in kinds
    first_batch = next(e for e in timeline if e.batch_id == batch_id)
    assert sorted(first_batch.asset_ids) == sorted(assets)
    assert next(e for e in timeline if e.kind == "pick").asset_ids == (best,)

    # Suggestions from the local Ollama, streamed in pieces.
    ollama.script("llama3.2:latest", SUGGESTION)
    pieces = [p async for p in wf.assist.suggest("red lanterns over a street", project_id=project_id)]
    assert len(pieces) > 5 and "".join(pieces) == SUGGESTION
    ideas = parse_suggestions("".join(pieces))
    assert ideas.alternatives == ["a macro shot of one lantern", "an aerial view of the street"]
    sent = ollama.chats[-1]
    assert sent["model"] == "llama3.2:latest" and sent["stream"] is True
    assert "Campaign – bold clean" in sent["messages"][-1]["content"]  # the project's style went along
    assert not any(isinstance(e, ev.TaskDidFail) for e in seen)


@pytest.mark.asyncio
async def test_brand_checks_and_history_reach_the_tables_analytics_reads(services: Services) -> None:
    wf = services.workflow
    project_id = await wf.projects.create("Icons")
    await wf.projects.set_rules(project_id, BrandRules(min_width=2000))
    preset_id = await wf.projects.save_preset(project_id, wf.projects.templates()[0].presets[0])
    await wf.projects.enqueue_with_preset(project_id, preset_id, ["green leaf"], sizes=["512x512"],
                                          provider="a1111")
    await run_queue(services)
    (asset_id,) = wf.checks.ctx.records.asset_ids(project_id)
    await wf.history.record("approve", [asset_id], note="ok for launch")
    with services.db.engine_or_raise().connect() as conn:
        checks = conn.execute(text("SELECT asset_id, project_id, passed FROM brand_checks")).all()
        decisions = conn.execute(text("SELECT kind, asset_id, project_id, note FROM decisions"
                                      " ORDER BY id")).all()
    assert checks == [(asset_id, project_id, 0)]
    assert [d.kind for d in decisions] == ["rule_change", "preset_change", "approve"]
    assert decisions[-1][1:] == (asset_id, project_id, "ok for launch")
