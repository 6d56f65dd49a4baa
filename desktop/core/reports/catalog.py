"""The report types: key, title, what it holds, and its builder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.reports.builders import (
    audit,
    batch,
    failures,
    forecast,
    project,
    providers,
    usage,
)
from desktop.core.reports.builders.context import BuildContext
from desktop.core.reports.document import Section
from desktop.core.reports.request import ReportError


@dataclass(frozen=True)
class ReportType:
    key: str
    title: str
    description: str
    build: Callable[[BuildContext], list[Section]]


REPORT_TYPES: tuple[ReportType, ...] = (
    ReportType("usage", "Usage and cost summary",
               "images made, success, spend (reported and estimated), cache savings, by provider, model, day and project",
               usage.build),
    ReportType("providers", "Provider comparison",
               "reliability, latency p50/p95, throughput, retries and unit cost of each provider and model",
               providers.build),
    ReportType("project", "Project report",
               "one project's images, decisions, brand checks, batches and spend (--project); all projects without it",
               project.build),
    ReportType("batch", "Batch report",
               "contact sheet of one batch (--batch, else the latest) with prompts and picks, its jobs and failures",
               batch.build),
    ReportType("failures", "Failure analysis",
               "failed calls and jobs by error kind and provider, over time, and the most frequent messages",
               failures.build),
    ReportType("forecast", "Forecast",
               "spend and image volume for the next weeks with held-out error; cost-benefit per project",
               forecast.build),
    ReportType("audit", "Audit extract",
               "the audit log for the period (when accounts provide it) and the batches run",
               audit.build),
)


def report_type(key: str) -> ReportType:
    for t in REPORT_TYPES:
        if t.key == key:
            return t
    raise ReportError(f"unknown report type {key!r}; known: {', '.join(t.key for t in REPORT_TYPES)}")
