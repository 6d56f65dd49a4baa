"""Every test gets a fresh settings folder, secrets file and library; nothing touches ~."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    monkeypatch.setenv("BATCHGEN_CONFIG_DIR", str(config))
    monkeypatch.setenv("BATCHGEN_LIBRARY", str(tmp_path / "library"))
    monkeypatch.setenv("BATCHGEN_SECRETS", "file")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    for name in list(os.environ):
        if name.endswith(("_API_KEY", "_API_TOKEN", "_BASE_URL")) or name in (
            "HF_TOKEN", "OLLAMA_HOST", "SDWEBUI_AUTH",
            "FIREFLY_SERVICES_CLIENT_ID", "FIREFLY_SERVICES_CLIENT_SECRET",
        ):
            monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def artifacts_dir() -> Path:
    """Where tests save screenshots and reports for people to look at."""
    path = Path(os.environ.get("BATCHGEN_ARTIFACTS", "test-artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path
