"""Plain data the queue hands around: batch options, claimed jobs, rows for views."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from desktop.core.models import GenerationRequest, JobState


@dataclass(frozen=True)
class BatchOptions:
    name: str = ""
    source: str = ""
    priority: int = 0
    budget_usd: float | None = None
    fallback: tuple[str, ...] = ()  # "provider" or "provider:model", tried in order
    allow_cache: bool = True
    project_id: int | None = None
    profile_id: int | None = None
    paused: bool = False


@dataclass(frozen=True)
class PreparedJob:
    """A job ready to insert: its request (seed fixed), estimate and cache permission."""

    request: GenerationRequest
    estimated_cost: float | None
    allow_cache: bool
    source: str = ""
    name: str = ""
    tags: tuple[str, ...] = ()
    parent_asset_id: int | None = None


@dataclass(frozen=True)
class ClaimedJob:
    job_id: int
    batch_id: int
    attempt_id: int
    request: GenerationRequest
    estimated_cost: float | None
    fallback: tuple[str, ...]
    fallback_index: int
    source: str
    tags: tuple[str, ...]
    project_id: int | None
    profile_id: int | None
    parent_asset_id: int | None = None


@dataclass(frozen=True)
class ClaimResult:
    jobs: list[ClaimedJob] = field(default_factory=list)
    cached_job_ids: list[int] = field(default_factory=list)
    budget_paused: list[tuple[int, float, float]] = field(default_factory=list)  # batch, budget, spent
    finished_batches: list[tuple[int, int, int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class JobRow:
    """One job as a view shows it."""

    id: int
    batch_id: int
    state: JobState
    priority: int
    position: float
    provider: str
    model: str
    prompt: str
    size: str
    attempts: int
    cost_usd: float
    estimated_cost: float | None
    error_kind: str | None
    error_message: str | None
    asset_id: int | None
    source: str
    created_at: float
    started_at: float | None
    finished_at: float | None
    next_attempt_at: float
    request_json: str

    @property
    def request(self) -> GenerationRequest:
        return GenerationRequest.from_json(self.request_json)

    @classmethod
    def from_mapping(cls, row: Any) -> JobRow:
        req = json.loads(row["request_json"])
        return cls(
            id=row["id"], batch_id=row["batch_id"], state=JobState(row["state"]),
            priority=row["priority"], position=row["position"], provider=row["provider"],
            model=row["model"], prompt=row["prompt"],
            size=f"{req.get('width', 0)}x{req.get('height', 0)}", attempts=row["attempts"],
            cost_usd=row["cost_usd"] or 0.0, estimated_cost=row["estimated_cost"],
            error_kind=row["error_kind"], error_message=row["error_message"],
            asset_id=row["asset_id"], source=row["source"], created_at=row["created_at"],
            started_at=row["started_at"], finished_at=row["finished_at"],
            next_attempt_at=row["next_attempt_at"], request_json=row["request_json"],
        )


@dataclass(frozen=True)
class BatchProgress:
    id: int
    name: str
    created_at: float
    paused: bool
    pause_reason: str | None
    budget_usd: float | None
    total: int
    pending: int
    running: int
    succeeded: int
    failed: int
    cancelled: int
    paused_jobs: int
    cost_usd: float
    estimated_usd: float
    finished_at: float | None
    eta_seconds: float | None = None

    @property
    def done(self) -> int:
        return self.succeeded + self.failed + self.cancelled

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0

    @property
    def finished(self) -> bool:
        return self.pending + self.running + self.paused_jobs == 0
