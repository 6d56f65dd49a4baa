"""Everything the Analytics tab shows for one filter, in one call: KPI tiles and the data
of each chart. Built from the metric registry; the tab only draws it."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from desktop.core.analytics.charts import (
    LatencyDistribution,
    TopItem,
    buckets,
    dimension_chart,
    drop_category,
    latency_chart,
    latency_distributions,
    series_chart,
    split_chart,
    top_by_picks,
    top_chart,
)
from desktop.core.analytics.dimensions import Dim
from desktop.core.analytics.filters import Filter, day_of, month_bounds
from desktop.core.analytics.query import NO_DATA, MetricEngine, roll_up
from desktop.core.analytics.results import ChartData, Grouped, MetricValue
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


# Additive metrics the charts and tiles share, scanned once at a fine grouping and rolled
# up in Python (one row per group comes back, never one per attempt).
CUBE_CALLS = ["images_made", "provider_calls", "failed_calls", "cache_hits",
              "jobs_failed", "jobs_succeeded", "jobs_settled"]
CUBE_MONEY = ["spend", "cache_savings"]


def build_dashboard(engine: MetricEngine, flt: Filter, *, now: float | None = None,
                    monthly_budget_usd: float | None = None, bucket: Dim | None = None,
                    workers: int = 2) -> Dashboard:
    """All tiles and charts. The independent queries run on `workers` threads: SQLite
    releases the GIL while it scans, so two cores refresh nearly twice as fast."""
    began = time.perf_counter()
    now = time.time() if now is None else now
    dim, days = buckets(engine, flt, bucket)
    jobs: dict[str, Callable[[], object]] = {  # the longest first (percentiles sort every call)
        "latency": lambda: latency_distributions(engine, flt),
        "calls": lambda: engine.grouped(CUBE_CALLS, flt, (dim, Dim.MODEL, Dim.ERROR_KIND)),
        "money": lambda: engine.grouped(CUBE_MONEY, flt, (dim, Dim.PROVIDER)),
        "rest": lambda: engine.values(["accepted_images", "sync_backlog"], flt),
        "month": lambda: month_spend_tile(engine, flt, now, monthly_budget_usd),
        "prompts": lambda: top_by_picks(engine, Dim.PROMPT, flt),
        "styles": lambda: top_by_picks(engine, Dim.STYLE, flt),
    }
    if workers > 1:
        with ThreadPoolExecutor(workers, thread_name_prefix="dashboard") as pool:
            futures = {k: pool.submit(fn) for k, fn in jobs.items()}
            got = {k: f.result() for k, f in futures.items()}
    else:
        got = {k: fn() for k, fn in jobs.items()}
    calls: Grouped = got["calls"]  # type: ignore[assignment]
    money: Grouped = got["money"]  # type: ignore[assignment]
    values = _kpi_values(calls, money, got["rest"])  # type: ignore[arg-type]
    kpis = [got["month"]] + [tile(values[k]) for k in KPI_KEYS]
    prompts, prompt_note = got["prompts"]  # type: ignore[misc]
    styles, _ = got["styles"]  # type: ignore[misc]
    dists: list[LatencyDistribution] = got["latency"]  # type: ignore[assignment]
    images = series_chart(roll_up(calls, (dim,), ["images_made", "failed_calls", "jobs_failed"]),
                          ["images_made", "failed_calls", "jobs_failed"], days, key="images_and_failures",
                          title="Images and failures over time")
    success = dimension_chart(roll_up(calls, (Dim.MODEL,), ["call_success_rate"]), ["call_success_rate"],
                              key="success_by_model", title="Success rate per model (provider calls)")
    failures = drop_category(dimension_chart(
        roll_up(calls, (Dim.ERROR_KIND,), ["jobs_failed", "failed_calls"]), ["jobs_failed", "failed_calls"],
        key="failures_by_kind", title="Failures by error kind", sort_by="failed_calls"))
    cost = split_chart(money, "spend", days, key="cost_by_provider", title="Spend over time by provider")
    notes = sorted({v.note for v in values.values() if not v.available} | ({prompt_note} - {""}))
    return Dashboard(
        filter=flt, kpis=kpis, cost_by_provider=cost, images_and_failures=images, latency=dists,
        latency_chart=latency_chart(dists), success_by_model=success, failures_by_kind=failures,
        top_prompts=prompts, top_styles=styles,
        top_prompts_chart=top_chart(prompts, "top_prompts", "Top prompts by picks"),
        top_styles_chart=top_chart(styles, "top_styles", "Top styles by picks"),
        notes=notes, elapsed_ms=(time.perf_counter() - began) * 1000,
    )


def _kpi_values(calls: Grouped, money: Grouped, rest: dict[str, MetricValue]) -> dict[str, MetricValue]:
    """The tiles' metrics from the two rolled-up cubes plus the small extra queries."""
    totals: dict[str, float | None] = {}
    unavailable = {**calls.unavailable, **money.unavailable}
    totals.update(roll_up(calls, (), ["images_made", "cache_hits", "success_rate"]).total_row())
    totals.update(roll_up(money, (), ["spend", "cache_savings"]).total_row())
    for key, value in rest.items():
        totals[key] = value.value
        if not value.available:
            unavailable[key] = value.note
    spend, images, accepted = totals.get("spend"), totals.get("images_made"), totals.get("accepted_images")
    totals["cost_per_image"] = spend / images if spend is not None and images else None
    totals["cost_per_accepted_image"] = spend / accepted if spend is not None and accepted else None
    if "accepted_images" in unavailable:
        unavailable["cost_per_accepted_image"] = unavailable["accepted_images"]
    out = {}
    for key in KPI_KEYS:
        value = totals.get(key)
        note = unavailable.get(key, "" if value is not None else NO_DATA)
        out[key] = MetricValue(key, None if key in unavailable else value, note)
    return out

