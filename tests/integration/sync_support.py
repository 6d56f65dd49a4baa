"""Helpers the sync integration tests share: buckets on the emulators, a sync service over
a real library, and a sync process killed in the middle of a large upload."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config

from desktop.core.events import EventBus
from desktop.core.sync.retry import RetryPolicy
from desktop.core.sync.service import SyncService
from tests.core.sync.library_builder import LibraryBuilder
from tests.integration.conftest import Emulator, unique_bucket

ROOT = Path(__file__).resolve().parents[2]
FAST_RETRY = RetryPolicy(attempts=3, base_delay=0.05, max_delay=0.2)


def s3_client(moto: Emulator) -> Any:
    return boto3.client("s3", endpoint_url=moto.url, region_name="us-east-1",
                        aws_access_key_id="testing", aws_secret_access_key="testing",
                        config=Config(retries={"max_attempts": 1}))


def s3_bucket(moto: Emulator) -> str:
    name = unique_bucket("s3")
    s3_client(moto).create_bucket(Bucket=name)
    return name


def gcs_client(gcs: Emulator) -> Any:
    from google.auth.credentials import AnonymousCredentials
    from google.cloud import storage

    return storage.Client(project="test", credentials=AnonymousCredentials(),
                          client_options={"api_endpoint": gcs.url})


def gcs_bucket(gcs: Emulator) -> str:
    name = unique_bucket("gcs")
    gcs_client(gcs).create_bucket(name)
    return name


def azure_container(connection_string: str) -> str:
    from azure.storage.blob import BlobServiceClient

    name = unique_bucket("az")
    BlobServiceClient.from_connection_string(connection_string).create_container(name)
    return name


def service(lib: LibraryBuilder, env: Mapping[str, str] | None = None,
            events: EventBus | None = None) -> SyncService:
    return SyncService(lib.db, lib.root, events or EventBus(), None, env=env, retry=FAST_RETRY)


def kill_sync_mid_upload(root: Path, env: Mapping[str, str], min_parts: int = 1,
                         timeout: float = 30.0) -> None:
    """Run `main.py sync run` in its own process and SIGKILL it once `min_parts` parts of a
    multipart upload are recorded as sent."""
    full_env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "sync", "run", "--quiet",
                             "--library", str(root)], env=full_env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise AssertionError(f"sync finished before it could be killed (exit {proc.returncode}): "
                                     f"{proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")
            con = sqlite3.connect(f"file:{root / 'library.db'}?mode=ro", uri=True, timeout=5)
            try:
                done = con.execute("SELECT MAX(parts_done) FROM sync_objects WHERE state='uploading'"
                                   ).fetchone()[0]
            finally:
                con.close()
            if done is not None and done >= min_parts:
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=10)
                return
            time.sleep(0.02)
        raise AssertionError("the multipart upload never got going")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
