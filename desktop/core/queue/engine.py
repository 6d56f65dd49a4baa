"""The queue engine: claims runnable jobs lane by lane and runs each through its provider,
the library and the store, with retries, fallbacks, budgets and the request cache.

Everything it knows lives in the store; the engine itself holds only what is in flight,
so it can be killed at any moment and a new one resumes (see recovery.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from desktop.core import events as ev
from desktop.core.config import AppConfig
from desktop.core.models import ErrorKind, GeneratedImage, GenerationRequest
from desktop.core.providers.base import ProviderError
from desktop.core.providers.pricing import PriceTable
from desktop.core.providers.registry import ProviderRegistry, UnknownProviderError
from desktop.core.queue.lanes import Lane
from desktop.core.queue.repository import AttemptOutcome, QueueRepository, StoredFile
from desktop.core.queue.retry_policy import RetryPolicy
from desktop.core.queue.types import ClaimedJob, ClaimResult

log = logging.getLogger(__name__)
T = TypeVar("T")


class ImageSink(Protocol):
    """What the engine needs from the library (adapted from library.ImageStore)."""

    def store(self, job: ClaimedJob, image: GeneratedImage) -> StoredFile: ...
    def thumbnail(self, rel_path: str) -> str | None: ...
    def remove(self, rel_path: str) -> None: ...
    def exists(self, rel_path: str) -> bool: ...


class LocalStoreError(Exception):
    """The library could not keep an image (disk full, corrupt bytes); kind LOCAL."""

    def __init__(self, message: str, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable


@dataclass
class EngineDeps:
    repo: QueueRepository
    providers: ProviderRegistry
    sink: ImageSink
    events: ev.EventBus
    config: AppConfig
    prices: PriceTable
    db_executor: Executor
    io_executor: Executor
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    clock: Callable[[], float] = time.time
    rng: random.Random = field(default_factory=random.Random)


class QueueEngine:
    def __init__(self, deps: EngineDeps) -> None:
        self.d = deps
        self.lanes: dict[str, Lane] = {}
        self.tasks: dict[int, asyncio.Task[None]] = {}
        self.progress: dict[int, float] = {}
        self.paused = False
        self._wake = asyncio.Event()
        self._stopping = False
        self._only: frozenset[int] | None = None
        self._due: dict[str, float] = {}  # provider -> earliest time a job of it may run
        self._stale = True
        self._refresh_at = 0.0
        self._loop: asyncio.AbstractEventLoop | None = None

    # -- control ------------------------------------------------------------------------
    def wake(self, refresh: bool = False) -> None:
        """Look at the queue again; `refresh` when jobs were added, resumed or retried.
        Safe from any thread."""
        if refresh:
            self._stale = True
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                running = asyncio.get_running_loop()
            except RuntimeError:
                running = None
            if running is not loop:
                loop.call_soon_threadsafe(self._wake.set)
                return
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self.wake()

    def lane(self, provider: str) -> Lane:
        if provider not in self.lanes:
            settings = self.d.config.provider(provider)
            cls = self._provider_class(provider)
            self.lanes[provider] = Lane(
                provider,
                settings.concurrency or (cls.default_concurrency if cls else 2),
                settings.rate_per_minute or (cls.default_rate_per_minute if cls else 60.0),
            )
        return self.lanes[provider]

    def _provider_class(self, provider: str) -> type | None:
        return next((c for c in self.d.providers.classes() if c.name == provider), None)

    def unblock(self, provider: str | None = None) -> None:
        for name, lane in self.lanes.items():
            if provider in (None, name):
                lane.blocked_reason = None
        self.wake(refresh=True)

    def cancel_tasks(self, job_ids: list[int]) -> None:
        for job_id in job_ids:
            task = self.tasks.get(job_id)
            if task is not None:
                task.cancel()

    async def _db(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.d.db_executor, fn, *args)

    async def _io(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.d.io_executor, fn, *args)

    # -- the loop -----------------------------------------------------------------------
    async def run(self, *, until_idle: bool = False, poll: float = 1.0,
                  only_batches: frozenset[int] | None = None) -> None:
        """Schedule until stopped; with `until_idle`, return once nothing runnable is left
        (jobs in paused batches or on blocked lanes do not keep it running). `only_batches`
        limits what is claimed (a headless `batch` runs just its own)."""
        self._stopping = False
        self._only = only_batches
        self._loop = asyncio.get_running_loop()
        last_watch = 0.0
        try:
            while not self._stopping:
                self._wake.clear()
                next_at = await self._schedule_round()
                now = self.d.clock()
                if now - last_watch > 2.0 and self.tasks:
                    last_watch = now
                    await self._watch_external_cancels()
                if until_idle and not self.tasks and next_at is None:
                    return
                timeout = poll if next_at is None else min(poll, max(next_at - now, 0.0))
                if timeout > 0:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._wake.wait(), timeout)
        finally:
            await self._shutdown()

    async def _schedule_round(self) -> float | None:
        """Claim what each lane can take now. Returns when to look again (None: nothing
        runnable remains). Which providers have work is re-read from the store only when
        told (new or resumed jobs) or every few seconds (another process added some)."""
        now = self.d.clock()
        if self._stale or now >= self._refresh_at:
            self._stale, self._refresh_at = False, now + 2.0
            # `main.py queue pause|resume --all` in another process changes only the store
            self.paused = await self._db(self.d.repo.global_paused)
            if not self.paused:
                self._due = await self._db(self.d.repo.runnable_providers, self._only)
        if self.paused:
            return None
        next_at: float | None = None
        for provider, earliest in list(self._due.items()):
            lane = self.lane(provider)
            if lane.blocked_reason:
                continue
            if earliest > now:
                next_at = min(next_at or earliest, earliest)
                continue
            wanted = lane.free_slots
            if wanted <= 0:
                next_at = min(next_at or now + 1, now + 1)
                continue
            granted = lane.bucket.take(wanted)
            if granted <= 0:
                wait_until = now + lane.bucket.wait_time()
                next_at = min(next_at or wait_until, wait_until)
                continue
            result = await self._db(self.d.repo.claim, provider, granted, self.d.sink.exists, self._only)
            self._publish_claim(result)
            lane.bucket.give_back(granted - len(result.jobs))
            for job in result.jobs:
                self._start(lane, job)
            if result.jobs or result.cached_job_ids or result.budget_paused:
                next_at = min(next_at or now, now)
            if len(result.jobs) + len(result.cached_job_ids) < granted:
                due = await self._db(self.d.repo.next_due, provider, self._only)
                if due is None:
                    self._due.pop(provider, None)
                else:
                    self._due[provider] = due
                    next_at = min(next_at or due, due)
        if next_at is None and self.tasks:
            return self.d.clock() + 1
        return next_at

    def _due_at(self, provider: str, when: float) -> None:
        self._due[provider] = min(self._due.get(provider, when), when)

    def _publish_claim(self, result: ClaimResult) -> None:
        bus = self.d.events
        if result.jobs:
            bus.publish(ev.JobsDidChange(tuple(j.job_id for j in result.jobs), "running"))
        if result.cached_job_ids:
            bus.publish(ev.JobsDidChange(tuple(result.cached_job_ids), "succeeded"))
        for batch_id, budget, spent in result.budget_paused:
            bus.publish(ev.BudgetDidExceed(batch_id, budget, spent))
        self._publish_finished(result)

    def _publish_finished(self, result: ClaimResult) -> None:
        for batch_id, ok, failed, cancelled in result.finished_batches:
            self.d.events.publish(ev.BatchDidFinish(batch_id, ok, failed, cancelled))

    def _start(self, lane: Lane, job: ClaimedJob) -> None:
        lane.in_flight += 1
        task = asyncio.create_task(self._run_job(lane, job), name=f"job-{job.job_id}")
        self.tasks[job.job_id] = task
        task.add_done_callback(lambda _t, jid=job.job_id: self._forget(jid))

    def _forget(self, job_id: int) -> None:
        self.tasks.pop(job_id, None)
        self.progress.pop(job_id, None)
        self.wake()

    # -- one job ------------------------------------------------------------------------
    async def _run_job(self, lane: Lane, job: ClaimedJob) -> None:
        started = self.d.clock()
        slot_open = True
        try:
            provider = self.d.providers.get(job.request.provider)
            result = await provider.generate(job.request, progress=self._progress_cb(job.job_id))
            lane.in_flight -= 1
            slot_open = False
            self.wake()
            if not result.images:
                raise ProviderError(ErrorKind.TRANSIENT, "the provider returned no image",
                                    provider=job.request.provider)
            await self._keep(lane, job, result.images[0], result, started)
        except asyncio.CancelledError:
            await asyncio.shield(self._db(self._interrupted, job, started))
            raise
        except ProviderError as exc:
            await self._failed(lane, job, exc, started)
        except UnknownProviderError as exc:
            await self._failed(lane, job, ProviderError(ErrorKind.BAD_REQUEST, str(exc)), started)
        except LocalStoreError as exc:
            kind = ErrorKind.LOCAL if exc.retryable else ErrorKind.BAD_REQUEST
            await self._failed(lane, job, ProviderError(kind, str(exc)), started)
        except Exception as exc:  # a bug must fail the job visibly, not kill the queue
            log.exception("job %s failed unexpectedly", job.job_id)
            detail = "".join(traceback.format_exception_only(exc)).strip()
            await self._failed(lane, job, ProviderError(ErrorKind.LOCAL, f"internal error: {detail}"), started)
        finally:
            if slot_open:
                lane.in_flight -= 1

    def _progress_cb(self, job_id: int) -> Callable[[float], None]:
        def report(fraction: float) -> None:
            self.progress[job_id] = max(0.0, min(1.0, fraction))
            self.d.events.publish(ev.JobProgressDidChange(job_id, self.progress[job_id]))

        return report

    async def _keep(self, lane: Lane, job: ClaimedJob, image: GeneratedImage, result: Any,
                    started: float) -> None:
        stored = await self._io(self.d.sink.store, job, image)
        cost, source = (result.cost_usd, "actual") if result.cost_usd is not None else (
            job.estimated_cost or 0.0, "estimated" if job.estimated_cost is not None else "none")
        outcome = AttemptOutcome(result.http_status, float(cost), source, result.cost_units,
                                 result.info.get("unit_name") if result.info else None)
        claim = ClaimResult()
        asset_id = await self._db(self.d.repo.finish_success, job, stored, outcome, image.seed, started, claim)
        if asset_id is None:  # cancelled while the call ran: keep nothing
            await self._io(self.d.sink.remove, stored.path)
            return
        now = self.d.clock()
        lane.stats.record_success(now - started, now)
        lane.bucket.on_success()
        self.d.events.publish(ev.JobsDidChange((job.job_id,), "succeeded"))
        self.d.events.publish(ev.AssetDidAdd(asset_id, job.job_id, job.batch_id))
        self._publish_finished(claim)
        thumb = await self._io(self._safe_thumbnail, stored.path)
        if thumb:
            await self._db(self._set_thumb, asset_id, thumb)
            self.d.events.publish(ev.AssetsDidChange((asset_id,)))

    def _safe_thumbnail(self, rel_path: str) -> str | None:
        try:
            return self.d.sink.thumbnail(rel_path)
        except Exception:  # a missing thumbnail is repaired later; the image is safe
            log.exception("thumbnail failed for %s", rel_path)
            return None

    def _set_thumb(self, asset_id: int, thumb: str) -> None:
        from sqlalchemy import text

        with self.d.repo.db.engine_or_raise().begin() as conn:
            conn.execute(text("UPDATE assets SET thumb_path=:t WHERE id=:a"), {"t": thumb, "a": asset_id})

    def _interrupted(self, job: ClaimedJob, started: float) -> None:
        """The task was cancelled: by the user (job already cancelled) or by shutdown
        (the job goes back to pending, its attempt marked interrupted, not failed)."""
        from sqlalchemy import text

        now = self.d.clock()
        with self.d.repo.db.engine_or_raise().begin() as conn:
            conn.execute(
                text("UPDATE attempts SET outcome='interrupted', finished_at=:now, duration_ms=:ms"
                     " WHERE id=:id AND outcome='running'"),
                {"now": now, "ms": round((now - started) * 1000, 2), "id": job.attempt_id},
            )
            conn.execute(
                text("UPDATE jobs SET state='pending', updated_at=:now WHERE id=:id AND state='running'"),
                {"now": now, "id": job.job_id},
            )

    async def _failed(self, lane: Lane, job: ClaimedJob, exc: ProviderError, started: float) -> None:
        now = self.d.clock()
        kind = exc.kind
        lane.stats.record_failure(kind.value, now)
        failures, limited = await self._db(self.d.repo.failures_of, job.job_id)
        failures += kind is not ErrorKind.RATE_LIMITED
        limited += kind is ErrorKind.RATE_LIMITED
        message = str(exc)
        moved = self._fallback_for(job, kind) if kind.falls_back else None
        retry_at = None
        if moved is not None:
            message = f"{message} — moved to {moved.provider}"
        elif self.d.policy.should_retry(kind, failures, limited):
            delay = self.d.policy.delay(kind, failures, exc.retry_after, self.d.rng)
            retry_at = now + delay
            if kind in (ErrorKind.RATE_LIMITED, ErrorKind.PROVIDER_DOWN):
                lane.bucket.pause_for(delay)
            if kind is ErrorKind.RATE_LIMITED:
                lane.bucket.on_rate_limited()
        if moved is not None:
            self._due_at(moved.provider, now)
        elif retry_at is not None:
            self._due_at(job.request.provider, retry_at)
        self._maybe_block(lane, kind, message)
        outcome = AttemptOutcome(exc.status, 0.0, "none", error_kind=kind.value,
                                 error_message=message, retry_after=exc.retry_after)
        claim = ClaimResult()
        state = await self._db(
            lambda: self.d.repo.finish_failure(job, outcome, started, retry_at=retry_at,
                                               moved_to=moved, result=claim)
        )
        self.d.events.publish(ev.JobsDidChange((job.job_id,), state))
        self._publish_finished(claim)
        if kind in (ErrorKind.PROVIDER_DOWN, ErrorKind.AUTH, ErrorKind.QUOTA):
            status = {"provider_down": "down"}.get(kind.value, "error")
            self.d.events.publish(ev.ProviderStatusDidChange(lane.provider, status, message))

    def _maybe_block(self, lane: Lane, kind: ErrorKind, message: str) -> None:
        if kind in (ErrorKind.AUTH, ErrorKind.QUOTA) and not lane.blocked_reason:
            lane.blocked_reason = message
            self.d.events.publish(ev.LaneDidBlock(lane.provider, message))

    def _fallback_for(self, job: ClaimedJob, kind: ErrorKind) -> GenerationRequest | None:
        chain = [entry for entry in job.fallback if entry.split(":", 1)[0] in self.d.providers]
        index = job.fallback_index
        while index < len(chain):
            name, _, model = chain[index].partition(":")
            index += 1
            if name == job.request.provider and not model:
                continue
            if not model:
                model = self.d.providers.get(name).capabilities().default_model
            moved = job.request.with_changes(provider=name, model=model)
            problems = self.d.providers.get(name).validate(moved)
            if not problems:
                return moved
        return None

    async def _watch_external_cancels(self) -> None:
        states = await self._db(self.d.repo.states_of, list(self.tasks))
        gone = [job_id for job_id, state in states.items() if state != "running"]
        self.cancel_tasks(gone)

    async def _shutdown(self) -> None:
        tasks = list(self.tasks.values())
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    # -- views ------------------------------------------------------------------------
    def eta_for(self, remaining_by_provider: dict[str, int]) -> float:
        """Seconds until these jobs are done: lanes run in parallel, so the slowest wins."""
        now = time.time()
        return max((self.lane(p).eta(n, now) for p, n in remaining_by_provider.items() if n), default=0.0)
