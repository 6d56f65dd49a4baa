"""The queue's writes: claiming jobs for a lane and recording how each attempt ended.

Every state change is one transaction, guarded by the state it expects (`WHERE
state='running'`), so a job cancelled by the user or another process while its call was in
flight is never marked succeeded, and a crash at any point leaves rows that recovery can
reconcile. Runs on the store's single writer thread.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.engine import Connection

from desktop.core.models import GenerationRequest
from desktop.core.queue.commands import PAUSE_KEY
from desktop.core.queue.types import ClaimedJob, ClaimResult
from desktop.core.store.database import Database

ACTIVE = "('pending','running','paused')"


def _batch_filter(only_batches: frozenset[int] | None) -> str:
    if only_batches is None:
        return ""
    return f"AND j.batch_id IN ({','.join(str(int(b)) for b in only_batches) or 'NULL'})"


@dataclass(frozen=True)
class StoredFile:
    """What the library wrote for one image (mirrors library.StoredImage)."""

    path: str
    sha256: str
    size_bytes: int
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class AttemptOutcome:
    http_status: int | None
    cost_usd: float
    cost_source: str  # actual | estimated | none
    cost_units: float | None = None
    unit_name: str | None = None
    error_kind: str | None = None
    error_message: str | None = None
    retry_after: float | None = None


class QueueRepository:
    def __init__(self, db: Database, clock: Callable[[], float] = time.time, *,
                 signed_in: Callable[[], int | None] | None = None) -> None:
        """With `signed_in` (the profile whose keys are open now, None when locked), a
        password-protected profile's jobs wait while it is locked or signed out: they would
        otherwise run with someone else's keys, or fail for want of their own."""
        self.db = db
        self.clock = clock
        self.signed_in = signed_in

    def _scope(self, only_batches: frozenset[int] | None) -> str:
        clause = _batch_filter(only_batches)
        if self.signed_in is None:
            return clause
        current = self.signed_in()
        mine = f" OR b.profile_id = {int(current)}" if current is not None else ""
        return (f"{clause} AND (b.profile_id IS NULL{mine} OR NOT EXISTS (SELECT 1 FROM profiles pr"
                " WHERE pr.id = b.profile_id AND pr.password_hash IS NOT NULL))")

    # -- claiming -------------------------------------------------------------------------
    def claim(
        self,
        provider: str,
        limit: int,
        file_exists: Callable[[str], bool],
        only_batches: frozenset[int] | None = None,
    ) -> ClaimResult:
        """Mark up to `limit` runnable jobs of one provider as running, in order. Jobs the
        request cache can answer are finished on the spot; batches that would exceed their
        budget are paused instead."""
        now = self.clock()
        result = ClaimResult()
        with self.db.engine_or_raise().begin() as conn:
            rows = (
                conn.exec_driver_sql(
                    (
                        "SELECT j.id, j.batch_id, j.request_json, j.estimated_cost, j.allow_cache,"
                        " j.cache_key, j.fallback_index, j.source, j.tags_json, b.budget_usd,"
                        " b.fallback_json, b.project_id, b.profile_id, j.parent_asset_id"
                        " FROM jobs j JOIN batches b ON b.id = j.batch_id"
                        " WHERE j.state = 'pending' AND j.provider = :p AND j.next_attempt_at <= :now"
                        f" AND b.paused = 0 {self._scope(only_batches)}"
                        " ORDER BY j.priority DESC, j.position, j.id LIMIT :lim"
                    ),
                    {"p": provider, "now": now, "lim": max(limit, 0) * 4 + 4},
                )
                .mappings()
                .all()
            )
            blocked: set[int] = set()
            for row in rows:
                if len(result.jobs) >= limit:
                    break
                if row["batch_id"] in blocked:
                    continue
                if row["allow_cache"] and self._answer_from_cache(conn, row, now, file_exists):
                    result.cached_job_ids.append(row["id"])
                    self._note_finished_batch(conn, row["batch_id"], now, result)
                    continue
                if row["budget_usd"] is not None and self._over_budget(conn, row, now, result):
                    blocked.add(row["batch_id"])
                    continue
                result.jobs.append(self._start(conn, row, provider, now))
        return result

    def _start(self, conn: Connection, row: dict, provider: str, now: float) -> ClaimedJob:
        conn.exec_driver_sql(
            (
                "UPDATE jobs SET state='running', attempts=attempts+1, started_at=COALESCE(started_at,:now),"
                " updated_at=:now, error_kind=NULL, error_message=NULL WHERE id=:id"
            ),
            {"id": row["id"], "now": now},
        )
        request = GenerationRequest.from_json(row["request_json"])
        attempt_id = conn.exec_driver_sql(
            (
                "INSERT INTO attempts (job_id, provider, model, started_at, outcome, cost_usd,"
                " cost_source, cached) VALUES (:j, :p, :m, :now, 'running', 0, 'none', 0)"
            ),
            {"j": row["id"], "p": provider, "m": request.model, "now": now},
        ).lastrowid
        return ClaimedJob(
            job_id=row["id"],
            batch_id=row["batch_id"],
            attempt_id=attempt_id,
            request=request,
            estimated_cost=row["estimated_cost"],
            fallback=tuple(json.loads(row["fallback_json"] or "[]")),
            fallback_index=row["fallback_index"],
            source=row["source"],
            tags=tuple(json.loads(row["tags_json"] or "[]")),
            project_id=row["project_id"],
            profile_id=row["profile_id"],
            parent_asset_id=row["parent_asset_id"],
        )

    def _answer_from_cache(
        self, conn: Connection, row: dict, now: float, exists: Callable[[str], bool]
    ) -> bool:
        hit = conn.exec_driver_sql(
            (
                "SELECT id, path FROM assets WHERE cache_key = :k AND deleted_at IS NULL"
                " ORDER BY id LIMIT 1"
            ),
            {"k": row["cache_key"]},
        ).first()
        if hit is None or not exists(hit.path):
            return False
        request = GenerationRequest.from_json(row["request_json"])
        attempt_id = conn.exec_driver_sql(
            (
                "INSERT INTO attempts (job_id, provider, model, started_at, finished_at, duration_ms,"
                " outcome, cost_usd, cost_source, cached) VALUES (:j, :p, :m, :now, :now, 0,"
                " 'cached', 0, 'none', 1)"
            ),
            {"j": row["id"], "p": request.provider, "m": request.model, "now": now},
        ).lastrowid
        conn.exec_driver_sql(
            (
                "UPDATE jobs SET state='succeeded', asset_id=:a, attempts=attempts+1, started_at=:now,"
                " finished_at=:now, updated_at=:now WHERE id=:id"
            ),
            {"a": hit.id, "id": row["id"], "now": now},
        )
        self._ledger(
            conn,
            now,
            attempt_id,
            row["id"],
            row["batch_id"],
            request,
            row["estimated_cost"] or 0.0,
            "saved",
            note=f"cache hit: asset {hit.id}",
        )
        return True

    def _over_budget(self, conn: Connection, row: dict, now: float, result: ClaimResult) -> bool:
        spent = conn.exec_driver_sql(
            (
                "SELECT COALESCE(SUM(cost_usd),0) + COALESCE(SUM(CASE WHEN state='running'"
                " THEN COALESCE(estimated_cost,0) ELSE 0 END),0) FROM jobs WHERE batch_id=:b"
            ),
            {"b": row["batch_id"]},
        ).scalar_one()
        budget = float(row["budget_usd"])
        if spent + (row["estimated_cost"] or 0.0) <= budget + 1e-9:
            return False
        conn.exec_driver_sql(
            ("UPDATE batches SET paused=1, pause_reason=:r WHERE id=:b"),
            {
                "b": row["batch_id"],
                "r": f"budget: the next job would pass ${budget:.2f} (spent ${spent:.2f})",
            },
        )
        result.budget_paused.append((row["batch_id"], budget, float(spent)))
        return True

    # -- finishing ---------------------------------------------------------------------
    def finish_success(
        self,
        job: ClaimedJob,
        stored: StoredFile,
        outcome: AttemptOutcome,
        seed: int | None,
        started: float,
        result: ClaimResult | None = None,
    ) -> int | None:
        """Record the asset and mark the job succeeded. None if the job stopped running
        meanwhile (cancelled elsewhere): the caller then removes the file."""
        now = self.clock()
        req = job.request
        with self.db.engine_or_raise().begin() as conn:
            changed = conn.exec_driver_sql(
                (
                    "UPDATE jobs SET state='succeeded', finished_at=:now, updated_at=:now,"
                    " cost_usd=cost_usd+:c, error_kind=NULL, error_message=NULL"
                    " WHERE id=:id AND state='running'"
                ),
                {"id": job.job_id, "now": now, "c": outcome.cost_usd},
            ).rowcount
            if not changed:
                self._close_attempt(conn, job.attempt_id, started, now, outcome, "interrupted")
                return None
            asset_id = self._insert_asset(conn, job, stored, outcome.cost_usd, seed, now)
            conn.exec_driver_sql(
                ("UPDATE jobs SET asset_id=:a WHERE id=:id"), {"a": asset_id, "id": job.job_id}
            )
            self._close_attempt(conn, job.attempt_id, started, now, outcome, "succeeded")
            self._ledger(
                conn,
                now,
                job.attempt_id,
                job.job_id,
                job.batch_id,
                req,
                outcome.cost_usd,
                outcome.cost_source,
                outcome.cost_units,
                outcome.unit_name,
            )
            if result is not None:
                self._note_finished_batch(conn, job.batch_id, now, result)
        return asset_id

    def _insert_asset(
        self,
        conn: Connection,
        job: ClaimedJob,
        stored: StoredFile,
        cost: float,
        seed: int | None,
        now: float,
    ) -> int:
        req = job.request
        asset_id = conn.exec_driver_sql(
            (
                "INSERT INTO assets (job_id, batch_id, path, sha256, size_bytes, width, height, mime,"
                " provider, model, prompt, negative_prompt, seed, request_json, cache_key, cost_usd,"
                " origin, created_at, rating, favorite, project_id, profile_id, parent_id) VALUES (:job,"
                " :batch, :path, :sha, :size, :w, :h, :mime, :prov, :model, :prompt, :neg, :seed, :req,"
                " :key, :cost, 'generated', :now, 0, 0, :proj, :prof, :parent)"
            ),
            {
                "job": job.job_id,
                "batch": job.batch_id,
                "path": stored.path,
                "sha": stored.sha256,
                "size": stored.size_bytes,
                "w": stored.width,
                "h": stored.height,
                "mime": stored.mime,
                "prov": req.provider,
                "model": req.model,
                "prompt": req.prompt,
                "neg": req.negative_prompt,
                "seed": seed if seed is not None else req.seed,
                "req": req.to_json(),
                "key": req.cache_key(),
                "cost": cost,
                "now": now,
                "proj": job.project_id,
                "prof": job.profile_id,
                "parent": job.parent_asset_id,
            },
        ).lastrowid
        for tag in job.tags:
            conn.exec_driver_sql(("INSERT OR IGNORE INTO tags (name) VALUES (:n)"), {"n": tag})
            conn.exec_driver_sql(
                (
                    "INSERT OR IGNORE INTO asset_tags (asset_id, tag_id) SELECT :a, id FROM tags WHERE name=:n"
                ),
                {"a": asset_id, "n": tag},
            )
        return asset_id

    def finish_failure(
        self,
        job: ClaimedJob,
        outcome: AttemptOutcome,
        started: float,
        *,
        retry_at: float | None,
        moved_to: GenerationRequest | None = None,
        result: ClaimResult | None = None,
    ) -> str:
        """Close the attempt and send the job back to pending (retry_at), on to another
        provider (moved_to) or to failed. Returns the job's new state."""
        now = self.clock()
        with self.db.engine_or_raise().begin() as conn:
            self._close_attempt(conn, job.attempt_id, started, now, outcome, "failed")
            if moved_to is not None:
                state, params = (
                    "pending",
                    {
                        "next": now,
                        "req": moved_to.to_json(),
                        "prov": moved_to.provider,
                        "model": moved_to.model,
                        "key": moved_to.cache_key(),
                    },
                )
                sql = (
                    "UPDATE jobs SET state='pending', next_attempt_at=:next, request_json=:req,"
                    " provider=:prov, model=:model, cache_key=:key, fallback_index=fallback_index+1,"
                )
            elif retry_at is not None:
                state, params = "pending", {"next": retry_at}
                sql = "UPDATE jobs SET state='pending', next_attempt_at=:next,"
            else:
                state, params = "failed", {}
                sql = "UPDATE jobs SET state='failed', finished_at=:now,"
            changed = conn.exec_driver_sql(
                (
                    sql
                    + " error_kind=:kind, error_message=:msg, updated_at=:now WHERE id=:id AND state='running'"
                ),
                {
                    **params,
                    "kind": outcome.error_kind,
                    "msg": outcome.error_message,
                    "now": now,
                    "id": job.job_id,
                },
            ).rowcount
            if not changed:
                return "cancelled"
            if result is not None:
                self._note_finished_batch(conn, job.batch_id, now, result)
        return state

    def _close_attempt(
        self,
        conn: Connection,
        attempt_id: int,
        started: float,
        now: float,
        o: AttemptOutcome,
        outcome: str,
    ) -> None:
        conn.exec_driver_sql(
            (
                "UPDATE attempts SET finished_at=:now, duration_ms=:ms, outcome=:out, http_status=:st,"
                " error_kind=:ek, error_message=:em, retry_after=:ra, cost_usd=:c, cost_source=:cs"
                " WHERE id=:id"
            ),
            {
                "now": now,
                "ms": round((now - started) * 1000, 2),
                "out": outcome,
                "st": o.http_status,
                "ek": o.error_kind,
                "em": o.error_message,
                "ra": o.retry_after,
                "c": o.cost_usd,
                "cs": o.cost_source,
                "id": attempt_id,
            },
        )

    def _ledger(
        self,
        conn: Connection,
        now: float,
        attempt_id: int | None,
        job_id: int,
        batch_id: int,
        req: GenerationRequest,
        amount: float,
        kind: str,
        units: float | None = None,
        unit_name: str | None = None,
        note: str = "",
    ) -> None:
        if kind == "none":
            return
        conn.exec_driver_sql(
            (
                "INSERT INTO usage_ledger (created_at, attempt_id, job_id, batch_id, provider, model,"
                " amount_usd, kind, units, unit_name, note) VALUES (:now, :a, :j, :b, :p, :m, :amt,"
                " :k, :u, :un, :note)"
            ),
            {
                "now": now,
                "a": attempt_id,
                "j": job_id,
                "b": batch_id,
                "p": req.provider,
                "m": req.model,
                "amt": amount,
                "k": kind,
                "u": units,
                "un": unit_name,
                "note": note,
            },
        )

    def _note_finished_batch(
        self, conn: Connection, batch_id: int, now: float, result: ClaimResult
    ) -> None:
        left = conn.exec_driver_sql(
            (f"SELECT 1 FROM jobs WHERE batch_id=:b AND state IN {ACTIVE} LIMIT 1"), {"b": batch_id}
        ).first()
        if left:
            return
        marked = conn.exec_driver_sql(
            ("UPDATE batches SET finished_at=:now WHERE id=:b AND finished_at IS NULL"),
            {"b": batch_id, "now": now},
        ).rowcount
        if marked:
            counts = dict(
                conn.exec_driver_sql(
                    ("SELECT state, COUNT(*) FROM jobs WHERE batch_id=:b GROUP BY state"),
                    {"b": batch_id},
                ).all()
            )
            result.finished_batches.append(
                (
                    batch_id,
                    counts.get("succeeded", 0),
                    counts.get("failed", 0),
                    counts.get("cancelled", 0),
                )
            )

    # -- scheduling facts ------------------------------------------------------------------
    def global_paused(self) -> bool:
        """Whether the whole queue is paused, as stored (any process may have set it)."""
        with self.db.read() as conn:
            value = conn.exec_driver_sql("SELECT value FROM app_state WHERE key=?", (PAUSE_KEY,)).scalar()
        return value == "1"

    def runnable_providers(self, only_batches: frozenset[int] | None = None) -> dict[str, float]:
        """Providers with pending jobs in unpaused batches -> the earliest time one may run."""
        with self.db.read() as conn:
            rows = conn.exec_driver_sql(

                    "SELECT j.provider, MIN(j.next_attempt_at) FROM jobs j JOIN batches b"
                    f" ON b.id=j.batch_id WHERE j.state='pending' AND b.paused=0 {self._scope(only_batches)}"
                    " GROUP BY j.provider"

            ).all()
        return {provider: float(at or 0) for provider, at in rows}

    def next_due(self, provider: str, only_batches: frozenset[int] | None = None) -> float | None:
        """When the next pending job of this provider may run, or None if it has none."""
        with self.db.read() as conn:
            value = conn.exec_driver_sql(
                (
                    "SELECT MIN(j.next_attempt_at) FROM jobs j JOIN batches b ON b.id=j.batch_id"
                    f" WHERE j.state='pending' AND j.provider=:p AND b.paused=0 {self._scope(only_batches)}"
                ),
                {"p": provider},
            ).scalar()
        return None if value is None else float(value)

    def states_of(self, job_ids: list[int]) -> dict[int, str]:
        if not job_ids:
            return {}
        with self.db.read() as conn:
            rows = conn.exec_driver_sql(

                    f"SELECT id, state FROM jobs WHERE id IN ({','.join(str(int(i)) for i in job_ids)})"

            ).all()
        return dict(rows)

    def failures_of(self, job_id: int) -> tuple[int, int]:
        """(failed attempts other than rate limits, rate-limited attempts) of a job since it
        was last (re)started, so a manual retry gets a fresh allowance."""
        with self.db.read() as conn:
            row = conn.exec_driver_sql(
                (
                    "SELECT COALESCE(SUM(CASE WHEN error_kind!='rate_limited' THEN 1 ELSE 0 END),0),"
                    " COALESCE(SUM(CASE WHEN error_kind='rate_limited' THEN 1 ELSE 0 END),0)"
                    " FROM attempts WHERE job_id=:j AND outcome='failed' AND started_at >="
                    " COALESCE((SELECT started_at FROM jobs WHERE id=:j), 0)"
                ),
                {"j": job_id},
            ).one()
        return int(row[0]), int(row[1])
