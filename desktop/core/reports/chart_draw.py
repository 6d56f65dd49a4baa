"""Charts drawn once as simple shapes (rectangles, lines, polylines, text) in a top-left
coordinate space; `render_svg` turns them into inline SVG for HTML and `pdf_charts` into
reportlab drawings for PDF, so both formats show the same chart."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.analytics.results import ChartData
from desktop.core.reports.chart_layout import (
    color,
    label_step,
    nice_ticks,
    short,
    tick_text,
    value_top,
)

W, H = 760, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 36, 64


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    tip: str = ""


@dataclass(frozen=True)
class Line:
    points: tuple[tuple[float, float], ...]
    stroke: str
    width: float = 1.0
    dash: bool = False


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    size: float = 11
    anchor: str = "start"  # start | middle | end
    rotate: float = 0.0  # degrees, counter-clockwise is negative as in SVG
    bold: bool = False
    fill: str = "#222222"


@dataclass
class Picture:
    width: float
    height: float
    title: str
    shapes: list[Rect | Line | Text] = field(default_factory=list)


def draw(chart: ChartData) -> Picture:
    if chart.kind == "hbar":
        pic = Picture(W, TOP + 22 * len(chart.categories) + 16, chart.title)
        _hbar(chart, pic)
    else:
        pic = Picture(W, H, chart.title)
        _vertical(chart, pic)
    pic.shapes.append(Text(LEFT, 18, chart.title, 13, bold=True))
    _legend(chart, pic)
    return pic


def _legend(chart: ChartData, pic: Picture) -> None:
    if len(chart.series) < 2:
        return
    x = W - RIGHT
    for i, s in reversed(list(enumerate(chart.series))):
        name = short(s.name, 18)
        x -= 14 + 6.5 * len(name) + 10
        pic.shapes.append(Rect(x, 8, 10, 10, color(i, s.name)))
        pic.shapes.append(Text(x + 14, 17, name, 10))


def _vertical(chart: ChartData, pic: Picture) -> None:
    ticks = nice_ticks(value_top(chart))
    ymax = ticks[-1] or 1.0
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM
    n = len(chart.categories)

    def y(v: float) -> float:
        return TOP + plot_h - (v / ymax) * plot_h

    for t in ticks:
        pic.shapes.append(Line(((LEFT, y(t)), (W - RIGHT, y(t))), "#dddddd"))
        pic.shapes.append(Text(LEFT - 6, y(t) + 4, tick_text(t, chart.unit.value), 10, "end"))
    slot = plot_w / max(n, 1)
    if chart.kind == "line":
        for i, s in enumerate(chart.series):
            for run in _runs(s.values):
                pts = tuple((LEFT + slot * (j + 0.5), y(v)) for j, v in run)
                if len(pts) == 1:
                    (px, py), = pts
                    pic.shapes.append(Rect(px - 2.5, py - 2.5, 5, 5, color(i, s.name)))
                else:
                    pic.shapes.append(Line(pts, color(i, s.name), 2, dash=s.name in ("Low", "High")))
    else:
        stacked = chart.kind == "stacked_bar"
        width = slot * 0.8 / (1 if stacked else max(len(chart.series), 1))
        for j in range(n):
            base = 0.0
            for i, s in enumerate(chart.series):
                v = s.values[j] or 0.0
                if not v:
                    continue
                x = LEFT + slot * j + slot * 0.1 + (0 if stacked else i * width)
                lo, hi = (base, base + v) if stacked else (0.0, v)
                pic.shapes.append(Rect(x, y(hi), width, y(lo) - y(hi), color(i, s.name), f"{s.name}: {v:g}"))
                if stacked:
                    base = hi
    step = label_step(n, plot_w, 70)
    for j, cat in enumerate(chart.categories):
        if j % step == 0:
            cx = LEFT + slot * (j + 0.5)
            pic.shapes.append(Text(cx, H - BOTTOM + 14, short(cat, 16), 10, "end", rotate=-30))
    pic.shapes.append(Line(((LEFT, y(0)), (W - RIGHT, y(0))), "#888888"))


def _runs(values: list[float | None]) -> list[list[tuple[int, float]]]:
    runs: list[list[tuple[int, float]]] = [[]]
    for j, v in enumerate(values):
        if v is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((j, v))
    return [r for r in runs if r]


def _hbar(chart: ChartData, pic: Picture) -> None:
    label_w = 200
    left = label_w + 8
    plot_w = W - left - RIGHT - 60
    xmax = nice_ticks(value_top(chart))[-1] or 1.0
    row = 22
    bar = (row - 6) / max(len(chart.series), 1)
    for j, cat in enumerate(chart.categories):
        y0 = TOP + j * row
        pic.shapes.append(Text(label_w, y0 + row / 2 + 4, short(cat, 30), 10, "end"))
        for i, s in enumerate(chart.series):
            v = s.values[j]
            if v is None:
                continue
            w = v / xmax * plot_w
            yb = y0 + 3 + i * bar
            pic.shapes.append(Rect(left, yb, max(w, 0.5), bar, color(i, s.name), f"{s.name}: {v:g}"))
            label = f"{v:.1f}%" if chart.unit.value == "percent" else tick_text(v, chart.unit.value)
            pic.shapes.append(Text(left + w + 4, yb + bar - 2, label, 9))
