"""What the workflow records about images and people: brand check results, decisions,
consistency runs and captions, plus the asset reads lineage and checks need."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from desktop.core.store.database import Database
from desktop.core.workflow.brand_check import BrandCheckResult
from desktop.core.workflow.consistency import ConsistencyReport
from desktop.core.workflow.decisions_sql import DecisionDraft, insert_decision
from desktop.core.workflow.records import AssetFacts, DecisionRecord, StoredCheck

ASSET_COLUMNS = ("id, path, thumb_path, width, height, prompt, negative_prompt, provider, model,"
                 " seed, request_json, parent_id, project_id, batch_id, created_at")
# Decisions that say what became of an image; the latest one is its status.
STATUS_KINDS = ("pick", "reject", "approve", "request_changes")


def _facts(row: Any) -> AssetFacts:
    return AssetFacts(**{k: row[k] for k in ASSET_COLUMNS.replace(" ", "").split(",")})


def _expanding(sql: str, *names: str) -> Any:
    return text(sql).bindparams(*(bindparam(n, expanding=True) for n in names))


class RecordStore:
    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.clock = clock

    def _read(self) -> Connection:
        return self.db.read()

    # -- assets ------------------------------------------------------------------------
    def assets(self, ids: Iterable[int]) -> list[AssetFacts]:
        ids = sorted({int(i) for i in ids})
        if not ids:
            return []
        with self._read() as conn:
            rows = conn.execute(_expanding(f"SELECT {ASSET_COLUMNS} FROM assets WHERE id IN :ids"
                                           " AND deleted_at IS NULL", "ids"), {"ids": ids}).mappings()
            return [_facts(r) for r in rows]

    def asset_ids(self, project_id: int | None = None, batch_id: int | None = None,
                  limit: int = 5000) -> list[int]:
        """Live images of a project or batch, newest first."""
        where, args = ["deleted_at IS NULL"], {"lim": limit}
        if project_id is not None:
            where.append("project_id=:p")
            args["p"] = project_id
        if batch_id is not None:
            where.append("batch_id=:b")
            args["b"] = batch_id
        with self._read() as conn:
            return list(conn.execute(text(f"SELECT id FROM assets WHERE {' AND '.join(where)}"
                                          " ORDER BY created_at DESC, id DESC LIMIT :lim"), args).scalars())

    def lineage_rows(self, asset_id: int) -> list[AssetFacts]:
        """Every asset in the family of `asset_id`: up to its root, then all descendants."""
        sql = (
            "WITH RECURSIVE up(id, parent_id) AS ("
            " SELECT id, parent_id FROM assets WHERE id=:a"
            " UNION SELECT a.id, a.parent_id FROM assets a JOIN up ON a.id = up.parent_id),"
            " root(id) AS (SELECT id FROM up WHERE parent_id IS NULL"
            "   OR parent_id NOT IN (SELECT id FROM assets) LIMIT 1),"
            " down(id) AS (SELECT id FROM root UNION SELECT a.id FROM assets a JOIN down"
            "   ON a.parent_id = down.id)"
            f" SELECT {ASSET_COLUMNS} FROM assets WHERE id IN (SELECT id FROM down)"
            " AND deleted_at IS NULL ORDER BY created_at, id"
        )
        with self._read() as conn:
            return [_facts(r) for r in conn.execute(text(sql), {"a": asset_id}).mappings()]

    def statuses(self, asset_ids: Sequence[int]) -> dict[int, str]:
        """The latest pick/reject/approve/request_changes per asset."""
        if not asset_ids:
            return {}
        kinds = ", ".join(f"'{k}'" for k in STATUS_KINDS)
        with self._read() as conn:
            rows = conn.execute(_expanding(
                f"SELECT asset_id, kind FROM decisions WHERE id IN (SELECT MAX(id) FROM decisions"
                f" WHERE asset_id IN :ids AND kind IN ({kinds}) GROUP BY asset_id)", "ids"),
                {"ids": list(asset_ids)}).all()
        return {int(a): str(k) for a, k in rows}

    # -- brand checks ------------------------------------------------------------------
    def save_check(self, asset_id: int, project_id: int | None, result: BrandCheckResult,
                   rules_version: int) -> StoredCheck:
        now = self.clock()
        with self.db.engine_or_raise().begin() as conn:
            conn.execute(text("INSERT INTO brand_checks (asset_id, project_id, passed, results_json,"
                              " rules_version, checked_at) VALUES (:a, :p, :ok, :r, :v, :now)"),
                         {"a": asset_id, "p": project_id, "ok": result.passed,
                          "r": result.to_json(), "v": rules_version, "now": now})
        return StoredCheck(asset_id, project_id, result.passed, result, rules_version, now)

    def latest_checks(self, asset_ids: Sequence[int]) -> dict[int, StoredCheck]:
        if not asset_ids:
            return {}
        with self._read() as conn:
            rows = conn.execute(_expanding(
                "SELECT * FROM brand_checks WHERE id IN (SELECT MAX(id) FROM brand_checks"
                " WHERE asset_id IN :ids GROUP BY asset_id)", "ids"),
                {"ids": list(asset_ids)}).mappings().all()
        return {r["asset_id"]: StoredCheck(r["asset_id"], r["project_id"], bool(r["passed"]),
                                           BrandCheckResult.from_json(r["results_json"]),
                                           r["rules_version"], r["checked_at"]) for r in rows}

    def unchecked(self, project_id: int, rules_version: int) -> list[int]:
        """Live images of the project without a check under the current rules."""
        with self._read() as conn:
            return list(conn.execute(text(
                "SELECT a.id FROM assets a WHERE a.project_id=:p AND a.deleted_at IS NULL AND NOT"
                " EXISTS (SELECT 1 FROM brand_checks c WHERE c.asset_id=a.id AND c.rules_version=:v)"
                " ORDER BY a.id"), {"p": project_id, "v": rules_version}).scalars())

    def check_rows(self, project_id: int) -> list[dict[str, Any]]:
        """The latest check per image of a project, for export."""
        with self._read() as conn:
            rows = conn.execute(text(
                "SELECT c.asset_id, a.path, a.prompt, c.passed, c.results_json, c.rules_version,"
                " c.checked_at FROM brand_checks c JOIN assets a ON a.id=c.asset_id WHERE c.id IN"
                " (SELECT MAX(id) FROM brand_checks WHERE project_id=:p GROUP BY asset_id)"
                " ORDER BY c.asset_id"), {"p": project_id}).mappings().all()
        return [dict(r) for r in rows]

    # -- decisions ---------------------------------------------------------------------
    def record(self, drafts: Sequence[DecisionDraft]) -> list[int]:
        now = self.clock()
        with self.db.engine_or_raise().begin() as conn:
            return [insert_decision(conn, d, now) for d in drafts]

    def decisions(self, project_id: int | None = None, asset_id: int | None = None,
                  limit: int = 1000) -> list[DecisionRecord]:
        where, args = [], {"lim": limit}
        if project_id is not None:
            where.append("project_id=:p")
            args["p"] = project_id
        if asset_id is not None:
            where.append("asset_id=:a")
            args["a"] = asset_id
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        with self._read() as conn:
            rows = conn.execute(text(f"SELECT * FROM decisions{clause} ORDER BY created_at DESC,"
                                     " id DESC LIMIT :lim"), args).mappings().all()
        return [DecisionRecord.from_row(r) for r in rows]

    def project_batches(self, project_id: int) -> list[dict[str, Any]]:
        with self._read() as conn:
            rows = conn.execute(text(
                "SELECT b.id, b.name, b.created_at, (SELECT COUNT(*) FROM assets a WHERE"
                " a.batch_id=b.id AND a.deleted_at IS NULL) AS images, (SELECT MIN(j.parent_asset_id)"
                " FROM jobs j WHERE j.batch_id=b.id) AS variant_of FROM batches b"
                " WHERE b.project_id=:p ORDER BY b.created_at DESC"), {"p": project_id}).mappings().all()
        return [dict(r) for r in rows]

    # -- consistency -------------------------------------------------------------------
    def save_consistency(self, report: ConsistencyReport, project_id: int | None,
                         batch_id: int | None) -> int:
        now = self.clock()
        with self.db.engine_or_raise().begin() as conn:
            run_id = int(conn.execute(text(
                "INSERT INTO consistency_runs (project_id, batch_id, score, measures, asset_count,"
                " created_at) VALUES (:p, :b, :s, :m, :n, :now)"),
                {"p": project_id, "b": batch_id, "s": report.score, "m": ",".join(report.measures),
                 "n": len(report.images), "now": now}).lastrowid)
            for image in report.images:
                conn.execute(text(
                    "INSERT INTO consistency_scores (run_id, asset_id, score, palette_distance,"
                    " phash_distance, clip_similarity, outlier, created_at) VALUES (:r, :a, :s,"
                    " :pd, :hd, :cs, :o, :now)"),
                    {"r": run_id, "a": image.asset_id, "s": image.score,
                     "pd": image.palette_distance, "hd": image.phash_distance,
                     "cs": image.clip_similarity, "o": image.outlier, "now": now})
        return run_id

    def latest_run(self, project_id: int) -> dict[str, Any] | None:
        with self._read() as conn:
            row = conn.execute(text("SELECT * FROM consistency_runs WHERE project_id=:p"
                                    " ORDER BY id DESC LIMIT 1"), {"p": project_id}).mappings().first()
            if row is None:
                return None
            scores = conn.execute(text("SELECT asset_id, score, outlier FROM consistency_scores"
                                       " WHERE run_id=:r"), {"r": row["id"]}).mappings().all()
        return {**dict(row), "images": [dict(s) for s in scores]}

    # -- captions ----------------------------------------------------------------------
    def save_caption(self, asset_id: int, model: str, caption: str) -> None:
        with self.db.engine_or_raise().begin() as conn:
            conn.execute(text("INSERT INTO asset_captions (asset_id, model, caption, created_at)"
                              " VALUES (:a, :m, :c, :now) ON CONFLICT(asset_id) DO UPDATE SET"
                              " model=excluded.model, caption=excluded.caption,"
                              " created_at=excluded.created_at"),
                         {"a": asset_id, "m": model, "c": caption, "now": self.clock()})

    def caption(self, asset_id: int) -> str | None:
        with self._read() as conn:
            return conn.execute(text("SELECT caption FROM asset_captions WHERE asset_id=:a"),
                                {"a": asset_id}).scalar()
