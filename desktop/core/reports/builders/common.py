"""Pieces several report types share: KPIs and tables from registry metrics, charts, the
glossary of how each number is computed."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from desktop.core.analytics.dimensions import Dim
from desktop.core.analytics.metrics import metric
from desktop.core.analytics.results import ChartData, Grouped, MetricValue
from desktop.core.analytics.units import format_value
from desktop.core.reports.document import Cell, Chart, Column, Kpi, Level, Section, Table

DIM_LABELS = {
    Dim.DAY: ("Day", Cell.DATE), Dim.WEEK: ("Week of", Cell.DATE), Dim.MONTH: ("Month", Cell.TEXT),
    Dim.PROVIDER: ("Provider", Cell.TEXT), Dim.MODEL: ("Model", Cell.TEXT),
    Dim.BATCH: ("Batch", Cell.TEXT), Dim.PROJECT: ("Project", Cell.TEXT),
    Dim.PROFILE: ("Profile", Cell.TEXT), Dim.ERROR_KIND: ("Error kind", Cell.TEXT),
    Dim.PROMPT: ("Prompt", Cell.TEXT), Dim.STYLE: ("Style", Cell.TEXT),
}


def kpi(value: MetricValue) -> Kpi:
    return Kpi(value.label, value.value, Cell.of_unit(value.unit), value.text(), value.note)


def kpis(values: dict[str, MetricValue], keys: Iterable[str]) -> list[Kpi]:
    return [kpi(values[k]) for k in keys]


def metric_columns(keys: Iterable[str]) -> list[Column]:
    return [Column(k, metric(k).label, Cell.of_unit(metric(k).unit)) for k in keys]


def grouped_table(grouped: Grouped, keys: list[str], *, key: str, title: str,
                  label: Callable[[Dim, object], object] | None = None, level: Level = Level.BRIEF,
                  sort_by: str | None = None, note: str = "") -> Table:
    """One row per group: the dimension values, then the metrics."""
    rows = list(grouped.rows)
    if sort_by:
        rows.sort(key=lambda r: -(r.values.get(sort_by) or 0))
    columns = [Column(d.value, *DIM_LABELS[d]) for d in grouped.dims] + metric_columns(keys)
    out = []
    for r in rows:
        dims = [label(d, v) if label else ("(none)" if v is None else v) for d, v in zip(grouped.dims, r.key, strict=True)]
        out.append(dims + [r.values.get(k) for k in keys])
    missing = sorted({grouped.unavailable[k] for k in keys if k in grouped.unavailable})
    return Table(key, title, columns, out, level=level, note="; ".join(filter(None, [note, *missing])))


def chart(data: ChartData, level: Level = Level.BRIEF) -> Chart:
    return Chart(data, level)


def titled(data: ChartData, title: str) -> ChartData:
    from dataclasses import replace

    return replace(data, title=title)


def glossary_sections(keys: Iterable[str]) -> list[Section]:
    """How each number in the report is computed: one table for counts and rates, one for
    money (left out of client reports)."""
    plain, money = [], []
    for k in dict.fromkeys(keys):
        m = metric(k)
        row = [m.label, m.unit.symbol or "count", m.formula]
        (money if m.is_money else plain).append(row)
    cols = [Column("metric", "Metric"), Column("unit", "Unit"), Column("formula", "Formula")]
    out = [Section("glossary", "How these numbers are computed", level=Level.DETAILED,
                   tables=[Table("glossary", "Metrics", cols, plain, level=Level.DETAILED, brief_rows=100)])]
    if money:
        out.append(Section("glossary_costs", "How the money figures are computed", level=Level.DETAILED,
                           cost=True, tables=[Table("glossary_costs", "Money metrics", cols, money,
                                                    level=Level.DETAILED, brief_rows=100)]))
    return out


def not_available(key: str, title: str, why: str, level: Level = Level.BRIEF) -> Section:
    return Section(key, title, paragraphs=[why if why.startswith("not available") else f"not available: {why}"],
                   level=level)


def money(value: float | None) -> str:
    return format_value(value, metric("spend").unit)
