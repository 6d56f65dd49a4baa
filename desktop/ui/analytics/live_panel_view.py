"""Live monitoring while batches run: throughput now (images a minute over a sliding
window), jobs in flight per provider, recent errors, and this process's CPU and memory.

The core's `LiveMonitor` listens to the queue's events and reads small counts from the
store; this panel re-reads its snapshot in a worker shortly after each burst of queue
events, and every few seconds while it is on screen (CPU and the sliding window move
even when no event arrives)."""

from __future__ import annotations

from collections import deque
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import events as ev
from desktop.core.analytics.live import LiveMonitor, LiveSnapshot
from desktop.ui import core_text
from desktop.ui import formatting as fmt
from desktop.ui.analytics.chart_view import colour, later
from desktop.ui.analytics.query_runner import QueryRunner

WINDOW_S = 300.0  # the sliding window of "throughput now"
TICK_MS = 3000  # re-read while visible
EVENT_DELAY_MS = 400  # after a burst of queue events
HISTORY_POINTS = 120
QUEUE_EVENTS = (ev.JobsDidChange, ev.AssetDidAdd, ev.BatchDidFinish, ev.BatchDidAdd, ev.LaneDidBlock,
                ev.ProviderStatusDidChange, ev.QueueDidChangeState, ev.TaskDidFail)


