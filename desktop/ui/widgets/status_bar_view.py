"""The window's status bar: a dot per provider, the queue's state with a pause toggle, and
the sync indicator (`desktop.ui.sync.sync_indicator_view`: progress, errors, pause)."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QEvent, QSize, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QToolButton, QWidget

from desktop.core import events as ev
from desktop.core.provider_settings import describe, status_of
from desktop.ui import formatting as fmt
from desktop.ui.core_text import provider_status_text
from desktop.ui.qt_bridge import QtBridge
from desktop.ui.sync.sync_indicator_view import SyncIndicatorView
from desktop.ui.widgets.dot_icon import STATUS_COLORS, DotIcons

REFRESH_MS = 500


class ClickableLabel(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event: Any) -> None:
        self.clicked.emit()
        super().mouseReleaseEvent(event)


class StatusBarView(QStatusBar):
    """Provider dots (click: Settings), queue state and ETA, sync state."""

    settings_requested = Signal()  # about providers
    sync_settings_requested = Signal()
    pause_toggled = Signal(bool)  # the user asked to pause (True) or resume (False)

    def __init__(self, services: Any, bridge: QtBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bridge = bridge
        self.icons = DotIcons(STATUS_COLORS)
        self.provider_status: dict[str, tuple[str, str]] = {}  # name -> (status, detail)
        self.display_names: dict[str, str] = {}
        self._heard_while_loading: dict[str, tuple[str, str]] = {}  # statuses from events
        self.providers_box = QWidget(self)
        self.providers_layout = QHBoxLayout(self.providers_box)
        self.providers_layout.setContentsMargins(0, 0, 0, 0)
        self.queue_label = QLabel(self)
        self.pause_button = QToolButton(self)
        self.pause_button.setCheckable(True)
        self.pause_button.setAutoRaise(True)
        self.pause_button.toggled.connect(self._pause_clicked)
        self.sync_indicator = SyncIndicatorView(services, bridge, self)
        self.sync_indicator.settings_requested.connect(self.sync_settings_requested)
        self.sync_label = self.sync_indicator.label
        self.addWidget(self.providers_box)
        self.addPermanentWidget(self.queue_label)
        self.addPermanentWidget(self.pause_button)
        self.addPermanentWidget(self.sync_indicator)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh_queue)
        bridge.jobs_changed.connect(lambda _e: self._schedule())
        bridge.queue_state_changed.connect(self._queue_state)
        bridge.provider_status_changed.connect(self._provider_event)
        bridge.lane_blocked.connect(
            lambda e: self.set_provider_status(e.provider, "blocked", e.reason))
        self.paused = self._global_paused()
        self.retranslate()

    # -- providers ------------------------------------------------------------------------
    def load_providers(self) -> None:
        """Read each provider's configuration off the GUI thread, then draw the dots."""
        services = self.services
        self._heard_while_loading = {}

        async def work() -> dict[str, tuple[str, str]]:
            loop = asyncio.get_running_loop()
            found = {}
            for name in services.providers.names():
                info = await loop.run_in_executor(services.executors.io, describe, services, name)
                self.display_names[name] = info.display_name
                found[name] = (status_of(info), "")
            return found

        self.bridge.run_task(work(), self.tr("Reading provider settings"), on_done=self._providers_loaded,
                             owner=self)

    def _providers_loaded(self, found: dict[str, tuple[str, str]]) -> None:
        # A refused key or a dead server heard while the settings were read is newer than
        # them: it stays, or the dot would turn green again over a blocked provider.
        heard = self._heard_while_loading
        found.update({n: s for n, s in heard.items() if found.get(n, ("",))[0] != "unconfigured"})
        self._heard_while_loading = {}
        self.provider_status = found
        self._draw_providers()

    def set_provider_status(self, provider: str, status: str, detail: str = "") -> None:
        self.provider_status[provider] = (status, detail)
        self._heard_while_loading[provider] = (status, detail)
        self._draw_providers()

    def _provider_event(self, event: ev.ProviderStatusDidChange) -> None:
        self.set_provider_status(event.provider, event.status, event.detail)

    def _draw_providers(self) -> None:
        while self.providers_layout.count():
            widget = self.providers_layout.takeAt(0).widget()
            if widget is not None:
                widget.setObjectName("")  # so that lookups by name find only the new dots
                widget.hide()
                widget.deleteLater()
        shown = [(n, s, d) for n, (s, d) in self.provider_status.items() if s != "unconfigured"]
        if not shown:
            label = ClickableLabel(self.tr("No provider set up: open Settings"), self.providers_box)
            label.setObjectName("provider-none")
            label.clicked.connect(self.settings_requested)
            self.providers_layout.addWidget(label)
            return
        for name, status, detail in shown:
            label = ClickableLabel(self.providers_box)
            label.setObjectName(f"provider-{name}")
            shown_name = self.display_names.get(name, name)
            label.setText(shown_name)
            text = provider_status_text(status) + (f": {detail}" if detail else "")
            label.setToolTip(f"{shown_name}: {text}")
            label.setProperty("status", status)
            label.clicked.connect(self.settings_requested)
            icon = QLabel(self.providers_box)
            icon.setPixmap(self.icons.get(status).pixmap(QSize(12, 12)))
            icon.setToolTip(label.toolTip())
            self.providers_layout.addWidget(icon)
            self.providers_layout.addWidget(label)

    # -- queue ------------------------------------------------------------------------------
    def _global_paused(self) -> bool:
        engine = self.services.engine
        if engine is not None:
            return bool(engine.paused)
        return self.services.queue.commands.global_paused()

    def _schedule(self) -> None:
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _queue_state(self, event: ev.QueueDidChangeState) -> None:
        self.paused = event.paused
        self.refresh_queue()

    def _pause_clicked(self, checked: bool) -> None:
        if checked != self.paused:
            self.pause_toggled.emit(checked)

    def refresh_queue(self) -> None:
        counts = self.services.queue.queries.state_counts()
        running, pending = counts.get("running", 0), counts.get("pending", 0)
        failed = counts.get("failed", 0)
        if self.services.engine is None:
            head = self.tr("Queue run by another program (process %1)").replace(
                "%1", self.services.lock.owner())
        elif self.paused:
            head = self.tr("Queue paused")
        elif running or pending:
            head = self.tr("Queue running")
        else:
            head = self.tr("Queue idle")
        parts = [head]
        if running:
            parts.append(self.tr("%1 running").replace("%1", fmt.number(running)))
        if pending:
            parts.append(self.tr("%1 waiting").replace("%1", fmt.number(pending)))
        if failed:
            parts.append(self.tr("%1 failed").replace("%1", fmt.number(failed)))
        if (running or pending) and not self.paused:
            eta = self.services.queue.queue_eta()
            if eta:
                parts.append(self.tr("ETA %1").replace("%1", fmt.duration(eta)))
        self.queue_label.setText(" · ".join(parts))
        self.pause_button.blockSignals(True)
        self.pause_button.setChecked(self.paused)
        self.pause_button.blockSignals(False)
        self.pause_button.setText(self.tr("Resume queue") if self.paused else self.tr("Pause queue"))

    # -- sync -------------------------------------------------------------------------------
    def set_sync_state(self, text: str | None, tooltip: str = "") -> None:
        """Show a given (translated) sync text until the next sync event; None goes back."""
        self.sync_indicator.show_text(text, tooltip)

    def retranslate(self) -> None:
        self.pause_button.setToolTip(self.tr("Pause or resume the whole queue (Ctrl+Shift+P)"))
        self._draw_providers()
        self.refresh_queue()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

