"""The sync service the window and the command line use: destinations, passes (once or in
the background, with pause/resume), progress events, per-asset state for the cloud badge,
conflicts, connection tests and backups.

Built once by the composition root with the library's database, its folder, the event bus
and the secrets store; it keeps no global state. Only one process syncs a library at a
time (a lock file in the library folder).
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Literal

from filelock import FileLock, Timeout
from sqlalchemy import bindparam, text

from desktop.core.events import (
    AssetDidAdd,
    AssetsDidChange,
    EventBus,
    SyncDestinationDidChange,
    SyncDidProgress,
    TaskDidFail,
)
from desktop.core.secrets import SecretStore
from desktop.core.store import backup
from desktop.core.store.database import Database
from desktop.core.sync import backups as remote_backups_mod
from desktop.core.sync import credentials
from desktop.core.sync.assets import AssetRepository
from desktop.core.sync.backends.base import Backend
from desktop.core.sync.backends.factory import open_backend
from desktop.core.sync.conflicts import Conflict, ConflictRepository
from desktop.core.sync.context import DestinationContext
from desktop.core.sync.destination import Destination, DestinationOptions
from desktop.core.sync.destinations import DestinationRepository
from desktop.core.sync.engine import DestinationPass
from desktop.core.sync.errors import SyncBusyError, SyncError
from desktop.core.sync.hashing import digest_bytes
from desktop.core.sync.layout import content_type, encode_metadata, report_rel
from desktop.core.sync.library_id import library_id
from desktop.core.sync.manifest import ManifestWriter
from desktop.core.sync.objects import ObjectRepository
from desktop.core.sync.outbox import OutboxRepository
from desktop.core.sync.report import (
    AssetSyncState,
    DestinationStatus,
    PassReport,
    SyncReport,
    TestResult,
    problem_of,
)
from desktop.core.sync.retry import RetryPolicy
from desktop.core.sync.store import SyncStore
from desktop.core.sync.throttle import Bandwidth
from desktop.core.sync.transfer import Payload, Transfer

log = logging.getLogger(__name__)


class SyncService:
    def __init__(self, db: Database, root: Path, events: EventBus, secrets: SecretStore | None,
                 *, env: Mapping[str, str] | None = None, clock: Callable[[], float] = time.time,
                 retry: RetryPolicy | None = None) -> None:
        self.root = Path(root)
        self.events = events
        self.secrets = secrets
        self.env = env if env is not None else os.environ
        self.retry = retry or RetryPolicy()
        self.store = SyncStore(db, clock)
        self.destinations_repo = DestinationRepository(self.store)
        self.outbox = OutboxRepository(self.store)
        self.objects = ObjectRepository(self.store)
        self.assets = AssetRepository(self.store)
        self.conflicts_repo = ConflictRepository(self.store)
        self.manifest = ManifestWriter(self.store)
        self.on_part: Callable[[str, int, int], None] | None = None  # observers of big uploads
        self._backends: dict[int, tuple[str, Backend, Bandwidth]] = {}
        self._file_lock = FileLock(str(self.root / ".sync.lock"), timeout=0)
        self._library_id: str | None = None
        self._paused = False
        self._stopping = False
        self._running: asyncio.Lock | None = None
        self._running_loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._unsubscribe: list[Callable[[], None]] = []

    @property
    def library_id(self) -> str:
        if self._library_id is None:
            self._library_id = library_id(self.store)
        return self._library_id

    # -- destinations ------------------------------------------------------------------
    def destinations(self) -> list[Destination]:
        return self.destinations_repo.list()

    def destination(self, name: str) -> Destination:
        return self.destinations_repo.get(name)

    def add_destination(self, url: str, name: str | None = None,
                        options: DestinationOptions | None = None) -> Destination:
        """Add a destination; every live asset is queued for it."""
        dest = self.destinations_repo.add(url, name, options)
        self.events.publish(SyncDestinationDidChange(dest.name, "added", dest.kind.value))
        return dest

    def update_destination(self, name: str, options: DestinationOptions) -> Destination:
        dest = self.destinations_repo.update_options(name, options)
        self._drop_backend(dest.id)
        self.events.publish(SyncDestinationDidChange(dest.name, "changed", dest.kind.value))
        return dest

    def remove_destination(self, name: str, *, forget_credentials: bool = True) -> Destination:
        dest = self.destinations_repo.remove(name)
        self._drop_backend(dest.id)
        if forget_credentials and self.secrets is not None:
            credentials.forget(self.secrets, dest.kind, dest.name)
        self.events.publish(SyncDestinationDidChange(dest.name, "removed", dest.kind.value))
        return dest

    def store_credentials(self, name: str, values: Mapping[str, str]) -> list[str]:
        """Save secrets for a destination in the secrets store; returns the names saved."""
        dest = self.destination(name)
        allowed = credentials.SECRET_FIELDS[dest.kind]
        if self.secrets is None:
            raise SyncError("no secrets store is available to keep the credentials")
        saved = []
        for field_name, value in values.items():
            if field_name not in allowed:
                raise SyncError(f"{field_name!r} is not a credential for {dest.kind.value} "
                                f"(expected one of {', '.join(allowed)})")
            if value:
                self.secrets.set(credentials.secret_name(dest.name, field_name), value)
                saved.append(field_name)
        self._drop_backend(dest.id)
        return saved

    def credentials_source(self, name: str) -> str:
        dest = self.destination(name)
        return credentials.resolve(dest.kind, dest.name, self.secrets, self.env).source

    # -- backends ----------------------------------------------------------------------
    def _backend(self, dest: Destination) -> tuple[Backend, Bandwidth]:
        stamp = f"{dest.url.text}|{dest.options.to_json()}"
        cached = self._backends.get(dest.id)
        if cached and cached[0] == stamp:
            return cached[1], cached[2]
        if cached:
            cached[1].close()
        backend = open_backend(dest, self.secrets, self.env)
        throttle = Bandwidth(dest.options.bandwidth_limit)
        self._backends[dest.id] = (stamp, backend, throttle)
        return backend, throttle

    def _drop_backend(self, dest_id: int) -> None:
        cached = self._backends.pop(dest_id, None)
        if cached:
            cached[1].close()

    def _context(self, dest: Destination) -> DestinationContext:
        backend, throttle = self._backend(dest)
        transfer = Transfer(backend, self.objects, dest.id, dest.options, throttle, self.retry,
                            on_part=self._part_sent)
        return DestinationContext(
            destination=dest, backend=backend, transfer=transfer, throttle=throttle,
            retry=self.retry, store=self.store, assets=self.assets, objects=self.objects,
            outbox=self.outbox, conflicts=self.conflicts_repo, manifest=self.manifest,
            root=self.root, library_id=self.library_id)

    def _part_sent(self, key: str, part: int, parts: int) -> None:
        if self.on_part:
            self.on_part(key, part, parts)

    # -- running -----------------------------------------------------------------------
    async def run_once(self, names: Iterable[str] | None = None, *, push: bool = True,
                       pull: bool = True) -> SyncReport:
        """One pass over the given destinations (all by default), in parallel."""
        loop = asyncio.get_running_loop()
        if self._running is None or self._running_loop is not loop:
            self._running, self._running_loop = asyncio.Lock(), loop  # asyncio locks bind to a loop
        async with self._running:
            try:
                self._file_lock.acquire()
            except Timeout as exc:
                raise SyncBusyError(
                    f"{self.root}: another process is syncing this library; try again when it "
                    "has finished") from exc
            try:
                dests = self.destinations()
                if names is not None:
                    wanted = list(names)
                    dests = [self.destination(n) for n in wanted]
                reports = await self._run_destinations(dests, push, pull)
            finally:
                self._file_lock.release()
        return SyncReport(reports)

    async def run_until_idle(self, names: Iterable[str] | None = None,
                             max_passes: int = 4) -> SyncReport:
        """Push and pull until nothing is left (or nothing moves): what `sync run` does.
        Counters add up over the passes; pending and errors are those of the last pass."""
        wanted = list(names) if names is not None else None
        totals: dict[str, PassReport] = {}
        for n in range(max_passes):
            if n:
                for dest in (self.destinations() if wanted is None else map(self.destination, wanted)):
                    await asyncio.to_thread(self.outbox.retry_now, dest.id)
            report = await self.run_once(wanted)
            for p in report.passes:
                _add_up(totals.setdefault(p.destination, PassReport(p.destination)), p)
            finished = all(p.fatal or (p.pending == 0 and not p.did_work) for p in report.passes)
            stuck = n > 0 and not any(p.did_work for p in report.passes)  # retried, no progress
            if finished or stuck:
                break
        return SyncReport(list(totals.values()))

    async def _run_destinations(self, dests: list[Destination], push: bool,
                                pull: bool) -> list[PassReport]:
        """Pull from every destination, then push to every one, all in parallel."""
        runs: list[DestinationPass | PassReport] = []
        for dest in dests:
            try:
                ctx = await asyncio.to_thread(self._context, dest)
            except SyncError as exc:
                runs.append(PassReport(dest.name, fatal=True, errors=[str(exc)]))
                self.events.publish(SyncDidProgress(dest.name, 0, 0, 1, "done"))
            else:
                runs.append(DestinationPass(ctx, self.events,
                                            lambda: self._paused or self._stopping))
        active = [r for r in runs if isinstance(r, DestinationPass)]
        if pull:
            await asyncio.gather(*(r.pull() for r in active))
        if push:
            await asyncio.gather(*(r.push() for r in active))
        reports = []
        for dest, run in zip(dests, runs, strict=True):
            report = await run.finish() if isinstance(run, DestinationPass) else run
            await asyncio.to_thread(self.destinations_repo.note_run, dest.id,
                                    "; ".join(report.errors[:3]) or None)
            reports.append(report)
        return reports

    # -- background --------------------------------------------------------------------
    def start(self, interval: float = 60.0, debounce: float = 2.0) -> None:
        """Sync in the background on the running loop: every `interval` seconds, and soon
        after new or changed assets (`debounce` seconds, to batch a burst)."""
        if self._task is not None:
            return
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self._stopping = False
        self._unsubscribe = [self.events.subscribe(AssetDidAdd, lambda _e: self.wake()),
                             self.events.subscribe(AssetsDidChange, lambda _e: self.wake())]
        self._task = self._loop.create_task(self._background(interval, debounce))

    async def _background(self, interval: float, debounce: float) -> None:
        assert self._wake is not None
        while not self._stopping:
            if not self._paused:
                try:
                    await self.run_once()
                except SyncBusyError:
                    pass
                except Exception as exc:  # keep syncing later; tell the user now
                    log.exception("background sync failed")
                    self.events.publish(TaskDidFail("sync", str(exc)))
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=interval)
                await asyncio.sleep(debounce)
            except TimeoutError:
                pass
            self._wake.clear()

    def wake(self) -> None:
        """Run a pass soon; safe to call from any thread."""
        if self._loop is not None and self._wake is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._wake.set)

    def pause(self) -> None:
        """Stop taking new items (transfers in flight finish); the background loop idles."""
        self._paused = True

    def resume(self) -> None:
        self._paused = False
        self.wake()

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def running(self) -> bool:
        return bool(self._running and self._running.locked())

    async def stop(self) -> None:
        self._stopping = True
        self.wake()
        if self._task is not None:
            await self._task
            self._task = None
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        self._stopping = False

    async def aclose(self) -> None:
        await self.stop()
        for dest_id in list(self._backends):
            self._drop_backend(dest_id)

    # -- queries for the UI ------------------------------------------------------------
    def status(self) -> list[DestinationStatus]:
        open_conflicts = self.conflicts_repo.open_count()
        out = []
        for d in self.destinations():
            pending, failing = self.outbox.counts(d.id)
            verified, size, uploads = self.objects.counts(d.id)
            out.append(DestinationStatus(
                d.name, d.url.text, d.options.delete_policy.value, pending, failing, verified, size,
                uploads, open_conflicts.get(d.id, 0), self.manifest.waiting(d.id), d.last_run_at,
                d.last_error))
        return out

    def asset_states(self, asset_ids: Iterable[int]) -> dict[int, AssetSyncState]:
        """The cloud badge for each asset, summed over all destinations."""
        ids = list(asset_ids)
        if not ids:
            return {}
        dests = self.destinations()
        if not dests:
            return dict.fromkeys(ids, AssetSyncState.LOCAL_ONLY)
        expanding = bindparam("ids", expanding=True)
        with self.store.read() as conn:
            # Naming the destinations lets SQLite use the (destination_id, asset_id) index:
            # a page of badges costs O(page), not a scan of the whole outbox.
            queued = {a: bool(err) for a, err in conn.execute(text(
                "SELECT asset_id, MAX(attempts > 0) FROM sync_outbox WHERE destination_id IN :dests"
                " AND asset_id IN :ids GROUP BY asset_id").bindparams(
                    expanding, bindparam("dests", expanding=True)),
                {"ids": ids, "dests": [d.id for d in dests]})}
            conflicted = {a for (a,) in conn.execute(text(
                "SELECT DISTINCT asset_id FROM sync_conflicts WHERE resolved_at IS NULL AND"
                " asset_id IN :ids").bindparams(expanding), {"ids": ids})}
            synced = {a: n for a, n in conn.execute(text(
                "SELECT o.asset_id, COUNT(DISTINCT o.destination_id) FROM sync_objects o"
                " JOIN assets a ON a.id = o.asset_id AND o.kind = 'image' AND o.state = 'verified'"
                " AND o.local_sha256 = a.sha256 WHERE o.asset_id IN :ids GROUP BY o.asset_id"
            ).bindparams(expanding), {"ids": ids})}
        states = {}
        for asset_id in ids:
            if asset_id in conflicted:
                states[asset_id] = AssetSyncState.CONFLICT
            elif queued.get(asset_id):
                states[asset_id] = AssetSyncState.ERROR
            elif asset_id in queued:
                states[asset_id] = AssetSyncState.PENDING
            elif synced.get(asset_id, 0) >= len(dests):
                states[asset_id] = AssetSyncState.SYNCED
            else:
                states[asset_id] = AssetSyncState.LOCAL_ONLY
        return states

    def conflicts(self, include_resolved: bool = False) -> list[Conflict]:
        return self.conflicts_repo.list(include_resolved)

    def resolve_conflict(self, conflict_id: int, keep: Literal["local", "remote"]) -> Conflict:
        """Keep the local value (it is pushed) or take the remote one (applied here)."""
        if keep not in ("local", "remote"):
            raise SyncError(f"keep must be 'local' or 'remote', not {keep!r}")
        found = self.conflicts_repo.get(conflict_id)
        if found is None:
            raise SyncError(f"no conflict with id {conflict_id}")
        conflict, dest_id = found
        if conflict.resolved_at is not None:
            return conflict
        with self.store.write() as conn:
            if keep == "remote":
                AssetRepository.apply(conn, conflict.asset_id, {conflict.field: conflict.remote_value})
            ConflictRepository.close(conn, conflict_id, keep, self.store.clock())
            if not ConflictRepository.open_for(conn, dest_id, conflict.asset_id):
                OutboxRepository.enqueue(conn, dest_id, conflict.asset_id)
        self.wake()
        return self.conflicts_repo.get(conflict_id)[0]  # type: ignore[index]

    async def test(self, name: str) -> TestResult:
        """Check a destination: credentials accepted, bucket there, a small object can be
        written with a verified checksum and removed."""
        try:
            dest = self.destination(name)
            return await asyncio.to_thread(self._test, dest)
        except SyncError as exc:
            return TestResult(False, str(exc), problem_of(exc))

    def _test(self, dest: Destination) -> TestResult:
        ctx = self._context(dest)
        ctx.backend.check()
        body = f"batch image generator sync test {uuid.uuid4().hex}\n".encode()
        key = dest.url.key(f".sync-test/{uuid.uuid4().hex}.txt")
        ctx.transfer.send(Payload(key, "test", "text/plain", data=body))
        ctx.backend.delete(key)
        source = credentials.resolve(dest.kind, dest.name, self.secrets, self.env).source
        return TestResult(True, f"{dest.url}: reachable, credentials from {source} accepted, "
                                f"a {len(body)}-byte test object was written, verified "
                                f"(MD5 {digest_bytes(body).md5_hex[:8]}…) and removed")

    # -- backups -----------------------------------------------------------------------
    async def push_backup(self, name: str) -> int:
        """Make a backup now (SQLite backup API, rotated) and push it; returns how many
        backups went up."""
        dest = self.destination(name)
        db_path = self.store.db.path
        await asyncio.to_thread(backup.make, db_path, self.root / "backups", reason="sync")
        ctx = await asyncio.to_thread(self._context, dest)
        return await asyncio.to_thread(remote_backups_mod.push_new, ctx, self.root / "backups")

    def push_report(self, path: Path) -> list[str]:
        """Upload a generated report to every destination (`reports/<library>/<file>`),
        verified like any object. Blocking: call it from a worker thread."""
        keys = []
        for dest in self.destinations():
            ctx = self._context(dest)
            key = ctx.key(report_rel(ctx.library_id, Path(path).name))
            ctx.transfer.send(Payload(key, "report", content_type(path.name), path=Path(path),
                                      metadata=encode_metadata({"library": ctx.library_id})))
            keys.append(key)
        return keys

    async def remote_backups(self, name: str) -> list[remote_backups_mod.RemoteBackup]:
        ctx = await asyncio.to_thread(self._context, self.destination(name))
        return await asyncio.to_thread(remote_backups_mod.remote_backups, ctx)

    async def fetch_backup(self, name: str, file_name: str | None = None,
                           library: str | None = None) -> Path:
        """Download a backup (the newest, or `file_name`) into `backups/`, verified."""
        ctx = await asyncio.to_thread(self._context, self.destination(name))
        found = await asyncio.to_thread(remote_backups_mod.remote_backups, ctx)
        found = [b for b in found if (library is None or b.library_id == library)
                 and (file_name is None or b.name == file_name)]
        if not found:
            raise SyncError(f"{ctx.destination.url}: no backup"
                            + (f" named {file_name!r}" if file_name else "") + " found")
        return await asyncio.to_thread(remote_backups_mod.fetch, ctx, found[0], self.root / "backups")


def _add_up(total: PassReport, p: PassReport) -> None:
    for name in ("queued", "uploaded", "sent_bytes", "deleted", "resumed_parts", "pulled", "merged",
                 "received_bytes", "conflicts", "held", "backups", "seconds"):
        setattr(total, name, getattr(total, name) + getattr(p, name))
    total.failed, total.corrupt, total.pending = p.failed, p.corrupt, p.pending
    total.fatal, total.stopped, total.errors = p.fatal, p.stopped, list(p.errors)
