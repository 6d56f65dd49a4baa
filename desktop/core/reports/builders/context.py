"""What every builder gets: the analytics service, the library folder, the request, the
clock and a progress callback; plus name look-ups shared by several report types."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from desktop.core.analytics.filters import Filter
from desktop.core.analytics.roi import project_label, project_names
from desktop.core.analytics.service import AnalyticsService
from desktop.core.reports.request import Progress, ReportRequest


def _ignore(_fraction: float, _message: str) -> None:
    return None


@dataclass
class BuildContext:
    analytics: AnalyticsService
    root: Path
    request: ReportRequest
    now: float
    progress: Progress = _ignore
    period: str = ""  # set by a builder whose report is not about the filter's dates
    _projects: dict[int, str] | None = field(default=None, repr=False)

    @property
    def filter(self) -> Filter:
        return self.request.filter

    def step(self, fraction: float, message: str) -> None:
        """Builders use 0..1 of their own; the service maps it into the whole run."""
        self.progress(fraction, message)

    def project_name(self, project_id: int | None) -> str:
        if self._projects is None:
            self._projects = project_names(self.analytics.engine)
        return project_label(project_id, self._projects)

    def batch_names(self, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        marks = ", ".join(str(int(i)) for i in ids)
        with self.analytics.engine.connect() as conn:
            return {int(i): str(n) for i, n in conn.execute(text(f"SELECT id, name FROM batches WHERE id IN ({marks})"))}
