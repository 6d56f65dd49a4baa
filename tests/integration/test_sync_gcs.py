"""Sync against a real GCS emulator (gcp-storage-emulator on loopback): uploads checked by
MD5 and CRC32C, pulls, a resumable upload continued after the sync process is killed, and
mirroring to two clouds at once with separate state per destination."""

from __future__ import annotations

import asyncio
import base64
import hashlib
from pathlib import Path

import google_crc32c
import pytest

from desktop.core.sync.destination import DestinationOptions
from desktop.core.sync.report import AssetSyncState
from tests.core.sync.library_builder import LibraryBuilder
from tests.integration.conftest import Emulator
from tests.integration.sync_support import (
    gcs_bucket,
    gcs_client,
    kill_sync_mid_upload,
    s3_bucket,
    s3_client,
    service,
)

pytestmark = pytest.mark.emulator
MiB = 1024 * 1024


@pytest.fixture
def gcs_env(gcs_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("STORAGE_EMULATOR_HOST", gcs_emulator.url)
    return {"STORAGE_EMULATOR_HOST": gcs_emulator.url}


def test_uploads_are_verified_by_md5_and_crc32c_and_carry_metadata(
        gcs_emulator: Emulator, gcs_env: dict[str, str], tmp_path: Path) -> None:
    lib = LibraryBuilder(tmp_path / "a")
    asset_id = lib.add_asset(prompt="霧中的山，水墨", provider="stability")
    bucket = gcs_bucket(gcs_emulator)
    svc = service(lib, env=gcs_env)
    svc.add_destination(f"gs://{bucket}/studio", "gcs")

    report = asyncio.run(svc.run_until_idle())

    assert report.ok, report
    asset = lib.asset(asset_id)
    data = (lib.root / asset["path"]).read_bytes()
    blob = gcs_client(gcs_emulator).bucket(bucket).get_blob(f"studio/{asset['path']}")
    assert blob.md5_hash == base64.b64encode(hashlib.md5(data).digest()).decode()
    assert blob.crc32c == base64.b64encode(google_crc32c.Checksum(data).digest()).decode()
    assert blob.metadata["sha256"] == asset["sha256"] and blob.metadata["provider"] == "stability"
    assert svc.asset_states([asset_id]) == {asset_id: AssetSyncState.SYNCED}


def test_a_second_library_pulls_from_gcs(gcs_emulator: Emulator, gcs_env: dict[str, str],
                                         tmp_path: Path) -> None:
    a, b = LibraryBuilder(tmp_path / "a"), LibraryBuilder(tmp_path / "b")
    shas = {a.asset(a.add_asset(prompt=f"山 {n}"))["sha256"] for n in range(4)}
    bucket = gcs_bucket(gcs_emulator)
    svc_a, svc_b = service(a, env=gcs_env), service(b, env=gcs_env)
    for svc in (svc_a, svc_b):
        svc.add_destination(f"gs://{bucket}/studio", "gcs")
    asyncio.run(svc_a.run_until_idle())

    report = asyncio.run(svc_b.run_until_idle())

    assert report.ok and report.passes[0].pulled == 4
    assert {r[0] for r in b.rows("SELECT sha256 FROM assets")} == shas


def test_a_resumable_upload_continues_after_the_sync_process_is_killed(
        gcs_emulator: Emulator, gcs_env: dict[str, str], tmp_path: Path) -> None:
    lib = LibraryBuilder(tmp_path / "a")
    big = lib.add_asset(size=3 * MiB + 12345, thumb=False)
    bucket = gcs_bucket(gcs_emulator)
    svc = service(lib, env=gcs_env)
    svc.add_destination(f"gs://{bucket}/studio", "gcs", DestinationOptions(
        part_size=512 * 1024, multipart_threshold=MiB, bandwidth_limit=MiB, pull=False))
    key = f"studio/{lib.asset(big)['path']}"

    kill_sync_mid_upload(lib.root, gcs_env, min_parts=2)

    state = lib.rows("SELECT state, parts_done FROM sync_objects WHERE key=:k", k=key)
    assert state[0][0] == "uploading" and state[0][1] >= 2
    assert gcs_client(gcs_emulator).bucket(bucket).get_blob(key) is None  # nothing partial
    svc.update_destination("gcs", DestinationOptions(part_size=512 * 1024, multipart_threshold=MiB,
                                                     pull=False))

    report = asyncio.run(svc.run_until_idle())

    assert report.ok and report.passes[0].resumed_parts >= 2
    blob = gcs_client(gcs_emulator).bucket(bucket).get_blob(key)
    body = blob.download_as_bytes()
    assert len(body) == 3 * MiB + 12345
    assert hashlib.sha256(body).hexdigest() == lib.asset(big)["sha256"]


def test_two_clouds_at_once_keep_separate_state(
        gcs_emulator: Emulator, moto: Emulator, gcs_env: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    lib = LibraryBuilder(tmp_path / "a")
    ids = [lib.add_asset() for _ in range(3)]
    gbucket, sbucket = gcs_bucket(gcs_emulator), s3_bucket(moto)
    svc = service(lib, env=gcs_env)
    svc.add_destination(f"gs://{gbucket}/m", "gcs")
    svc.add_destination(f"s3://{sbucket}/m", "s3", DestinationOptions(endpoint_url=moto.url))
    svc.add_destination("s3://missing-bucket-zzz/m", "broken", DestinationOptions(endpoint_url=moto.url))

    report = asyncio.run(svc.run_until_idle()).by_destination()

    assert report["gcs"].ok and report["s3"].ok
    assert report["broken"].fatal and report["broken"].pending == 3
    status = {s.name: s for s in svc.status()}
    assert status["gcs"].verified_objects == status["s3"].verified_objects == 3 * 3  # image, thumbnail, sidecar
    assert status["broken"].verified_objects == 0 and status["broken"].pending == 3
    assert "missing-bucket-zzz" in (status["broken"].last_error or "")
    s3_keys = {o["Key"] for o in s3_client(moto).list_objects_v2(Bucket=sbucket)["Contents"]}
    assert {f"m/{lib.asset(i)['path']}" for i in ids} <= s3_keys
    assert svc.asset_states(ids) == dict.fromkeys(ids, AssetSyncState.PENDING)  # not yet in "broken"
    svc.remove_destination("broken")
    assert svc.asset_states(ids) == dict.fromkeys(ids, AssetSyncState.SYNCED)
