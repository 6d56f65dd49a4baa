"""Exporting assets to a folder: the image files (which carry their embedded metadata)
plus a manifest in JSON and CSV with every field, tags and rating included, so the
receiver can see how each image was made without this app."""

from __future__ import annotations

import csv
import json
import shutil
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from desktop.core.gallery.errors import ExportFolderError
from desktop.core.gallery.views import AssetView, ExportReport
from desktop.core.library.atomic import describe_os_error
from desktop.core.library.errors import LibraryError
from desktop.core.library.layout import LibraryPaths

CSV_COLUMNS = ("file", "id", "prompt", "negative_prompt", "provider", "model", "seed",
               "width", "height", "cost_usd", "created_at", "rating", "favorite", "tags",
               "origin", "sha256")


def manifest_entry(asset: AssetView, file_name: str) -> dict[str, Any]:
    created = datetime.fromtimestamp(asset.created_at, UTC).isoformat(timespec="seconds")
    return {
        "file": file_name, "id": asset.id, "prompt": asset.prompt,
        "negative_prompt": asset.negative_prompt, "provider": asset.provider,
        "model": asset.model, "seed": asset.seed, "width": asset.width,
        "height": asset.height, "cost_usd": asset.cost_usd, "created_at": created,
        "rating": asset.rating, "favorite": asset.favorite, "tags": list(asset.tags),
        "origin": asset.origin, "sha256": asset.sha256,
        "request": asset.request().to_dict(),
    }


class AssetExporter:
    def __init__(self, paths: LibraryPaths, clock: Any = time.time) -> None:
        self.paths = paths
        self.clock = clock

    def export(self, assets: Sequence[AssetView], folder: Path | str) -> ExportReport:
        target = Path(folder)
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportFolderError(str(target), describe_os_error(exc)) from exc
        report = ExportReport(folder=str(target))
        entries = []
        for asset in assets:
            name = f"{asset.id:06d}_{PurePosixPath(asset.path).name}"
            try:
                shutil.copy2(self.paths.abs(asset.path), target / name)
            except OSError as exc:
                report.failed[asset.id] = f"{asset.path}: {describe_os_error(exc)}"
                continue
            except LibraryError as exc:  # a path that points outside the library
                report.failed[asset.id] = str(exc)
                continue
            report.files.append(name)
            entries.append(manifest_entry(asset, name))
        stamp = datetime.fromtimestamp(self.clock()).strftime("%Y%m%d-%H%M%S")
        json_path = target / f"manifest-{stamp}.json"
        csv_path = target / f"manifest-{stamp}.csv"
        try:
            json_path.write_text(json.dumps(entries, ensure_ascii=False, indent=2), "utf-8")
            # utf-8-sig: Excel opens Chinese prompts correctly only with the BOM.
            with csv_path.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.DictWriter(fh, CSV_COLUMNS, extrasaction="ignore")
                writer.writeheader()
                for entry in entries:
                    writer.writerow({**entry, "tags": ", ".join(entry["tags"])})
        except OSError as exc:
            raise ExportFolderError(str(target), describe_os_error(exc)) from exc
        report.manifest_json, report.manifest_csv = json_path.name, csv_path.name
        return report
