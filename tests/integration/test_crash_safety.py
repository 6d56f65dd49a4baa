"""Kill the headless queue with SIGKILL at random moments, many times, and restart it:
no job is lost, no image is stored twice, no orphan file or row remains."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import text

from desktop.core.store.database import Database
from tests.fakes.limited_image_server import LimitedImageServer

ROOT = Path(__file__).resolve().parents[2]
JOBS = 60
CONCURRENCY = 4


def _env(tmp_path: Path, url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "OPENAI_BASE_URL": f"{url}/v1", "OPENAI_API_KEY": "sk-test-crash",
        "BATCHGEN_CONFIG_DIR": str(tmp_path / "config"), "BATCHGEN_SECRETS": "file",
        "PYTHONPATH": str(ROOT),
    })
    return env


def _fast_settings(tmp_path: Path) -> None:
    """The fake allows far more than OpenAI's default pacing; let the lane use it."""
    from desktop.core.config import AppConfig, ConfigStore, ProviderSettings

    ConfigStore(tmp_path / "config").save(
        AppConfig(providers={"openai": ProviderSettings(concurrency=CONCURRENCY, rate_per_minute=6000)}))


def _start(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("\n".join(f"a lighthouse number {i}" for i in range(JOBS)), "utf-8")
    library = tmp_path / "lib"
    rng = random.Random(20261129)
    kills = 0
    with LimitedImageServer(latency=0.08) as fake:
        env = _env(tmp_path, fake.url)
        _fast_settings(tmp_path)
        queued = _start(["batch", str(prompts), "--provider", "openai", "--model", "gpt-image-1",
                         "--size", "1024x1024", "--no-run", "--library", str(library)], env)
        assert queued.wait(60) == 0, queued.stderr.read().decode()
        proc = _start(["queue", "run", "--library", str(library)], env)
        for _ in range(12):
            # Kill while it is working: after it has made at least one more call.
            seen = sum(fake.served.values())
            deadline = time.monotonic() + 20
            while sum(fake.served.values()) == seen and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 0.25))
            if proc.poll() is not None:
                break
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kills += 1
            proc = _start(["queue", "run", "--library", str(library)], env)
        _, err = proc.communicate(timeout=120)
        final = _start(["queue", "run", "--library", str(library)], env)
        _, err = final.communicate(timeout=120)
        assert final.returncode == 0, err.decode()
        served = dict(fake.served)

    assert kills >= 3, "the test must actually kill the process several times"
    db = Database(library / "library.db").open()
    with db.engine_or_raise().connect() as conn:
        states = dict(conn.execute(text("SELECT state, COUNT(*) FROM jobs GROUP BY state")).all())
        assets = conn.execute(text("SELECT job_id, path, sha256 FROM assets")).all()
        open_attempts = conn.execute(text("SELECT COUNT(*) FROM attempts WHERE outcome='running'")).scalar()
    db.close()
    assert states == {"succeeded": JOBS}
    assert len(assets) == JOBS and len({a.job_id for a in assets}) == JOBS  # one image per job
    assert open_attempts == 0
    on_disk = {p.relative_to(library).as_posix() for p in (library / "images").rglob("*") if p.is_file()}
    assert on_disk == {a.path for a in assets}  # no orphan file, no row without a file
    for asset in assets:
        with Image.open(library / asset.path) as im:
            im.verify()
    assert not any((library / ".tmp").rglob("*")) if (library / ".tmp").exists() else True
    assert set(served) == {f"a lighthouse number {i}" for i in range(JOBS)}
    # A kill can only waste the calls in flight at that moment (the lane runs 4 at once);
    # an image already written is adopted on restart, never asked for again.
    assert sum(served.values()) - JOBS <= kills * CONCURRENCY
