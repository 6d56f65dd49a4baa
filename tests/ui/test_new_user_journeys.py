"""A new designer's day with the real window, offscreen: the first start, a Big5 prompt file
dropped on the window, the gallery, the workflow and analytics tabs, both languages and both
themes, and the errors a designer meets (a revoked key, a dead provider, a broken image).
Screenshots go to the artifacts folder as journey_*.png for people to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QWizard

from desktop.core.config import ConfigStore
from desktop.core.services import Services, build_services
from desktop.ui.qt_bridge import QtBridge
from tests.ui.conftest import TEST_KEY, keep, run
from tests.ui.scripted_server import ScriptedImageServer

WAIT = 15_000


def _close_window(qtbot: Any, made: Any, services: Services, bridge: QtBridge) -> None:
    made.close()
    if services.engine is not None:
        services.engine.stop()
    run(qtbot, bridge.drain(timeout=5))
    bridge.close()
    made.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def first_start(qloop: Any, qtbot: Any, tmp_path: Path, appearance: Any) -> Iterator[dict[str, Any]]:
    """The app's first start as app.py runs it: the welcome (skipped), then services with no
    key anywhere, then the window."""
    from desktop.ui.i18n import Translations
    from desktop.ui.main_window import MainWindow
    from desktop.ui.welcome.first_run import is_first_run, run_welcome
    from desktop.ui.welcome.welcome_wizard import WelcomeWizard

    store = ConfigStore(tmp_path / "settings")
    assert is_first_run(store)
    seen: list[Any] = []

    def press_skip() -> None:
        wizard = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, WelcomeWizard) and w.isVisible()), None)
        if wizard is None:
            QTimer.singleShot(20, press_skip)
            return
        seen.append(wizard.button(QWizard.WizardButton.CustomButton1).text())
        wizard.button(QWizard.WizardButton.CustomButton1).click()

    QTimer.singleShot(20, press_skip)
    choices = run_welcome(store, Translations(QApplication.instance()))
    services = build_services(tmp_path / "first-lib", config_store=store, env={})
    bridge = keep(QtBridge(services.events))
    appearance.apply(services.config)
    window = MainWindow(services, bridge, appearance)
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    yield {"choices": choices, "skip_text": seen, "services": services, "bridge": bridge,
           "window": window, "store": store}
    _close_window(qtbot, window, services, bridge)
    run(qtbot, services.aclose())


def test_first_start_skip_the_welcome_then_set_a_key_in_settings_and_generate(
        qtbot: Any, first_start: dict[str, Any], fake_openai: ScriptedImageServer, artifacts_dir: Path) -> None:
    services, window, bridge = first_start["services"], first_start["window"], first_start["bridge"]
    assert first_start["choices"].skipped and first_start["skip_text"] == ["Skip"]
    assert first_start["store"].path.exists()  # the welcome does not come back
    window.grab().save(str(artifacts_dir / "journey_1_first_window_en.png"))
    qtbot.waitUntil(lambda: "openai" in window.status.provider_status, timeout=WAIT)
    assert window.status.provider_status["openai"][0] != "ready"  # no key yet

    opened: list[Any] = []
    window.settings_opened.connect(opened.append)
    window.settings_action.trigger()
    dialog = opened[-1]
    qtbot.waitUntil(lambda: "openai" in dialog.forms, timeout=WAIT)
    form = dialog.forms["openai"]
    form.key_edit.setText(TEST_KEY)
    form.url_edit.setText(f"{fake_openai.url}/v1")
    with qtbot.waitSignal(form.tested, timeout=WAIT):
        form.test_button.click()
    assert form.test_result.text().startswith("Connected in "), form.test_result.text()
    dialog.grab().save(str(artifacts_dir / "journey_1_settings_tested_en.png"))
    with qtbot.waitSignal(dialog.applied, timeout=WAIT):
        dialog.save()
    assert services.secrets.get("openai.api_key") == TEST_KEY
    assert services.config.provider("openai").base_url == f"{fake_openai.url}/v1"
    qtbot.waitUntil(lambda: window.status.provider_status["openai"][0] == "ready", timeout=WAIT)

    running, _report = services.acquire_engine()
    bridge.run_task(running.run(poll=0.2), "Running the queue")
    editor = window.queue_view.editor
    editor.editor.setPlainText("a paper lantern over a {red|blue} river")
    with qtbot.waitSignal(window.queue_view.preview_opened, timeout=WAIT) as shown:
        editor.preview_button.click()
    preview = shown.args[0]
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=WAIT)
    assert preview.jobs_model.rowCount() == 2
    preview.grab().save(str(artifacts_dir / "journey_1_typed_preview_en.png"))
    with qtbot.waitSignal(preview.queued, timeout=WAIT):
        preview.ok_button.click()
    qtbot.waitUntil(lambda: services.queue.queries.state_counts().get("succeeded") == 2, timeout=WAIT)
    assert sum(fake_openai.served.values()) == 2


def test_a_window_built_before_the_queue_starts_says_the_queue_is_idle_not_run_elsewhere(
        qtbot: Any, services: Services, bridge: QtBridge, appearance: Any) -> None:
    from desktop.ui.main_window import MainWindow

    made = MainWindow(services, bridge, appearance)  # app.py builds the window, then the engine
    made.show()
    try:
        running, _report = services.acquire_engine()
        bridge.run_task(running.run(poll=0.2), "Running the queue")
        qtbot.waitUntil(lambda: made.status.queue_label.text().startswith("Queue idle"), timeout=3000)
    finally:
        _close_window(qtbot, made, services, bridge)
