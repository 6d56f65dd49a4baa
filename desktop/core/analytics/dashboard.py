"""Everything the Analytics tab shows for one filter, in one call: KPI tiles and the data
of each chart. Built from the metric registry; the tab only draws it."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from desktop.core.analytics.charts import (
    LatencyDistribution,
    TopItem,
    by_dimension,
    drop_category,
    latency_chart,
    latency_distributions,
    split_series,
    time_series,
    top_by_picks,
    top_chart,
)
from desktop.core.analytics.dimensions import Dim
from desktop.core.analytics.filters import Filter, day_of, month_bounds
from desktop.core.analytics.metrics import metric
from desktop.core.analytics.query import MetricEngine
from desktop.core.analytics.results import ChartData, MetricValue
from desktop.core.analytics.units import Unit, format_value

KPI_KEYS = ("spend", "images_made", "success_rate", "cost_per_accepted_image", "cost_per_image",
            "cache_hits", "cache_savings", "sync_backlog")


@dataclass(frozen=True)
class KpiTile:
    """A number on a tile. `target` and `fraction` are set for spend vs budget."""

    key: str
    label: str
    unit: Unit
    value: float | None
    text: str
    note: str = ""
    target: float | None = None
    fraction: float | None = None  # value / target

    @property
    def is_money(self) -> bool:
        return self.unit.is_money


@dataclass(frozen=True)
class Dashboard:
    filter: Filter
    kpis: list[KpiTile]
    cost_by_provider: ChartData
    images_and_failures: ChartData
    latency: list[LatencyDistribution]
    latency_chart: ChartData
    success_by_model: ChartData
    failures_by_kind: ChartData
    top_prompts: list[TopItem]
    top_styles: list[TopItem]
    top_prompts_chart: ChartData
    top_styles_chart: ChartData
    notes: list[str] = field(default_factory=list)
    elapsed_ms: float = 0.0

    def kpi(self, key: str) -> KpiTile:
        return next(k for k in self.kpis if k.key == key)


def tile(value: MetricValue) -> KpiTile:
    return KpiTile(value.key, value.label, value.unit, value.value, value.text(), value.note)


def month_spend_tile(engine: MetricEngine, flt: Filter, now: float, budget: float | None) -> KpiTile:
    """Spend in the calendar month holding `now` (the filter's dimensions still apply)."""
    start, end = month_bounds(day_of(now, flt.tz_offset_s), flt.tz_offset_s)
    spent = engine.values(["spend"], flt.with_range(start, end))["spend"].value or 0.0
    text = format_value(spent, Unit.USD)
    if budget:
        text = f"{text} of {format_value(budget, Unit.USD)}"
    return KpiTile("spend_this_month", "Spend this month", Unit.USD, spent, text,
                   "" if budget else "no monthly budget set", target=budget,
                   fraction=(spent / budget) if budget else None)


def build_dashboard(engine: MetricEngine, flt: Filter, *, now: float | None = None,
                    monthly_budget_usd: float | None = None, bucket: Dim | None = None) -> Dashboard:
    began = time.perf_counter()
    now = time.time() if now is None else now
    values = engine.values(KPI_KEYS, flt)
    kpis = [month_spend_tile(engine, flt, now, monthly_budget_usd)] + [tile(values[k]) for k in KPI_KEYS]
    cost = split_series(engine, "spend", Dim.PROVIDER, flt, key="cost_by_provider",
                        title="Spend over time by provider", bucket=bucket)
    images = time_series(engine, ["images_made", "failed_calls", "jobs_failed"], flt,
                         key="images_and_failures", title="Images and failures over time",
                         kind="line", bucket=bucket)
    dists = latency_distributions(engine, flt)
    success = by_dimension(engine, ["call_success_rate"], Dim.MODEL, flt, key="success_by_model",
                           title="Success rate per model (provider calls)")
    failures = by_dimension(engine, ["jobs_failed", "failed_calls"], Dim.ERROR_KIND, flt,
                            key="failures_by_kind", title="Failures by error kind", kind="hbar",
                            sort_by="failed_calls")
    failures = drop_category(failures)
    prompts, prompt_note = top_by_picks(engine, Dim.PROMPT, flt)
    styles, _ = top_by_picks(engine, Dim.STYLE, flt)
    notes = sorted({v.note for v in values.values() if not v.available} | ({prompt_note} - {""}))
    return Dashboard(
        filter=flt, kpis=kpis, cost_by_provider=cost, images_and_failures=images, latency=dists,
        latency_chart=latency_chart(dists), success_by_model=success, failures_by_kind=failures,
        top_prompts=prompts, top_styles=styles,
        top_prompts_chart=top_chart(prompts, "top_prompts", "Top prompts by picks"),
        top_styles_chart=top_chart(styles, "top_styles", "Top styles by picks"),
        notes=notes, elapsed_ms=(time.perf_counter() - began) * 1000,
    )


def metric_label(key: str) -> str:
    return metric(key).label
