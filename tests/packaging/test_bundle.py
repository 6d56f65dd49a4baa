"""The PyInstaller bundle that `make package` built: its smoke test, and real headless
commands from inside it (migrations, resources, providers over HTTP, the image library).

`make test` builds the bundle first and points BATCHGEN_BUNDLE at it; run alone, these tests
are skipped with the reason."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from desktop.core.store.database import head_revisions
from tests.fakes.a1111_fake import FakeA1111

BUNDLE = Path(os.environ.get("BATCHGEN_BUNDLE", "")) if os.environ.get("BATCHGEN_BUNDLE") else None
pytestmark = pytest.mark.skipif(BUNDLE is None or not (BUNDLE / "batch-image-generator").exists(),
                                reason="no bundle: `make test` (or `make package` and BATCHGEN_BUNDLE=dist/"
                                       "batch-image-generator) builds it")


def bundle(*args: str, env: dict[str, str] | None = None, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    assert BUNDLE is not None
    full = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    full.pop("PYTHONPATH", None)  # the bundle must not lean on the checkout
    return subprocess.run([str(BUNDLE / "batch-image-generator"), *args], env=full, capture_output=True,
                          text=True, timeout=timeout, cwd=BUNDLE.parent)


def test_the_bundle_passes_its_smoke_test_with_every_tab_and_translation(tmp_path: Path) -> None:
    start = time.monotonic()
    done = bundle("--smoke-test", "--library", str(tmp_path / "lib"))
    elapsed = time.monotonic() - start
    assert done.returncode == 0, done.stderr
    assert "tabs: Queue, Gallery, Workflow, Analytics" in done.stdout
    for name in ("app_zh_TW.qm", "shell_zh_TW.qm", "qtbase_zh_TW.qm"):
        assert name in done.stdout
    assert elapsed < 30


def test_library_verify_from_the_bundle_migrates_a_new_library_to_every_head(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    done = bundle("library", "verify", "--library", str(library))
    assert done.returncode == 0, done.stderr
    assert "Everything is in order" in done.stdout
    con = sqlite3.connect(library / "library.db")
    try:
        revisions = {r[0] for r in con.execute("SELECT version_num FROM alembic_version")}
    finally:
        con.close()
    assert revisions == head_revisions()  # the migrations shipped inside the bundle all ran


def test_a_batch_runs_from_the_bundle_against_a1111(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("a lighthouse at dusk\n一隻在雨中的貓\n", "utf-8")
    with FakeA1111() as a1111:
        done = bundle("batch", str(prompts), "--provider", "a1111", "--library", str(library),
                      env={"SDWEBUI_BASE_URL": a1111.url})
        calls = len(a1111.requests_to("/sdapi/v1/txt2img"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert calls == 2
    images = list((library / "images").rglob("*.png"))
    assert len(images) == 2
    backup = bundle("library", "backup", "--library", str(library))
    assert backup.returncode == 0 and "backed up to" in backup.stdout
