"""Ctrl-C during `main.py batch` says the jobs are safe and how to go on, and exits 130."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.fakes.a1111_fake import FakeA1111

ROOT = Path(__file__).resolve().parents[2]


def test_ctrl_c_during_a_batch_leaves_the_jobs_queued_and_says_how_to_continue(tmp_path: Path) -> None:
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("台北101\n九份老街\n日月潭\n", encoding="utf-8")
    with FakeA1111() as a1111:
        a1111.render_seconds = 1.0
        env = {**os.environ, "SDWEBUI_BASE_URL": a1111.url, "PYTHONUNBUFFERED": "1"}
        proc = subprocess.Popen(
            [sys.executable, "main.py", "batch", str(prompts), "--provider", "a1111",
             "--library", str(tmp_path / "library")],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 20
        while not a1111.requests_to("/sdapi/v1/txt2img") and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)

    assert proc.returncode == 130, out + err
    assert "interrupted" in err and "main.py queue run" in err
    assert "fix the cause above" not in err
