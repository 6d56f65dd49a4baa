"""Usage & cost summary: what was made, what it cost, where the money went."""

from __future__ import annotations

from desktop.core.analytics import charts
from desktop.core.analytics.dashboard import month_spend_tile
from desktop.core.analytics.dimensions import Dim
from desktop.core.reports.builders.common import chart, glossary_sections, grouped_table, kpis
from desktop.core.reports.builders.context import BuildContext
from desktop.core.reports.document import Cell, Kpi, Level, Section

SUMMARY = ("images_made", "success_rate", "call_success_rate", "cache_hits", "retries",
           "accepted_images", "spend", "spend_actual", "spend_estimated", "cost_per_image",
           "cost_per_accepted_image", "cache_savings")
BY_PROVIDER = ["images_made", "provider_calls", "call_success_rate", "spend", "spend_actual",
               "spend_estimated", "cost_per_image"]
BY_DAY = ["images_made", "failed_calls", "jobs_failed", "cache_hits", "spend"]


def build(ctx: BuildContext) -> list[Section]:
    engine, flt = ctx.analytics.engine, ctx.filter
    values = engine.values(SUMMARY, flt)
    summary = kpis(values, SUMMARY)
    if ctx.request.monthly_budget_usd:
        tile = month_spend_tile(engine, flt, ctx.now, ctx.request.monthly_budget_usd)
        summary.append(Kpi("Spend this month vs budget", tile.value, Cell.USD, tile.text))
    ctx.step(0.3, "spend by provider")
    spend = Section("spend", "Spend", cost=True, charts=[chart(charts.split_series(
        engine, "spend", Dim.PROVIDER, flt, key="cost_by_provider", title="Spend over time by provider"))])
    spend.tables.append(grouped_table(engine.grouped(BY_PROVIDER, flt, (Dim.PROVIDER,)), BY_PROVIDER,
                                      key="by_provider", title="By provider", sort_by="spend"))
    spend.tables.append(grouped_table(engine.grouped(BY_PROVIDER, flt, (Dim.PROVIDER, Dim.MODEL)), BY_PROVIDER,
                                      key="by_model", title="By model", sort_by="spend", level=Level.DETAILED))
    ctx.step(0.6, "volume over time")
    volume = Section("volume", "Images and failures", charts=[chart(charts.time_series(
        engine, ["images_made", "failed_calls", "jobs_failed"], flt, key="images_and_failures",
        title="Images and failures over time"))])
    volume.tables.append(grouped_table(engine.grouped(["images_made", "provider_calls", "call_success_rate"], flt,
                                                      (Dim.PROVIDER,)),
                                       ["images_made", "provider_calls", "call_success_rate"],
                                       key="volume_by_provider", title="Images by provider", sort_by="images_made"))
    volume.tables.append(grouped_table(engine.grouped(BY_DAY, flt, (Dim.DAY,)), BY_DAY, key="by_day",
                                       title="By day", level=Level.DETAILED))
    ctx.step(0.8, "projects")
    projects = Section("projects", "By project", level=Level.DETAILED)
    keys = ["images_made", "accepted_images", "spend", "cost_per_accepted_image"]
    projects.tables.append(grouped_table(
        engine.grouped(keys, flt, (Dim.PROJECT,)), keys, key="by_project", title="By project",
        label=lambda _d, v: ctx.project_name(v), level=Level.DETAILED, sort_by="spend"))
    est_keys = ["estimated_at_enqueue", "cost_of_jobs", "cost_vs_estimate"]
    estimates = Section("estimates", "Cost against the estimates made when queueing", level=Level.DETAILED,
                        cost=True, tables=[grouped_table(engine.grouped(est_keys, flt, (Dim.PROVIDER,)), est_keys,
                                                         key="estimates", title="Estimates by provider",
                                                         level=Level.DETAILED)])
    head = Section("summary", "Summary", kpis=summary, paragraphs=[f"Period: {flt.describe()}."])
    return [head, spend, volume, projects, estimates,
            *glossary_sections([*SUMMARY, *BY_PROVIDER, *BY_DAY, *keys, *est_keys])]
