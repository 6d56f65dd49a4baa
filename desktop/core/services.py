"""Building the core's services once, for the window (app.py) and the command line (cli).

This is the composition root's shared half: it creates the store, the shared HTTP client,
the provider registry, the queue and its engine, and hands them out; nothing else in the
core constructs services or keeps them in module globals.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from desktop import __version__
from desktop.core.analytics.service import AnalyticsService
from desktop.core.audit.log import AuditLog
from desktop.core.audit.recorder import AuditRecorder
from desktop.core.config import AppConfig, ConfigStore
from desktop.core.events import EventBus
from desktop.core.gallery.service import GalleryService
from desktop.core.profiles.budget import BudgetWatch
from desktop.core.profiles.secret_router import ProfileSecrets
from desktop.core.profiles.service import ProfileService
from desktop.core.profiles.wiring import follow_current_profile
from desktop.core.providers.pricing import PriceTable
from desktop.core.providers.registry import ProviderRegistry
from desktop.core.queue.commands import QueueCommands
from desktop.core.queue.engine import EngineDeps, QueueEngine
from desktop.core.queue.library_sink import LibrarySink
from desktop.core.queue.lock import QueueLock
from desktop.core.queue.queries import QueueQueries
from desktop.core.queue.recovery import Recovery, RecoveryReport
from desktop.core.queue.repository import QueueRepository
from desktop.core.queue.retry_policy import RetryPolicy
from desktop.core.queue.service import QueueService
from desktop.core.reports.schedule import ScheduleStore
from desktop.core.reports.scheduler import ScheduleRunner
from desktop.core.reports.service import ReportService
from desktop.core.secrets import Redactor, SecretStore, open_secrets
from desktop.core.store.database import Database
from desktop.core.sync.service import SyncService
from desktop.core.workflow.service import WorkflowService

log = logging.getLogger(__name__)


@dataclass
class Executors:
    """Named pools: one writer thread for SQLite, a small pool for disk and image work."""

    db: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, "store-writer"))
    io: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(2, "image-io"))

    def shutdown(self) -> None:
        self.db.shutdown(wait=True)
        self.io.shutdown(wait=True)


@dataclass
class Services:
    config_store: ConfigStore
    config: AppConfig
    root: Path
    db: Database
    events: EventBus
    secrets: SecretStore
    redactor: Redactor
    http: httpx.AsyncClient
    providers: ProviderRegistry
    prices: PriceTable
    executors: Executors
    queue: QueueService
    sink: LibrarySink
    lock: QueueLock
    gallery: GalleryService
    workflow: WorkflowService
    sync: SyncService
    analytics: AnalyticsService
    reports: ReportService
    schedules: ScheduleRunner
    audit: AuditLog
    profiles: ProfileService
    engine: QueueEngine | None = None

    def acquire_engine(self) -> tuple[QueueEngine | None, RecoveryReport | None]:
        """Become the library's queue runner: take the lock, recover what a crash left,
        and build the engine. (None, None) when another process runs the queue."""
        if self.engine is not None:
            return self.engine, None
        if not self.lock.try_acquire():
            return None, None
        report = Recovery(self.db, self.root).run()
        deps = EngineDeps(
            repo=QueueRepository(self.db, signed_in=self._signed_in), providers=self.providers, sink=self.sink,
            events=self.events, config=self.config, prices=self.prices,
            db_executor=self.executors.db, io_executor=self.executors.io,
            policy=RetryPolicy(max_attempts=self.config.max_attempts),
        )
        self.engine = QueueEngine(deps)
        self.queue.attach(self.engine)
        return self.engine, report

    def _signed_in(self) -> int | None:
        """The profile whose keys are open now (None while the window is locked)."""
        active = self.profiles.active
        return None if active is None or self.profiles.locked else active.id

    async def aclose(self) -> None:
        if self.engine is not None:
            self.engine.stop()
        await self.sync.aclose()
        await self.workflow.aclose()
        self.analytics.close()
        await self.http.aclose()
        self.executors.shutdown()
        # Every connection must close: SQLite keeps the fds of closed ones open while any
        # other connection to the file lives, and a restore then fails with "disk I/O error".
        self.gallery.close()
        self.lock.release()
        self.db.close()


def build_services(
    library: Path | None = None,
    *,
    config_store: ConfigStore | None = None,
    env: Mapping[str, str] | None = None,
    secrets: SecretStore | None = None,
) -> Services:
    config_store = config_store or ConfigStore()
    config = config_store.load()
    root = Path(library) if library else config.library_dir()
    db = Database(root / "library.db", backups_dir=root / "backups").open()
    redactor = Redactor()
    for handler in logging.getLogger().handlers:
        handler.addFilter(redactor)
    events = EventBus()
    executors = Executors()
    audit = AuditLog(db, redactor=redactor, submit=executors.db.submit)
    secrets = ProfileSecrets(secrets or open_secrets(config_store.directory, redactor), events)
    profiles = ProfileService(db, audit=audit, events=events, config_store=config_store, config=config,
                              secrets=secrets, redactor=redactor, library_key=str(root.resolve()))
    http = httpx.AsyncClient(
        headers={"User-Agent": f"BatchImageGenerator/{__version__}"},
        limits=httpx.Limits(max_connections=64, max_keepalive_connections=16),
        follow_redirects=True,
    )
    providers = ProviderRegistry(http, config, secrets, env if env is not None else os.environ)
    prices = PriceTable.load()
    queue = QueueService(QueueCommands(db), QueueQueries(db), providers, prices, events, executors.db)
    sink = LibrarySink(root)
    sync = SyncService(db, root, events, secrets, env=env)
    analytics = AnalyticsService(db)
    reports = ReportService(analytics, root, events=events)
    workflow = WorkflowService(db=db, root=root, events=events, queue=queue, providers=providers,
                               http=http, config_store=config_store, executors=executors)
    AuditRecorder(audit, events, config).attach()
    follow_current_profile(profiles, events, queue=queue, workflow=workflow, reports=reports)
    BudgetWatch(profiles, events).attach()
    profiles.start()
    return Services(
        config_store=config_store, config=config, root=root, db=db, events=events,
        secrets=secrets, redactor=redactor, http=http, providers=providers, prices=prices,
        executors=executors, queue=queue, sink=sink, lock=QueueLock(root),
        gallery=GalleryService(db, root, events),
        workflow=workflow, sync=sync, analytics=analytics, reports=reports,
        schedules=ScheduleRunner(ScheduleStore(db), reports, push=sync.push_report),
        audit=audit, profiles=profiles,
    )
