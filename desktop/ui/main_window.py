"""The main window: tabs (Queue, Gallery, and whatever `add_tab` is given later), a
message banner, the status bar, menus, and prompt files dropped anywhere on it."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSystemTrayIcon,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import events as ev
from desktop.ui import formatting as fmt
from desktop.ui.appearance import Appearance
from desktop.ui.profiles.profiles_controller import ProfilesController
from desktop.ui.qt_bridge import QtBridge, TaskFailure
from desktop.ui.queue.queue_view import QueueView
from desktop.ui.resources import icon_path
from desktop.ui.settings.settings_dialog import SettingsDialog
from desktop.ui.widgets.banner_view import MessageBanner
from desktop.ui.widgets.file_drop import FileDropFilter
from desktop.ui.widgets.status_bar_view import StatusBarView
from desktop.ui.window_state import restore_tab, restore_window, save_window

log = logging.getLogger(__name__)
BATCH_NOTICE_MS = 20_000
# (attribute prefix, module, class, tab title): shown when the module is there.
OPTIONAL_TABS = (
    ("gallery", "desktop.ui.gallery.gallery_view", "GalleryView", QT_TRANSLATE_NOOP("MainWindow", "Gallery")),
    ("workflow", "desktop.ui.workflow.workflow_view", "WorkflowView", QT_TRANSLATE_NOOP("MainWindow", "Workflow")),
    ("analytics", "desktop.ui.analytics.analytics_view", "AnalyticsView",
     QT_TRANSLATE_NOOP("MainWindow", "Analytics")),
)


class MainWindow(QMainWindow):
    """`add_tab(widget, title_source_text)` adds a tab; titles are translated at run time."""

    closed = Signal()
    settings_opened = Signal(object)  # the SettingsDialog
    backups_opened = Signal(object)  # the BackupsDialog
    restore_requested = Signal(object)  # Path of a backup: the session restores and reopens

    def __init__(self, services: Any, bridge: QtBridge, appearance: Appearance | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.services, self.bridge, self.appearance = services, bridge, appearance
        self._tab_titles: list[tuple[QWidget, str, str]] = []  # widget, context, source text
        self.banner = MessageBanner(self)
        self.banner.action_triggered.connect(self._banner_action)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("MainTabs")
        self.tabs.setDocumentMode(True)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.status = StatusBarView(services, bridge, self)
        self.setStatusBar(self.status)
        self.status.settings_requested.connect(lambda: self.open_settings("providers"))
        self.status.sync_settings_requested.connect(lambda: self.open_settings("sync"))
        self.status.pause_toggled.connect(self.set_queue_paused)
        self.queue_view = QueueView(services, bridge, self)
        self.queue_view.asset_requested.connect(self.open_asset)
        self.add_tab(self.queue_view, QT_TRANSLATE_NOOP("MainWindow", "Queue"))
        self.backups: Any = None  # the core's BackupSchedule, set by the session (app.py)
        self.gallery_view: QWidget | None = None
        self.workflow_view: QWidget | None = None
        self.analytics_view: QWidget | None = None
        self._add_optional_tabs()
        self._connect_gallery()
        self.drops = FileDropFilter(self)
        self.drops.files_dropped.connect(self.open_files)
        self.drops.watch(self)
        self._build_menus()
        self.tray = self._make_tray()
        self.profiles_ui = ProfilesController(self)  # Profile menu, status bar switcher, lock screen
        bridge.task_failed.connect(self.show_failure)
        bridge.batch_finished.connect(self._batch_finished)
        bridge.budget_exceeded.connect(self._budget_exceeded)
        bridge.lane_blocked.connect(self._lane_blocked)
        icon = icon_path("app.svg")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.resize(1280, 800)
        restore_window(services.config.ui, self, self.tabs)
        self.retranslate()
        self.status.load_providers()

    # -- tabs -----------------------------------------------------------------------------
    def add_tab(self, widget: QWidget, title_source_text: str, context: str = "MainWindow") -> int:
        """Add a tab; `title_source_text` is the English title, marked for lupdate with
        QT_TRANSLATE_NOOP(context, "...") by the caller and translated here, now and on
        every language change. The widget's objectName names it in saved window state."""
        if not widget.objectName():
            widget.setObjectName(title_source_text)
        index = self.tabs.addTab(widget, QCoreApplication.translate(context, title_source_text))
        self._tab_titles.append((widget, context, title_source_text))
        if hasattr(self, "drops"):
            self.drops.watch(widget)
        restore_tab(self.services.config.ui, self.tabs)
        return index

    def _add_optional_tabs(self) -> None:
        """Tabs other issues build, each `View(services, bridge, parent)` in its own package;
        a tab whose package is missing is not shown, and a broken one is logged and left out
        so that the window still opens."""
        for area, module, name, title in OPTIONAL_TABS:
            view = None
            try:
                cls = getattr(importlib.import_module(module), name)
            except ModuleNotFoundError as exc:
                if exc.name is None or not module.startswith(exc.name):
                    log.exception("the %s tab could not be imported", area)
                cls = None  # not built yet: the tab is not shown
            except Exception:
                log.exception("the %s tab could not be imported", area)
                cls = None
            if cls is not None:
                try:
                    view = cls(self.services, self.bridge, self)
                    self.add_tab(view, title)
                except Exception:
                    log.exception("the %s tab could not be built", area)
                    view = None
            setattr(self, f"{area}_view", view)

    def _connect_gallery(self) -> None:
        """"Generate again" and "use as template" in the gallery hand the image's settings
        to the queue, which is where the user then sees them."""
        gallery = self.gallery_view
        if gallery is None or not hasattr(gallery, "rerun_requested"):
            return
        for signal, edit in ((gallery.rerun_requested, False), (gallery.template_requested, True)):
            signal.connect(lambda spec, edit=edit: self.requeue(spec, edit))

    def requeue(self, spec: object, edit: bool) -> None:
        self.tabs.setCurrentWidget(self.queue_view)
        self.queue_view.requeue(spec, edit=edit)

    def open_asset(self, asset_id: int) -> None:
        """"Show in gallery": switch to the Gallery tab and ask it to show the image."""
        if self.gallery_view is None:
            self.banner.show_message(lambda: self.tr("The gallery is not available in this version."),
                                     "info", timeout_ms=8000)
            return
        self.tabs.setCurrentWidget(self.gallery_view)
        show = getattr(self.gallery_view, "show_asset", None)
        if callable(show):
            show(asset_id)

    # -- menus ------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        self.settings_action = QAction(self)
        self.settings_action.setObjectName("action-settings")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(lambda _checked=False: self.open_settings())
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.pause_queue_action = QAction(self)
        self.pause_queue_action.setObjectName("action-pause-queue")
        self.pause_queue_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.pause_queue_action.triggered.connect(lambda: self.set_queue_paused(not self.status.paused))
        self.backups_action = QAction(self)
        self.backups_action.setObjectName("action-backups")
        self.backups_action.triggered.connect(self.open_backups)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.queue_view.open_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addAction(self.backups_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.queue_menu = self.menuBar().addMenu("")
        self.queue_menu.addAction(self.pause_queue_action)
        self.queue_menu.addSeparator()
        for action in self.queue_view.job_actions.actions.values():
            self.queue_menu.addAction(action)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.about_action)

    def _make_tray(self) -> QSystemTrayIcon | None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        tray = QSystemTrayIcon(self.windowIcon(), self)
        tray.show()
        return tray

    # -- commands ---------------------------------------------------------------------------
    def open_files(self, paths: list[Path]) -> None:
        self.tabs.setCurrentWidget(self.queue_view)
        self.queue_view.open_files(paths)

    def open_settings(self, page: str = "") -> SettingsDialog:
        """`page` ("providers", "sync") opens the dialog where the user's click was about."""
        dialog = SettingsDialog(self.services, self.bridge, self)
        dialog.show_page(page)
        dialog.applied.connect(self._settings_applied)
        dialog.open()
        self.settings_opened.emit(dialog)
        return dialog

    def open_backups(self) -> QWidget | None:
        """The Backups dialog; a restore it asks for is done by the session (app.py), which
        closes the library, restores and reopens it."""
        if self.backups is None:
            return None
        from desktop.ui.backups.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.services, self.bridge, self.backups, self)
        dialog.restore_requested.connect(self.restore_requested)
        dialog.open()
        self.backups_opened.emit(dialog)
        return dialog

    def _settings_applied(self) -> None:
        if self.appearance is not None:
            self.appearance.apply(self.services.config)
        self.status.load_providers()
        if self.banner.isVisible() and self.banner.action_key == "settings":
            self.banner.hide()  # saving the settings lets stopped providers take jobs again

    def set_queue_paused(self, paused: bool) -> None:
        where = self.tr("Pausing the queue") if paused else self.tr("Resuming the queue")
        self.bridge.run_task(self.services.queue.set_paused(paused), where)

    def _about(self) -> None:
        from desktop import __version__

        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About Batch Image Generator"),
                          self.tr("Batch Image Generator %1\nLibrary: %2").replace("%1", __version__)
                          .replace("%2", str(self.services.root)), QMessageBox.StandardButton.Close, self)
        box.open()

    # -- messages ------------------------------------------------------------------------------
    def show_failure(self, failure: TaskFailure) -> None:
        text = self.tr("%1 failed: %2").replace("%1", failure.where).replace("%2", failure.message)
        self.banner.show_message(text, "error", detail=failure.detail, title=text)

    def notify(self, title: str, text: str, level: str = "info",
               banner_text: Callable[[], str] | None = None) -> None:
        """A finished batch and similar news: the tray when there is one, the banner always."""
        if self.tray is not None:
            self.tray.showMessage(title, text)
        if self.banner.isVisible() and self.banner.level == "error" and self.banner.action_button.isVisible():
            return  # news must not hide an error the user still has to act on (a refused key)
        self.banner.show_message(banner_text or f"{title}: {text}", level, timeout_ms=BATCH_NOTICE_MS)

    def _batch_finished(self, event: ev.BatchDidFinish) -> None:
        found = self.services.queue.batches([event.batch_id])
        given = found[0].name if found else ""

        def title() -> str:
            name = given or self.tr("Batch %1").replace("%1", str(event.batch_id))
            return self.tr("“%1” finished").replace("%1", name)

        def text() -> str:
            return self.tr("%1 succeeded, %2 failed, %3 cancelled").replace(
                "%1", str(event.succeeded)).replace("%2", str(event.failed)).replace("%3", str(event.cancelled))

        self.notify(title(), text(), "warning" if event.failed else "info",
                    banner_text=lambda: self.tr("%1: %2").replace("%1", title()).replace("%2", text()))

    def _budget_exceeded(self, event: ev.BudgetDidExceed) -> None:
        self.banner.show_message(
            lambda: self.tr("Batch %1 paused: it reached its budget of %2 (spent %3).").replace(
                "%1", str(event.batch_id)).replace("%2", fmt.money(event.budget_usd)).replace(
                "%3", fmt.money(event.spent_usd)), "warning")

    def _lane_blocked(self, event: ev.LaneDidBlock) -> None:
        self.banner.show_message(
            lambda: self.tr("%1 stopped taking jobs: %2").replace(
                "%1", self.status.display_names.get(event.provider, event.provider)).replace("%2", event.reason),
            "error", action_key="settings", action_text=lambda: self.tr("Open Settings"))

    def _banner_action(self, key: str) -> None:
        if key == "settings":
            self.open_settings("providers")

    # -- language and closing ------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Batch Image Generator"))
        for widget, context, source in self._tab_titles:
            index = self.tabs.indexOf(widget)
            if index >= 0:
                self.tabs.setTabText(index, QCoreApplication.translate(context, source))
        self.file_menu.setTitle(self.tr("&File"))
        self.queue_menu.setTitle(self.tr("&Queue"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.settings_action.setText(self.tr("Settings…"))
        self.backups_action.setText(self.tr("Backups…"))
        self.quit_action.setText(self.tr("Quit"))
        self.pause_queue_action.setText(self.tr("Pause or resume the queue"))
        self.about_action.setText(self.tr("About"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "file_menu"):
            self.retranslate()
        super().changeEvent(event)

    def save_state(self) -> None:
        save_window(self.services.config.ui, self, self.tabs)
        try:
            self.services.config_store.save(self.services.config)
        except Exception:  # closing must not fail because the settings folder is read-only
            log.exception("could not save the window state")

    def shutdown_tabs(self) -> None:
        """Tabs with workers of their own (thumbnails, image loading) stop them here."""
        for index in range(self.tabs.count()):
            stop = getattr(self.tabs.widget(index), "shutdown", None)
            if callable(stop):
                try:
                    stop()
                except Exception:  # one tab failing to stop must not keep the others running
                    log.exception("a tab did not shut down cleanly")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.shutdown_tabs()
        if self.tray is not None:
            self.tray.hide()
        event.accept()
        self.closed.emit()
