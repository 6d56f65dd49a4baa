"""A small library with known contents, written with plain SQL the way the queue engine
writes it, so every metric has an exact expected value worked out by hand in the tests.

Three days (Mon 2026-11-02 .. Wed 2026-11-04, UTC), three batches, nine jobs:
  J1 B1 openai/gpt-image-1  rate-limited call (100 ms), then an image (1000 ms), $0.04 actual
  J2 B1 openai/gpt-image-1  image (2000 ms), $0.04 actual
  J3 B1 stability/sd3       refused (300 ms) -> job failed content_refused
  J4 B2 stability/sd3       image (3000 ms), $0.03 estimated
  J5 B2 stability/sd3       cache hit, saved $0.035
  J6 B2 openai/dall-e-3     three transient failures (500, 700, 900 ms) -> job failed
  J7 B3 openai/gpt-image-1  image (4000 ms), $0.05 actual
  J8 B3 a1111/sdxl          image (5000 ms), no cost
  J9 B3 openai/gpt-image-1  cancelled before it ran
Batch 1 is project 10 / profile 1, batch 2 project 20 / profile 2, batch 3 has neither.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from desktop.core.analytics.workflow_tables import TableContract, WorkflowContract
from desktop.core.store.database import Database

D1 = datetime(2026, 11, 2, tzinfo=UTC).timestamp()
DAY = 86400.0
H = 3600.0


@dataclass
class Call:
    at: float  # seconds after the job was created
    ms: float
    outcome: str
    error_kind: str | None = None
    cost: float = 0.0
    cost_source: str = "none"
    http_status: int | None = None
    message: str | None = None


@dataclass
class KnownJob:
    id: int
    batch: int
    provider: str
    model: str
    prompt: str
    state: str
    created: float
    est: float | None
    calls: list[Call] = field(default_factory=list)
    error_kind: str | None = None
    style: str | None = None
    finished: float | None = None


JOBS = [
    KnownJob(1, 1, "openai", "gpt-image-1", "一隻在雨中的貓，水彩風格", "succeeded", D1 + 9 * H, 0.04,
             [Call(10, 100, "failed", "rate_limited", http_status=429, message="openai: HTTP 429 rate limited"),
              Call(70, 1000, "succeeded", cost=0.04, cost_source="actual")], style="watercolor"),
    KnownJob(2, 1, "openai", "gpt-image-1", "a red fox in snow", "succeeded", D1 + 9 * H, 0.04,
             [Call(20, 2000, "succeeded", cost=0.04, cost_source="actual")], style="photo"),
    KnownJob(3, 1, "stability", "sd3", "城市夜景，霓虹燈", "failed", D1 + 9 * H, 0.035,
             [Call(30, 300, "failed", "content_refused", http_status=400, message="stability: 內容被拒絕 (moderation)")], error_kind="content_refused"),
    KnownJob(4, 2, "stability", "sd3", "山水畫，水墨風格", "succeeded", D1 + DAY + 10 * H, 0.035,
             [Call(60, 3000, "succeeded", cost=0.03, cost_source="estimated")], style="ink"),
    KnownJob(5, 2, "stability", "sd3", "山水畫，水墨風格", "succeeded", D1 + DAY + 10 * H, 0.035,
             [Call(120, 0, "cached")], style="ink"),
    KnownJob(6, 2, "openai", "dall-e-3", "company logo, flat", "failed", D1 + DAY + 10 * H, 0.08,
             [Call(5, 500, "failed", "transient", http_status=500, message="openai: HTTP 5xx"),
              Call(65, 700, "failed", "transient", http_status=502, message="openai: HTTP 5xx"),
              Call(185, 900, "failed", "transient", http_status=503, message="openai: HTTP 5xx")], error_kind="transient"),
    KnownJob(7, 3, "openai", "gpt-image-1", "portrait of a designer", "succeeded", D1 + 2 * DAY + 14 * H,
             0.04, [Call(30, 4000, "succeeded", cost=0.05, cost_source="actual")], style="photo"),
    KnownJob(8, 3, "a1111", "sdxl", "landscape at dawn", "succeeded", D1 + 2 * DAY + 14 * H, None,
             [Call(90, 5000, "succeeded")]),
    KnownJob(9, 3, "openai", "gpt-image-1", "cancelled one", "cancelled", D1 + 2 * DAY + 14 * H, 0.04,
             finished=D1 + 2 * DAY + 14 * H + 200),
]
BATCHES = [(1, "封面 batch", 10, 1, D1 + 9 * H), (2, "landscapes", 20, 2, D1 + DAY + 10 * H),
           (3, "misc", None, None, D1 + 2 * DAY + 14 * H)]


def fill(db: Database, root: Path) -> dict[int, int]:
    """Write the known data; returns asset id by job id. Thumbnails are real PNG files."""
    from PIL import Image

    assets: dict[int, int] = {}
    with db.engine_or_raise().begin() as conn:
        for bid, name, project, profile, created in BATCHES:
            conn.execute(text(
                "INSERT INTO batches (id, name, source, created_at, paused, priority, fallback_json,"
                " project_id, profile_id, notified) VALUES (:id, :n, '', :c, 0, 0, '[]', :p, :pr, 0)"),
                {"id": bid, "n": name, "c": created, "p": project, "pr": profile})
        for job in JOBS:
            _write_job(conn, job, root, assets, Image)
    return assets


def _write_job(conn, job: KnownJob, root: Path, assets: dict[int, int], image_module) -> None:
    request = {"provider": job.provider, "model": job.model, "prompt": job.prompt, "style": job.style}
    started = job.created + job.calls[0].at if job.calls else None
    last = job.calls[-1] if job.calls else None
    finished = job.finished or (job.created + last.at + last.ms / 1000 if last else None)
    cost = sum(c.cost for c in job.calls)
    conn.execute(text(
        "INSERT INTO jobs (id, batch_id, state, priority, position, provider, model, prompt, request_json,"
        " cache_key, allow_cache, source, name, tags_json, attempts, next_attempt_at, fallback_index,"
        " error_kind, error_message, estimated_cost, cost_usd, created_at, updated_at, started_at, finished_at)"
        " VALUES (:id, :b, :st, 0, :id, :p, :m, :pr, :req, :key, 1, '', '', '[]', :n, 0, 0, :ek, :em, :est,"
        " :cost, :c, :c, :s, :f)"),
        {"id": job.id, "b": job.batch, "st": job.state, "p": job.provider, "m": job.model, "pr": job.prompt,
         "req": json.dumps(request, ensure_ascii=False), "key": f"k{job.id}", "n": len(job.calls),
         "ek": job.error_kind, "em": last.message if job.error_kind and last else None, "est": job.est, "cost": cost, "c": job.created, "s": started, "f": finished})
    for call in job.calls:
        at = job.created + call.at
        end = at + call.ms / 1000
        attempt_id = conn.execute(text(
            "INSERT INTO attempts (job_id, provider, model, started_at, finished_at, duration_ms, outcome,"
            " http_status, error_kind, error_message, cost_usd, cost_source, cached) VALUES (:j, :p, :m, :s,"
            " :f, :ms, :o, :h, :ek, :em, :c, :cs, :cached)"),
            {"j": job.id, "p": job.provider, "m": job.model, "s": at, "f": end, "ms": call.ms,
             "o": call.outcome, "h": call.http_status, "ek": call.error_kind, "em": call.message, "c": call.cost,
             "cs": call.cost_source, "cached": call.outcome == "cached"}).lastrowid
        kind = {"actual": "actual", "estimated": "estimated"}.get(call.cost_source)
        if call.outcome == "cached":
            kind, amount = "saved", job.est or 0.0
        else:
            amount = call.cost
        if kind:
            conn.execute(text(
                "INSERT INTO usage_ledger (created_at, attempt_id, job_id, batch_id, provider, model,"
                " amount_usd, kind, note) VALUES (:t, :a, :j, :b, :p, :m, :amt, :k, '')"),
                {"t": end, "a": attempt_id, "j": job.id, "b": job.batch, "p": job.provider,
                 "m": job.model, "amt": amount, "k": kind})
        if call.outcome == "succeeded":
            assets[job.id] = _write_asset(conn, job, end, root, image_module)


def _write_asset(conn, job: KnownJob, at: float, root: Path, image_module) -> int:
    project, profile = {b[0]: (b[2], b[3]) for b in BATCHES}[job.batch]
    rel, thumb = f"images/2026/11/job{job.id}.png", f"thumbs/job{job.id}.png"
    for path, size in ((rel, 64), (thumb, 32)):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        color = (40 * job.id % 255, 120, 200 - 20 * job.id)
        image_module.new("RGB", (size, size), color).save(root / path)
    request = json.dumps({"prompt": job.prompt, "style": job.style}, ensure_ascii=False)
    return conn.execute(text(
        "INSERT INTO assets (job_id, batch_id, path, thumb_path, sha256, size_bytes, width, height, mime,"
        " provider, model, prompt, negative_prompt, request_json, cost_usd, origin, created_at, rating,"
        " favorite, project_id, profile_id) VALUES (:j, :b, :path, :thumb, :sha, 100, 64, 64, 'image/png',"
        " :p, :m, :pr, '', :req, :c, 'generated', :t, 0, 0, :proj, :prof)"),
        {"j": job.id, "b": job.batch, "path": rel, "thumb": thumb, "sha": f"{job.id:064d}", "p": job.provider,
         "m": job.model, "pr": job.prompt, "req": request, "c": sum(c.cost for c in job.calls), "t": at,
         "proj": project, "prof": profile}).lastrowid


# The workflow's tables (projects, decisions, brand_checks, consistency_*) come from its own
# migration (revision 0004), which `Database.open()` runs: rows below go into the real
# schema, so a renamed column fails these tests. profiles and audit_log belong to accounts
# (revision 0006); while a tree lacks that revision they are made here from the names the
# analytics contract expects, and rows name columns through the contract either way.
WORKFLOW_TABLES = ("projects", "decisions", "brand_checks", "consistency_runs", "consistency_scores")


def _accounts_fallback(conn, contract: WorkflowContract) -> None:
    p, a = contract.profiles, contract.audit
    conn.execute(text(f'CREATE TABLE IF NOT EXISTS "{p.table}" ({p.col("id")} INTEGER PRIMARY KEY,'
                      f' {p.col("name")} TEXT NOT NULL)'))
    cols = ", ".join(f"{a.col(r)} {'REAL' if r == 'at' else 'TEXT'}" for r in ("at", "actor", "action", "target", "detail"))
    conn.execute(text(f'CREATE TABLE IF NOT EXISTS "{a.table}" (id INTEGER PRIMARY KEY, {cols})'))


def insert_row(conn, table: str, values: dict[str, object]) -> None:
    """Insert `values`, giving every other NOT NULL column without a default a plain value
    (0 for numbers, a unique text otherwise), so rows fit whatever schema the owner made."""
    filled = dict(values)
    for _cid, name, kind, notnull, default, pk in conn.execute(text(f'PRAGMA table_info("{table}")')):
        if name in filled or not notnull or default is not None or pk:
            continue
        numeric = any(t in (kind or "").upper() for t in ("INT", "REAL", "FLOA", "BOOL", "NUM"))
        filled[name] = 0 if numeric else f"{name}-{next(_UNIQUE)}"
    names = ", ".join(filled)
    conn.execute(text(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join(":" + n for n in filled)})'), filled)


_UNIQUE = itertools.count(1)  # unique filler texts (audit hashes are UNIQUE)


def add_workflow(db: Database, assets: dict[int, int]) -> None:
    """Rows in the workflow's and accounts' tables: decisions J1 pick, J2 reject, J4 pick then
    reject (latest verdict counts), J7 approve then a comment (not a verdict); brand checks
    J1 pass, J2 fail, J7 pass; consistency J1 90, J2 70; two audit entries."""
    a = assets
    contract = WorkflowContract()
    project = ("INSERT INTO projects (id, name, description, brief, template, starter_prompts_json,"
               " sizes_json, created_at, updated_at) VALUES (:a, :b, '', '', '', '[]', '[]', 0, 0)")
    decision = ("INSERT INTO decisions (kind, asset_id, project_id, actor, note, payload_json, created_at)"
                " VALUES (:a, :b, :c, :d, :e, '{}', :f)")
    check = ("INSERT INTO brand_checks (asset_id, project_id, passed, results_json, rules_version, checked_at)"
             " VALUES (:a, NULL, :b, '[]', 1, :c)")
    score = ("INSERT INTO consistency_scores (run_id, asset_id, score, palette_distance, phash_distance,"
             " outlier, created_at) VALUES (1, :a, :b, 0, 0, 0, :c)")
    rows = {
        project: [(10, "春季型錄"), (20, "Landscapes")],
        decision: [
            ("pick", a[1], 10, "小美", "封面候選", D1 + 5 * DAY), ("reject", a[2], 10, "小美", "", D1 + 5 * DAY),
            ("pick", a[4], 20, "Sam", "", D1 + 5 * DAY), ("reject", a[4], 20, "Sam", "too dark", D1 + 6 * DAY),
            ("approve", a[7], None, "Sam", "", D1 + 6 * DAY), ("comment", a[7], None, "小美", "好看", D1 + 7 * DAY)],
        check: [(a[1], 1, D1 + 5 * DAY), (a[2], 0, D1 + 5 * DAY), (a[7], 1, D1 + 6 * DAY)],
        "INSERT INTO consistency_runs (id, project_id, batch_id, score, measures, asset_count, created_at)"
        " VALUES (:a, NULL, 1, :b, 'palette,phash', 2, :c)": [(1, 80.0, D1 + 5 * DAY)],
        score: [(a[1], 90.0, D1 + 5 * DAY), (a[2], 70.0, D1 + 5 * DAY)],
    }
    audit = [(D1 + 5 * DAY, "小美", "pick", "asset 1", "封面候選"), (D1 + 6 * DAY, "Sam", "approve", "asset 7", "")]
    with db.engine_or_raise().begin() as conn:
        present = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars())
        assert present >= set(WORKFLOW_TABLES), "the workflow migration (0004) did not run"
        _accounts_fallback(conn, contract)
        for sql, values in rows.items():
            for v in values:
                conn.execute(text(sql), dict(zip("abcdef", v, strict=False)))
        p, au = contract.profiles, contract.audit
        for pid, name in ((1, "小美"), (2, "Sam")):
            # The app may already have made its default profile: rename it instead.
            renamed = conn.execute(text(f'UPDATE "{p.table}" SET {p.col("name")} = :n WHERE {p.col("id")} = :i'),
                                   {"n": name, "i": pid}).rowcount
            if not renamed:
                insert_row(conn, p.table, {p.col("id"): pid, p.col("name"): name})
        for entry in audit:
            insert_row(conn, au.table, {au.col(r): v for r, v in zip(("at", "actor", "action", "target", "detail"),
                                                                       entry, strict=True)})


def missing_contract() -> WorkflowContract:
    """A contract naming tables no library has: the other features "not landed yet"."""
    base = WorkflowContract()
    fields = {}
    for name in ("decisions", "brand_checks", "consistency", "projects", "profiles", "audit", "sync_outbox"):
        c: TableContract = getattr(base, name)
        fields[name] = TableContract(c.key, c.label, f"absent_{c.table}", c.columns)
    return WorkflowContract(**fields)
