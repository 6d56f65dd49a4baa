"""Verified uploads: a checksum the service misreports does not count, a damaged local file
is not sent, and a multipart upload resumes with only the parts the service lacks."""

from __future__ import annotations

import asyncio
import hashlib
import os

import pytest

from desktop.core.sync.destination import DestinationOptions, DestinationUrl
from desktop.core.sync.errors import LocalCorruptError, VerificationError
from desktop.core.sync.objects import ObjectRepository
from desktop.core.sync.report import AssetSyncState
from desktop.core.sync.retry import RetryPolicy
from desktop.core.sync.store import SyncStore
from desktop.core.sync.throttle import Bandwidth
from desktop.core.sync.transfer import Payload, Transfer
from tests.core.sync.conftest import make_service
from tests.core.sync.library_builder import LibraryBuilder
from tests.core.sync.memory_backend import MemoryBackend

KiB = 1024


def _transfer(lib: LibraryBuilder, backend: MemoryBackend, **opts: int) -> tuple[Transfer, int]:
    lib.execute("INSERT INTO sync_destinations (name, url, options_json, created_at, manifest_seq)"
                " VALUES ('m', 's3://mem/p', '{}', 0, 0)")
    options = DestinationOptions(multipart_threshold=opts.get("threshold", 64 * KiB),
                                 part_size=opts.get("part", 256 * KiB))
    return Transfer(backend, ObjectRepository(SyncStore(lib.db)), 1, options, Bandwidth(0),
                    RetryPolicy(attempts=1)), 1


def test_an_upload_whose_remote_md5_does_not_match_does_not_count(
        lib: LibraryBuilder, memory_backends: dict[str, MemoryBackend]) -> None:
    asset = lib.add_asset()
    svc = make_service(lib)
    svc.add_destination("s3://mem/p", "m")
    backend = MemoryBackend(DestinationUrl.parse("s3://mem/p"))
    backend.lie_about_md5 = True
    memory_backends["s3://mem/p"] = backend

    report = asyncio.run(svc.run_once())

    assert not report.ok and report.passes[0].failed == 1 and report.passes[0].uploaded == 0
    assert "does not match" in report.passes[0].errors[0]
    assert svc.asset_states([asset]) == {asset: AssetSyncState.ERROR}
    assert lib.rows("SELECT COUNT(*) FROM sync_objects WHERE state='verified'") == [(0,)]


def test_a_file_that_no_longer_matches_its_row_is_not_sent(lib: LibraryBuilder) -> None:
    backend = MemoryBackend(DestinationUrl.parse("s3://mem/p"))
    transfer, _ = _transfer(lib, backend)
    path = lib.root / "images" / "x.png"
    path.write_bytes(b"now different")
    with pytest.raises(LocalCorruptError) as info:
        transfer.send(Payload("p/images/x.png", "image", "image/png", path=path,
                              expected_sha256=hashlib.sha256(b"original").hexdigest()))
    assert str(path) in str(info.value) and backend.calls == []


def test_a_multipart_upload_sends_only_the_parts_the_service_lacks(lib: LibraryBuilder) -> None:
    backend = MemoryBackend(DestinationUrl.parse("s3://mem/p"))
    transfer, dest = _transfer(lib, backend)
    data = os.urandom(1000 * KiB)
    path = lib.root / "images" / "big.png"
    path.write_bytes(data)
    payload = Payload("p/images/big.png", "image", "image/png", path=path,
                      expected_sha256=hashlib.sha256(data).hexdigest())
    sent_parts: list[int] = []
    transfer.on_part = lambda _k, n, _t: sent_parts.append(n)

    def crash_after_two(_k: str, n: int, _t: int) -> None:
        sent_parts.append(n)
        if n == 2:
            raise KeyboardInterrupt  # the app dies here

    transfer.on_part = crash_after_two
    with pytest.raises(KeyboardInterrupt):
        transfer.send(payload)
    (upload_id,) = backend.uploads
    backend.uploads[upload_id][2] = b"garbage"  # a damaged part is not trusted
    transfer.on_part = lambda _k, n, _t: sent_parts.append(n)
    done = transfer.send(payload)

    assert sent_parts == [1, 2, 2, 3, 4]
    assert done.resumed_parts == 1 and done.remote.composite_md5 == done.digest.composite_md5
    assert backend.get_object("p/images/big.png") == data
    assert ObjectRepository(SyncStore(lib.db)).get(dest, "p/images/big.png").parts_done == 4


def test_an_upload_the_service_forgot_starts_again(lib: LibraryBuilder) -> None:
    backend = MemoryBackend(DestinationUrl.parse("s3://mem/p"))
    transfer, _ = _transfer(lib, backend)
    data = os.urandom(600 * KiB)
    path = lib.root / "images" / "big.png"
    path.write_bytes(data)
    payload = Payload("p/images/big.png", "image", "image/png", path=path)

    def crash(_k: str, n: int, _t: int) -> None:
        raise KeyboardInterrupt

    transfer.on_part = crash
    with pytest.raises(KeyboardInterrupt):
        transfer.send(payload)
    backend.uploads.clear()  # expired or aborted on the service's side
    transfer.on_part = None
    done = transfer.send(payload)

    assert done.resumed_parts == 0 and backend.calls.count("start_upload") == 2
    assert backend.get_object("p/images/big.png") == data


def test_verify_requires_at_least_one_checksum(lib: LibraryBuilder) -> None:
    from desktop.core.sync.backends.base import RemoteObject
    from desktop.core.sync.hashing import digest_bytes
    from desktop.core.sync.transfer import verify

    with pytest.raises(VerificationError) as info:
        verify(RemoteObject("k", size=3), digest_bytes(b"abc"), "s3://b/k")
    assert "no checksum" in str(info.value)
    verify(RemoteObject("k", size=3, md5=hashlib.md5(b"abc").hexdigest()), digest_bytes(b"abc"), "s3://b/k")


