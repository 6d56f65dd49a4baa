"""Scoring the consistency of a set of images and keeping the result; CLIP is loaded once,
lazily, and only if the optional extra is installed."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

from desktop.core.workflow import events as wev
from desktop.core.workflow.clip_backend import Embedder, load_clip
from desktop.core.workflow.consistency import (
    ConsistencyReport,
    ImageSignature,
    score_set,
    signature,
)
from desktop.core.workflow.context import WorkflowContext
from desktop.core.workflow.image_measures import load_rgb
from desktop.core.workflow.records import AssetFacts

log = logging.getLogger(__name__)
ClipLoader = Callable[[], "tuple[Embedder | None, str]"]


class ConsistencyService:
    def __init__(self, ctx: WorkflowContext, clip_loader: ClipLoader = load_clip) -> None:
        self.ctx = ctx
        self.clip_loader = clip_loader
        self._clip: tuple[Embedder | None, str] | None = None
        self._clip_lock = threading.Lock()

    def clip(self) -> tuple[Embedder | None, str]:
        """(embedder, "") or (None, why CLIP is not used). Loads once."""
        with self._clip_lock:
            if self._clip is None:
                self._clip = self.clip_loader()
            return self._clip

    def _signatures(self, assets: Sequence[AssetFacts]) -> tuple[list[ImageSignature], str, list[int]]:
        embedder, why = self.clip()
        out, unreadable = [], []
        for facts in assets:
            try:
                rgb = load_rgb(self.ctx.paths.abs(facts.path))
            except (OSError, ValueError) as exc:
                log.warning("consistency: cannot read %s: %s", facts.path, exc)
                unreadable.append(facts.id)
                continue
            embedding = None
            if embedder is not None:
                try:
                    embedding = embedder.embed(rgb)
                except Exception as exc:  # one bad embedding turns CLIP off for this set
                    why, embedder = f"CLIP failed on image {facts.id}: {exc}", None
            out.append(signature(facts.id, rgb, embedding))
        return out, why, unreadable

    def measure(self, asset_ids: Sequence[int]) -> tuple[ConsistencyReport, list[int]]:
        """Score without storing (synchronous; for a worker thread)."""
        assets = self.ctx.records.assets(asset_ids)
        signatures, why, unreadable = self._signatures(assets)
        return score_set(signatures, why), unreadable

    async def score(self, asset_ids: Sequence[int], project_id: int | None = None,
                    batch_id: int | None = None) -> tuple[int, ConsistencyReport]:
        """Score a set, store it (per image: score and outlier flag) and announce it."""
        report, _unreadable = await self.ctx.on_io(self.measure, list(asset_ids))
        run_id = await self.ctx.on_db(self.ctx.records.save_consistency, report, project_id, batch_id)
        self.ctx.events.publish(wev.ConsistencyDidScore(run_id, project_id, report.score,
                                                        tuple(report.outliers)))
        return run_id, report

    def latest(self, project_id: int) -> dict[str, object] | None:
        return self.ctx.records.latest_run(project_id)
