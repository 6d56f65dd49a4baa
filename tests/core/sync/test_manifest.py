"""Manifest segments: written once per pass, never replacing another library's (or an
older self's) segment, and read back by other libraries in order."""

from __future__ import annotations

import asyncio

from desktop.core.sync.layout import manifest_rel
from desktop.core.sync.manifest import ManifestEntry
from tests.core.sync.conftest import make_service
from tests.core.sync.library_builder import LibraryBuilder
from tests.core.sync.memory_backend import MemoryBackend


def test_a_pass_writes_one_segment_listing_what_it_pushed(
        lib: LibraryBuilder, memory_backends: dict[str, MemoryBackend]) -> None:
    ids = [lib.add_asset() for _ in range(3)]
    svc = make_service(lib)
    svc.add_destination("s3://mem/p", "m")
    asyncio.run(svc.run_once())
    backend = memory_backends["s3://mem/p"]
    body = backend.get_object("p/" + manifest_rel(svc.library_id, 1)).decode()
    entries = [ManifestEntry.from_line(line) for line in body.splitlines()]
    assert sorted(e.sha256 for e in entries) == sorted(lib.asset(i)["sha256"] for i in ids)
    assert {e.op for e in entries} == {"put"}
    assert "p/" + manifest_rel(svc.library_id, 2) not in backend.objects


def test_a_segment_number_already_taken_remotely_is_not_overwritten(
        lib: LibraryBuilder, memory_backends: dict[str, MemoryBackend]) -> None:
    """A library restored from an older backup remembers an older segment number."""
    svc = make_service(lib)
    svc.add_destination("s3://mem/p", "m")
    asyncio.run(svc.run_once())  # creates the backend
    backend = memory_backends["s3://mem/p"]
    taken = "p/" + manifest_rel(svc.library_id, 1)
    backend.objects[taken] = (b'{"op":"put","sha256":"written-after-the-backup"}\n', {})
    asset = lib.add_asset()

    assert asyncio.run(svc.run_once()).ok

    assert b"written-after-the-backup" in backend.get_object(taken)
    moved = backend.get_object("p/" + manifest_rel(svc.library_id, 2)).decode()
    assert ManifestEntry.from_line(moved.splitlines()[0]).sha256 == lib.asset(asset)["sha256"]
    assert svc.destination("m").manifest_seq == 2
