"""Everything the push and pull of one destination share during a pass."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core.sync.assets import AssetRepository
from desktop.core.sync.backends.base import Backend
from desktop.core.sync.conflicts import ConflictRepository
from desktop.core.sync.destination import Destination
from desktop.core.sync.manifest import ManifestWriter
from desktop.core.sync.objects import ObjectRepository
from desktop.core.sync.outbox import OutboxRepository
from desktop.core.sync.retry import RetryPolicy
from desktop.core.sync.store import SyncStore
from desktop.core.sync.throttle import Bandwidth
from desktop.core.sync.transfer import Transfer


@dataclass
class DestinationContext:
    destination: Destination
    backend: Backend
    transfer: Transfer
    throttle: Bandwidth
    retry: RetryPolicy
    store: SyncStore
    assets: AssetRepository
    objects: ObjectRepository
    outbox: OutboxRepository
    conflicts: ConflictRepository
    manifest: ManifestWriter
    root: Path
    library_id: str

    @property
    def dest_id(self) -> int:
        return self.destination.id

    def key(self, rel: str) -> str:
        return self.destination.url.key(rel)

    def now(self) -> float:
        return self.store.clock()
