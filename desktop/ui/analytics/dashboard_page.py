"""The dashboard page: KPI tiles over the charts (spend over time by provider, images and
failures, latency per provider with p50/p95, success rate per model, failures by cause,
top prompts and styles by picks), and what is not available and why."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.core.analytics.dashboard import Dashboard
from desktop.core.analytics.results import ChartData
from desktop.core.analytics.units import Unit
from desktop.ui import core_text
from desktop.ui.analytics import labels
from desktop.ui.analytics.chart_view import ChartView
from desktop.ui.analytics.kpi_tiles_view import KpiStripView
from desktop.ui.analytics.load_state_view import LoadStateView

CHARTS = ("cost_by_provider", "images_and_failures", "latency", "success_by_model", "failures_by_kind",
          "top_prompts", "top_styles")


class DashboardPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AnalyticsDashboard")
        self.state = LoadStateView(self)
        self.tiles = KpiStripView(self)
        self.charts = {key: ChartView(key, self) for key in CHARTS}
        self.notes = QLabel(self)
        self.notes.setObjectName("DashboardNotes")
        self.notes.setWordWrap(True)
        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.tiles, 0, 0, 1, 2)
        for i, key in enumerate(CHARTS):
            grid.addWidget(self.charts[key], 1 + i // 2, i % 2)
        grid.addWidget(self.notes, 2 + len(CHARTS) // 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.scroll = scroll = QScrollArea(self)
        scroll.setObjectName("DashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(scroll, 1)
        self.dashboard: Dashboard | None = None
        self.today: date | None = None  # days after it are not drawn
        self.retranslate()

    def retranslate(self) -> None:
        for key, chart in self.charts.items():
            chart.set_title(labels.chart_title(key))
            chart.set_empty_text(self.tr("Nothing to show for this period and filter."))
        self.tiles.retranslate()
        if self.dashboard is not None:
            self.show_dashboard(self.dashboard)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_dashboard(self, dash: Dashboard) -> None:
        self.dashboard = dash
        self.tiles.show_tiles(dash.kpis)
        self.charts["cost_by_provider"].show_chart(dash.cost_by_provider, until=self.today)
        self.charts["images_and_failures"].show_chart(dash.images_and_failures, until=self.today)
        latency_names = [self._latency_name(d.provider, d.p50_ms, d.p95_ms, d.approximate) for d in dash.latency]
        self.charts["latency"].show_chart(dash.latency_chart, latency_names)
        self.charts["success_by_model"].show_chart(dash.success_by_model)
        self.charts["failures_by_kind"].show_chart(_translated_kinds(dash.failures_by_kind))
        workflow_missing = QCoreApplication.translate("AnalyticsLabels", "Picks come from the Workflow tab: none recorded in this period.")
        for key, chart_data in (("top_prompts", dash.top_prompts_chart), ("top_styles", dash.top_styles_chart)):
            self.charts[key].set_empty_text(workflow_missing)
            self.charts[key].show_chart(chart_data)
        notes = sorted({labels.note_text(n) for n in dash.notes} - {""})
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def _latency_name(self, provider: str, p50: float | None, p95: float | None, approximate: bool) -> str:
        def seconds(ms: float | None) -> str:
            # Long ranges read percentiles from a histogram: "≈" says so.
            return ("≈" if approximate else "") + labels.value_text(ms / 1000 if ms is not None else None,
                                                                   Unit.SECONDS)
        return self.tr("%1 (p50 %2, p95 %3)").replace("%1", provider).replace("%2", seconds(p50)).replace(
            "%3", seconds(p95))


def _translated_kinds(chart: ChartData) -> ChartData:
    """Error kinds read as causes in the user's language."""
    return replace(chart, categories=[core_text.error_reason(c) or c for c in chart.categories])
