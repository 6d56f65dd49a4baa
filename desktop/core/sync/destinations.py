"""Destinations in the store: add, list, change options, remove, note each run's result."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.core.sync.destination import (
    Destination,
    DestinationOptions,
    DestinationUrl,
    default_name,
)
from desktop.core.sync.errors import (
    DestinationExistsError,
    DestinationNotFoundError,
    DestinationUrlError,
)
from desktop.core.sync.store import SyncStore

_NAME = re.compile(r"^[\w-]{1,64}$")
_COLUMNS = "id, name, url, options_json, created_at, manifest_seq, last_run_at, last_error"


def _row_to_destination(row: Any) -> Destination:
    return Destination(
        id=row.id, name=row.name, url=DestinationUrl.parse(row.url),
        options=DestinationOptions.from_json(row.options_json), created_at=row.created_at,
        manifest_seq=row.manifest_seq, last_run_at=row.last_run_at, last_error=row.last_error)


class DestinationRepository:
    def __init__(self, store: SyncStore) -> None:
        self.store = store

    def list(self) -> list[Destination]:
        with self.store.read() as conn:
            rows = conn.execute(text(f"SELECT {_COLUMNS} FROM sync_destinations ORDER BY id")).all()
        return [_row_to_destination(r) for r in rows]

    def get(self, name: str) -> Destination:
        with self.store.read() as conn:
            row = conn.execute(text(f"SELECT {_COLUMNS} FROM sync_destinations WHERE name=:n"),
                               {"n": name}).first()
        if row is None:
            known = ", ".join(d.name for d in self.list()) or "none yet"
            raise DestinationNotFoundError(f"no sync destination named {name!r} (known: {known})")
        return _row_to_destination(row)

    def add(self, url: str, name: str | None = None,
            options: DestinationOptions | None = None) -> Destination:
        """Add a destination; every live asset is queued for it (by a trigger)."""
        parsed = DestinationUrl.parse(url)
        taken = {d.name for d in self.list()}
        name = name or default_name(parsed, taken)
        if not _NAME.match(name):
            raise DestinationUrlError(
                f"{name!r}: a destination name is 1-64 letters, digits, '_' or '-'")
        if name in taken:
            raise DestinationExistsError(f"a sync destination named {name!r} already exists")
        options = options or DestinationOptions()
        try:
            with self.store.write() as conn:
                conn.execute(text(
                    "INSERT INTO sync_destinations (name, url, options_json, created_at, manifest_seq)"
                    " VALUES (:n, :u, :o, :t, 0)"),
                    {"n": name, "u": parsed.text, "o": options.to_json(), "t": self.store.clock()})
        except IntegrityError as exc:
            raise DestinationExistsError(f"a sync destination named {name!r} already exists") from exc
        return self.get(name)

    def update_options(self, name: str, options: DestinationOptions) -> Destination:
        with self.store.write() as conn:
            conn.execute(text("UPDATE sync_destinations SET options_json=:o WHERE name=:n"),
                         {"o": options.to_json(), "n": name})
        return self.get(name)

    def remove(self, name: str) -> Destination:
        """Forget a destination and its state (the bucket itself is left alone)."""
        dest = self.get(name)
        with self.store.write() as conn:
            conn.execute(text("DELETE FROM sync_destinations WHERE id=:id"), {"id": dest.id})
        return dest

    def note_run(self, dest_id: int, error: str | None) -> None:
        with self.store.write() as conn:
            conn.execute(text("UPDATE sync_destinations SET last_run_at=:t, last_error=:e WHERE id=:id"),
                         {"t": self.store.clock(), "e": error, "id": dest_id})
