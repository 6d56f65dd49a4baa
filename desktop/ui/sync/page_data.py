"""What the Sync page shows, read in one go off the GUI thread: destinations with their
status and credential source, and the open conflicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.core.secrets import mask
from desktop.core.sync import credentials
from desktop.core.sync.conflicts import Conflict
from desktop.core.sync.destination import Destination
from desktop.core.sync.report import DestinationStatus


@dataclass(frozen=True)
class DestinationRow:
    destination: Destination
    status: DestinationStatus | None
    credentials_source: str

    @property
    def name(self) -> str:
        return self.destination.name


@dataclass(frozen=True)
class SyncPageData:
    destinations: list[DestinationRow] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def read_page_data(sync: Any) -> SyncPageData:
    """Blocking (SQLite, the secrets store): call from a worker thread."""
    statuses = {s.name: s for s in sync.status()}
    rows = [DestinationRow(d, statuses.get(d.name), sync.credentials_source(d.name))
            for d in sync.destinations()]
    return SyncPageData(rows, sync.conflicts())


def stored_credential_masks(secrets: Any, destination: Destination) -> dict[str, str]:
    """The start and end of each credential stored for a destination, never the whole value.
    Blocking (the keyring): call from a worker thread."""
    if secrets is None:
        return {}
    found = {}
    for name in credentials.SECRET_FIELDS[destination.kind]:
        value = secrets.get(credentials.secret_name(destination.name, name))
        if value:
            found[name] = mask(value)
    return found
