"""Cost-benefit per project: spend against the value the user puts on an accepted image
(hours of design time saved × an hourly rate)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from desktop.core.analytics.dimensions import Dim
from desktop.core.analytics.filters import Filter
from desktop.core.analytics.query import MetricEngine


@dataclass(frozen=True)
class RoiInputs:
    hours_saved_per_image: float
    hourly_rate_usd: float

    def __post_init__(self) -> None:
        if self.hours_saved_per_image < 0 or self.hourly_rate_usd < 0:
            raise ValueError("hours saved and hourly rate cannot be negative")


@dataclass(frozen=True)
class ProjectRoi:
    project_id: int | None
    name: str
    spend: float
    images_made: int
    accepted: int | None  # None: no picks/approvals in this library
    basis: str  # "accepted images" or "images made (no picks recorded)"
    hours_saved: float
    value: float
    net: float
    roi_pct: float | None  # net / spend × 100


def project_names(engine: MetricEngine) -> dict[int, str]:
    """Project names from the workflow's table when it exists, else none."""
    if not engine.availability().has("projects"):
        return {}
    p = engine.contract.projects
    with engine.connect() as conn:
        rows = conn.execute(text(f'SELECT {p.col("id")}, {p.col("name")} FROM "{p.table}"'))
        return {int(i): str(n) for i, n in rows}


def project_label(project_id: int | None, names: dict[int, str]) -> str:
    if project_id is None:
        return "(no project)"
    return names.get(int(project_id), f"Project {project_id}")


def cost_benefit(engine: MetricEngine, flt: Filter, inputs: RoiInputs) -> list[ProjectRoi]:
    grouped = engine.grouped(["spend", "images_made", "accepted_images"], flt, (Dim.PROJECT,))
    have_picks = "accepted_images" not in grouped.unavailable
    names = project_names(engine)
    out = []
    for row in grouped.rows:
        pid = row.key[0]
        spend = float(row.values["spend"] or 0.0)
        images = int(row.values["images_made"] or 0)
        accepted = int(row.values["accepted_images"] or 0) if have_picks else None
        counted = accepted if accepted is not None else images
        hours = counted * inputs.hours_saved_per_image
        value = hours * inputs.hourly_rate_usd
        out.append(ProjectRoi(
            pid if pid is None else int(pid), project_label(pid, names), spend, images, accepted,
            "accepted images" if have_picks else "images made (no picks recorded)", hours, value,
            value - spend, (value - spend) / spend * 100 if spend else None))
    out.sort(key=lambda r: (-r.net, r.name))
    return out
