"""Planning variants (edit endpoint, new seeds, prompt nudges) and building family trees
that collapse reseeds and show picks."""

from __future__ import annotations

import random

import pytest

from desktop.core.models import GenerationRequest
from desktop.core.workflow.lineage import build_tree, seedless_key
from desktop.core.workflow.records import AssetFacts
from desktop.core.workflow.variants import (
    EDIT,
    PROMPT,
    SEED,
    SEED_AND_PROMPT,
    VariantTarget,
    plan_variants,
)

PARENT = GenerationRequest("a1111", "sdxl", "a red fox in snow", "blurry", 1024, 1024, seed=42,
                           params={"sampler_name": "Euler a"})


def asset(i: int, parent: int | None, seed: int, prompt: str = "a red fox in snow", at: float | None = None) -> AssetFacts:
    req = PARENT.with_changes(seed=seed, prompt=prompt)
    return AssetFacts(i, f"images/{i}.png", None, 1024, 1024, prompt, "blurry", "a1111", "sdxl",
                      seed, req.to_json(), parent, 1, 1, at if at is not None else float(i))


def test_seed_variants_keep_everything_but_the_seed_and_name_their_parent() -> None:
    plan = plan_variants(PARENT, 7, "images/7.png", 4, VariantTarget(), rng=random.Random(3))
    assert plan.method == SEED and "no edit endpoint" in plan.note
    seeds = [s.request.seed for s in plan.specs]
    assert len(set(seeds)) == 4 and 42 not in seeds
    for spec in plan.specs:
        assert spec.parent_asset_id == 7 and spec.tags == ("variant",)
        assert spec.request.with_changes(seed=42) == PARENT


def test_prompt_perturbation_adds_a_different_nudge_to_each_variant() -> None:
    plan = plan_variants(PARENT, 7, "images/7.png", 3, VariantTarget(), vary_prompt=True,
                         rng=random.Random(1))
    assert plan.method == SEED_AND_PROMPT
    prompts = [s.request.prompt for s in plan.specs]
    assert len(set(prompts)) == 3 and all(p.startswith("a red fox in snow, ") for p in prompts)


def test_a_model_without_seeds_varies_by_prompt_only() -> None:
    parent = PARENT.with_changes(provider="openai", model="gpt-image-1", seed=None)
    plan = plan_variants(parent, 7, "images/7.png", 2, VariantTarget(supports_seed=False))
    assert plan.method == PROMPT
    assert [s.request.seed for s in plan.specs] == [None, None]
    assert all(s.request.prompt != parent.prompt for s in plan.specs)


def test_a_provider_with_an_edit_endpoint_gets_the_original_image() -> None:
    plan = plan_variants(PARENT, 7, "images/7.png", 2, VariantTarget(edits=True))
    assert plan.method == EDIT
    assert all(s.request.params["source_image"] == "images/7.png" for s in plan.specs)
    assert all(s.request.params["sampler_name"] == "Euler a" for s in plan.specs)


def test_asking_for_no_variants_is_refused() -> None:
    with pytest.raises(ValueError):
        plan_variants(PARENT, 7, "x", 0, VariantTarget())


def test_the_tree_runs_from_the_original_through_variants_of_variants() -> None:
    family = [asset(1, None, 42), asset(2, 1, 5, "a red fox in snow, closer framing"),
              asset(3, 2, 6, "a red fox in snow, closer framing, softer lighting")]
    (root,) = build_tree(family, collapse=False)
    assert root.asset_id == 1
    assert root.children[0].asset_id == 2 and root.children[0].children[0].asset_id == 3


def test_reseeds_collapse_into_the_picked_one_and_keep_a_count() -> None:
    family = [asset(1, None, 42), asset(2, 1, 5), asset(3, 1, 6), asset(4, 1, 7),
              asset(5, 1, 8, "a red fox in snow, wider framing")]
    (root,) = build_tree(family, {3: "pick", 5: "reject"})
    shown = {c.asset_id: c for c in root.children}
    assert set(shown) == {3, 5}
    assert shown[3].status == "pick" and shown[3].collapsed_count == 2
    assert {a.id for a in shown[3].same_but_seed} == {2, 4}
    assert shown[5].status == "reject" and shown[5].collapsed_count == 0
    assert root.find(4) is shown[3]


def test_a_reseed_with_its_own_variants_is_never_hidden() -> None:
    family = [asset(1, None, 42), asset(2, 1, 5), asset(3, 1, 6), asset(4, 3, 9)]
    (root,) = build_tree(family)
    assert sorted(c.asset_id for c in root.children) == [2, 3]
    assert next(c for c in root.children if c.asset_id == 3).children[0].asset_id == 4


def test_seedless_keys_ignore_only_the_seed() -> None:
    assert seedless_key(asset(1, None, 1)) == seedless_key(asset(2, None, 2))
    assert seedless_key(asset(1, None, 1)) != seedless_key(asset(2, None, 1, "another fox"))
