"""What a report run is asked for, what it produced, and the errors it raises."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from desktop.core.analytics.filters import Filter
from desktop.core.analytics.roi import RoiInputs
from desktop.core.reports.templates import Template

Progress = Callable[[float, str], None]  # fraction 0..1, what is being done


class ReportError(Exception):
    """A report cannot be made (unknown type or format, a missing project, a file error)."""


class ReportCancelled(ReportError):
    """Raised by a progress callback to stop a report; nothing is written."""


class Format(StrEnum):
    JSON = "json"
    CSV = "csv"
    HTML = "html"
    PDF = "pdf"
    XLSX = "xlsx"


@dataclass(frozen=True)
class ReportRequest:
    type: str
    format: Format
    template: Template = Template.DETAILED
    filter: Filter = field(default_factory=Filter)
    monthly_budget_usd: float | None = None
    roi: RoiInputs | None = None
    forecast_weeks: int = 4
    max_images: int = 200  # contact sheet limit (brief keeps fewer)
    title: str = ""


@dataclass(frozen=True)
class ReportResult:
    path: Path
    type: str
    format: Format
    template: Template
    sections: int
    bytes: int
    elapsed_s: float
