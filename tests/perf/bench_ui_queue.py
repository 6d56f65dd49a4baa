"""Event-loop stalls in the window while a 1,000-job batch runs against a fast fake provider.

A QTimer probe ticks every 5 ms on the GUI thread; the longest gap between ticks beyond the
interval is the longest time the window could not repaint or answer a click (goal < 50 ms).
The whole window is open (Queue tab showing the table, batches, status bar; the other tabs
as the app builds them), the engine runs as the app runs it, and jobs are queued the way the
preview dialog queues them. Prints the longest stall, the 99th percentile and how many ticks
were late by more than 50 ms, for queueing and for running.
Run: QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python tests/perf/bench_ui_queue.py [jobs]
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PROBE_MS = 5
GOAL_MS = 50.0


class Probe:
    """Gaps between ticks of a repeating timer, in milliseconds beyond its interval."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.stalls: list[float] = []

    def start(self) -> None:
        self.stalls = []
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return self.stalls

    def _tick(self) -> None:
        now = time.perf_counter()
        self.stalls.append(max(0.0, (now - self.last) * 1000 - PROBE_MS))
        self.last = now


def summary(label: str, stalls: list[float], seconds: float) -> str:
    ordered = sorted(stalls) or [0.0]
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    late = sum(1 for s in stalls if s > GOAL_MS)
    verdict = "OK" if ordered[-1] < GOAL_MS else "OVER GOAL"
    return (f"{label:9s}: {seconds:6.1f} s, {len(stalls)} ticks, longest stall {ordered[-1]:.1f} ms "
            f"({verdict}, goal < {GOAL_MS:.0f} ms), p99 {p99:.1f} ms, median {statistics.median(ordered):.1f} ms, "
            f"{late} ticks later than {GOAL_MS:.0f} ms")


async def run(app, services, jobs: int) -> list[str]:
    from desktop.app import warm_up_imports
    from desktop.core.models import GenerationRequest, JobSpec
    from desktop.core.queue.types import BatchOptions
    from desktop.ui.appearance import Appearance
    from desktop.ui.i18n import Translations
    from desktop.ui.main_window import MainWindow
    from desktop.ui.qt_bridge import QtBridge
    from desktop.ui.theme import ThemeManager

    appearance = Appearance(Translations(app), ThemeManager(app))
    appearance.apply(services.config)
    warm_up_imports()  # as the app does at start
    bridge = QtBridge(services.events)
    window = MainWindow(services, bridge, appearance)
    window.resize(1400, 850)
    window.show()
    engine, _ = services.acquire_engine()
    engine_task = bridge.run_task(engine.run(), "Running the queue")
    await asyncio.sleep(0.5)  # the window settles (provider dots, first paint)
    probe = Probe()
    lines = []

    specs = [JobSpec(GenerationRequest("openai", "gpt-image-1", f"bench prompt {i}, a kite over the sea"),
                     source=f"bench.csv:{i + 2}") for i in range(jobs)]
    await services.queue.set_paused(True)  # measure queueing alone first
    probe.start()
    started = time.perf_counter()
    await services.queue.enqueue(specs, BatchOptions(name="bench"))
    await asyncio.sleep(1.0)  # the table and batch list take in the new rows
    lines.append(summary("queueing", probe.stop(), time.perf_counter() - started))

    probe.start()
    started = time.perf_counter()
    await services.queue.set_paused(False)
    while services.queue.queries.state_counts().get("succeeded", 0) < jobs:
        await asyncio.sleep(0.25)
    await asyncio.sleep(1.0)  # the last refreshes
    elapsed = time.perf_counter() - started
    lines.append(summary("running", probe.stop(), elapsed) + f"; {jobs / elapsed:.0f} jobs/s")
    rows = window.queue_view.model.rowCount()
    shown = window.queue_view.model.index(0, 0).data()
    lines.append(f"table rows {rows}, first row state {shown!r}")

    engine.stop()
    await asyncio.gather(engine_task, return_exceptions=True)
    await bridge.drain()
    bridge.close()
    window.hide()
    return lines


class _Remote:
    def __init__(self, url: str) -> None:
        self.url = url


@contextlib.contextmanager
def fake_provider() -> Iterator[_Remote]:
    """The fake OpenAI server in its own process, as a real provider would be: its threads
    must not compete with the window for this process's GIL."""
    code = ("import sys, time\n"
            "from tests.fakes.limited_image_server import LimitedImageServer\n"
            "with LimitedImageServer() as fake:\n"
            "    print(fake.url, flush=True)\n"
            "    sys.stdin.read()\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, cwd=Path(__file__).resolve().parents[2])
    try:
        yield _Remote(proc.stdout.readline().strip())
    finally:
        proc.stdin.close()
        proc.wait(timeout=10)


def main() -> None:
    jobs = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    from desktop.core.config import AppConfig, ConfigStore, ProviderSettings
    from desktop.core.services import build_services

    app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp, fake_provider() as fake:
        os.environ.update({"BATCHGEN_CONFIG_DIR": str(Path(tmp) / "config"), "BATCHGEN_SECRETS": "file"})
        store = ConfigStore(Path(tmp) / "config")
        store.save(AppConfig(providers={"openai": ProviderSettings(concurrency=8, rate_per_minute=120_000)}))
        env = {"OPENAI_BASE_URL": f"{fake.url}/v1", "OPENAI_API_KEY": "sk-bench-0000000000"}
        services = build_services(Path(tmp) / "lib", config_store=store, env=env)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        try:
            lines = loop.run_until_complete(run(app, services, jobs))
            loop.run_until_complete(services.aclose())
        finally:
            loop.close()
    print(f"{jobs} jobs through the window against a fast fake provider (8 at once); "
          f"GUI probe every {PROBE_MS} ms; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for line in lines:
        print(line)


if __name__ == "__main__":
    main()
