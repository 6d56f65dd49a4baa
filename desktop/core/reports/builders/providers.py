"""Provider comparison: reliability, speed and price of each provider and model."""

from __future__ import annotations

from desktop.core.analytics import charts
from desktop.core.analytics.dimensions import Dim
from desktop.core.analytics.results import ChartData, Series
from desktop.core.analytics.units import Unit
from desktop.core.reports.builders.common import chart, glossary_sections, grouped_table
from desktop.core.reports.builders.context import BuildContext
from desktop.core.reports.document import Level, Section

COMPARE = ["provider_calls", "images_made", "call_success_rate", "latency_p50", "latency_p95",
           "latency_avg", "throughput", "retries", "cache_hits"]
PRICES = ["spend", "cost_per_image", "cost_per_accepted_image"]
MODELS = ["provider_calls", "images_made", "call_success_rate", "latency_p50", "latency_p95"]


def build(ctx: BuildContext) -> list[Section]:
    engine, flt = ctx.analytics.engine, ctx.filter
    ctx.step(0.2, "providers")
    main = Section("providers", "Providers side by side")
    main.tables.append(grouped_table(engine.grouped(COMPARE, flt, (Dim.PROVIDER,)), COMPARE,
                                     key="providers", title="Reliability and speed", sort_by="images_made"))
    dists = charts.latency_distributions(engine, flt)
    main.charts.append(chart(_percentile_chart(dists)))
    main.charts.append(chart(charts.latency_chart(dists), Level.DETAILED))
    ctx.step(0.5, "prices")
    prices = Section("prices", "Price", cost=True)
    prices.tables.append(grouped_table(engine.grouped(PRICES, flt, (Dim.PROVIDER,)), PRICES,
                                       key="prices", title="Spend and unit cost", sort_by="spend"))
    ctx.step(0.7, "models")
    models = Section("models", "Models")
    models.charts.append(chart(charts.by_dimension(engine, ["call_success_rate"], Dim.MODEL, flt,
                                                   key="success_by_model", title="Success rate per model")))
    models.tables.append(grouped_table(engine.grouped(MODELS, flt, (Dim.PROVIDER, Dim.MODEL)), MODELS,
                                       key="models", title="By model", sort_by="images_made",
                                       level=Level.DETAILED))
    errors = Section("errors", "Failed calls by provider and kind", level=Level.DETAILED)
    errors.tables.append(grouped_table(engine.grouped(["failed_calls"], flt, (Dim.PROVIDER, Dim.ERROR_KIND)),
                                       ["failed_calls"], key="errors", title="Failed calls",
                                       level=Level.DETAILED))
    errors.tables[0].rows = [r for r in errors.tables[0].rows if r[1] != "(none)"]
    return [main, prices, models, errors, *glossary_sections([*COMPARE, *PRICES, *MODELS, "failed_calls"])]


def _percentile_chart(dists: list[charts.LatencyDistribution]) -> ChartData:
    return ChartData("latency_percentiles", "Latency p50 and p95 per provider", "bar", Unit.MS,
                     [d.provider for d in dists],
                     [Series("p50", [d.p50_ms for d in dists]), Series("p95", [d.p95_ms for d in dists])],
                     y_label="ms")
