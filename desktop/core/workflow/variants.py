"""Planning N variants of an image as queue jobs that name their parent.

Where the provider declares an edit endpoint (`Capabilities.edits`), each variant asks it to
rework the original (`params["source_image"]`, a library-relative path the adapter reads);
otherwise variants come from new seeds under the same request and, when asked or when the
model takes no seed, small prompt perturbations. The plan says which method it used.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from desktop.core.models import GenerationRequest, JobSpec

SEED_LIMIT = 2**31 - 1
# Small, style-neutral nudges: they move composition and light, not the subject.
PROMPT_NUDGES = (
    "slightly different composition",
    "alternative camera angle",
    "softer lighting",
    "more dramatic lighting",
    "closer framing",
    "wider framing",
    "subtle colour variation",
    "different background detail",
    "shallower depth of field",
    "alternative pose",
)
EDIT, SEED, SEED_AND_PROMPT, PROMPT = "edit", "seed", "seed+prompt", "prompt"


@dataclass(frozen=True)
class VariantTarget:
    """What the parent's provider can do, from its capabilities."""

    edits: bool = False
    supports_seed: bool = True


@dataclass(frozen=True)
class VariantPlan:
    specs: tuple[JobSpec, ...]
    method: str  # edit | seed | seed+prompt | prompt
    note: str  # plain English: what will vary and why


def _new_seeds(count: int, avoid: int | None, rng: random.Random) -> list[int]:
    seeds: list[int] = []
    while len(seeds) < count:
        seed = rng.randint(0, SEED_LIMIT)
        if seed != avoid and seed not in seeds:
            seeds.append(seed)
    return seeds


def plan_variants(
    parent: GenerationRequest,
    parent_asset_id: int,
    parent_path: str,
    count: int,
    target: VariantTarget,
    *,
    vary_prompt: bool = False,
    rng: random.Random | None = None,
) -> VariantPlan:
    if count < 1:
        raise ValueError("ask for at least one variant")
    rng = rng or random.Random()
    base = parent.with_changes(params={k: v for k, v in parent.params.items()
                                       if k != "source_image"})
    if target.edits:
        seeds = _new_seeds(count, parent.seed, rng) if target.supports_seed else [None] * count
        requests = [base.with_changes(seed=s, params={**base.params, "source_image": parent_path})
                    for s in seeds]
        return _plan(requests, parent_asset_id, EDIT, f"{parent.provider} reworks the original "
                     "through its edit endpoint")

    perturb = vary_prompt or not target.supports_seed
    seeds = _new_seeds(count, parent.seed, rng) if target.supports_seed else [None] * count
    nudges = _nudges(count, rng) if perturb else [None] * count
    requests = []
    for seed, nudge in zip(seeds, nudges, strict=True):
        request = base.with_changes(seed=seed)
        if nudge:
            request = request.with_changes(prompt=f"{parent.prompt}, {nudge}")
        requests.append(request)
    if not target.supports_seed:
        method, note = PROMPT, (f"{parent.provider} {parent.model} takes no seed and no edit: "
                                "variants come from small prompt changes")
    elif perturb:
        method, note = SEED_AND_PROMPT, "new seeds and small prompt changes under the same preset"
    else:
        method, note = SEED, (f"{parent.provider} has no edit endpoint here: new seeds under the "
                              "same prompt and preset")
    return _plan(requests, parent_asset_id, method, note)


def _nudges(count: int, rng: random.Random) -> list[str]:
    pool = list(PROMPT_NUDGES)
    rng.shuffle(pool)
    return [pool[i % len(pool)] for i in range(count)]


def _plan(requests: list[GenerationRequest], parent_asset_id: int, method: str, note: str) -> VariantPlan:
    specs = tuple(
        JobSpec(request=r, source=f"variant of image {parent_asset_id}",
                name=f"variant {i} of {parent_asset_id}", tags=("variant",),
                parent_asset_id=parent_asset_id)
        for i, r in enumerate(requests, start=1)
    )
    return VariantPlan(specs, method, note)
