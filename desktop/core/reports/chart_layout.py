"""Geometry every chart renderer shares (SVG for HTML, reportlab for PDF): the palette,
"nice" axis ticks, which category labels fit, and stacked/grouped bar extents."""

from __future__ import annotations

import math

from desktop.core.analytics.results import ChartData

PALETTE = ("#4C78A8", "#F58518", "#54A24B", "#E45756", "#72B7B2", "#B279A2", "#EECA3B",
           "#9D755D", "#FF9DA6", "#BAB0AC")
FORECAST_STYLE = {"History": "#4C78A8", "Forecast": "#F58518", "Low": "#F5B97A", "High": "#F5B97A"}


def color(i: int, name: str = "") -> str:
    return FORECAST_STYLE.get(name) or PALETTE[i % len(PALETTE)]


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """0, step, 2·step, ... up to at least `top`, with a step of 1, 2 or 5 × 10^k."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    n = math.ceil(top / step - 1e-9)
    return [i * step for i in range(n + 1)]


def value_top(chart: ChartData) -> float:
    """The largest bar or point (stacked bars add up per category)."""
    if chart.kind == "stacked_bar":
        sums = [sum((s.values[i] or 0) for s in chart.series) for i in range(len(chart.categories))]
        return max(sums, default=0.0)
    return max(((v or 0) for s in chart.series for v in s.values), default=0.0)


def label_step(count: int, room: float, per_label: float) -> int:
    """Show every n-th category label so labels do not overlap."""
    if count == 0:
        return 1
    fits = max(int(room // per_label), 1)
    return max(math.ceil(count / fits), 1)


def tick_text(value: float, unit: str) -> str:
    if unit in ("usd", "usd_per_image"):
        return f"${value:,.2f}" if value < 10 else f"${value:,.0f}"
    if unit == "percent":
        return f"{value:g}%"
    if abs(value) >= 1000:
        return f"{value / 1000:g}k"
    return f"{value:g}"


def short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
