"""Failure analysis: how many calls and jobs failed, of which kind, where, and with what
messages."""

from __future__ import annotations

from desktop.core.analytics import charts
from desktop.core.analytics.dimensions import Dim
from desktop.core.analytics.filters import Filter
from desktop.core.analytics.query import MetricEngine
from desktop.core.analytics.results import ChartData
from desktop.core.models import ErrorKind
from desktop.core.reports.builders.common import chart, glossary_sections, grouped_table, kpis
from desktop.core.reports.builders.context import BuildContext
from desktop.core.reports.document import Cell, Column, Level, Section, Table

HEAD = ["failed_calls", "jobs_failed", "retries", "call_success_rate", "success_rate"]


def build(ctx: BuildContext) -> list[Section]:
    engine, flt = ctx.analytics.engine, ctx.filter
    values = engine.values(HEAD, flt)
    head = Section("summary", "Summary", kpis=kpis(values, HEAD))
    ctx.step(0.3, "kinds")
    by_kind = engine.grouped(["jobs_failed", "failed_calls"], flt, (Dim.ERROR_KIND,))
    kinds = Section("kinds", "By error kind")
    rows = []
    for r in by_kind.rows:
        if r.key[0] is None:
            continue
        retryable = ErrorKind(r.key[0]).retryable if r.key[0] in ErrorKind._value2member_map_ else None
        rows.append([r.key[0], r.values["failed_calls"], r.values["jobs_failed"],
                     "yes" if retryable else "no" if retryable is False else "?"])
    rows.sort(key=lambda row: -(row[1] or 0))
    kinds.tables.append(Table("by_kind", "Failures by error kind", [
        Column("error_kind", "Error kind"), Column("failed_calls", "Failed calls", Cell.INT),
        Column("jobs_failed", "Jobs failed", Cell.INT), Column("retried", "Retried automatically")], rows))
    kinds.charts.append(chart(_failures_chart(engine, flt)))
    kinds.charts.append(chart(charts.time_series(engine, ["failed_calls", "jobs_failed"], flt,
                                                 key="failures_over_time", title="Failures over time")))
    ctx.step(0.6, "providers")
    where = Section("where", "By provider", level=Level.DETAILED)
    keys = ["failed_calls", "jobs_failed", "call_success_rate", "retries"]
    where.tables.append(grouped_table(engine.grouped(keys, flt, (Dim.PROVIDER,)), keys, key="by_provider",
                                      title="Failures by provider", sort_by="failed_calls", level=Level.DETAILED))
    ctx.step(0.8, "messages")
    msgs = ctx.analytics.error_messages(flt, 50)
    messages = Section("messages", "Most frequent error messages")
    messages.tables.append(Table("messages", "Error messages", [
        Column("error_kind", "Error kind"), Column("provider", "Provider"), Column("message", "Message"),
        Column("calls", "Calls", Cell.INT), Column("jobs", "Jobs", Cell.INT),
        Column("last_at", "Last seen", Cell.DATETIME)],
        [[m.error_kind, m.provider, m.message, m.calls, m.jobs, m.last_at] for m in msgs]))
    return [head, kinds, where, messages, *glossary_sections(HEAD + keys)]


def _failures_chart(engine: MetricEngine, flt: Filter) -> ChartData:
    return charts.drop_category(charts.by_dimension(
        engine, ["failed_calls", "jobs_failed"], Dim.ERROR_KIND, flt, key="failures_by_kind",
        title="Failures by error kind", sort_by="failed_calls"))
