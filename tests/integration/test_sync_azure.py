"""Sync against a real Azure Blob emulator (Azurite on loopback): uploads checked by
Content-MD5, pulls, a block upload that survives the emulator being stopped mid-upload and
started again, and clear errors for a wrong account key and a missing container."""

from __future__ import annotations

import asyncio
import hashlib
import signal
from pathlib import Path

import pytest
from azure.storage.blob import BlobServiceClient

from desktop.core.sync.destination import DestinationOptions
from desktop.core.sync.report import AssetSyncState
from tests.core.sync.library_builder import LibraryBuilder
from tests.integration.conftest import Emulator, azure_connection_string
from tests.integration.sync_support import azure_container, service

pytestmark = pytest.mark.emulator
KiB, MiB = 1024, 1024 * 1024


def _env(emulator: Emulator, key: str | None = None) -> dict[str, str]:
    conn = azure_connection_string(emulator) if key is None else azure_connection_string(emulator, key)
    return {"AZURE_STORAGE_CONNECTION_STRING": conn}


def test_uploads_are_verified_by_content_md5_and_pulled_by_a_second_library(
        azurite: Emulator, tmp_path: Path) -> None:
    env = _env(azurite)
    container = azure_container(env["AZURE_STORAGE_CONNECTION_STRING"])
    a, b = LibraryBuilder(tmp_path / "a"), LibraryBuilder(tmp_path / "b")
    first = a.add_asset(prompt="夜市的燈籠", tags=("夜",))
    a.add_asset(size=2 * MiB + 7, thumb=False)  # goes up as blocks
    svc_a, svc_b = service(a, env=env), service(b, env=env)
    opts = DestinationOptions(multipart_threshold=MiB, part_size=512 * KiB)
    for svc in (svc_a, svc_b):
        svc.add_destination(f"az://{container}/shared", "azure", opts)

    pushed = asyncio.run(svc_a.run_until_idle())
    pulled = asyncio.run(svc_b.run_until_idle())

    assert pushed.ok and pulled.ok and pulled.passes[0].pulled == 2
    asset = a.asset(first)
    props = BlobServiceClient.from_connection_string(env["AZURE_STORAGE_CONNECTION_STRING"]) \
        .get_blob_client(container, f"shared/{asset['path']}").get_blob_properties()
    data = (a.root / asset["path"]).read_bytes()
    assert bytes(props.content_settings.content_md5) == hashlib.md5(data).digest()
    assert props.metadata["sha256"] == asset["sha256"]
    assert sorted(r[0] for r in b.rows("SELECT sha256 FROM assets")) == \
        sorted(r[0] for r in a.rows("SELECT sha256 FROM assets"))


def test_a_block_upload_resumes_after_the_emulator_is_stopped_and_started_again(
        azurite_on_disk: Emulator, tmp_path: Path) -> None:
    env = _env(azurite_on_disk)
    container = azure_container(env["AZURE_STORAGE_CONNECTION_STRING"])
    lib = LibraryBuilder(tmp_path / "a")
    big = lib.add_asset(size=3 * MiB, thumb=False)
    svc = service(lib, env=env)
    svc.add_destination(f"az://{container}/p", "azure", DestinationOptions(
        multipart_threshold=MiB, part_size=512 * KiB, pull=False, push_backups=False))
    key = f"p/{lib.asset(big)['path']}"

    def stop_after_two_blocks(_key: str, part: int, _parts: int) -> None:
        if part == 2:
            azurite_on_disk.stop(signal.SIGTERM)  # connections drop mid-transfer

    svc.on_part = stop_after_two_blocks
    broken = asyncio.run(svc.run_once())

    p = broken.passes[0]
    assert not broken.ok and p.failed == 1 and p.pending == 1 and p.uploaded == 0
    state = lib.rows("SELECT state, parts_done FROM sync_objects WHERE key=:k", k=key)
    assert state == [("uploading", 2)]  # not counted as synced
    assert svc.asset_states([big]) == {big: AssetSyncState.ERROR}

    svc.on_part = None
    azurite_on_disk.start()
    resumed = asyncio.run(svc.run_until_idle())

    assert resumed.ok and resumed.passes[0].resumed_parts == 2
    blob = BlobServiceClient.from_connection_string(env["AZURE_STORAGE_CONNECTION_STRING"]) \
        .get_blob_client(container, key)
    body = blob.download_blob().readall()
    assert hashlib.sha256(body).hexdigest() == lib.asset(big)["sha256"]
    assert svc.asset_states([big]) == {big: AssetSyncState.SYNCED}


def test_a_wrong_account_key_and_a_missing_container_give_clear_messages(
        azurite: Emulator, tmp_path: Path) -> None:
    good = _env(azurite)
    container = azure_container(good["AZURE_STORAGE_CONNECTION_STRING"])
    wrong_key = "V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3JvbmdLZXk="
    lib = LibraryBuilder(tmp_path / "a")
    lib.add_asset()
    bad_key = service(lib, env=_env(azurite, wrong_key))
    bad_key.add_destination(f"az://{container}/p", "azure")
    missing = service(lib, env=good)

    refused = asyncio.run(bad_key.run_once())
    check = asyncio.run(missing.test("azure"))
    missing.add_destination("az://no-such-container/p", "gone")
    gone = asyncio.run(missing.run_once(["gone"]))

    assert refused.passes[0].fatal
    assert "refused the credentials" in refused.passes[0].errors[0]
    assert wrong_key not in refused.passes[0].errors[0]
    assert check.ok, check.message  # the right key works against the same container
    assert gone.passes[0].fatal
    assert gone.passes[0].errors == [f"container 'no-such-container' does not exist at {azurite.url}/devstoreaccount1"]
