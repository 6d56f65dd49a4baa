"""Writing audit entries to CSV or JSON, with the hashes, so a copy kept elsewhere can be
compared with the library later. Written atomically (temporary file, then rename)."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from desktop.core.audit.chain import AuditEntry

FORMATS = ("csv", "json")
COLUMNS = ("id", "at", "at_utc", "profile_id", "actor", "action", "target", "details", "prev_hash", "hash")


class AuditExportError(Exception):
    """The export could not be written (format, folder, disk)."""


def _iso(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).isoformat(timespec="seconds")


def _row(entry: AuditEntry) -> dict[str, object]:
    return {"id": entry.id, "at": entry.at, "at_utc": _iso(entry.at), "profile_id": entry.profile_id,
            "actor": entry.actor, "action": entry.action, "target": entry.target,
            "details": entry.details, "prev_hash": entry.prev_hash, "hash": entry.hash}


def export_entries(entries: Sequence[AuditEntry], out: Path, fmt: str) -> Path:
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise AuditExportError(f"unknown export format {fmt!r}: use csv or json")
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                if fmt == "csv":
                    fh.write("\ufeff")  # Excel opens UTF-8 (Chinese names) correctly with a BOM
                    writer = csv.DictWriter(fh, fieldnames=COLUMNS)
                    writer.writeheader()
                    writer.writerows(_row(e) for e in entries)
                else:
                    rows = [{**_row(e), "details": e.details_dict} for e in entries]
                    json.dump({"entries": rows, "count": len(rows)}, fh, ensure_ascii=False, indent=1)
            os.replace(tmp, out)
        finally:
            Path(tmp).unlink(missing_ok=True)
    except OSError as exc:
        raise AuditExportError(f"{out}: cannot write the audit export: {exc}") from exc
    return out
