"""Each library's manifest: numbered JSON-lines segments under `manifest/<library>/`.

A pass adds one line per asset it pushed (or removed); lines wait in the store and are
written as the next segment at the end of the pass. A segment's lines are fixed before
it is written, so rewriting it after a crash gives the same object. A pull reads each
other library's segments after the last one it imported, so it never lists the bucket.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from desktop.core.sync.backends.base import Backend
from desktop.core.sync.destination import DestinationUrl
from desktop.core.sync.errors import PreconditionFailedError, RemoteError
from desktop.core.sync.layout import MANIFEST, manifest_rel
from desktop.core.sync.store import SyncStore
from desktop.core.sync.transfer import Payload, Transfer


@dataclass(frozen=True)
class ManifestEntry:
    op: str  # put | trash | delete
    sha256: str
    sidecar: str | None = None  # keys relative to the destination's prefix
    image: str | None = None
    thumb: str | None = None
    at: float = 0.0

    def to_line(self) -> str:
        data = {k: v for k, v in self.__dict__.items() if v is not None}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_line(cls, line: str) -> ManifestEntry:
        data: dict[str, Any] = json.loads(line)
        known = {k: data.get(k) for k in ("op", "sha256", "sidecar", "image", "thumb")}
        return cls(**known, at=float(data.get("at") or 0.0))


class ManifestWriter:
    def __init__(self, store: SyncStore) -> None:
        self.store = store

    @staticmethod
    def add(conn: Connection, dest_id: int, entry: ManifestEntry, now: float) -> None:
        conn.execute(text("INSERT INTO sync_manifest_pending (destination_id, seq, line, created_at)"
                          " VALUES (:d, NULL, :l, :t)"), {"d": dest_id, "l": entry.to_line(), "t": now})

    def flush(self, dest_id: int, library_id: str, url: DestinationUrl, transfer: Transfer) -> int:
        """Write waiting lines as segments; returns how many segments were written."""
        with self.store.write() as conn:
            last = int(conn.execute(text("SELECT manifest_seq FROM sync_destinations WHERE id=:d"),
                                    {"d": dest_id}).scalar() or 0)
            top = conn.execute(text("SELECT MAX(seq) FROM sync_manifest_pending WHERE destination_id=:d"),
                               {"d": dest_id}).scalar()
            conn.execute(text("UPDATE sync_manifest_pending SET seq=:s WHERE destination_id=:d AND"
                              " seq IS NULL"), {"s": max(last, int(top or 0)) + 1, "d": dest_id})
            seqs = [int(s) for (s,) in conn.execute(text(
                "SELECT DISTINCT seq FROM sync_manifest_pending WHERE destination_id=:d ORDER BY seq"),
                {"d": dest_id})]
        written = 0
        for seq in seqs:
            with self.store.read() as conn:
                lines = [line for (line,) in conn.execute(text(
                    "SELECT line FROM sync_manifest_pending WHERE destination_id=:d AND seq=:s"
                    " ORDER BY id"), {"d": dest_id, "s": seq})]
            if not lines:  # moved on into a later segment by _write_segment
                continue
            body = ("\n".join(lines) + "\n").encode("utf-8")
            seq = self._write_segment(dest_id, library_id, url, transfer, seq, body)
            with self.store.write() as conn:
                conn.execute(text("DELETE FROM sync_manifest_pending WHERE destination_id=:d AND seq=:s"),
                             {"d": dest_id, "s": seq})
                conn.execute(text("UPDATE sync_destinations SET manifest_seq=MAX(manifest_seq, :s)"
                                  " WHERE id=:d"), {"s": seq, "d": dest_id})
            written += 1
        return written

    def _write_segment(self, dest_id: int, library_id: str, url: DestinationUrl, transfer: Transfer,
                       seq: int, body: bytes) -> int:
        """Write a segment without ever replacing a different one under the same number
        (a library restored from an older backup would otherwise reuse numbers others have
        already read). Returns the number it was written under."""
        while True:
            key = url.key(manifest_rel(library_id, seq))
            try:
                transfer.send(Payload(key, "manifest", "application/x-ndjson", data=body,
                                      if_absent=True))
                return seq
            except PreconditionFailedError:
                there = transfer.backend.head(key)
                if there is not None and there.md5 == hashlib.md5(body).hexdigest():
                    return seq  # written before a crash: the same lines, nothing to do
            with self.store.write() as conn:  # taken by other lines: move ours on
                conn.execute(text("UPDATE sync_manifest_pending SET seq=:n WHERE destination_id=:d"
                                  " AND seq=:s"), {"n": seq + 1, "d": dest_id, "s": seq})
            seq += 1

    def waiting(self, dest_id: int) -> int:
        with self.store.read() as conn:
            return int(conn.execute(text("SELECT COUNT(*) FROM sync_manifest_pending WHERE"
                                         " destination_id=:d"), {"d": dest_id}).scalar() or 0)


class ManifestReader:
    """Finds other libraries' new segments: one listing of `manifest/`, then a GET per new
    segment (the first missing number ends the walk)."""

    def __init__(self, store: SyncStore, backend: Backend, url: DestinationUrl) -> None:
        self.store, self.backend, self.url = store, backend, url

    def libraries(self, own_id: str) -> list[str]:
        prefix = self.url.key(MANIFEST + "/")
        found = [p[len(prefix):].strip("/") for p in self.backend.list_prefixes(prefix)]
        return [lib for lib in found if lib and lib != own_id]

    def cursor(self, dest_id: int, library: str) -> int:
        with self.store.read() as conn:
            return int(conn.execute(text("SELECT seq FROM sync_pull_cursors WHERE destination_id=:d"
                                         " AND library_id=:l"), {"d": dest_id, "l": library}).scalar() or 0)

    def advance(self, dest_id: int, library: str, seq: int) -> None:
        with self.store.write() as conn:
            conn.execute(text("INSERT INTO sync_pull_cursors (destination_id, library_id, seq) VALUES"
                              " (:d, :l, :s) ON CONFLICT (destination_id, library_id) DO UPDATE SET"
                              " seq=MAX(seq, excluded.seq)"), {"d": dest_id, "l": library, "s": seq})

    def segment(self, library: str, seq: int) -> list[ManifestEntry] | None:
        key = self.url.key(manifest_rel(library, seq))
        got = self.backend.get(key)
        if got is None:
            return None
        entries = []
        for n, line in enumerate(got[0].decode("utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                entries.append(ManifestEntry.from_line(line))
            except (ValueError, TypeError) as exc:
                raise RemoteError(f"{self.backend.where(key)}: line {n} is not a manifest entry: {exc}") from exc
        return entries
