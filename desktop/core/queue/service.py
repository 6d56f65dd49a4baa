"""The queue as the window and the command line see it: async commands that return what
changed and publish events, plus reads for views. It never calls the UI."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from dataclasses import replace
from typing import Any, TypeVar

from desktop.core import events as ev
from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.providers.pricing import PriceTable
from desktop.core.providers.registry import ProviderRegistry
from desktop.core.queue.commands import QueueCommands
from desktop.core.queue.engine import QueueEngine
from desktop.core.queue.queries import JobFilter, QueueQueries
from desktop.core.queue.types import BatchOptions, BatchProgress, JobRow, PreparedJob

T = TypeVar("T")
SEED_LIMIT = 2**31 - 1


class QueueService:
    def __init__(
        self,
        commands: QueueCommands,
        queries: QueueQueries,
        providers: ProviderRegistry,
        prices: PriceTable,
        events: ev.EventBus,
        db_executor: Executor,
        rng: random.Random | None = None,
    ) -> None:
        self.commands = commands
        self.queries = queries
        self.providers = providers
        self.prices = prices
        self.events = events
        self.db_executor = db_executor
        self.rng = rng or random.Random()
        self.engine: QueueEngine | None = None
        self.profile_id: int | None = None  # the current profile; set by the profiles feature

    def attach(self, engine: QueueEngine) -> None:
        self.engine = engine
        engine.paused = self.commands.global_paused()
        # A window built before the engine said "run by another program" until the next job
        # event; tell it now that this process runs the queue.
        self.events.publish(ev.QueueDidChangeState(running=True, paused=engine.paused))

    async def _db(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.db_executor, fn, *args)

    def _wake(self) -> None:
        if self.engine is not None:
            self.engine.wake(refresh=True)

    def _changed(self, ids: list[int], state: str | None = None) -> list[int]:
        if ids:
            self.events.publish(ev.JobsDidChange(tuple(ids), state))
            self._wake()
        return ids

    # -- adding work ---------------------------------------------------------------------
    def prepare(self, request: GenerationRequest, allow_cache: bool = True) -> PreparedJob:
        """Fix a random seed where the model takes one (so the image can be made again),
        estimate its cost and decide whether the request cache may answer it."""
        provider = self.providers.get(request.provider) if request.provider in self.providers else None
        if request.seed is None and provider is not None:
            info = provider.capabilities().model(request.model)
            if info is None or info.supports_seed:
                request = request.with_changes(seed=self.rng.randint(0, SEED_LIMIT))
        deterministic = provider is not None and provider.is_deterministic(request)
        return PreparedJob(request, self.prices.estimate(request), allow_cache and deterministic)

    def prepare_specs(self, specs: Iterable[JobSpec], allow_cache: bool = True) -> list[PreparedJob]:
        prepared = []
        for spec in specs:
            job = self.prepare(spec.request, allow_cache)
            prepared.append(PreparedJob(job.request, job.estimated_cost, job.allow_cache,
                                        spec.source, spec.name, spec.tags, spec.parent_asset_id))
        return prepared

    async def enqueue(self, specs: Iterable[JobSpec], options: BatchOptions = BatchOptions()) -> tuple[int, list[int]]:
        prepared = self.prepare_specs(specs, options.allow_cache)
        if options.profile_id is None and self.profile_id is not None:
            options = replace(options, profile_id=self.profile_id)
        batch_id, job_ids = await self._db(self.commands.create_batch, prepared, options)
        self.events.publish(ev.BatchDidAdd(batch_id, len(job_ids)))
        self._changed(job_ids, "pending")
        return batch_id, job_ids

    async def duplicate(self, job_ids: Iterable[int]) -> list[int]:
        rows = self.queries.jobs(job_ids)
        new_ids: list[int] = []
        for row in rows:
            fresh = self.prepare(row.request.with_changes(seed=None) if row.request.seed is not None
                                 else row.request)
            job = PreparedJob(fresh.request, fresh.estimated_cost, fresh.allow_cache, row.source)
            new_ids += await self._db(self.commands.duplicate, row.batch_id, [job])
        return self._changed(new_ids, "pending")

    async def edit(self, job_id: int, request: GenerationRequest, allow_cache: bool = True) -> None:
        job = self.prepare(request, allow_cache)
        await self._db(self.commands.edit, job_id, job.request, job.estimated_cost, job.allow_cache)
        self._changed([job_id])

    # -- changing states --------------------------------------------------------------
    async def pause(self, ids: Iterable[int]) -> list[int]:
        return self._changed(await self._db(self.commands.pause, list(ids)), "paused")

    async def resume(self, ids: Iterable[int]) -> list[int]:
        return self._changed(await self._db(self.commands.resume, list(ids)), "pending")

    async def cancel(self, ids: Iterable[int]) -> list[int]:
        changed = await self._db(self.commands.cancel, list(ids))
        if self.engine is not None:
            self.engine.cancel_tasks(changed)
        return self._changed(changed, "cancelled")

    async def retry(self, ids: Iterable[int]) -> list[int]:
        changed = await self._db(self.commands.retry, list(ids))
        if changed and self.engine is not None:
            self.engine.unblock()
        return self._changed(changed, "pending")

    async def move(self, ids: Iterable[int], to_front: bool) -> list[int]:
        return self._changed(await self._db(self.commands.move, list(ids), to_front))

    async def set_priority(self, ids: Iterable[int], priority: int) -> list[int]:
        return self._changed(await self._db(self.commands.set_priority, list(ids), priority))

    async def pause_batches(self, batch_ids: Iterable[int]) -> list[int]:
        return self._changed(await self._db(self.commands.set_batch_paused, list(batch_ids), True))

    async def resume_batches(self, batch_ids: Iterable[int]) -> list[int]:
        changed = await self._db(self.commands.set_batch_paused, list(batch_ids), False)
        if self.engine is not None:
            self.engine.unblock()
        return self._changed(changed)

    async def set_paused(self, paused: bool) -> None:
        await self._db(self.commands.set_global_paused, paused)
        if self.engine is not None:
            self.engine.paused = paused
            if not paused:
                self.engine.unblock()
        self.events.publish(ev.QueueDidChangeState(running=self.engine is not None, paused=paused))
        self._wake()

    # -- reads -------------------------------------------------------------------------
    def job_ids(self, where: JobFilter = JobFilter(), order: str = "queue") -> list[int]:
        return self.queries.job_ids(where, order)

    def jobs(self, ids: Iterable[int]) -> list[JobRow]:
        return self.queries.jobs(ids)

    def batches(self, ids: Iterable[int] | None = None, active_only: bool = False) -> list[BatchProgress]:
        found = self.queries.batches(ids, active_only)
        if self.engine is None:
            return found
        return [
            replace(b, eta_seconds=self.engine.eta_for(self.queries.remaining_by_provider(b.id)))
            if not b.finished else b
            for b in found
        ]

    def queue_eta(self) -> float | None:
        if self.engine is None:
            return None
        return self.engine.eta_for(self.queries.remaining_by_provider())

    def progress_of(self, job_id: int) -> float | None:
        return self.engine.progress.get(job_id) if self.engine else None
