"""The workflow feature's tables (revision 0004): projects, style presets, brand rules, brand
check results, decisions, consistency runs and scores, image captions, and the one column
the queue needs to carry a variant's parent from job to asset (`jobs.parent_asset_id`).

Other features read some of these (analytics: `decisions`, `brand_checks`,
`consistency_scores`; the gallery: `brand_checks`, `consistency_scores`,
`asset_captions`), so names and meanings are kept plain and stable:
`decisions.kind` is one of `DECISION_KINDS`; `brand_checks.passed` is 1 when no rule
failed (rules that could not run are "skipped", not failed).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.store.schema import Base, Job

DECISION_KINDS = ("pick", "reject", "approve", "request_changes", "comment", "preset_change",
                  "rule_change")

# A variant job remembers the asset it varies, so the asset it makes records its parent.
# Declared on the jobs table's metadata here (the column comes with revision 0004).
if "parent_asset_id" not in Job.__table__.c:
    Job.__table__.append_column(Column(
        "parent_asset_id", Integer, ForeignKey("assets.id", ondelete="SET NULL"), nullable=True,
    ))


class Project(Base):
    """A body of work: its batches, presets, brand rules and decisions hang off it."""

    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    brief: Mapped[str] = mapped_column(Text, default="")
    template: Mapped[str] = mapped_column(String, default="")  # the template it came from
    starter_prompts_json: Mapped[str] = mapped_column(Text, default="[]")
    sizes_json: Mapped[str] = mapped_column(Text, default="[]")  # ["1080x1080", ...]
    profile_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)
    archived_at: Mapped[float | None] = mapped_column(Float, nullable=True)


class StylePresetRow(Base):
    """A style preset; `body_json` holds the whole `presets.StylePreset` (texts, seed
    policy, references, per-provider mapping) so new preset fields need no migration."""

    __tablename__ = "style_presets"
    __table_args__ = (Index("ix_style_presets_project", "project_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), nullable=True
    )
    name: Mapped[str] = mapped_column(String)
    body_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)


class BrandRuleSet(Base):
    """A project's brand rules as one `brand_rules.BrandRules` JSON document; `version`
    grows with each change so stale check results can be told apart."""

    __tablename__ = "brand_rules"

    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    rules_json: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[float] = mapped_column(Float)


class BrandCheck(Base):
    """One check of one asset against its project's rules: pass/fail plus every rule's
    result with its numbers (`results_json`, a list of `brand_check.RuleResult`)."""

    __tablename__ = "brand_checks"
    __table_args__ = (Index("ix_brand_checks_project", "project_id", "checked_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    asset_id: Mapped[int] = mapped_column(
        ForeignKey("assets.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), nullable=True
    )
    passed: Mapped[bool] = mapped_column(Boolean)
    results_json: Mapped[str] = mapped_column(Text)
    rules_version: Mapped[int] = mapped_column(Integer, default=0)
    checked_at: Mapped[float] = mapped_column(Float)


class Decision(Base):
    """A step of the creative history: who (profile, actor), when, what and why (`note`).
    `payload_json` holds what changed for preset/rule changes, or several asset ids."""

    __tablename__ = "decisions"
    __table_args__ = (
        CheckConstraint(
            "kind IN (" + ", ".join(f"'{k}'" for k in DECISION_KINDS) + ")",
            name="ck_decisions_kind",
        ),
        Index("ix_decisions_project", "project_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String)
    asset_id: Mapped[int | None] = mapped_column(
        ForeignKey("assets.id", ondelete="SET NULL"), nullable=True, index=True
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), nullable=True
    )
    profile_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    actor: Mapped[str] = mapped_column(String, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    payload_json: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[float] = mapped_column(Float)


class ConsistencyRun(Base):
    """A consistency score for one set of images and which measures made it."""

    __tablename__ = "consistency_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), nullable=True, index=True
    )
    batch_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    score: Mapped[float] = mapped_column(Float)  # 0..100
    measures: Mapped[str] = mapped_column(String)  # "palette,phash" or "palette,phash,clip"
    asset_count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[float] = mapped_column(Float)


class ConsistencyScore(Base):
    """One image's place in a consistency run: its score (0..100), the measures and
    whether it is an outlier of the set."""

    __tablename__ = "consistency_scores"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("consistency_runs.id", ondelete="CASCADE"), index=True
    )
    asset_id: Mapped[int] = mapped_column(
        ForeignKey("assets.id", ondelete="CASCADE"), index=True
    )
    score: Mapped[float] = mapped_column(Float)
    palette_distance: Mapped[float] = mapped_column(Float)  # mean ΔE2000 to the others
    phash_distance: Mapped[float] = mapped_column(Float)  # mean Hamming fraction, 0..1
    clip_similarity: Mapped[float | None] = mapped_column(Float, nullable=True)
    outlier: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[float] = mapped_column(Float)


class AssetCaption(Base):
    """A vision model's description of an image, for search."""

    __tablename__ = "asset_captions"

    asset_id: Mapped[int] = mapped_column(
        ForeignKey("assets.id", ondelete="CASCADE"), primary_key=True
    )
    model: Mapped[str] = mapped_column(String)
    caption: Mapped[str] = mapped_column(Text)
    created_at: Mapped[float] = mapped_column(Float)
