"""The window's composition root: the Qt application, asyncio inside Qt (qasync), the core's
services, the queue engine as a background task, translations, theme and the main window,
and a clean shutdown. `main.py --smoke-test` opens it offscreen, checks it and exits.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="Batch Image Generator window")
    parser.add_argument("--library", type=Path, metavar="DIR", help="library folder to open")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the window offscreen, check the store, providers and translations, exit")
    parser.add_argument("--profile", metavar="NAME", help="local profile to open (default: the last one used)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    from desktop.core.config import ConfigStore
    from desktop.core.services import build_services

    owned = QApplication.instance() is None
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "main.py"])
    app.setApplicationName("Batch Image Generator")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("BatchImageGenerator")
    app.setDesktopFileName("batch-image-generator")
    app.setQuitOnLastWindowClosed(False)  # the session ends the loop after a clean shutdown
    try:
        config_store = ConfigStore()
        library = args.library or config_store.load().library_dir()
        services = build_services(library, config_store=config_store)
        if args.profile:  # a profile with a password opens behind the lock screen
            services.profiles.start(args.profile)
    except Exception as exc:  # no window without a library: say why, plainly
        return _startup_failed(app, args.smoke_test, f"Cannot open the library: {exc}")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    session = WindowSession(app, services, smoke_test=args.smoke_test)
    try:
        return loop.run_until_complete(session.run())
    finally:
        loop.close()
        asyncio.set_event_loop(None)
        if owned:
            # Destroy Qt while Python still runs: otherwise Qt's exit handlers delete objects
            # Python made (an image copied to the clipboard) after the interpreter is gone.
            app.shutdown()


def warm_up_imports() -> None:
    """Import now what the first provider call would import lazily (anyio's asyncio backend):
    with PySide loaded every first import inspects its module's source, a stall the user
    would feel while the first job starts."""
    import importlib

    for name in ("anyio._backends._asyncio", "httpcore._async.connection_pool"):
        try:
            importlib.import_module(name)
        except ImportError:
            log.debug("nothing to warm up: %s", name)


def _startup_failed(app: object, smoke_test: bool, message: str) -> int:
    print(message, file=sys.stderr)
    if not smoke_test:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Batch Image Generator", message)
    return 1


class WindowSession:
    """One run of the window over one set of services, from start to clean shutdown."""

    def __init__(self, app: object, services: object, smoke_test: bool = False) -> None:
        from desktop.ui.appearance import Appearance
        from desktop.ui.i18n import Translations
        from desktop.ui.qt_bridge import QtBridge
        from desktop.ui.theme import ThemeManager

        self.app = app
        self.services = services
        self.smoke_test = smoke_test
        self.translations = Translations(app)
        self.theme = ThemeManager(app)
        self.appearance = Appearance(self.translations, self.theme)
        self.bridge = QtBridge(services.events)
        self.window = None
        self.engine_task: asyncio.Future | None = None
        self.schedule_task: asyncio.Future | None = None
        self.health_task: asyncio.Future | None = None
        self.health = None
        self._background_stop = asyncio.Event()
        self._closed = asyncio.Event()

    async def run(self) -> int:
        from desktop.ui.main_window import MainWindow

        self.appearance.apply(self.services.config)
        warm_up_imports()
        self.window = MainWindow(self.services, self.bridge, self.appearance)
        self.window.closed.connect(self._closed.set)
        self.window.show()
        try:
            if self.smoke_test:
                return await self._smoke_checks()
            self._start_engine()
            self._start_background()
            # What exists now lives as long as the window: keep it out of the collector's
            # generations so a full collection does not stall scrolling through 100k images.
            gc.freeze()
            await self._closed.wait()
            return 0
        finally:
            await self.shutdown()

    def _start_engine(self) -> None:
        from PySide6.QtCore import QCoreApplication

        window, services = self.window, self.services
        engine, report = services.acquire_engine()
        if engine is None:
            owner = services.lock.owner()
            window.banner.show_message(lambda: QCoreApplication.translate(
                "WindowSession", "Another program (process %1) is running this library's queue. "
                "You can add and watch jobs here; they run there.").replace("%1", owner), "warning")
        else:
            where = QCoreApplication.translate("WindowSession", "Running the queue")
            self.engine_task = self.bridge.run_task(engine.run(), where)
            if report is not None and report.changed:
                requeued, adopted = str(len(report.requeued)), str(len(report.adopted))
                window.banner.show_message(lambda: QCoreApplication.translate(
                    "WindowSession", "Recovered after an interrupted run: %1 job(s) back in the "
                    "queue, %2 finished from images already on disk.").replace("%1", requeued).replace(
                    "%2", adopted), "info", timeout_ms=15000)
        window.status.refresh_queue()

    def _start_background(self) -> None:
        """Sync to the configured destinations and run due report schedules (catching up
        what was missed while the app was closed)."""
        from PySide6.QtCore import QCoreApplication

        from desktop.core.provider_settings import describe, status_of
        from desktop.core.providers.health_monitor import ProviderHealthMonitor
        from desktop.core.reports.scheduler import run_schedules

        services = self.services
        services.sync.start()
        self.health = ProviderHealthMonitor(
            services.providers, services.events,
            lambda name: status_of(describe(services, name)) != "unconfigured",
            observed=services.queue.queries.recent_calls)
        self.health_task = self.bridge.run_task(
            self.health.run(self._background_stop),
            QCoreApplication.translate("WindowSession", "Checking providers"))
        where = QCoreApplication.translate("WindowSession", "Running scheduled reports")
        self.schedule_task = self.bridge.run_task(
            run_schedules(services.schedules, services.executors.io, stop=self._background_stop), where)

    async def _smoke_checks(self) -> int:
        from PySide6.QtCore import QCoreApplication

        services = self.services
        try:
            services.queue.queries.state_counts()
            names = services.providers.names()
            if not names:
                raise RuntimeError("the provider registry lists no providers")
            setting = services.config.language
            self.translations.apply("zh_TW")
            translated = QCoreApplication.translate("MainWindow", "Queue")
            files = list(self.translations.loaded)
            self.translations.apply(setting)
            if translated == "Queue":
                raise RuntimeError(f"the zh_TW translation did not load (files: {files or 'none'})")
            await asyncio.sleep(0.05)
        except Exception as exc:
            print(f"smoke test failed: {exc}", file=sys.stderr)
            return 1
        print(f"OK: library {services.root}; providers: {', '.join(names)}; translations: {', '.join(files)}")
        return 0

    async def shutdown(self) -> None:
        engine = self.services.engine
        if engine is not None:
            engine.stop()
        self._background_stop.set()
        if self.health is not None:
            self.health.close()
        for task in (self.engine_task, self.schedule_task, self.health_task):
            if task is not None:
                await asyncio.gather(task, return_exceptions=True)
        await self.bridge.drain()
        self.bridge.close()
        if self.window is not None:
            # The window's refresh timers must not read the store once it is closed.
            from PySide6.QtCore import QCoreApplication, QEvent

            self.window.hide()
            self.window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            self.window = None
        await self.services.aclose()
