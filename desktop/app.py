"""The window's composition root: the Qt application, asyncio inside Qt (qasync), the core's
services, the queue engine as a background task, translations, theme and the main window,
and a clean shutdown. `main.py --smoke-test` opens it offscreen, checks it and exits.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop import __version__

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="Batch Image Generator window")
    parser.add_argument("--library", type=Path, metavar="DIR", help="library folder to open")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the window offscreen, check the store, providers and translations, exit")
    parser.add_argument("--profile", metavar="NAME", help="local profile to open (default: the last one used)")
    parser.add_argument("--no-welcome", action="store_true", help="never show the first-run welcome")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE",
                        help="prompt files to open (handed to the running window if there is one)")
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.core.config import ConfigStore
    from desktop.core.crash_report import CrashReporter
    from desktop.ui.crash_dialog import CrashNotifier

    owned = QApplication.instance() is None
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "main.py"])
    app.setApplicationName("Batch Image Generator")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("BatchImageGenerator")
    app.setDesktopFileName("batch-image-generator")
    app.setQuitOnLastWindowClosed(False)  # the session ends the loop after a clean shutdown
    config_store = ConfigStore()
    # Uncaught exceptions anywhere (GUI thread, workers, the asyncio loop) show a dialog and
    # leave a crash file without secrets in <config>/crashes/.
    notifier = CrashNotifier(app)
    reporter = CrashReporter(config_store.directory / "crashes", on_crash=notifier.notify).install()
    try:
        return _run(app, args, config_store, reporter, notifier)
    finally:
        reporter.uninstall()
        if owned:
            # Destroy Qt while Python still runs: otherwise Qt's exit handlers delete objects
            # Python made (an image copied to the clipboard) after the interpreter is gone.
            app.shutdown()


def _run(app: Any, args: argparse.Namespace, config_store: Any, reporter: Any, notifier: Any) -> int:
    """Welcome on first run, one instance per library, then window sessions: a restore from
    the Backups dialog ends a session, restores with the library closed and opens it again."""
    import qasync

    from desktop.core.services import build_services
    from desktop.ui.i18n import Translations
    from desktop.ui.single_instance import claim, send_to_running, server_name
    from desktop.ui.welcome.first_run import is_first_run, run_welcome

    translations = Translations(app)
    welcome = None
    try:
        library = args.library or config_store.load().library_dir()
        # A window already open on this library takes the files (and comes to the front).
        if not args.smoke_test and send_to_running(server_name(library), args.files):
            return 0
        if is_first_run(config_store) and not (args.smoke_test or args.no_welcome):
            welcome = run_welcome(config_store, translations)
            library = args.library or config_store.load().library_dir()
    except Exception as exc:
        return _startup_failed(app, args.smoke_test, f"Cannot read the settings: {exc}")
    guard = None if args.smoke_test else claim(library, args.files)
    if guard is None and not args.smoke_test:
        return 0  # the running instance has the files and comes to the front
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(reporter.loop_exception_handler)
    files, restored = list(args.files), None
    try:
        while True:
            try:
                services = build_services(library, config_store=config_store)
                if args.profile:  # a profile with a password opens behind the lock screen
                    services.profiles.start(args.profile)
            except Exception as exc:  # no window without a library: say why, plainly
                return _startup_failed(app, args.smoke_test, f"Cannot open the library: {exc}")
            reporter.redactor = services.redactor
            reporter.secrets = lambda s=services: [s.secrets.get(n) for n in s.secrets.names()]
            if welcome is not None:
                _store_welcome_key(services, welcome)
                welcome = None
            if restored is not None and restored.outcome is not None:
                from desktop.core.events import LibraryDidRestore

                services.events.publish(LibraryDidRestore(
                    str(restored.outcome.backup), str(restored.outcome.safety_copy or "")))
            session = WindowSession(app, services, smoke_test=args.smoke_test, translations=translations,
                                    files=files, instance=guard, crash=notifier, restored=restored)
            code = loop.run_until_complete(session.run())
            if session.restore_from is None:
                return code
            restored, files = _restore(library, session.restore_from), []
    finally:
        loop.close()
        asyncio.set_event_loop(None)
        if guard is not None:
            guard.close()


def _store_welcome_key(services: Any, welcome: Any) -> None:
    """The welcome's cloud key goes to the secrets store of the profile that opened."""
    if not (welcome.cloud_provider and welcome.cloud_key):
        return
    from desktop.core.provider_settings import apply_provider_settings, key_name

    try:
        services.secrets.set(key_name(welcome.cloud_provider), welcome.cloud_key)
        apply_provider_settings(services)
    except Exception:
        log.exception("could not store the key for %s", welcome.cloud_provider)


@dataclass
class RestoreResult:
    """What a restore between two sessions did, for the reopened window's banner."""

    backup: Path
    outcome: Any = None  # backup_schedule.RestoreOutcome when it worked
    error: str = ""


