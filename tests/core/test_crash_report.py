"""Crash reports: readable, written to the config folder's crashes/, scrubbed of secrets,
caught from every thread; and a crash in the middle of a job leaves the queue intact."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from desktop.core.config import config_dir
from desktop.core.crash_report import CrashReporter, build_report, list_reports, scrub, write_report
from desktop.core.secrets import Redactor
from desktop.core.services import build_services
from tests.fakes.a1111_fake import FakeA1111

ROOT = Path(__file__).resolve().parents[2]
STORED_KEY = "sk-proj-StoredKey0123456789abcdef"


def raise_and_catch(message: str) -> tuple:
    try:
        raise ValueError(message)
    except ValueError:
        return sys.exc_info()


def test_a_crash_file_holds_the_traceback_and_the_version_but_no_known_key(tmp_path: Path) -> None:
    redactor = Redactor()
    reporter = CrashReporter(tmp_path / "crashes", redactor, on_crash=lambda _r: None,
                             secrets=lambda: [STORED_KEY, None])
    reporter.excepthook(*raise_and_catch(f"request failed with {STORED_KEY} in the URL"))
    [path] = list_reports(tmp_path / "crashes")
    text = path.read_text("utf-8")
    assert "ValueError: request failed with" in text
    assert "raise_and_catch" in text  # the traceback, frame by frame
    assert "Batch Image Generator 0." in text and "where: main thread" in text
    assert STORED_KEY not in text
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert reporter.reports[0].path == path


def test_key_shaped_text_is_scrubbed_even_when_no_store_knows_it() -> None:
    text = ("Authorization: Bearer abcdefghijklmnop1234 failed; url ?api_key=QWERTY123456&x=1; "
            'headers {"x-api-key": "zzzzyyyyxxxx"}; token=r8_ABCDEFGHIJKLMNOP; hf_AbCdEfGhIjKlMnOp')
    cleaned = scrub(text)
    for secret in ("abcdefghijklmnop1234", "QWERTY123456", "zzzzyyyyxxxx", "r8_ABCDEFGHIJKLMNOP",
                   "AbCdEfGhIjKlMnOp"):
        assert secret not in cleaned
    assert "&x=1" in cleaned and "failed" in cleaned  # only the secrets went


def test_an_exception_in_a_worker_thread_is_reported_with_the_thread_name(tmp_path: Path) -> None:
    seen = []
    reporter = CrashReporter(tmp_path / "crashes", on_crash=seen.append).install()
    try:
        worker = threading.Thread(target=lambda: 1 / 0, name="image-io_7")
        worker.start()
        worker.join()
    finally:
        reporter.uninstall()
    assert [r.where for r in seen] == ["thread image-io_7"]
    assert "ZeroDivisionError" in seen[0].summary
    assert len(list_reports(tmp_path / "crashes")) == 1


def test_the_asyncio_handler_reports_exceptions_but_not_cancellations_or_plain_messages(tmp_path: Path) -> None:
    seen = []
    reporter = CrashReporter(tmp_path / "crashes", on_crash=seen.append)

    async def fails() -> None:
        raise KeyError("lost")

    async def main() -> None:
        asyncio.get_running_loop().set_exception_handler(reporter.loop_exception_handler)
        task = asyncio.ensure_future(fails())
        await asyncio.sleep(0.01)
        del task  # never awaited: the loop reports it when the task is collected
        import gc

        gc.collect()
        reporter.loop_exception_handler(None, {"message": "Unclosed connector"})
        reporter.loop_exception_handler(None, {"message": "x", "exception": asyncio.CancelledError()})

    asyncio.run(main())
    assert [r.where for r in seen] == ["asyncio loop"]
    assert "KeyError: 'lost'" in seen[0].summary


def test_old_crash_files_are_rotated(tmp_path: Path) -> None:
    report = build_report(*raise_and_catch("x"), where="main thread")
    for _ in range(5):
        write_report(report, tmp_path, keep=3)
    assert len(list_reports(tmp_path)) == 3


def test_a_crash_while_a_job_runs_leaves_the_queue_intact_after_restart(tmp_path: Path) -> None:
    """A process dies of an unhandled exception while A1111 is rendering a job: the crash
    file is written without the key, and the next start puts the job back in the queue."""
    library = tmp_path / "library"
    script = textwrap.dedent(f"""
        import asyncio, sys
        import httpx
        from pathlib import Path
        from desktop.core.config import config_dir
        from desktop.core.crash_report import CrashReporter
        from desktop.core.models import GenerationRequest, JobSpec
        from desktop.core.services import build_services

        services = build_services(Path({str(library)!r}), env={{"SDWEBUI_BASE_URL": sys.argv[1]}})
        services.secrets.set("openai.api_key", {STORED_KEY!r})
        CrashReporter(config_dir() / "crashes", services.redactor,
                      secrets=lambda: [services.secrets.get(n) for n in services.secrets.names()]).install()
        loop = asyncio.new_event_loop()
        engine, _ = services.acquire_engine()

        async def until_running():
            await services.queue.enqueue([JobSpec(GenerationRequest("a1111", "", "a red fox"))])
            loop.create_task(engine.run(poll=0.05))
            async with httpx.AsyncClient() as http:  # until A1111 is rendering the job
                while (await http.get(sys.argv[1] + "/sdapi/v1/progress")).json()["state"]["job_count"] == 0:
                    await asyncio.sleep(0.05)

        loop.run_until_complete(until_running())
        raise RuntimeError("unexpected failure while key " + {STORED_KEY!r} + " was in use")
    """)
    with FakeA1111() as a1111:
        a1111.render_seconds = 3.0
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        done = subprocess.run([sys.executable, "-c", script, a1111.url], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert a1111.requests_to("/sdapi/v1/txt2img"), done.stderr
    assert done.returncode == 1, done.stderr
    [crash] = list_reports(config_dir() / "crashes")
    text = crash.read_text("utf-8")
    assert "RuntimeError: unexpected failure while key" in text
    assert STORED_KEY not in text and STORED_KEY not in done.stderr

    services = build_services(library, env={})
    try:
        assert services.queue.queries.state_counts() == {"running": 1}
        engine, report = services.acquire_engine()
        assert engine is not None and report is not None
        assert len(report.requeued) == 1
        assert services.queue.queries.state_counts() == {"pending": 1}
    finally:
        asyncio.run(services.aclose())
