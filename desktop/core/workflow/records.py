"""Plain data the workflow service hands to the window and the command line."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from desktop.core.models import GenerationRequest
from desktop.core.workflow.brand_check import BrandCheckResult
from desktop.core.workflow.brand_rules import BrandRules
from desktop.core.workflow.presets import StylePreset
from desktop.core.workflow.tables import DECISION_KINDS

__all__ = ["DECISION_KINDS", "AssetFacts", "DecisionRecord", "PresetEntry", "ProjectInfo",
           "RuleSet", "StoredCheck", "TimelineEntry"]


@dataclass(frozen=True)
class ProjectInfo:
    id: int
    name: str
    description: str
    brief: str
    template: str
    starter_prompts: tuple[str, ...]
    sizes: tuple[str, ...]
    created_at: float
    updated_at: float
    archived_at: float | None = None
    asset_count: int = 0
    batch_count: int = 0


@dataclass(frozen=True)
class PresetEntry:
    id: int
    project_id: int | None
    preset: StylePreset
    updated_at: float


@dataclass(frozen=True)
class RuleSet:
    project_id: int
    rules: BrandRules
    version: int


@dataclass(frozen=True)
class AssetFacts:
    """What the workflow needs of one asset row."""

    id: int
    path: str  # library-relative
    thumb_path: str | None
    width: int
    height: int
    prompt: str
    negative_prompt: str
    provider: str
    model: str
    seed: int | None
    request_json: str
    parent_id: int | None
    project_id: int | None
    batch_id: int | None
    created_at: float

    @property
    def request(self) -> GenerationRequest:
        try:
            return GenerationRequest.from_json(self.request_json)
        except (ValueError, TypeError):
            return GenerationRequest(self.provider, self.model, self.prompt, self.negative_prompt,
                                     self.width, self.height, self.seed)


@dataclass(frozen=True)
class StoredCheck:
    asset_id: int
    project_id: int | None
    passed: bool
    result: BrandCheckResult
    rules_version: int
    checked_at: float


@dataclass(frozen=True)
class DecisionRecord:
    id: int
    kind: str
    project_id: int | None
    asset_id: int | None
    profile_id: int | None
    actor: str
    note: str
    payload: dict[str, Any]
    created_at: float

    @classmethod
    def from_row(cls, row: Any) -> DecisionRecord:
        return cls(row["id"], row["kind"], row["project_id"], row["asset_id"], row["profile_id"],
                   row["actor"], row["note"], json.loads(row["payload_json"] or "{}"),
                   row["created_at"])


@dataclass(frozen=True)
class TimelineEntry:
    """One step of a project's history: a decision, or a batch that made images.
    `asset_ids` are the images to jump to."""

    at: float
    kind: str  # "batch" or a decision kind
    title: str  # plain English; the UI builds its own text from kind and fields
    note: str = ""
    actor: str = ""
    asset_ids: tuple[int, ...] = ()
    decision_id: int | None = None
    batch_id: int | None = None
    detail: dict[str, Any] = field(default_factory=dict)