def _restore(library: Path, backup_file: Path) -> RestoreResult:
    """Runs with every connection closed (the session has shut down)."""
    from desktop.core.store.backup_schedule import BackupSchedule, RestoreError

    try:
        return RestoreResult(backup_file, BackupSchedule(library).restore(backup_file))
    except RestoreError as exc:
        log.error("restore failed: %s", exc)
        return RestoreResult(backup_file, error=str(exc))


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

    def __init__(self, app: object, services: object, smoke_test: bool = False, *,
                 translations: Any = None, files: Sequence[Path] = (), instance: Any = None,
                 crash: Any = None, restored: RestoreResult | None = None) -> None:
        from desktop.ui.appearance import Appearance
        from desktop.ui.i18n import Translations
        from desktop.ui.qt_bridge import QtBridge
        from desktop.ui.theme import ThemeManager

        self.app = app
        self.services = services
        self.smoke_test = smoke_test
        self.translations = translations or Translations(app)
        self.files = list(files)  # prompt files named on the command line
        self.instance = instance  # single_instance.SingleInstance: files from later starts
        self.crash = crash  # crash_dialog.CrashNotifier
        self.restored = restored  # what the restore before this session did
        self.restore_from: Path | None = None  # set when the user asks to restore a backup
        self.backups: Any = None  # backup_schedule.BackupSchedule
        self.backup_task: asyncio.Future | None = None
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
        from desktop.core.store.backup_schedule import BackupSchedule, BackupSettings

        self.window = MainWindow(self.services, self.bridge, self.appearance)
        self.window.closed.connect(self._closed.set)
        self.backups = BackupSchedule(self.services.root, BackupSettings.from_config(self.services.config))
        self.window.backups = self.backups
        self.window.restore_requested.connect(self._restore_requested)
        self._connect_instance(True)
        self.window.show()
        try:
            if self.smoke_test:
                return await self._smoke_checks()
            self._start_engine()
            self._start_background()
            self._show_restored()
            if self.files:
                self.window.open_files(self.files)
            # What exists now lives as long as the window: keep it out of the collector's
            # generations so a full collection does not stall scrolling through 100k images.
            gc.freeze()
            await self._closed.wait()
            return 0
        finally:
            await self.shutdown()

    def _connect_instance(self, on: bool) -> None:
        """Later starts hand their files here; a crash dialog sits on this window."""
        for signal, slot in ((getattr(self.instance, "files_received", None), self._files_received),
                             (getattr(self.crash, "quit_requested", None), self._quit_requested)):
            if signal is None:
                continue
            if on:
                signal.connect(slot)
            else:
                with contextlib.suppress(RuntimeError, TypeError):  # never connected
                    signal.disconnect(slot)
        if self.crash is not None:
            self.crash.parent_widget = self.window if on else None

    def _files_received(self, files: list[Path]) -> None:
        from desktop.ui.single_instance import bring_to_front

        if self.window is None:
            return
        bring_to_front(self.window)
        if files:
            self.window.open_files(files)

    def _quit_requested(self) -> None:
        if self.window is not None:
            self.window.close()

    def _restore_requested(self, backup_file: Path) -> None:
        """Restoring needs the library closed: end this session; `main` restores and opens
        the library again in a new one."""
        self.restore_from = Path(backup_file)
        if self.window is not None:
            self.window.close()

    def _show_restored(self) -> None:
        from PySide6.QtCore import QCoreApplication

        done = self.restored
        if done is None:
            return
        name, translate = done.backup.name, QCoreApplication.translate
        if done.error:
            error = done.error
            self.window.banner.show_message(lambda: translate(
                "WindowSession", "The backup %1 was not restored: %2").replace("%1", name).replace(
                "%2", error), "error")
            return
        safety = done.outcome.safety_copy.name if done.outcome.safety_copy else ""
        self.window.banner.show_message(lambda: translate(
            "WindowSession", "Restored the backup %1. The state before it was kept as %2: restore "
            "that backup to undo.").replace("%1", name).replace("%2", safety), "info", timeout_ms=30000)

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
        # Daily database backups (keep N), catching up at once when the last is over a day old.
        loop = asyncio.get_running_loop()
        self.backup_task = self.bridge.run_task(
            self.backups.run(self._background_stop, lambda work: loop.run_in_executor(services.executors.io, work)),
            QCoreApplication.translate("WindowSession", "Backing up the library"))

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
        tabs = [self.window.tabs.tabText(i) for i in range(self.window.tabs.count())]
        print(f"OK: library {services.root}; providers: {', '.join(names)}; translations: {', '.join(files)}; "
              f"tabs: {', '.join(tabs)}")
        return 0

    async def shutdown(self) -> None:
        engine = self.services.engine
        if engine is not None:
            engine.stop()
        self._background_stop.set()
        if self.health is not None:
            self.health.close()
        self._connect_instance(False)
        for task in (self.engine_task, self.schedule_task, self.health_task, self.backup_task):
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
