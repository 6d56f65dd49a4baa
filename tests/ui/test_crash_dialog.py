"""An uncaught exception in a worker thread shows one crash dialog on the GUI thread with
copyable details and the crash file; more crashes are added to it; Quit asks to quit."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication

from desktop.core.crash_report import CrashReporter, list_reports
from desktop.ui.crash_dialog import CrashNotifier
from desktop.ui.i18n import Translations

KEY = "sk-live-ABCDEFGHIJKLMNOP0123"


def crash_in_thread(message: str) -> None:
    def work() -> None:
        raise RuntimeError(message)

    thread = threading.Thread(target=work, name="image-io_0")
    thread.start()
    thread.join()


def test_a_worker_crash_shows_a_dialog_with_the_details_and_the_file(qtbot, qapp, tmp_path: Path, artifacts_dir):
    notifier = CrashNotifier()
    reporter = CrashReporter(tmp_path / "crashes", on_crash=notifier.notify, secrets=lambda: [KEY]).install()
    try:
        with qtbot.waitSignal(notifier.dialog_shown, timeout=5000) as shown:
            crash_in_thread(f"thumbnail decoder broke while using {KEY}")
        dialog = shown.args[0]
        qtbot.waitExposed(dialog)
        [path] = list_reports(tmp_path / "crashes")
        assert str(path) in dialog.where.text()
        assert "RuntimeError: thumbnail decoder broke" in dialog.text()
        assert "thread image-io_0" in dialog.text()
        assert KEY not in dialog.text() and KEY not in path.read_text("utf-8")
        dialog.copy_button.click()
        assert QGuiApplication.clipboard().text() == dialog.text()
        dialog.grab().save(str(artifacts_dir / "crash_dialog_en.png"))

        translations = Translations(qapp)
        translations.apply("zh_TW")
        assert dialog.quit_button.text() == "結束"
        dialog.grab().save(str(artifacts_dir / "crash_dialog_zh_TW.png"))
        translations.apply("en")

        crash_in_thread("a second problem")  # the same dialog, two reports
        qtbot.waitUntil(lambda: len(dialog.reports) == 2, timeout=5000)
        assert dialog.heading.text().startswith("2 problems")
        with qtbot.waitSignal(notifier.quit_requested, timeout=1000):
            dialog.quit_button.click()
    finally:
        reporter.uninstall()
        QGuiApplication.clipboard().clear()
        if notifier.dialog is not None:
            notifier.dialog.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
