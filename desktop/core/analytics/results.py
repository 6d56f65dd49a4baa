"""What metric queries return: plain, frozen dataclasses the tab and the reports read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.core.analytics.dimensions import Dim
from desktop.core.analytics.metrics import metric
from desktop.core.analytics.units import Unit, format_value


@dataclass(frozen=True)
class MetricValue:
    """One metric over the whole filter. `value` is None when it cannot be computed; then
    `note` says why ("not available: ..." or "no data")."""

    key: str
    value: float | None
    note: str = ""

    @property
    def label(self) -> str:
        return metric(self.key).label

    @property
    def unit(self) -> Unit:
        return metric(self.key).unit

    @property
    def available(self) -> bool:
        return not self.note.startswith("not available")

    def text(self) -> str:
        if self.value is None and self.note:
            return self.note if not self.available else "–"
        return format_value(self.value, self.unit)


GroupKey = tuple[object, ...]


@dataclass(frozen=True)
class GroupRow:
    key: GroupKey  # one value per dimension; time buckets are `date`s (first day)
    values: dict[str, float | None]


@dataclass(frozen=True)
class Grouped:
    """Metrics split by dimensions. Metrics in `unavailable` are None in every row."""

    dims: tuple[Dim, ...]
    metrics: tuple[str, ...]
    rows: list[GroupRow]
    unavailable: dict[str, str] = field(default_factory=dict)

    def by_key(self) -> dict[GroupKey, dict[str, float | None]]:
        return {row.key: row.values for row in self.rows}

    def total_row(self) -> dict[str, float | None]:
        """The single row of an ungrouped query."""
        return self.rows[0].values if self.rows else {k: None for k in self.metrics}

    def value(self, key: GroupKey, metric_key: str) -> float | None:
        return self.by_key().get(key, {}).get(metric_key)


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]


@dataclass(frozen=True)
class ChartData:
    """One chart's data, whatever draws it (pyqtgraph in the tab, SVG, reportlab, Excel).

    kind: "stacked_bar" (categories on x, one series per stack), "bar", "line",
    "hbar" (horizontal bars, categories on y), "histogram" (categories are bin labels).
    `x_dates` holds the bucket start dates when the categories are time buckets."""

    key: str
    title: str
    kind: str
    unit: Unit
    categories: list[str]
    series: list[Series]
    x_dates: list[date] | None = None
    y_label: str = ""
    note: str = ""

    @property
    def empty(self) -> bool:
        return not self.categories or all(
            (v or 0) == 0 for s in self.series for v in s.values
        )
