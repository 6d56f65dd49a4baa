"""Asking for variants of an image through the queue, and reading its family tree."""

from __future__ import annotations

import random

from desktop.core.providers.registry import ProviderRegistry
from desktop.core.queue.service import QueueService
from desktop.core.queue.types import BatchOptions
from desktop.core.workflow import events as wev
from desktop.core.workflow.context import WorkflowContext
from desktop.core.workflow.errors import NotFoundError
from desktop.core.workflow.lineage import LineageNode, build_tree
from desktop.core.workflow.variants import VariantPlan, VariantTarget, plan_variants

MAX_VARIANTS = 32


class VariantService:
    def __init__(self, ctx: WorkflowContext, queue: QueueService, providers: ProviderRegistry,
                 rng: random.Random | None = None) -> None:
        self.ctx = ctx
        self.queue = queue
        self.providers = providers
        self.rng = rng or random.Random()

    def target(self, provider: str, model: str) -> VariantTarget:
        if provider not in self.providers:
            return VariantTarget()
        caps = self.providers.get(provider).capabilities()
        info = caps.model(model)
        return VariantTarget(edits=caps.edits, supports_seed=info.supports_seed if info else True)

    def plan(self, asset_id: int, count: int, vary_prompt: bool = False) -> VariantPlan:
        found = self.ctx.records.assets([asset_id])
        if not found:
            raise NotFoundError(f"image {asset_id} does not exist or is in the trash")
        parent = found[0]
        request = parent.request
        if parent.seed is not None and request.seed is None:
            request = request.with_changes(seed=parent.seed)
        count = max(1, min(int(count), MAX_VARIANTS))
        return plan_variants(request, parent.id, parent.path, count,
                             self.target(request.provider, request.model),
                             vary_prompt=vary_prompt, rng=self.rng)

    async def request(self, asset_id: int, count: int, vary_prompt: bool = False,
                      name: str = "") -> tuple[VariantPlan, int, list[int]]:
        """Queue `count` variants as one batch of the image's project, named `name` (the
        window names it in the user's language) or "variants of <id>"."""
        plan = self.plan(asset_id, count, vary_prompt)
        parent = self.ctx.records.assets([asset_id])[0]
        options = BatchOptions(name=name or f"variants of {asset_id}", source=plan.note,
                               project_id=parent.project_id, profile_id=self.ctx.profile_id)
        batch_id, job_ids = await self.queue.enqueue(plan.specs, options)
        self.ctx.events.publish(wev.VariantsDidQueue(asset_id, batch_id, tuple(job_ids), plan.method))
        return plan, batch_id, job_ids

    def lineage(self, asset_id: int, collapse: bool = True) -> list[LineageNode]:
        family = self.ctx.records.lineage_rows(asset_id)
        statuses = self.ctx.records.statuses([a.id for a in family])
        return build_tree(family, statuses, collapse)
