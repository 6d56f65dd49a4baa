"""The Analytics tab: a filter bar over five pages (dashboard, live, forecast,
cost-benefit, reports). Built as `AnalyticsView(services, bridge, parent=None)`.

Every store read runs in the I/O executor through the bridge (`QueryRunner`); a page
reads when it is shown and its numbers are stale (the filter changed, a batch finished),
so a hidden page costs nothing. Writes (settings, schedules) go to the store's writer
executor. `shutdown()` stops the live monitor and saves what the user typed."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QTabWidget, QVBoxLayout, QWidget

from desktop.core import events as ev
from desktop.core.analytics.filters import Filter, day_of, local_offset
from desktop.core.analytics.roi import RoiInputs
from desktop.core.reports.request import ReportError, ReportRequest, ReportResult
from desktop.core.reports.schedule import ReportSchedule
from desktop.ui.analytics import labels
from desktop.ui.analytics.dashboard_page import DashboardPage
from desktop.ui.analytics.filter_bar_view import FilterBarView
from desktop.ui.analytics.forecast_page import ForecastPage
from desktop.ui.analytics.live_panel_view import LivePanelView
from desktop.ui.analytics.query_runner import QueryRunner
from desktop.ui.analytics.reports_page import ReportsPage
from desktop.ui.analytics.roi_page import RoiPage, UserNumbers
from desktop.ui.analytics.schedule_dialog import ScheduleDialog

PAGES = ("dashboard", "live", "forecast", "roi", "reports")
SETTINGS_KEY = "analytics"
REFRESH_AFTER_EVENT_MS = 1500  # batches finish in bursts: read once per burst


class AnalyticsView(QWidget):
    def __init__(self, services: Any, bridge: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AnalyticsView")
        self.services, self.bridge = services, bridge
        self.analytics = services.analytics
        self.reports = services.reports
        self.schedule_store = services.schedules.store
        self.reader = QueryRunner(bridge, services.executors.io, self)
        self.writer = QueryRunner(bridge, services.executors.db, self)
        self._writes = itertools.count()
        self.numbers = UserNumbers.from_settings(dict(services.config.extra.get(SETTINGS_KEY) or {}))

        self.filter_bar = FilterBarView(self)
        self.dashboard = DashboardPage(self)
        self.live = LivePanelView(self.analytics, services.events, self.reader, bridge, self)
        self.forecast = ForecastPage(self)
        self.roi = RoiPage(self)
        self.roi.set_numbers(self.numbers)
        self.reports_page = ReportsPage([t.key for t in self.reports.types()], self)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("AnalyticsPages")
        for page in (self.dashboard, self.live, self.forecast, self.roi, self.reports_page):
            self.pages.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.pages, 1)

        self._stale = set(PAGES)
        self._after_event = QTimer(self)
        self._after_event.setSingleShot(True)
        self._after_event.setInterval(REFRESH_AFTER_EVENT_MS)
        self._after_event.timeout.connect(self._data_changed)
        self._connect()
        self.filter_bar.set_today(self.today())
        self.retranslate()
        self.load_options()
        self.load_schedules()
        self._filter_changed()
        # Daily rollups for this machine's UTC offset (once; triggers keep them): a year's
        # dashboard then reads thousands of rows, not millions.
        self.writer.run("rollups", lambda: self.analytics.ensure_rollups(self.tz_offset()), self._rollups_ready,
                        where=self.tr("Preparing the analytics summaries"))

    def _connect(self) -> None:
        self.filter_bar.filter_changed.connect(self._filter_changed)
        self.filter_bar.refresh_requested.connect(self.refresh_all)
        self.pages.currentChanged.connect(lambda _i: self.refresh_current())
        self.dashboard.state.retry_requested.connect(lambda: self.refresh_page("dashboard"))
        self.forecast.state.retry_requested.connect(lambda: self.refresh_page("forecast"))
        self.forecast.forecast_requested.connect(lambda: self.refresh_page("forecast"))
        self.roi.state.retry_requested.connect(lambda: self.refresh_page("roi"))
        self.roi.numbers_changed.connect(self.save_numbers)
        r = self.reports_page
        r.generate_requested.connect(self.generate_report)
        r.add_requested.connect(lambda: self.edit_schedule(None))
        r.edit_requested.connect(self.edit_schedule)
        r.remove_requested.connect(self.remove_schedule)
        r.run_now_requested.connect(self.run_schedule_now)
        r.schedules.enabled_toggled.connect(self.set_schedule_enabled)
        self.bridge.event_arrived.connect(self._on_event)

    # -- text ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        titles = (self.tr("Dashboard"), self.tr("Live"), self.tr("Forecast"), self.tr("Cost-benefit"),
                  self.tr("Reports"))
        for i, title in enumerate(titles):
            self.pages.setTabText(i, title)
        self.reports_page.set_filter(self.current_filter(), self.describe_filter())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the filter ------------------------------------------------------------------------
    def now(self) -> float:
        return float(self.analytics.clock())

    def tz_offset(self) -> int:
        return local_offset(self.now())

    def today(self) -> Any:
        return day_of(self.now(), self.tz_offset())

    def current_filter(self) -> Filter:
        return self.filter_bar.current_filter(self.tz_offset())

    def describe_filter(self) -> str:
        flt = self.current_filter()
        first, last = flt.first_day(), flt.last_day()
        parts = []
        if first and last:
            parts.append(self.tr("%1 to %2").replace("%1", labels.long_date(_qdate(first))).replace(
                "%2", labels.long_date(_qdate(last))))
        for combo in self.filter_bar.combos.values():
            if combo.currentIndex() > 0:
                parts.append(combo.currentText())
        return " · ".join(parts)

    def _filter_changed(self) -> None:
        self._stale = set(PAGES)
        self.reports_page.set_filter(self.current_filter(), self.describe_filter())
        self.refresh_current()

    def load_options(self) -> None:
        self.reader.run("options", self.analytics.filter_options, self.filter_bar.set_options,
                        where=self.tr("Reading the filter choices"))

    # -- reading -------------------------------------------------------------------------------
    def current_page(self) -> str:
        return PAGES[self.pages.currentIndex()]

    def show_page(self, name: str) -> None:
        self.pages.setCurrentIndex(PAGES.index(name))

    def refresh_current(self) -> None:
        name = self.current_page()
        if name in self._stale:
            self.refresh_page(name)

    def refresh_all(self) -> None:
        self._stale = set(PAGES)
        self.load_options()
        self.load_schedules()
        self.refresh_current()

    def refresh_page(self, name: str) -> None:
        self._stale.discard(name)
        flt = self.current_filter()
        if name == "dashboard":
            self.dashboard.today = self.today()
            budget = self.numbers.monthly_budget_usd or None
            self._read(name, self.dashboard, lambda: self.analytics.dashboard(flt, monthly_budget_usd=budget),
                       self.dashboard.show_dashboard, self.tr("Reading the dashboard"))
        elif name == "forecast":
            metric, weeks = self.forecast.metric_key(), self.forecast.weeks.value()
            self._read(name, self.forecast, lambda: self.analytics.forecast(metric, flt, weeks),
                       self.forecast.show_forecast, self.tr("Forecasting"))
        elif name == "roi":
            inputs = RoiInputs(self.numbers.hours_saved_per_image, self.numbers.hourly_rate_usd)
            self._read(name, self.roi, lambda: self.analytics.cost_benefit(flt, inputs), self.roi.show_rows,
                       self.tr("Reading cost and value per project"))
        elif name == "live":
            self.live.refresh()

    def _read(self, name: str, page: Any, work: Callable[[], Any], show: Callable[[Any], None],
              where: str) -> None:
        page.state.set_busy()

        def done(result: Any) -> None:
            page.state.set_idle()
            show(result)

        def failed(error: BaseException) -> None:
            self._stale.add(name)
            page.state.set_error(self.tr("%1 failed: %2").replace("%1", where).replace("%2", str(error)))

        self.reader.run(name, work, done, where=where, on_error=failed)

    def _rollups_ready(self, built: bool) -> None:
        if built:  # the same numbers, read faster: no need to redraw what is shown
            self._stale |= set(PAGES) - {self.current_page()}

    def _on_event(self, event: object) -> None:
        batch_news = isinstance(event, ev.BatchDidFinish | ev.AssetDidAdd | ev.BatchDidAdd)
        if batch_news and not self._after_event.isActive():
            self._after_event.start()

    def _data_changed(self) -> None:
        self._stale |= {"dashboard", "forecast", "roi"}
        self.load_options()
        if self.isVisible():
            self.refresh_current()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh_current()

    # -- settings ------------------------------------------------------------------------------
    def save_numbers(self, numbers: UserNumbers) -> None:
        budget_changed = numbers.monthly_budget_usd != self.numbers.monthly_budget_usd
        self.numbers = numbers
        section = dict(self.services.config.extra.get(SETTINGS_KEY) or {})
        section.update(numbers.to_settings())
        self.services.config.extra[SETTINGS_KEY] = section  # a later save of the window keeps it
        store = self.services.config_store

        def write() -> None:
            config = store.load()
            config.extra[SETTINGS_KEY] = {**(config.extra.get(SETTINGS_KEY) or {}), **section}
            store.save(config)

        self.writer.run(f"settings-{next(self._writes)}", write, lambda _r: None,
                        where=self.tr("Saving your numbers"),
                        on_error=lambda e: self.roi.state.set_error(str(e)))
        self._stale |= {"roi"} | ({"dashboard"} if budget_changed else set())
        self.refresh_current()

    # -- reports -------------------------------------------------------------------------------
    def generate_report(self, request: ReportRequest, path: Path) -> None:
        page = self.reports_page
        progress = page.progress_callback()
        page.report_started()
        self.reader.run("report", lambda: self.reports.generate(request, path, progress), page.report_finished,
                        where=self.tr("Writing the report"), on_error=page.report_failed)

    def load_schedules(self) -> None:
        self.writer.run("schedules", self.schedule_store.all, self.reports_page.show_schedules,
                        where=self.tr("Reading the report schedules"))

    def _write_schedules(self, work: Callable[[], Any]) -> None:
        def failed(error: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Report schedules"), str(error))

        self.writer.run(f"schedule-{next(self._writes)}", work, lambda _r: self.load_schedules(),
                        where=self.tr("Saving the report schedules"), on_error=failed)

    def edit_schedule(self, schedule: ReportSchedule | None) -> ScheduleDialog:
        dims = self.current_filter().dimensions
        folder = Path(self.services.root) / "reports"
        dialog = ScheduleDialog([t.key for t in self.reports.types()], folder, dims, schedule, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.save_schedule(dialog.schedule()))
        dialog.open()
        self.schedule_dialog = dialog
        return dialog

    def save_schedule(self, schedule: ReportSchedule) -> None:
        store = self.schedule_store
        self._write_schedules(lambda: store.save(schedule) if schedule.id is not None else store.add(schedule))

    def remove_schedule(self, schedule: ReportSchedule) -> None:
        if schedule.id is not None:
            schedule_id = schedule.id
            self._write_schedules(lambda: self.schedule_store.remove(schedule_id))

    def run_schedule_now(self, schedule: ReportSchedule) -> None:
        """Write a schedule's report now, off the GUI thread, with the page's progress."""
        if schedule.id is None:
            return
        page, runner, schedule_id = self.reports_page, self.services.schedules, schedule.id
        progress = page.progress_callback()

        def work() -> ReportResult:
            outcome = runner.run_now(schedule_id, progress)
            if outcome.path is None or outcome.error:
                raise ReportError(outcome.error or "no report was written")
            return ReportResult(outcome.path, schedule.report_type, schedule.format, schedule.template,
                                0, outcome.path.stat().st_size, 0.0)

        def done(result: ReportResult) -> None:
            page.report_finished(result)
            self.load_schedules()

        def failed(error: BaseException) -> None:
            page.report_failed(error)
            self.load_schedules()

        page.report_started()
        self.reader.run("report", work, done, where=self.tr("Writing the report"), on_error=failed)

    def set_schedule_enabled(self, schedule_id: int, enabled: bool) -> None:
        store = self.schedule_store

        def write() -> None:
            store.save(replace(store.get(schedule_id), enabled=enabled))

        self._write_schedules(write)

    # -- closing -------------------------------------------------------------------------------
    def shutdown(self) -> None:
        self.roi.flush()
        self.live.shutdown()
        self._after_event.stop()
        self.reader.close()


def _qdate(d: Any) -> QDate:
    return QDate(d.year, d.month, d.day)
