"""The status bar's sync indicator: progress while a pass runs, problems when a destination
fails, the backlog when idle, and a pause/resume switch for the background sync.

Progress comes from `SyncDidProgress` events; after a destination's pass ends ("done"),
its state is read again (`SyncService.status()`, off the GUI thread) for the backlog and
the last error. A failure of the background loop itself arrives as `TaskDidFail("sync")`.
"""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QStyle, QToolButton, QWidget

from desktop.core import events as ev
from desktop.core.sync.report import DestinationStatus
from desktop.ui import formatting as fmt

STATUS_DELAY_MS = 300  # after a pass ends: the service notes its result just after the event
ERROR_COLOR = "#d32f2f"


class SyncStateLabel(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class SyncIndicatorView(QWidget):
    """"Sync: 12 of 40", "Sync: up to date", "Sync paused", "Sync problem: team"...; the
    toggle pauses and resumes `services.sync`; a click opens Settings."""

    settings_requested = Signal()
    paused_changed = Signal(bool)

    def __init__(self, services: Any, bridge: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SyncIndicator")
        self.sync = getattr(services, "sync", None)
        self.executor = services.executors.io if self.sync is not None else None
        self.bridge = bridge
        self.progress: dict[str, ev.SyncDidProgress] = {}  # destination -> its latest event
        self.statuses: list[DestinationStatus] | None = None  # None until read once
        self.failure: str | None = None  # the background loop's last failure
        self._override: tuple[str, str] | None = None
        self._reading = False
        self.label = SyncStateLabel(self)
        self.label.setObjectName("SyncState")
        self.label.clicked.connect(self.settings_requested)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("SyncPauseToggle")
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self.set_paused)
        for widget in (self.label, self.toggle):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(
                lambda pos, w=widget: self._menu(w.mapToGlobal(pos)))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.toggle)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(STATUS_DELAY_MS)
        self._status_timer.timeout.connect(self.refresh)
        bridge.sync_progressed.connect(self._progressed)
        bridge.task_failed.connect(self._task_failed)
        bridge.event_arrived.connect(self._event_arrived)
        self.draw()
        if self.sync is not None:
            self.refresh()

    # -- state ------------------------------------------------------------------------------
    @property
    def paused(self) -> bool:
        return bool(self.sync is not None and self.sync.paused)

    def running(self) -> list[ev.SyncDidProgress]:
        return [e for e in self.progress.values() if e.detail != "done" and e.total]

    def problems(self) -> list[tuple[str, str]]:
        """(destination, message) for each destination whose last pass failed."""
        found = [(s.name, s.last_error) for s in self.statuses or [] if s.last_error]
        named = {name for name, _ in found}
        for e in self.progress.values():  # an error the status read has not caught up with
            if e.detail == "done" and e.errors and e.destination not in named:
                found.append((e.destination, ""))
        if self.failure:
            found.append(("", self.failure))
        return found

    def set_paused(self, paused: bool) -> None:
        if self.sync is None or paused == self.sync.paused:
            self.draw()
            return
        if paused:
            self.sync.pause()
        else:
            self.sync.resume()
        self.paused_changed.emit(paused)
        self.draw()

    def show_text(self, text: str | None, tooltip: str = "") -> None:
        """Show a given (translated) text until the next sync event; None goes back."""
        self._override = (text, tooltip) if text else None
        self.draw()

    # -- events -----------------------------------------------------------------------------
    def _progressed(self, event: ev.SyncDidProgress) -> None:
        self._override = None
        self.progress[event.destination] = event
        if event.detail == "done":
            if not event.errors and not any(e.errors for e in self.progress.values()):
                self.failure = None
            self._status_timer.start()
        self.draw()

    def _event_arrived(self, event: object) -> None:
        # A destination was added, changed or removed (an event newer than this module).
        if type(event).__name__ == "SyncDestinationDidChange":
            self._status_timer.start()

    def _task_failed(self, failure: Any) -> None:
        if getattr(failure, "where", "") == "sync":
            self.failure = failure.message
            self.draw()

    def refresh(self) -> None:
        """Read every destination's backlog and last error off the GUI thread."""
        if self.sync is None or self._reading:
            return
        self._reading = True
        sync, executor = self.sync, self.executor

        async def read() -> list[DestinationStatus]:
            return await asyncio.get_running_loop().run_in_executor(executor, sync.status)

        self.bridge.run_task(read(), self.tr("Reading the sync state"), on_done=self._statuses_read,
                             on_error=lambda _exc: setattr(self, "_reading", False), owner=self)

    def _statuses_read(self, statuses: list[DestinationStatus]) -> None:
        self._reading = False
        self.statuses = statuses
        names = {s.name for s in statuses}
        self.progress = {k: v for k, v in self.progress.items() if k in names}
        self.draw()

    # -- drawing ----------------------------------------------------------------------------
    def draw(self) -> None:
        text, tip, error = self._describe()
        if self._override is not None:
            text, tip = self._override
        self.label.setText(text)
        self.label.setToolTip(tip)
        self.label.setProperty("state", "error" if error else "")
        self.label.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")
        has_destinations = bool(self.sync is not None and (self.statuses or self.progress))
        self.toggle.setVisible(has_destinations or self.paused)
        self.toggle.blockSignals(True)
        self.toggle.setChecked(self.paused)
        self.toggle.blockSignals(False)
        icon = QStyle.StandardPixmap.SP_MediaPlay if self.paused else QStyle.StandardPixmap.SP_MediaPause
        self.toggle.setIcon(self.style().standardIcon(icon))
        if self.paused:
            self.toggle.setToolTip(self.tr("Sync is paused: click to resume it."))
            self.toggle.setAccessibleName(self.tr("Resume sync"))
        else:
            self.toggle.setToolTip(self.tr("Sync runs in the background: click to pause it "
                                           "(transfers already under way finish first)."))
            self.toggle.setAccessibleName(self.tr("Pause sync"))

    def _describe(self) -> tuple[str, str, bool]:
        """(label text, tool tip, whether it shows a problem)."""
        if self.sync is None or (not self.statuses and not self.progress):  # none, or not read yet
            return (self.tr("Sync: not set up"),
                    self.tr("No sync destination yet: add one in Settings → Sync."), False)
        running, problems = self.running(), self.problems()
        waiting = sum(s.pending + s.failing for s in self.statuses or [])
        if self.paused:
            head = self.tr("Sync is paused: nothing is uploaded or downloaded until you resume it.")
            text = self.tr("Sync paused")
            if waiting:
                text += " · " + self.tr("%1 waiting").replace("%1", fmt.number(waiting))
        elif running:
            done, total = sum(e.done for e in running), sum(e.total for e in running)
            head = self.tr("Sync is running in the background.")
            text = self.tr("Sync: %1 of %2").replace("%1", fmt.number(done)).replace("%2", fmt.number(total))
            errors = sum(e.errors for e in running)
            if errors:
                text += " · " + self.tr("%1 failed").replace("%1", fmt.number(errors))
        elif problems:
            names = sorted({name for name, _ in problems if name})
            head = self.tr("Sync ran into a problem; it tries again on its own.")
            text = (self.tr("Sync problem: %1").replace("%1", ", ".join(names)) if names
                    else self.tr("Sync problem"))
        elif waiting:
            head = self.tr("Sync runs in the background.")
            text = self.tr("Sync: %1 waiting").replace("%1", fmt.number(waiting))
        else:
            head = self.tr("Sync runs in the background.")
            text = self.tr("Sync: up to date")
        lines = [head, *self._destination_lines()]
        for name, message in problems:
            if message:
                lines.append((f"{name}: " if name else "") + message)
        return text, "\n".join(lines), bool(problems) and not running

    def _destination_lines(self) -> list[str]:
        lines = []
        for s in self.statuses or []:
            line = self.tr("%1: %2 verified, %3 waiting, last run %4").replace("%1", s.name).replace(
                "%2", fmt.number(s.verified_objects)).replace("%3", fmt.number(s.pending + s.failing)).replace(
                "%4", fmt.date_time(s.last_run_at))
            lines.append(line)
        return lines

    # -- menu -------------------------------------------------------------------------------
    def _menu(self, at: QPoint) -> None:
        menu = QMenu(self)
        menu.setObjectName("SyncMenu")
        toggle = menu.addAction(self.tr("Resume sync") if self.paused else self.tr("Pause sync"))
        toggle.setEnabled(self.sync is not None)
        toggle.triggered.connect(lambda: self.set_paused(not self.paused))
        now = menu.addAction(self.tr("Sync now"))
        now.setEnabled(self.sync is not None and not self.paused)
        now.triggered.connect(self.sync_now)
        menu.addSeparator()
        menu.addAction(self.tr("Sync settings…")).triggered.connect(self.settings_requested)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(at)
        self.menu = menu  # for tests

    def sync_now(self) -> None:
        if self.sync is not None:
            self.bridge.run_task(self.sync.run_once(), self.tr("Syncing now"), owner=self)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.draw()
        super().changeEvent(event)
