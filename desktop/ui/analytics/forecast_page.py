"""The forecast page: daily history and the forecast for the next weeks with its band,
and beside it the weekly totals and how far off the model was on the last two weeks of
history it did not see (against the naive "same weekday last week")."""

from __future__ import annotations

import math
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.analytics.forecast import MIN_HISTORY_DAYS, WEEKDAYS, Forecast
from desktop.core.analytics.units import Unit
from desktop.ui.analytics import labels
from desktop.ui.analytics.chart_view import MAX_TICKS, ValueAxis, colour, later
from desktop.ui.analytics.load_state_view import LoadStateView

METRICS = ("spend", "images_made")


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class ForecastPage(QWidget):
    forecast_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AnalyticsForecast")
        self.state = LoadStateView(self)
        self.metric_label = QLabel(self)
        self.metric = QComboBox(self)
        self.metric.setObjectName("ForecastMetric")
        for key in METRICS:
            self.metric.addItem("", key)
        self.weeks_label = QLabel(self)
        self.weeks = QSpinBox(self)
        self.weeks.setObjectName("ForecastWeeks")
        self.weeks.setRange(1, 12)
        self.weeks.setValue(4)
        self.scope = QLabel(self)
        self.scope.setWordWrap(True)
        self.value_axis = ValueAxis("left")
        self.date_axis = ValueAxis("bottom")
        self.plot = pg.PlotWidget(self, axisItems={"left": self.value_axis, "bottom": self.date_axis})
        self.plot.setObjectName("ForecastPlot")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.quality_box = QGroupBox(self)
        self.quality = QLabel(self)
        self.quality.setObjectName("ForecastQuality")
        self.quality.setWordWrap(True)
        self.quality.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.quality.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.quality_box).addWidget(self.quality)
        self.weekly = QTableWidget(0, 3, self)
        self.weekly.setObjectName("ForecastWeekly")
        self.weekly.verticalHeader().hide()
        self.weekly.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.weekly.horizontalHeader().setStretchLastSection(True)
        controls = QHBoxLayout()
        controls.addWidget(self.metric_label)
        controls.addWidget(self.metric)
        controls.addSpacing(12)
        controls.addWidget(self.weeks_label)
        controls.addWidget(self.weeks)
        controls.addSpacing(12)
        controls.addWidget(self.scope, 1)
        side = QVBoxLayout()
        side.addWidget(self.quality_box, 2)
        side.addWidget(self.weekly, 3)
        body = QHBoxLayout()
        body.addWidget(self.plot, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(controls)
        layout.addLayout(body, 1)
        self.forecast: Forecast | None = None
        self.drawn: dict[str, list[float]] = {}
        self.metric.currentIndexChanged.connect(self.forecast_requested)
        self.weeks.valueChanged.connect(self.forecast_requested)
        self.apply_palette()
        self.retranslate()

    def metric_key(self) -> str:
        return str(self.metric.currentData())

    # -- text and theme ------------------------------------------------------------------
    def retranslate(self) -> None:
        self.metric_label.setText(self.tr("Forecast:"))
        self.metric.setItemText(0, self.tr("Spend"))
        self.metric.setItemText(1, self.tr("Images made"))
        self.weeks_label.setText(self.tr("Weeks ahead:"))
        self.scope.setText(self.tr("From the 16 weeks before today, under the project, provider, model and "
                                   "batch chosen above."))
        self.quality_box.setTitle(self.tr("How far to trust it"))
        self.weekly.setHorizontalHeaderLabels([self.tr("Week from"), self.tr("Forecast"), self.tr("Likely range")])
        self.value_axis.refresh()
        if self.forecast is not None:
            self.show_forecast(self.forecast)

    def apply_palette(self) -> None:
        palette = self.palette()
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        for axis in (self.value_axis, self.date_axis):
            axis.setPen(pg.mkPen(palette.color(QPalette.ColorRole.WindowText)))
            axis.setTextPen(pg.mkPen(palette.color(QPalette.ColorRole.WindowText)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            later(self, self._repaint_theme)
        super().changeEvent(event)

    def _repaint_theme(self) -> None:
        self.apply_palette()
        if self.forecast is not None:
            self.show_forecast(self.forecast)

    # -- drawing -------------------------------------------------------------------------
    def show_forecast(self, f: Forecast) -> None:
        self.forecast = f
        plot = self.plot.getPlotItem()
        plot.clear()
        if plot.legend is not None:
            plot.legend.scene().removeItem(plot.legend)
            plot.legend = None
        legend = plot.addLegend(offset=(10, 6), labelTextColor=self.palette().color(QPalette.ColorRole.WindowText))
        self.value_axis.unit = f.unit
        days = [d for d, _ in f.history] + [p.start for p in f.daily]
        origin = days[0] if days else date.today()
        index = {d: (d - origin).days for d in days}
        history = [v for _, v in f.history]
        self.drawn = {"history": history, "forecast": [p.value for p in f.daily],
                      "low": [p.low for p in f.daily], "high": [p.high for p in f.daily]}
        if f.history:
            plot.plot([index[d] for d, _ in f.history], history, pen=pg.mkPen(colour(0), width=2),
                      name=self.tr("History"))
        if f.daily:
            xs = [index[p.start] for p in f.daily]
            low = pg.PlotDataItem(xs, self.drawn["low"], pen=pg.mkPen(None))
            high = pg.PlotDataItem(xs, self.drawn["high"], pen=pg.mkPen(None))
            band_colour = colour(1)
            band_colour.setAlpha(60)
            band = pg.FillBetweenItem(low, high, brush=pg.mkBrush(band_colour))
            plot.addItem(band)
            # The legend cannot draw a fill: a thick line of the band's colour stands for it.
            legend.addItem(pg.PlotDataItem([0], [0], pen=pg.mkPen(band_colour, width=8)), self.tr("Likely range"))
            plot.plot(xs, self.drawn["forecast"], pen=pg.mkPen(colour(1), width=2, style=Qt.PenStyle.DashLine),
                      name=self.tr("Forecast"))
        step = max(1, math.ceil(len(days) / MAX_TICKS))
        self.date_axis.setTicks([[(index[d], labels.short_date(_qdate(d))) for i, d in enumerate(days) if i % step == 0]])
        plot.enableAutoRange()
        self.quality.setText(self._quality_text(f))
        self._weekly_rows(f)

    def _weekly_rows(self, f: Forecast) -> None:
        self.weekly.setRowCount(len(f.weekly))
        for row, point in enumerate(f.weekly):
            values = [labels.long_date(_qdate(point.start)), labels.value_text(point.value, f.unit),
                      self.tr("%1 to %2").replace("%1", labels.value_text(point.low, f.unit)).replace(
                          "%2", labels.value_text(point.high, f.unit))]
            for column, value in enumerate(values):
                self.weekly.setItem(row, column, QTableWidgetItem(value))
        self.weekly.resizeColumnsToContents()

    def _quality_text(self, f: Forecast) -> str:
        if not f.ok:
            return self.tr("Not enough history to forecast: %1 days with data, %2 needed.").replace(
                "%1", str(len(f.history))).replace("%2", str(MIN_HISTORY_DAYS))
        unit = f.unit
        per_day = Unit.USD if unit.is_money else unit
        busiest = max(f.weekday_effects, key=f.weekday_effects.__getitem__)
        weekday = QLocale().dayName(WEEKDAYS.index(busiest) + 1, QLocale.FormatType.LongFormat)
        lines = [
            self.tr("Trend: %1 a week.").replace("%1", _signed(f.trend_per_week or 0.0, per_day)),
            self.tr("Busiest day: %1 (%2 against the week's average).").replace("%1", weekday).replace(
                "%2", _signed(f.weekday_effects[busiest], per_day)),
            self.tr("On the last %1 days, held out of the fit, it was off by %2 a day on average.").replace(
                "%1", str(len(f.holdout))).replace("%2", labels.value_text(f.holdout_mae, per_day)),
            self.tr("Repeating the same weekday of the week before would have been off by %1.").replace(
                "%1", labels.value_text(f.naive_mae, per_day)),
        ]
        if f.holdout_mape is not None:
            lines.append(self.tr("Relative error: %1.").replace("%1", labels.value_text(f.holdout_mape, Unit.PERCENT)))
        better = (f.holdout_mae or 0.0) <= (f.naive_mae or 0.0)
        lines.append(self.tr("The model did better than the naive guess.") if better
                     else self.tr("The naive guess did better: read this forecast with care."))
        lines.append(self.tr("Method: a straight-line trend plus a day-of-week pattern, fitted to daily totals; "
                             "the range is where 95% of days fell around the fit."))
        return "\n\n".join(lines)


def _signed(value: float, unit: Unit) -> str:
    text = labels.value_text(abs(value), unit)
    return ("+" if value >= 0 else "−") + text
