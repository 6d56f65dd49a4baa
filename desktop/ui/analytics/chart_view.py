"""One chart of the Analytics tab: a title, a pyqtgraph plot that draws a core
`ChartData` (stacked bars over time, lines, horizontal bars, grouped histogram bars), and
a note in place of the plot when there is nothing to draw. Colours follow the window's
palette (light or dark); numbers and dates on the axes follow the language's locale."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.core.analytics.results import ChartData, Series
from desktop.core.analytics.units import Unit
from desktop.ui.analytics import labels

# Tableau 10: tells series apart on light and dark backgrounds alike.
SERIES_COLOURS = ("#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1",
                  "#FF9DA7", "#9C755F", "#BAB0AC")
MAX_TICKS = 8
LABEL_CHARS = 26
LEGEND_CHARS = 80  # about what fits on one legend line of a half-width chart


def colour(index: int) -> QColor:
    return QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])


def later(owner: QWidget, redraw: Callable[[], None]) -> None:
    """Redraw after a theme change once the event loop is back: redrawing a plot while Qt is
    still re-polishing every widget for a new palette or style sheet crashes pyqtgraph."""
    timer = owner.findChild(QTimer, "theme-redraw", Qt.FindChildOption.FindDirectChildrenOnly)
    if timer is None:
        timer = QTimer(owner)
        timer.setObjectName("theme-redraw")
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(redraw)
    timer.start()


def elide(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ValueAxis(pg.AxisItem):
    """A value axis whose tick labels are written by the locale, in the chart's unit."""

    def __init__(self, orientation: str, unit: Unit = Unit.COUNT) -> None:
        super().__init__(orientation)
        self.unit = unit

    def refresh(self) -> None:
        """Write the tick labels again (the language or the unit changed)."""
        self.picture = None
        self.update()

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        if self.unit is Unit.COUNT:  # no half images: only whole ticks get a label
            return [labels.axis_number(v * scale, self.unit, 1) if abs(v * scale - round(v * scale)) < 1e-9 else ""
                    for v in values]
        return [labels.axis_number(v * scale, self.unit, spacing * scale) for v in values]


