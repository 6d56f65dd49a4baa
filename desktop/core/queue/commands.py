"""What a user does to the queue, as single transactions: add a batch, pause, resume, cancel,
retry, reorder, reprioritise, edit and duplicate jobs. Each returns the ids it changed."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from desktop.core.models import GenerationRequest
from desktop.core.queue.types import BatchOptions, PreparedJob
from desktop.core.store.database import Database

PAUSE_KEY = "queue.paused"


class JobNotEditableError(Exception):
    """Only jobs that are not running or finished successfully can be edited."""


def _ids(ids: Iterable[int]) -> list[int]:
    return sorted({int(i) for i in ids})


class QueueCommands:
    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.clock = clock

    def _begin(self) -> Connection:
        return self.db.engine_or_raise().begin()

    # -- batches ------------------------------------------------------------------------
    def create_batch(self, jobs: list[PreparedJob], options: BatchOptions) -> tuple[int, list[int]]:
        now = self.clock()
        with self._begin() as conn:
            batch_id = conn.execute(
                text(
                    "INSERT INTO batches (name, source, created_at, paused, priority, budget_usd,"
                    " fallback_json, project_id, profile_id, notified) VALUES (:name, :src, :now, :paused,"
                    " :prio, :budget, :fb, :proj, :prof, 0)"
                ),
                {"name": options.name, "src": options.source, "now": now, "paused": options.paused,
                 "prio": options.priority, "budget": options.budget_usd,
                 "fb": json.dumps(list(options.fallback)), "proj": options.project_id,
                 "prof": options.profile_id},
            ).lastrowid
            job_ids = self._insert_jobs(conn, batch_id, jobs, options.priority, now)
        return batch_id, job_ids

    def _insert_jobs(self, conn: Connection, batch_id: int, jobs: list[PreparedJob], priority: int,
                     now: float) -> list[int]:
        base = conn.execute(text("SELECT COALESCE(MAX(position), 0) FROM jobs")).scalar_one()
        ids = []
        sql = text(
            "INSERT INTO jobs (batch_id, state, priority, position, provider, model, prompt,"
            " request_json, cache_key, allow_cache, source, name, tags_json, attempts, next_attempt_at,"
            " fallback_index, estimated_cost, cost_usd, created_at, updated_at, parent_asset_id)"
            " VALUES (:b, 'pending', :prio, :pos, :prov, :model, :prompt, :req, :key, :cache, :src,"
            " :name, :tags, 0, 0, 0, :est, 0, :now, :now, :parent)"
        )
        for i, job in enumerate(jobs, start=1):
            req = job.request
            ids.append(conn.execute(sql, {
                "b": batch_id, "prio": priority, "pos": base + i, "prov": req.provider,
                "model": req.model, "prompt": req.prompt, "req": req.to_json(), "key": req.cache_key(),
                "cache": job.allow_cache, "src": job.source, "name": job.name,
                "tags": json.dumps(list(job.tags), ensure_ascii=False), "est": job.estimated_cost,
                "now": now, "parent": job.parent_asset_id,
            }).lastrowid)
        return ids

    def set_batch_paused(self, batch_ids: Iterable[int], paused: bool) -> list[int]:
        ids = _ids(batch_ids)
        with self._begin() as conn:
            conn.execute(
                text("UPDATE batches SET paused=:p, pause_reason=NULL WHERE id IN :ids")
                .bindparams(bindparam("ids", expanding=True)),
                {"p": paused, "ids": ids},
            )
            return self._job_ids_of_batches(conn, ids) if ids else []

    def _job_ids_of_batches(self, conn: Connection, batch_ids: list[int]) -> list[int]:
        return list(conn.execute(
            text("SELECT id FROM jobs WHERE batch_id IN :ids AND state IN ('pending','paused')")
            .bindparams(bindparam("ids", expanding=True)), {"ids": batch_ids},
        ).scalars())

    def set_global_paused(self, paused: bool) -> None:
        with self._begin() as conn:
            conn.execute(
                text("INSERT INTO app_state (key, value) VALUES (:k, :v)"
                     " ON CONFLICT(key) DO UPDATE SET value=excluded.value"),
                {"k": PAUSE_KEY, "v": "1" if paused else "0"},
            )

    def global_paused(self) -> bool:
        with self.db.read() as conn:
            value = conn.execute(text("SELECT value FROM app_state WHERE key=:k"), {"k": PAUSE_KEY}).scalar()
        return value == "1"

    # -- jobs -------------------------------------------------------------------------
    def _transition(self, ids: Iterable[int], sql_set: str, from_states: tuple[str, ...],
                    extra: dict | None = None) -> list[int]:
        ids = _ids(ids)
        if not ids:
            return []
        now = self.clock()
        with self._begin() as conn:
            changed = list(conn.execute(
                text("SELECT id FROM jobs WHERE id IN :ids AND state IN :states")
                .bindparams(bindparam("ids", expanding=True), bindparam("states", expanding=True)),
                {"ids": ids, "states": list(from_states)},
            ).scalars())
            if changed:
                conn.execute(
                    text(f"UPDATE jobs SET {sql_set}, updated_at=:now WHERE id IN :ids")
                    .bindparams(bindparam("ids", expanding=True)),
                    {"ids": changed, "now": now, **(extra or {})},
                )
                self._reopen_batches(conn, changed)
        return changed

    def _reopen_batches(self, conn: Connection, job_ids: list[int]) -> None:
        conn.execute(
            text("UPDATE batches SET finished_at=NULL, notified=0 WHERE id IN (SELECT DISTINCT batch_id"
                 " FROM jobs WHERE id IN :ids AND state IN ('pending','paused','running'))")
            .bindparams(bindparam("ids", expanding=True)), {"ids": job_ids},
        )

    def pause(self, ids: Iterable[int]) -> list[int]:
        return self._transition(ids, "state='paused'", ("pending",))

    def resume(self, ids: Iterable[int]) -> list[int]:
        return self._transition(ids, "state='pending', next_attempt_at=0", ("paused",))

    def cancel(self, ids: Iterable[int]) -> list[int]:
        changed = self._transition(ids, "state='cancelled', finished_at=:now", ("pending", "paused", "running"))
        self._close_finished_batches(changed)
        return changed

    def retry(self, ids: Iterable[int]) -> list[int]:
        return self._transition(
            ids,
            "state='pending', next_attempt_at=0, started_at=NULL, finished_at=NULL, fallback_index=0,"
            " error_kind=NULL, error_message=NULL",
            ("failed", "cancelled"),
        )

    def set_priority(self, ids: Iterable[int], priority: int) -> list[int]:
        return self._transition(ids, "priority=:prio", ("pending", "paused", "failed"), {"prio": priority})

    def move(self, ids: Iterable[int], to_front: bool) -> list[int]:
        ids = _ids(ids)
        if not ids:
            return []
        with self._begin() as conn:
            edge = conn.execute(text(
                "SELECT MIN(position) FROM jobs" if to_front else "SELECT MAX(position) FROM jobs"
            )).scalar_one() or 0
            order = list(conn.execute(
                text("SELECT id FROM jobs WHERE id IN :ids ORDER BY position")
                .bindparams(bindparam("ids", expanding=True)), {"ids": ids},
            ).scalars())
            count = len(order)
            for i, job_id in enumerate(order):
                pos = edge - count + i if to_front else edge + 1 + i
                conn.execute(text("UPDATE jobs SET position=:p, updated_at=:now WHERE id=:id"),
                             {"p": pos, "id": job_id, "now": self.clock()})
        return order

    def edit(self, job_id: int, request: GenerationRequest, estimated_cost: float | None,
             allow_cache: bool) -> None:
        with self._begin() as conn:
            changed = conn.execute(
                text(
                    "UPDATE jobs SET request_json=:req, provider=:prov, model=:model, prompt=:prompt,"
                    " cache_key=:key, estimated_cost=:est, allow_cache=:cache, updated_at=:now"
                    " WHERE id=:id AND state IN ('pending','paused','failed','cancelled')"
                ),
                {"req": request.to_json(), "prov": request.provider, "model": request.model,
                 "prompt": request.prompt, "key": request.cache_key(), "est": estimated_cost,
                 "cache": allow_cache, "now": self.clock(), "id": job_id},
            ).rowcount
        if not changed:
            raise JobNotEditableError(f"job {job_id} is running or finished and cannot be edited")

    def duplicate(self, batch_id: int, jobs: list[PreparedJob]) -> list[int]:
        with self._begin() as conn:
            ids = self._insert_jobs(conn, batch_id, jobs, 0, self.clock())
            conn.execute(text("UPDATE batches SET finished_at=NULL, notified=0 WHERE id=:b"), {"b": batch_id})
        return ids

    def _close_finished_batches(self, job_ids: list[int]) -> None:
        if not job_ids:
            return
        with self._begin() as conn:
            conn.execute(
                text(
                    "UPDATE batches SET finished_at=:now WHERE finished_at IS NULL AND id IN (SELECT"
                    " DISTINCT batch_id FROM jobs WHERE id IN :ids) AND NOT EXISTS (SELECT 1 FROM jobs"
                    " j WHERE j.batch_id=batches.id AND j.state IN ('pending','running','paused'))"
                ).bindparams(bindparam("ids", expanding=True)),
                {"ids": job_ids, "now": self.clock()},
            )
