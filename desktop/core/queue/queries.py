"""Reads for views and the command line: job ids in order, rows by id, batch progress.

Views hold ids and fetch rows in pages (`jobs(ids)`), so a queue of 100,000 jobs costs
only what is on screen. Reads use their own connections (WAL lets them run beside the
writer), and each is one indexed query."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import bindparam, text

from desktop.core.queue.types import BatchProgress, JobRow
from desktop.core.store.database import Database

ORDERS = {
    "queue": "CASE j.state WHEN 'running' THEN 0 WHEN 'pending' THEN 1 WHEN 'paused' THEN 2 ELSE 3 END,"
             " j.priority DESC, j.position, j.id",
    "newest": "j.id DESC",
    "oldest": "j.id",
}


@dataclass(frozen=True)
class JobFilter:
    states: tuple[str, ...] = ()
    batch_id: int | None = None
    provider: str | None = None
    text: str = ""


@dataclass(frozen=True)
class ProviderCalls:
    calls: int
    failures: int
    mean_ms: float | None


class QueueQueries:
    def __init__(self, db: Database) -> None:
        self.db = db

    def job_ids(self, where: JobFilter = JobFilter(), order: str = "queue", limit: int | None = None) -> list[int]:
        clauses, params = ["1=1"], {}
        if where.states:
            clauses.append("j.state IN :states")
            params["states"] = list(where.states)
        if where.batch_id is not None:
            clauses.append("j.batch_id = :batch")
            params["batch"] = where.batch_id
        if where.provider:
            clauses.append("j.provider = :prov")
            params["prov"] = where.provider
        if where.text:
            clauses.append("j.prompt LIKE :txt ESCAPE '\\'")
            escaped = where.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params["txt"] = f"%{escaped}%"
        sql = f"SELECT j.id FROM jobs j WHERE {' AND '.join(clauses)} ORDER BY {ORDERS[order]}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        stmt = text(sql)
        if where.states:
            stmt = stmt.bindparams(bindparam("states", expanding=True))
        with self.db.read() as conn:
            return list(conn.execute(stmt, params).scalars())

    def jobs(self, ids: Iterable[int]) -> list[JobRow]:
        ids = list(ids)
        if not ids:
            return []
        with self.db.read() as conn:
            rows = conn.execute(
                text("SELECT * FROM jobs WHERE id IN :ids").bindparams(bindparam("ids", expanding=True)),
                {"ids": ids},
            ).mappings().all()
        by_id = {r["id"]: JobRow.from_mapping(r) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def job(self, job_id: int) -> JobRow | None:
        found = self.jobs([job_id])
        return found[0] if found else None

    def batches(self, ids: Iterable[int] | None = None, active_only: bool = False) -> list[BatchProgress]:
        clauses = []
        params: dict = {}
        if ids is not None:
            clauses.append("b.id IN :ids")
            params["ids"] = list(ids)
            if not params["ids"]:
                return []
        if active_only:
            clauses.append("b.finished_at IS NULL")
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        stmt = text(
            "SELECT b.id, b.name, b.created_at, b.paused, b.pause_reason, b.budget_usd, b.finished_at,"
            " COUNT(j.id) AS total,"
            " SUM(j.state='pending') AS pending, SUM(j.state='running') AS running,"
            " SUM(j.state='succeeded') AS succeeded, SUM(j.state='failed') AS failed,"
            " SUM(j.state='cancelled') AS cancelled, SUM(j.state='paused') AS paused_jobs,"
            " COALESCE(SUM(j.cost_usd),0) AS cost, COALESCE(SUM(j.estimated_cost),0) AS est"
            f" FROM batches b LEFT JOIN jobs j ON j.batch_id=b.id {where} GROUP BY b.id ORDER BY b.id DESC"
        )
        if ids is not None:
            stmt = stmt.bindparams(bindparam("ids", expanding=True))
        with self.db.read() as conn:
            rows = conn.execute(stmt, params).mappings().all()
        return [
            BatchProgress(
                id=r["id"], name=r["name"], created_at=r["created_at"], paused=bool(r["paused"]),
                pause_reason=r["pause_reason"], budget_usd=r["budget_usd"], total=r["total"] or 0,
                pending=r["pending"] or 0, running=r["running"] or 0, succeeded=r["succeeded"] or 0,
                failed=r["failed"] or 0, cancelled=r["cancelled"] or 0,
                paused_jobs=r["paused_jobs"] or 0, cost_usd=r["cost"], estimated_usd=r["est"],
                finished_at=r["finished_at"],
            )
            for r in rows
        ]

    def remaining_by_provider(self, batch_id: int | None = None) -> dict[str, int]:
        sql = "SELECT provider, COUNT(*) FROM jobs WHERE state IN ('pending','running')"
        params = {}
        if batch_id is not None:
            sql += " AND batch_id=:b"
            params["b"] = batch_id
        with self.db.read() as conn:
            return dict(conn.execute(text(sql + " GROUP BY provider"), params).all())

    def recent_calls(self, since: float) -> dict[str, ProviderCalls]:
        """Per provider, the finished calls since `since`: how many, how many failed on the
        provider's side (not content refusals or our own bad requests), and the mean time."""
        sql = text(
            "SELECT provider, COUNT(*) AS calls,"
            " SUM(outcome='failed' AND COALESCE(error_kind,'') IN"
            "     ('transient','provider_down','rate_limited','auth','quota')) AS failures,"
            " AVG(duration_ms) AS mean_ms"
            " FROM attempts WHERE started_at >= :since AND outcome IN ('succeeded','failed')"
            " GROUP BY provider")
        with self.db.read() as conn:
            rows = conn.execute(sql, {"since": since}).all()
        return {r.provider: ProviderCalls(r.calls, int(r.failures or 0), r.mean_ms) for r in rows}

    def state_counts(self) -> dict[str, int]:
        with self.db.read() as conn:
            return dict(conn.execute(text("SELECT state, COUNT(*) FROM jobs GROUP BY state")).all())

    def attempts_of(self, job_id: int) -> list[dict]:
        with self.db.read() as conn:
            rows = conn.execute(
                text("SELECT * FROM attempts WHERE job_id=:j ORDER BY id"), {"j": job_id}
            ).mappings().all()
        return [dict(r) for r in rows]
