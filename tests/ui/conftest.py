"""Window tests: a qasync loop driven by pytest-qt's event processing, the core's services on
a fresh library with OpenAI pointed at a loopback fake, and helpers to await coroutines."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest
import qasync

from desktop.core.services import Services, build_services
from desktop.ui.qt_bridge import QtBridge
from tests.ui.scripted_server import ScriptedImageServer

TEST_KEY = "sk-test-0123456789abcdef"
# Closed loops and bridges stay referenced until the session ends: if the garbage collector
# freed their QObjects from a worker thread (it runs wherever it is triggered), Qt would
# stop their timers from the wrong thread and may crash.
_KEEP_ALIVE: list[Any] = []


def keep(obj: Any) -> Any:
    """Keep a Python-owned QObject alive for the session (see _KEEP_ALIVE)."""
    _KEEP_ALIVE.append(obj)
    return obj


@pytest.fixture(scope="session", autouse=True)
def clipboard_emptied_at_exit(qapp: Any) -> Iterator[None]:
    """A QMimeData made in Python and handed to the clipboard is deleted by Qt's exit
    handlers after the interpreter is gone, a segfault at exit; empty it while Python runs."""
    yield
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().clear()


@pytest.fixture
def qloop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """asyncio on Qt's loop: whatever processes Qt events (qtbot.waitUntil, waitSignal)
    also runs asyncio callbacks, as in the app."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    for task in asyncio.all_tasks(loop):
        task.cancel()
    qapp.processEvents()
    timer = loop._timer  # qasync's timer QObject: stop what is still scheduled, on this thread
    for timer_id in list(getattr(timer, "_SimpleTimer__callbacks", {})):
        timer.killTimer(timer_id)
    _KEEP_ALIVE.append(loop)
    loop._QEventLoop__is_running = False  # stop() would call app.exit(); pytest-qt owns the app
    asyncio.events._set_running_loop(None)
    loop.close()
    asyncio.set_event_loop(None)


def run(qtbot: Any, work: Coroutine[Any, Any, Any] | asyncio.Future[Any], timeout: int = 10_000) -> Any:
    """Await `work` on the qasync loop from a (synchronous) test."""
    task = asyncio.ensure_future(work)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


@pytest.fixture
def fake_openai() -> Iterator[ScriptedImageServer]:
    with ScriptedImageServer() as fake:
        yield fake


@pytest.fixture
def services(qloop: Any, qtbot: Any, tmp_path: Path, fake_openai: ScriptedImageServer) -> Iterator[Services]:
    env = {"OPENAI_BASE_URL": f"{fake_openai.url}/v1", "OPENAI_API_KEY": TEST_KEY}
    built = build_services(tmp_path / "lib", env=env)
    yield built
    if built.engine is not None:
        built.engine.stop()
    run(qtbot, built.aclose())


@pytest.fixture
def bridge(services: Services, qtbot: Any) -> Iterator[QtBridge]:
    made = QtBridge(services.events)
    yield made
    if services.engine is not None:
        services.engine.stop()
    run(qtbot, made.drain(timeout=5))
    made.cancel_all()
    made.close()
    _KEEP_ALIVE.append(made)


@pytest.fixture
def appearance(qapp: Any) -> Iterator[Any]:
    from desktop.ui.appearance import Appearance
    from desktop.ui.i18n import Translations
    from desktop.ui.theme import ThemeManager

    made = Appearance(Translations(qapp), ThemeManager(qapp))
    yield made
    made.translations.apply("en")
    made.theme.apply("light")


@pytest.fixture
def window(services: Services, bridge: QtBridge, appearance: Any, qtbot: Any) -> Iterator[Any]:
    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop.ui.main_window import MainWindow

    appearance.apply(services.config)
    made = MainWindow(services, bridge, appearance)
    made.show()
    qtbot.waitExposed(made)
    yield made
    # As the app shuts down: stop the engine, let background work end while its widgets
    # still exist, stop relaying events, then delete the window. (Not qtbot.addWidget: it
    # would delete the window before this runs.)
    made.close()
    if services.engine is not None:
        services.engine.stop()
    run(qtbot, bridge.drain(timeout=5))
    bridge.close()
    made.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def engine(services: Services, bridge: QtBridge) -> Any:
    """The queue engine running as the app runs it: a background task through the bridge."""
    running, _report = services.acquire_engine()
    assert running is not None
    bridge.run_task(running.run(poll=0.2), "Running the queue")
    return running


@pytest.fixture
def english_locale() -> Iterator[None]:
    """Numbers and money as the app shows them in English (the app always sets a locale)."""
    from PySide6.QtCore import QLocale

    from desktop.ui.i18n import locale_for

    before = QLocale()
    QLocale.setDefault(locale_for("en"))
    yield
    QLocale.setDefault(before)
