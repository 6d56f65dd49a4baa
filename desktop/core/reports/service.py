"""`ReportService`: build a report from the store, trim it with a template, render it in
one format and write it atomically. Synchronous with a progress callback: the window runs
it in a worker, the command line and the scheduler call it directly."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop.core.analytics.service import AnalyticsService
from desktop.core.events import EventBus, ReportDidExport
from desktop.core.reports import render_csv, render_html, render_json, render_pdf, render_xlsx
from desktop.core.reports.builders.context import BuildContext
from desktop.core.reports.catalog import REPORT_TYPES, ReportType, report_type
from desktop.core.reports.document import ReportDoc
from desktop.core.reports.request import (
    Format,
    Progress,
    ReportCancelled,
    ReportError,
    ReportRequest,
    ReportResult,
)
from desktop.core.reports.templates import Template, apply

BUILD_SHARE = 0.6  # of the progress bar; rendering takes the rest


def _scaled(progress: Progress | None, lo: float, hi: float) -> Progress:
    def report(fraction: float, message: str) -> None:
        if progress is not None:
            progress(lo + (hi - lo) * max(0.0, min(fraction, 1.0)), message)

    return report


class ReportService:
    def __init__(self, analytics: AnalyticsService, root: Path, *,
                 clock: Callable[[], float] = time.time, events: EventBus | None = None) -> None:
        self.analytics = analytics
        self.root = Path(root)
        self.clock = clock
        self.events = events
        self.profile_name = ""  # the current profile, named in every report (set by profiles)

    @staticmethod
    def types() -> tuple[ReportType, ...]:
        return REPORT_TYPES

    def build(self, request: ReportRequest, progress: Progress | None = None) -> ReportDoc:
        """The report as a document, already trimmed by its template."""
        kind = report_type(request.type)
        now = self.clock()
        ctx = BuildContext(self.analytics, self.root, request, now, _scaled(progress, 0.0, 1.0))
        ctx.step(0.0, f"building {kind.title.lower()}")
        sections = kind.build(ctx)
        doc = ReportDoc(
            type=kind.key, title=request.title or kind.title,
            subtitle=f"Library {self.root.name}" + (f" · profile {self.profile_name}" if self.profile_name else ""),
            period=ctx.period or request.filter.describe(), generated_at=now,
            library=str(self.root), sections=sections, tz_offset_s=request.filter.tz_offset_s,
        )
        return apply(doc, Template(request.template))

    def generate(self, request: ReportRequest, out: Path, progress: Progress | None = None) -> ReportResult:
        began = time.perf_counter()
        fmt = Format(request.format)
        out = Path(out)
        doc = self.build(request, _scaled(progress, 0.0, BUILD_SHARE))
        render_progress = _scaled(progress, BUILD_SHARE, 1.0)
        render_progress(0.0, f"writing {fmt.value.upper()}")
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
            os.close(fd)
            tmp = Path(tmp_name)
            try:
                _render(doc, fmt, tmp, render_progress)
                os.replace(tmp, out)
            finally:
                tmp.unlink(missing_ok=True)
        except ReportCancelled:
            raise
        except OSError as exc:
            raise ReportError(f"{out}: cannot write the report: {exc}") from exc
        render_progress(1.0, f"wrote {out.name}")
        if self.events is not None:
            self.events.publish(ReportDidExport(str(out), doc.type, fmt.value))
        return ReportResult(out, doc.type, fmt, Template(request.template), len(doc.sections),
                            out.stat().st_size, time.perf_counter() - began)


def _render(doc: ReportDoc, fmt: Format, path: Path, progress: Progress) -> None:
    if fmt is Format.JSON:
        render_json.render(doc, path)
    elif fmt is Format.CSV:
        render_csv.render(doc, path)
    elif fmt is Format.HTML:
        render_html.render(doc, path)
    elif fmt is Format.PDF:
        render_pdf.render(doc, path, progress)
    elif fmt is Format.XLSX:
        render_xlsx.render(doc, path)
    else:  # pragma: no cover - Format is closed
        raise ReportError(f"unknown format {fmt}")


def suffix(fmt: Format | str) -> str:
    return "." + Format(fmt).value