class LivePanelView(QWidget):
    def __init__(self, analytics: Any, events: ev.EventBus, runner: QueryRunner, bridge: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AnalyticsLive")
        self.runner = runner
        self.monitor: LiveMonitor = analytics.live_monitor(events, window_s=WINDOW_S)
        self.monitor.start()
        self.snapshot: LiveSnapshot | None = None
        self.refreshes = 0  # snapshots shown, for tests and the status line
        self.history: deque[tuple[float, float]] = deque(maxlen=HISTORY_POINTS)

        self.throughput = QLabel("—", self)
        self.throughput.setObjectName("LiveThroughput")
        big = self.throughput.font()
        big.setPointSizeF(big.pointSizeF() * 2)
        big.setBold(True)
        self.throughput.setFont(big)
        self.throughput_note = QLabel(self)
        self.pending = QLabel("—", self)
        self.pending.setObjectName("LivePending")
        self.queue_state = QLabel("—", self)
        self.cpu = QLabel("—", self)
        self.cpu.setObjectName("LiveCpu")
        self.memory = QLabel("—", self)
        self.memory.setObjectName("LiveMemory")
        self.form = QFormLayout()
        self.form_labels = [QLabel(self) for _ in range(4)]
        for label, value in zip(self.form_labels, (self.pending, self.queue_state, self.cpu, self.memory), strict=True):
            self.form.addRow(label, value)
        self.spark = pg.PlotWidget(self)
        self.spark.setObjectName("LiveSpark")
        self.spark.setMinimumHeight(140)
        self.spark.setMenuEnabled(False)
        self.spark.setMouseEnabled(False, False)
        self.spark.hideButtons()
        self.spark.getAxis("bottom").setStyle(showValues=False)
        self.spark_curve = self.spark.plot([], [], pen=pg.mkPen(colour(0), width=2))

        self.flight = self._table(3, "LiveInFlight")
        self.errors = self._table(4, "LiveErrors")
        self.errors.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.flight_box = QGroupBox(self)
        QVBoxLayout(self.flight_box).addWidget(self.flight)
        self.errors_box = QGroupBox(self)
        QVBoxLayout(self.errors_box).addWidget(self.errors)
        self.now_box = QGroupBox(self)
        now_layout = QVBoxLayout(self.now_box)
        now_layout.addWidget(self.throughput)
        now_layout.addWidget(self.throughput_note)
        now_layout.addWidget(self.spark, 1)
        now_layout.addLayout(self.form)
        top = QHBoxLayout()
        top.addWidget(self.now_box, 2)
        top.addWidget(self.flight_box, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 3)
        layout.addWidget(self.errors_box, 2)

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.refresh)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(EVENT_DELAY_MS)
        self._soon.timeout.connect(self.refresh)
        bridge.event_arrived.connect(self._on_event)
        self.apply_palette()
        self.retranslate()

    def _table(self, columns: int, name: str) -> QTableWidget:
        table = QTableWidget(0, columns, self)
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # -- text and theme ------------------------------------------------------------------
    def retranslate(self) -> None:
        self.now_box.setTitle(self.tr("Now"))
        self.flight_box.setTitle(self.tr("Jobs in flight per provider"))
        self.errors_box.setTitle(self.tr("Recent errors"))
        minutes = fmt.number(int(WINDOW_S // 60))
        self.throughput_note.setText(self.tr("images a minute, over the last %1 minutes").replace("%1", minutes))
        for label, text in zip(self.form_labels, (self.tr("Waiting in the queue:"), self.tr("Queue:"),
                                                  self.tr("CPU (this app):"), self.tr("Memory (this app):")),
                               strict=True):
            label.setText(text)
        self.flight.setHorizontalHeaderLabels([self.tr("Provider"), self.tr("Running"), self.tr("State")])
        self.errors.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Provider"), self.tr("Cause"),
                                               self.tr("Message")])
        if self.snapshot is not None:
            self.show_snapshot(self.snapshot)

    def apply_palette(self) -> None:
        palette = self.palette()
        self.spark.setBackground(palette.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom"):
            axis = self.spark.getAxis(name)
            axis.setPen(pg.mkPen(palette.color(QPalette.ColorRole.WindowText)))
            axis.setTextPen(pg.mkPen(palette.color(QPalette.ColorRole.WindowText)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            later(self, self.apply_palette)
        super().changeEvent(event)

    # -- refreshing ------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self._tick.start()
        self.refresh()

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        super().hideEvent(event)
        self._tick.stop()

    def _on_event(self, event: object) -> None:
        if isinstance(event, QUEUE_EVENTS) and not self._soon.isActive():
            self._soon.start()

    def refresh(self) -> None:
        self.runner.run("live", self.monitor.snapshot, self.show_snapshot, where=self.tr("Reading live numbers"))

    def show_snapshot(self, snap: LiveSnapshot) -> None:
        self.snapshot = snap
        self.refreshes += 1
        per_minute = snap.images_in_window / (snap.window_s / 60.0)
        self.throughput.setText(fmt.number(per_minute, 1))
        if not self.history or self.history[-1][0] != snap.at:
            self.history.append((snap.at, per_minute))
        first = self.history[0][0]
        self.spark_curve.setData([t - first for t, _ in self.history], [v for _, v in self.history])
        self.spark.setYRange(0, max(1.0, max(v for _, v in self.history)) * 1.15)
        self.pending.setText(fmt.number(snap.pending))
        self.queue_state.setText(self._queue_text(snap))
        self.cpu.setText(fmt.number(snap.cpu_percent, 0) + "%")
        self.memory.setText(self.tr("%1 MB").replace("%1", fmt.number(snap.rss_mb, 0)))
        providers = sorted(set(snap.in_flight) | set(snap.blocked) | set(snap.provider_status))
        self.flight.setRowCount(len(providers))
        for row, provider in enumerate(providers):
            state = (self.tr("Stopped: %1").replace("%1", snap.blocked[provider]) if provider in snap.blocked
                     else core_text.provider_status_text(snap.provider_status.get(provider, "ok")))
            self._set_row(self.flight, row, [provider, fmt.number(snap.in_flight.get(provider, 0)), state])
        self.errors.setRowCount(len(snap.recent_errors))
        for row, error in enumerate(snap.recent_errors):
            cause = self.tr("Background task") if error.error_kind == "task" else core_text.error_reason(error.error_kind)
            self._set_row(self.errors, row, [fmt.date_time(error.at), error.provider, cause, error.message])
        self.flight.resizeColumnsToContents()
        for column in range(3):
            self.errors.resizeColumnToContents(column)

    def _queue_text(self, snap: LiveSnapshot) -> str:
        if snap.queue_running is None:
            return self.tr("No news from the queue yet")
        if snap.queue_paused:
            return self.tr("Paused")
        return self.tr("Running") if snap.queue_running else self.tr("Stopped")

    @staticmethod
    def _set_row(table: QTableWidget, row: int, values: list[str]) -> None:
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column == 1 and table.objectName() == "LiveInFlight":
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)

    def shutdown(self) -> None:
        self._tick.stop()
        self._soon.stop()
        self.monitor.stop()
