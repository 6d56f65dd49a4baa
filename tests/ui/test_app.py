"""The composition root: `main.py --smoke-test`, a whole window session from start to clean
shutdown, and a library whose queue another process runs."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.app import WindowSession
from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.services import build_services
from tests.ui.conftest import TEST_KEY, keep, run

ROOT = Path(__file__).resolve().parents[2]


def smoke(tmp_path: Path, library: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BATCHGEN_CONFIG_DIR": str(tmp_path / "cfg")}
    return subprocess.run([sys.executable, "main.py", "--smoke-test", "--library", str(library)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_smoke_test_opens_the_window_and_checks_store_providers_and_translations(tmp_path):
    done = smoke(tmp_path, tmp_path / "lib")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK: library ")
    assert "openai" in done.stdout and "app_zh_TW.qm" in done.stdout
    assert (tmp_path / "lib" / "library.db").exists()


def test_smoke_test_fails_plainly_when_the_library_cannot_be_opened(tmp_path):
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x", "utf-8")
    done = smoke(tmp_path, not_a_folder)
    assert done.returncode == 1
    assert "Cannot open the library" in done.stderr


def test_a_window_session_runs_jobs_and_shuts_down_cleanly(qloop, qtbot, qapp, tmp_path, fake_openai):
    env = {"OPENAI_BASE_URL": f"{fake_openai.url}/v1", "OPENAI_API_KEY": TEST_KEY}
    services = build_services(tmp_path / "lib", env=env)
    session = keep(WindowSession(qapp, services))
    finished = asyncio.ensure_future(session.run())
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: services.engine is not None, timeout=5000)
    specs = [JobSpec(GenerationRequest("openai", "gpt-image-1", f"a kite {i}")) for i in range(3)]
    run(qtbot, services.queue.enqueue(specs))
    qtbot.waitUntil(lambda: services.queue.queries.state_counts().get("succeeded") == 3, timeout=15000)
    assert services.lock.held
    session.window.close()
    qtbot.waitUntil(finished.done, timeout=10000)
    assert finished.result() == 0
    assert session.window is None
    assert not services.lock.held  # the next run (or the command line) may run the queue
    assert session.bridge.running_tasks == 0
    assert session.engine_task is not None and session.engine_task.done()


HOLD_LOCK = textwrap.dedent("""
    import sys
    from pathlib import Path
    from desktop.core.queue.lock import QueueLock
    lock = QueueLock(Path(sys.argv[1]))
    assert lock.try_acquire()
    print("held", flush=True)
    sys.stdin.read()
""")


@pytest.fixture
def other_process(tmp_path):
    library = tmp_path / "shared"
    library.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(library)], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    yield library, proc.pid
    proc.stdin.close()
    proc.wait(timeout=10)


def test_when_another_process_runs_the_queue_the_window_says_so_and_still_takes_jobs(
        qloop, qtbot, qapp, other_process):
    library, pid = other_process
    services = build_services(library, env={})
    session = keep(WindowSession(qapp, services))
    finished = asyncio.ensure_future(session.run())
    qtbot.waitUntil(lambda: session.window is not None and session.window.banner.isVisible(), timeout=5000)
    window = session.window
    assert services.engine is None
    assert str(pid) in window.banner.text and "running this library's queue" in window.banner.text
    assert str(pid) in window.status.queue_label.text()
    specs = [JobSpec(GenerationRequest("openai", "gpt-image-1", "added while another runs"))]
    run(qtbot, services.queue.enqueue(specs))
    qtbot.waitUntil(lambda: window.queue_view.model.rowCount() == 1, timeout=3000)
    window.close()
    qtbot.waitUntil(finished.done, timeout=10000)
    assert finished.result() == 0