class ChartView(QFrame):
    """`show_chart(data)` draws; `drawn` keeps (series name, values) as last drawn."""

    def __init__(self, key: str, parent: QWidget | None = None, min_height: int = 230) -> None:
        super().__init__(parent)
        self.setObjectName(f"chart-{key}")
        self.key = key
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setObjectName("ChartTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.value_axis = ValueAxis("left")
        self.bottom_axis = ValueAxis("bottom")
        self.plot = pg.PlotWidget(self, axisItems={"left": self.value_axis, "bottom": self.bottom_axis})
        self.plot.setMinimumHeight(min_height)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.empty = QLabel(self)
        self.empty.setObjectName("ChartEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMinimumHeight(min_height)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.empty, 1)
        self.empty.hide()
        self.data: ChartData | None = None
        self.drawn: list[tuple[str, list[float]]] = []
        self.categories: list[str] = []
        self._legend_names: list[str] | None = None
        self.legend: pg.LegendItem | None = None
        self._title_text = ""
        self._empty_text = ""
        self.apply_palette()

    # -- theme -------------------------------------------------------------------------
    def apply_palette(self) -> None:
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.WindowText)
        self.plot.setBackground(background)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        if self.data is not None:
            self._draw()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            later(self, self.apply_palette)
        super().changeEvent(event)

    # -- drawing -----------------------------------------------------------------------
    def set_title(self, text: str) -> None:
        """Called on every language change: the axes' numbers are written again too."""
        self._title_text = text
        self.title.setText(text)
        self.value_axis.refresh()
        self.bottom_axis.refresh()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.empty.setText(text)

    def show_chart(self, data: ChartData, legend_names: list[str] | None = None,
                   until: date | None = None) -> None:
        """Draw `data`; `legend_names` replaces the series names in the legend only. Time
        buckets that start after `until` (days still to come) are left out."""
        if until is not None and data.x_dates and data.x_dates[-1] > until:
            keep = sum(1 for d in data.x_dates if d <= until)
            data = replace(data, categories=data.categories[:keep], x_dates=data.x_dates[:keep],
                           series=[Series(s.name, s.values[:keep]) for s in data.series])
        self.data = data
        self._legend_names = legend_names
        self._draw()

    def _draw(self) -> None:
        data = self.data
        assert data is not None
        plot = self.plot.getPlotItem()
        plot.clear()
        if self.legend is not None:
            plot.layout.removeItem(self.legend)
            if self.legend.scene() is not None:
                self.legend.scene().removeItem(self.legend)
            self.legend = None
        self.drawn = [(s.name, [float(v or 0.0) for v in s.values]) for s in data.series]
        self.categories = list(data.categories)
        if data.empty:
            self.plot.hide()
            self.empty.show()
            return
        self.empty.hide()
        self.plot.show()
        names = self._legend_names or [labels.series_label(s.name) for s in data.series]
        horizontal = data.kind == "hbar"
        # Under the plot, never over the bars; one series needs no legend (the title names it).
        self.legend = pg.LegendItem(offset=None, frame=False,
                                    labelTextColor=self.palette().color(QPalette.ColorRole.WindowText))
        widest = max((len(n) for n in names), default=1)
        self.legend.setColumnCount(max(1, min(len(names), LEGEND_CHARS // (widest + 6))))
        if len(names) > 1:
            plot.layout.addItem(self.legend, 4, 1)
        plot.invertY(horizontal)
        self.plot.showGrid(x=horizontal, y=not horizontal, alpha=0.25)
        if data.kind == "stacked_bar":
            self._stacked(plot, names)
        elif data.kind == "line":
            self._lines(plot, names)
        else:
            self._grouped(plot, names, horizontal)
        self._category_ticks(horizontal)
        plot.enableAutoRange()
        plot.layout.activate()  # place the new legend now, not at the next layout pass

    def _stacked(self, plot: Any, names: list[str]) -> None:
        xs = list(range(len(self.categories)))
        bottom = [0.0] * len(xs)
        for i, (_name, values) in enumerate(self.drawn):
            bar = pg.BarGraphItem(x=xs, height=values, y0=bottom, width=0.75, brush=colour(i), pen=pg.mkPen(None))
            plot.addItem(bar)
            self.legend.addItem(bar, names[i])
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]

    def _lines(self, plot: Any, names: list[str]) -> None:
        xs = list(range(len(self.categories)))
        for i, (_name, values) in enumerate(self.drawn):
            line = plot.plot(xs, values, pen=pg.mkPen(colour(i), width=2), symbol="o", symbolSize=5,
                             symbolBrush=colour(i), symbolPen=pg.mkPen(None))
            self.legend.addItem(line, names[i])

    def _grouped(self, plot: Any, names: list[str], horizontal: bool) -> None:
        count = max(len(self.drawn), 1)
        width = 0.8 / count
        for i, (_name, values) in enumerate(self.drawn):
            at = [c - 0.4 + width * (i + 0.5) for c in range(len(self.categories))]
            if horizontal:
                bar = pg.BarGraphItem(x0=0, y=at, width=values, height=width * 0.9, brush=colour(i),
                                      pen=pg.mkPen(None))
            else:
                bar = pg.BarGraphItem(x=at, height=values, width=width * 0.9, brush=colour(i), pen=pg.mkPen(None))
            plot.addItem(bar)
            self.legend.addItem(bar, names[i])

    def _category_ticks(self, horizontal: bool) -> None:
        data = self.data
        assert data is not None
        texts = self._category_texts(data)
        step = 1 if horizontal else max(1, math.ceil(len(texts) / MAX_TICKS))
        ticks = [(i, t) for i, t in enumerate(texts) if i % step == 0]
        category_axis = self.bottom_axis if not horizontal else self.value_axis
        numbers_axis = self.value_axis if not horizontal else self.bottom_axis
        numbers_axis.unit = data.unit
        numbers_axis.setTicks(None)
        category_axis.setTicks([ticks])
        self.value_axis.setWidth(150 if horizontal else None)

    @staticmethod
    def _category_texts(data: ChartData) -> list[str]:
        if data.x_dates:
            monthly = bool(data.categories) and len(data.categories[0]) == 7
            return [labels.short_date(_qdate(d), monthly) for d in data.x_dates]
        return [elide(c) for c in data.categories]


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)
