"""Where things live under a destination's prefix, and how object metadata is encoded.

    images/...               the library's own relative paths (`images/2026-01/...png`)
    thumbs/...               thumbnails, same
    sidecars/<sha256>.json   an asset's metadata: prompt, provider, rating, tags...
    manifest/<library>/<seq>.jsonl   what each library pushed, in order, for pulls
    backups/<library>/library-....db  database backups
    reports/<library>/<file>         scheduled reports, when a schedule asks to push them
"""

from __future__ import annotations

import mimetypes
from pathlib import PurePosixPath
from urllib.parse import quote, unquote

SIDECARS = "sidecars"
MANIFEST = "manifest"
BACKUPS = "backups"
REPORTS = "reports"
# S3 allows 2 KB of user metadata in total; keep well under it.
_META_BUDGET = 1800


def sidecar_rel(sha256: str) -> str:
    return f"{SIDECARS}/{sha256}.json"


def manifest_rel(library_id: str, seq: int) -> str:
    return f"{MANIFEST}/{library_id}/{seq:010d}.jsonl"


def backup_rel(library_id: str, file_name: str) -> str:
    return f"{BACKUPS}/{library_id}/{file_name}"


def report_rel(library_id: str, file_name: str) -> str:
    return f"{REPORTS}/{library_id}/{file_name}"


def is_safe_rel(rel: str) -> bool:
    """A relative path that stays inside the library (what a pull may write)."""
    pure = PurePosixPath(rel)
    return bool(rel) and not pure.is_absolute() and ".." not in pure.parts and "\\" not in rel \
        and ":" not in pure.parts[0] and pure.parts[0] in ("images", "thumbs")


def content_type(rel: str, default: str = "application/octet-stream") -> str:
    return mimetypes.guess_type(rel)[0] or default


def encode_metadata(fields: dict[str, str | int | float | None]) -> dict[str, str]:
    """Object metadata as ASCII (S3 and Azure only carry ASCII headers): values are
    percent-encoded UTF-8, and long ones (prompts) are cut to fit the size budget.
    Names must be identifiers (Azure's rule): letters, digits and underscores."""
    out: dict[str, str] = {}
    used = 0
    for name, value in fields.items():
        if value is None:
            continue
        room = _META_BUDGET - used - len(name)
        if room <= 0:
            break
        text = _quote_within(str(value), room)
        out[name] = text
        used += len(name) + len(text)
    return out


def _quote(text: str) -> str:
    return quote(text, safe=" ,.-_:/()[]")


def _quote_within(text: str, room: int) -> str:
    """The longest prefix of `text` (whole characters, so no broken UTF-8) that fits."""
    if len(_quote(text)) <= room:
        return _quote(text)
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if len(_quote(text[:mid])) <= room:
            low = mid
        else:
            high = mid - 1
    return _quote(text[:low])


def decode_metadata(meta: dict[str, str]) -> dict[str, str]:
    return {k.lower(): unquote(v) for k, v in (meta or {}).items()}
