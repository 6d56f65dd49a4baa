"""One pass for one destination: push the due outbox rows (in parallel, on worker threads),
write the manifest segment, push new backups, then pull what other libraries pushed.

Blocking work (hashing, SDK calls, SQLite) runs on the destination's thread pool; this
module only schedules it on the asyncio loop and reports progress.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from desktop.core.events import AssetDidAdd, AssetsDidChange, EventBus, SyncDidProgress
from desktop.core.sync import backups
from desktop.core.sync.context import DestinationContext
from desktop.core.sync.errors import (
    BucketNotFoundError,
    CredentialsError,
    LocalCorruptError,
    SyncError,
)
from desktop.core.sync.outbox import OutboxItem
from desktop.core.sync.pull import Puller, Segment
from desktop.core.sync.push import ItemResult, Pusher
from desktop.core.sync.report import PassReport

log = logging.getLogger(__name__)
T = TypeVar("T")
FATAL = (CredentialsError, BucketNotFoundError)


class DestinationPass:
    """One destination's share of a pass: `pull()`, then `push()`, then `finish()`.

    The service pulls every destination before pushing any, so an asset imported from one
    destination is mirrored to the others in the same pass, and remote edits are merged
    before ours go up.
    """

    def __init__(self, ctx: DestinationContext, events: EventBus,
                 should_stop: Callable[[], bool] = lambda: False) -> None:
        self.ctx = ctx
        self.events = events
        self.should_stop = should_stop
        self.report = PassReport(ctx.destination.name)
        self._done = 0
        self._total = 0
        self._started = time.perf_counter()
        self._pool = ThreadPoolExecutor(ctx.destination.options.concurrency,
                                        thread_name_prefix=f"sync-{ctx.destination.name}")

    async def run(self, *, push: bool = True, pull: bool = True) -> PassReport:
        if pull:
            await self.pull()
        if push:
            await self.push()
        return await self.finish()

    async def pull(self) -> None:
        if not self.ctx.destination.options.pull or self.report.fatal:
            return
        try:
            await self._pull(self._pool)
        except FATAL as exc:
            self._fatal(exc)

    async def push(self) -> None:
        if self.report.fatal or self.report.stopped:
            return
        try:
            await self._push(self._pool)
            if not self.report.fatal:
                await self._finish_push(self._pool)
        except FATAL as exc:
            self._fatal(exc)

    async def finish(self) -> PassReport:
        self._pool.shutdown(wait=True)
        self.report.pending, _ = await self._call(None, self.ctx.outbox.counts, self.ctx.dest_id)
        self.report.seconds = time.perf_counter() - self._started
        self._progress("done")
        return self.report

    def _fatal(self, exc: BaseException) -> None:
        self.report.fatal = True
        self.report.errors.append(str(exc))

    async def _call(self, pool: ThreadPoolExecutor | None, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(pool, fn, *args)

    def _progress(self, detail: str = "") -> None:
        # A fatal error (credentials, bucket) counts too: the status bar must not read "done"
        # without errors for a destination that could not be used at all.
        errors = self.report.failed + self.report.corrupt + int(self.report.fatal)
        self.events.publish(SyncDidProgress(self.ctx.destination.name, self._done, self._total,
                                            errors, detail))

    # -- push --------------------------------------------------------------------------
    async def _push(self, pool: ThreadPoolExecutor) -> None:
        ctx = self.ctx
        items = await self._call(pool, ctx.outbox.due, ctx.dest_id, ctx.now())
        if not items:
            return
        self.report.queued = len(items)
        self._total += len(items)
        self._progress("uploading")
        ids = [i.asset_id for i in items if i.asset_id is not None]
        assets = await self._call(pool, ctx.assets.load_many, ids)
        states = await self._call(pool, ctx.objects.for_assets, ctx.dest_id, ids)
        pusher = Pusher(ctx)
        queue: asyncio.Queue[OutboxItem] = asyncio.Queue()
        for item in items:
            queue.put_nowait(item)

        async def worker() -> None:
            while not queue.empty() and not self.report.fatal:
                if self.should_stop():
                    self.report.stopped = True
                    return
                item = queue.get_nowait()
                asset = assets.get(item.asset_id) if item.asset_id is not None else None
                try:
                    result = await self._call(pool, pusher.process, item, asset,
                                              states.get(item.asset_id or -1, []))
                except FATAL:
                    raise
                except SyncError as exc:
                    await self._failed(pool, item, exc)
                except Exception as exc:  # a bug must not stop the other items
                    log.exception("sync of outbox row %s failed", item.id)
                    await self._failed(pool, item, exc)
                else:
                    self._count(result)
                    if result.changed and item.asset_id is not None:
                        self.events.publish(AssetsDidChange((item.asset_id,)))
                self._done += 1
                self._progress(item.path or (asset.path if asset else ""))

        workers = [asyncio.create_task(worker()) for _ in range(ctx.destination.options.concurrency)]
        results = await asyncio.gather(*workers, return_exceptions=True)
        for outcome in results:
            if isinstance(outcome, FATAL):
                raise outcome
            if isinstance(outcome, BaseException):
                raise outcome

    def _count(self, r: ItemResult) -> None:
        rep = self.report
        rep.uploaded += r.uploaded
        rep.sent_bytes += r.sent_bytes
        rep.deleted += r.deleted
        rep.resumed_parts += r.resumed_parts
        rep.conflicts += r.conflicts
        rep.held += int(r.held)

    async def _failed(self, pool: ThreadPoolExecutor, item: OutboxItem, exc: BaseException) -> None:
        message = str(exc) or type(exc).__name__
        if isinstance(exc, LocalCorruptError):
            self.report.corrupt += 1
        else:
            self.report.failed += 1
        if len(self.report.errors) < 50:
            self.report.errors.append(message)
        retry_at = self.ctx.now() + self.ctx.retry.pass_delay(item.attempts + 1)
        await self._call(pool, self.ctx.outbox.fail, item, message, retry_at)

    async def _finish_push(self, pool: ThreadPoolExecutor) -> None:
        ctx = self.ctx
        try:
            if await self._call(pool, ctx.manifest.waiting, ctx.dest_id):
                await self._call(pool, ctx.manifest.flush, ctx.dest_id, ctx.library_id,
                                 ctx.destination.url, ctx.transfer)
            if ctx.destination.options.push_backups:
                self.report.backups += await self._call(pool, backups.push_new, ctx, ctx.root / "backups")
        except FATAL:
            raise
        except SyncError as exc:
            self.report.failed += 1
            self.report.errors.append(str(exc))

    # -- pull --------------------------------------------------------------------------
    async def _pull(self, pool: ThreadPoolExecutor) -> None:
        puller = Puller(self.ctx)
        while not self.should_stop():
            try:
                segments = await self._call(pool, puller.new_segments)
            except FATAL:
                raise
            except SyncError as exc:
                self.report.failed += 1
                self.report.errors.append(str(exc))
                return
            if not segments:
                return
            for segment in segments:
                if not await self._pull_segment(pool, puller, segment):
                    return  # the cursor stays; the next pass tries this segment again

    async def _pull_segment(self, pool: ThreadPoolExecutor, puller: Puller, segment: Segment) -> bool:
        entries = segment.latest_per_asset()
        self._total += len(entries)
        self._progress("downloading")
        sem = asyncio.Semaphore(self.ctx.destination.options.concurrency)
        ok = True

        async def one(entry: Any) -> None:
            nonlocal ok
            async with sem:
                try:
                    result = await self._call(pool, puller.apply, entry)
                except FATAL:
                    raise
                except SyncError as exc:
                    ok = False
                    self.report.failed += 1
                    self.report.errors.append(str(exc))
                else:
                    self.report.pulled += int(result.imported is not None)
                    self.report.merged += int(result.merged)
                    self.report.conflicts += result.conflicts
                    self.report.received_bytes += result.received_bytes
                    if result.imported is not None:
                        self.events.publish(AssetDidAdd(result.imported))
                    if result.changed is not None:
                        self.events.publish(AssetsDidChange((result.changed,)))
                self._done += 1
                self._progress(entry.image or entry.sha256[:12])

        await asyncio.gather(*(one(e) for e in entries))
        if ok:
            await self._call(pool, puller.done, segment)
        return ok
