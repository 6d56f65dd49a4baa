"""Crash recovery, run by the engine that holds the library's queue lock before it starts.

After a kill, jobs may be left `running` with an open attempt. Each is either finished
from the image it had already written (the file is named after its job, so nothing is
generated twice) or returned to pending; its attempt is marked interrupted, not failed.
Leftover temporary files are removed.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from sqlalchemy import text

from desktop.core.models import GenerationRequest
from desktop.core.store.database import Database

log = logging.getLogger(__name__)


@dataclass
class RecoveryReport:
    requeued: list[int] = field(default_factory=list)
    adopted: list[int] = field(default_factory=list)  # jobs finished from files on disk
    temp_removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.requeued or self.adopted or self.temp_removed)


def _inspect(path: Path) -> tuple[str, int, int, int, str] | None:
    """(sha256, size, width, height, mime) of an intact image file, else None."""
    try:
        with Image.open(path) as im:
            im.load()
            width, height, fmt = im.width, im.height, (im.format or "PNG").lower()
    except (OSError, UnidentifiedImageError, ValueError):
        return None
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest(), path.stat().st_size, width, height, f"image/{fmt}"


class Recovery:
    def __init__(self, db: Database, root: Path, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.root = root
        self.clock = clock

    def run(self) -> RecoveryReport:
        report = RecoveryReport()
        report.temp_removed = self._clear_temp()
        for job_id in self._running_jobs():
            if self.adopt(job_id):
                report.adopted.append(job_id)
            else:
                self._requeue(job_id)
                report.requeued.append(job_id)
        if report.changed:
            log.info("recovered: %s", report)
        return report

    def _clear_temp(self) -> int:
        tmp = self.root / ".tmp"
        if not tmp.is_dir():
            return 0
        count = sum(1 for _ in tmp.rglob("*") if _.is_file())
        shutil.rmtree(tmp, ignore_errors=True)
        return count

    def _running_jobs(self) -> list[int]:
        with self.db.read() as conn:
            return list(conn.execute(text("SELECT id FROM jobs WHERE state='running' ORDER BY id")).scalars())

    def _requeue(self, job_id: int) -> None:
        now = self.clock()
        with self.db.engine_or_raise().begin() as conn:
            conn.execute(
                text("UPDATE attempts SET outcome='interrupted', finished_at=:now WHERE job_id=:j"
                     " AND outcome='running'"), {"now": now, "j": job_id})
            conn.execute(text("UPDATE jobs SET state='pending', updated_at=:now WHERE id=:j"
                              " AND state='running'"), {"now": now, "j": job_id})

    def orphan_files(self, job_id: int) -> list[Path]:
        images = self.root / "images"
        return sorted(p for p in images.glob(f"*/{job_id:08d}-*") if p.is_file())

    def adopt(self, job_id: int, rel_path: str | None = None) -> bool:
        """Finish a running/pending job from an image it already wrote. Returns False when
        there is no intact file or the job is not waiting for one."""
        candidates = [self.root / rel_path] if rel_path else self.orphan_files(job_id)
        for path in candidates:
            facts = _inspect(path)
            if facts is None:
                continue
            rel = path.relative_to(self.root).as_posix()
            if self._record(job_id, rel, facts):
                return True
        return False

    def _record(self, job_id: int, rel: str, facts: tuple[str, int, int, int, str]) -> bool:
        sha, size, width, height, mime = facts
        now = self.clock()
        with self.db.engine_or_raise().begin() as conn:
            job = conn.execute(
                text("SELECT j.*, b.project_id AS proj, b.profile_id AS prof FROM jobs j JOIN batches b"
                     " ON b.id=j.batch_id WHERE j.id=:j AND j.state IN ('running','pending','paused')"),
                {"j": job_id}).mappings().first()
            if job is None or conn.execute(text("SELECT 1 FROM assets WHERE path=:p"), {"p": rel}).first():
                return False
            req = GenerationRequest.from_json(job["request_json"])
            cost = job["estimated_cost"] or 0.0
            asset_id = conn.execute(
                text("INSERT INTO assets (job_id, batch_id, path, sha256, size_bytes, width, height, mime,"
                     " provider, model, prompt, negative_prompt, seed, request_json, cache_key, cost_usd,"
                     " origin, created_at, rating, favorite, project_id, profile_id, parent_id) VALUES"
                     " (:j, :b, :p, :sha, :size, :w, :h, :mime, :prov, :model, :prompt, :neg, :seed,"
                     " :req, :key, :cost, 'generated', :now, 0, 0, :proj, :prof, :parent)"),
                {"j": job_id, "b": job["batch_id"], "p": rel, "sha": sha, "size": size, "w": width,
                 "h": height, "mime": mime, "prov": req.provider, "model": req.model,
                 "prompt": req.prompt, "neg": req.negative_prompt, "seed": req.seed,
                 "req": req.to_json(), "key": req.cache_key(), "cost": cost, "now": now,
                 "proj": job["proj"], "prof": job["prof"], "parent": job["parent_asset_id"]},
            ).lastrowid
            conn.execute(
                text("UPDATE attempts SET outcome='succeeded', finished_at=:now, cost_usd=:c,"
                     " cost_source='estimated' WHERE job_id=:j AND outcome='running'"),
                {"now": now, "c": cost, "j": job_id})
            conn.execute(
                text("UPDATE jobs SET state='succeeded', asset_id=:a, finished_at=:now, updated_at=:now,"
                     " cost_usd=cost_usd+:c WHERE id=:j"), {"a": asset_id, "now": now, "c": cost, "j": job_id})
            conn.execute(
                text("INSERT INTO usage_ledger (created_at, job_id, batch_id, provider, model, amount_usd,"
                     " kind, note) VALUES (:now, :j, :b, :p, :m, :c, 'estimated', 'recovered after a crash')"),
                {"now": now, "j": job_id, "b": job["batch_id"], "p": req.provider, "m": req.model, "c": cost})
        return True
