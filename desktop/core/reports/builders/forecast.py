"""Forecast report: spend and image volume for the next weeks with the model's error on
held-out history, and the cost-benefit per project when the user gave its value."""

from __future__ import annotations

from datetime import date

from desktop.core.analytics.forecast import Forecast
from desktop.core.analytics.results import ChartData, Series
from desktop.core.analytics.units import Unit, format_value
from desktop.core.reports.builders.common import chart
from desktop.core.reports.builders.context import BuildContext
from desktop.core.reports.document import Cell, Column, Kpi, Level, Section, Table

HISTORY_SHOWN = 56  # days of history drawn before the forecast


def build(ctx: BuildContext) -> list[Section]:
    weeks = ctx.request.forecast_weeks
    ctx.step(0.1, "spend forecast")
    spend = ctx.analytics.forecast("spend", ctx.filter, weeks)
    ctx.step(0.4, "volume forecast")
    volume = ctx.analytics.forecast("images_made", ctx.filter, weeks)
    sections = [_section("spend_forecast", "Spend forecast", spend, cost=True),
                _section("volume_forecast", "Image volume forecast", volume, cost=False)]
    ctx.step(0.7, "cost-benefit")
    sections.append(_roi(ctx))
    method = Section("method", "Method", level=Level.DETAILED, paragraphs=[
        f"Model: {spend.method}.",
        "Held-out error: the model is fitted without the last 14 days (a third of the history if shorter),"
        " predicts them, and is compared with the naive forecast \"same as the same weekday last week\".",
        "Weekly figures are sums of seven forecast days; their band assumes independent daily errors.",
    ])
    return sections + [method]


def _section(key: str, title: str, f: Forecast, *, cost: bool) -> Section:
    section = Section(key, title, cost=cost)
    if not f.ok:
        section.paragraphs.append(f"not available: {f.note}")
        return section
    cell = Cell.of_unit(f.unit)
    section.paragraphs.append(f.explanation())
    total = sum(p.value for p in f.weekly)
    section.kpis = [
        Kpi(f"Next {len(f.weekly)} weeks", total, cell, format_value(total, f.unit)),
        Kpi("Held-out error per day (MAE)", f.holdout_mae, cell, format_value(f.holdout_mae, f.unit)),
        Kpi("Naive forecast error (MAE)", f.naive_mae, cell, format_value(f.naive_mae, f.unit)),
        Kpi("Held-out error (MAPE)", f.holdout_mape, Cell.PERCENT,
            format_value(f.holdout_mape, Unit.PERCENT) if f.holdout_mape is not None else "–"),
    ]
    section.charts.append(chart(_chart(key, title, f)))
    section.tables.append(Table(f"{key}_weekly", "Weekly forecast", [
        Column("week", "Week starting", Cell.DATE), Column("value", "Forecast", cell),
        Column("low", "Low", cell), Column("high", "High", cell)],
        [[p.start, p.value, p.low, p.high] for p in f.weekly]))
    section.tables.append(Table(f"{key}_holdout", "Held-out days: actual against forecast", [
        Column("day", "Day", Cell.DATE), Column("actual", "Actual", cell), Column("forecast", "Forecast", cell),
        Column("naive", "Same weekday last week", cell)],
        [[p.day, p.actual, p.predicted, p.naive] for p in f.holdout], level=Level.DETAILED, brief_rows=14))
    return section


def _chart(key: str, title: str, f: Forecast) -> ChartData:
    history = f.history[-HISTORY_SHOWN:]
    days: list[date] = [d for d, _ in history] + [p.start for p in f.daily]
    n_hist, n_fc = len(history), len(f.daily)
    gap: list[float | None] = [None] * n_hist
    last = [history[-1][1]] if history else []
    series = [
        Series("History", [v for _, v in history] + [None] * n_fc),
        Series("Forecast", gap[:-1] + last + [p.value for p in f.daily] if history else [p.value for p in f.daily]),
        Series("Low", gap + [p.low for p in f.daily]),
        Series("High", gap + [p.high for p in f.daily]),
    ]
    return ChartData(f"{key}_chart", title, "line", f.unit, [d.isoformat() for d in days], series, days)


def _roi(ctx: BuildContext) -> Section:
    section = Section("roi", "Cost and benefit per project", cost=True)
    inputs = ctx.request.roi
    if inputs is None:
        section.paragraphs.append(
            "not available: give the hours of design time an accepted image saves and an hourly rate"
            " (--hours-per-image, --hourly-rate) to see spend against value per project.")
        return section
    rows = ctx.analytics.cost_benefit(ctx.filter, inputs)
    section.paragraphs.append(
        f"Value = images × {inputs.hours_saved_per_image:g} h saved × ${inputs.hourly_rate_usd:g}/h;"
        f" counted on {rows[0].basis if rows else 'accepted images'}.")
    section.tables.append(Table("roi", "Cost-benefit", [
        Column("project", "Project"), Column("images", "Images made", Cell.INT),
        Column("accepted", "Accepted", Cell.INT), Column("hours", "Hours saved", Cell.HOURS),
        Column("value", "Value", Cell.USD), Column("spend", "Spend", Cell.USD), Column("net", "Net", Cell.USD),
        Column("roi", "Return", Cell.PERCENT)],
        [[r.name, r.images_made, r.accepted, r.hours_saved, r.value, r.spend, r.net, r.roi_pct] for r in rows]))
    return section

