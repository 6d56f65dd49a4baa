"""The JSON sidecar of an asset: everything another library needs to import it.

Its bytes depend only on the asset (keys sorted, no timestamps of the push), so an
unchanged asset produces the same sidecar and nothing is re-sent.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.sync.assets import AssetRecord
from desktop.core.sync.errors import RemoteError

SCHEMA = 1
MERGED_FIELDS = ("rating", "favorite", "tags")  # what users edit on both sides
DEFAULTS: dict[str, Any] = {"rating": 0, "favorite": False, "tags": []}


def build(asset: AssetRecord, origin_library: str) -> dict[str, Any]:
    try:
        request: Any = json.loads(asset.request_json or "{}")
    except ValueError:
        request = {}
    return {
        "schema": SCHEMA,
        "sha256": asset.sha256,
        "image": asset.path,
        "thumb": asset.thumb_path,
        "size_bytes": asset.size_bytes,
        "width": asset.width,
        "height": asset.height,
        "mime": asset.mime,
        "provider": asset.provider,
        "model": asset.model,
        "prompt": asset.prompt,
        "negative_prompt": asset.negative_prompt,
        "seed": asset.seed,
        "request": request,
        "cost_usd": asset.cost_usd,
        "created_at": asset.created_at,
        "rating": asset.rating,
        "favorite": bool(asset.favorite),
        "tags": sorted(asset.tags),
        "origin_library": origin_library,
    }


def encode(sidecar: dict[str, Any]) -> bytes:
    return json.dumps(sidecar, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def parse(data: bytes, where: str) -> dict[str, Any]:
    try:
        sidecar = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise RemoteError(f"{where}: not a sidecar (bad JSON: {exc})") from exc
    if not isinstance(sidecar, dict) or not isinstance(sidecar.get("sha256"), str) \
            or not isinstance(sidecar.get("image"), str):
        raise RemoteError(f"{where}: not a sidecar (sha256 or image missing)")
    if int(sidecar.get("schema", 0)) > SCHEMA:
        raise RemoteError(f"{where}: sidecar schema {sidecar.get('schema')} is newer than this "
                          "app understands; update the app")
    return sidecar


def merged_view(values: dict[str, Any]) -> dict[str, Any]:
    """The merged fields, normalised so equal values compare equal."""
    return {
        "rating": int(values.get("rating") or 0),
        "favorite": bool(values.get("favorite")),
        "tags": sorted({str(t) for t in values.get("tags") or []}),
    }


def asset_view(asset: AssetRecord) -> dict[str, Any]:
    return merged_view({"rating": asset.rating, "favorite": asset.favorite, "tags": asset.tags})
