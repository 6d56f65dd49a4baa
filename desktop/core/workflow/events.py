"""Events the workflow publishes on the core's EventBus (the window's bridge re-emits every
event through `event_arrived`, so the tab and the gallery can listen)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProjectsDidChange:
    project_ids: tuple[int, ...]


@dataclass(frozen=True)
class PresetsDidChange:
    project_id: int | None


@dataclass(frozen=True)
class BrandRulesDidChange:
    project_id: int
    version: int


@dataclass(frozen=True)
class BrandCheckDidFinish:
    asset_id: int
    project_id: int | None
    passed: bool


@dataclass(frozen=True)
class DecisionDidRecord:
    decision_ids: tuple[int, ...]
    project_id: int | None
    kind: str
    asset_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ConsistencyDidScore:
    run_id: int
    project_id: int | None
    score: float
    outliers: tuple[int, ...] = ()


@dataclass(frozen=True)
class VariantsDidQueue:
    parent_asset_id: int
    batch_id: int
    job_ids: tuple[int, ...]
    method: str
