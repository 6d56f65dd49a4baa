"""The service the window uses: background passes that wake on new assets, pause and
resume, credentials kept in the secrets store, one syncing process per library, and pulls
that refuse to write outside the library."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from filelock import FileLock

from desktop.core.events import AssetDidAdd, EventBus
from desktop.core.secrets import FernetSecrets, Redactor
from desktop.core.sync import sidecar as sc
from desktop.core.sync.assets import AssetRepository
from desktop.core.sync.errors import SyncBusyError, SyncError
from desktop.core.sync.report import AssetSyncState
from desktop.core.sync.service import SyncService
from desktop.core.sync.store import SyncStore
from tests.core.sync.conftest import make_service
from tests.core.sync.library_builder import LibraryBuilder
from tests.core.sync.memory_backend import MemoryBackend


async def _until(condition, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        if loop.time() > end:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


def test_the_background_loop_syncs_new_assets_and_obeys_pause_and_resume(
        lib: LibraryBuilder, memory_backends: dict[str, MemoryBackend]) -> None:
    events = EventBus()
    svc = make_service(lib, events)
    svc.add_destination("s3://mem/p", "m")

    async def scenario() -> None:
        svc.start(interval=3600, debounce=0)
        first = lib.add_asset()
        events.publish(AssetDidAdd(first))
        await _until(lambda: svc.asset_states([first])[first] is AssetSyncState.SYNCED)
        svc.pause()
        second = lib.add_asset()
        events.publish(AssetDidAdd(second))
        await asyncio.sleep(0.3)
        assert svc.paused and svc.asset_states([second])[second] is AssetSyncState.PENDING
        svc.resume()
        await _until(lambda: svc.asset_states([second])[second] is AssetSyncState.SYNCED)
        await svc.stop()

    asyncio.run(scenario())


def test_only_one_process_syncs_a_library_at_a_time(
        lib: LibraryBuilder, memory_backends: dict[str, MemoryBackend]) -> None:
    svc = make_service(lib)
    svc.add_destination("s3://mem/p", "m")
    other = FileLock(str(lib.root / ".sync.lock"), thread_local=False)
    import threading

    held = threading.Event()
    release = threading.Event()

    def hold() -> None:  # another process, as far as the lock file is concerned
        with other:
            held.set()
            release.wait(5)

    t = threading.Thread(target=hold)
    t.start()
    held.wait(5)
    try:
        with pytest.raises(SyncBusyError):
            asyncio.run(svc.run_once())
    finally:
        release.set()
        t.join()
    assert asyncio.run(svc.run_once()).ok


def test_credentials_go_to_the_secrets_store_and_leave_with_the_destination(
        lib: LibraryBuilder, tmp_path: Path) -> None:
    secrets = FernetSecrets(tmp_path / "secrets", Redactor())
    svc = SyncService(lib.db, lib.root, EventBus(), secrets, env={})
    svc.add_destination("s3://bucket/p", "team")
    with pytest.raises(SyncError):
        svc.store_credentials("team", {"azure_connection_string": "x"})
    svc.store_credentials("team", {"aws_access_key_id": "AKIAEXAMPLE", "aws_secret_access_key": "s3cr3t-value"})

    assert svc.credentials_source("team") == "the secrets store"
    assert "s3cr3t-value" not in (lib.root / "library.db").read_bytes().decode("latin-1")
    svc.remove_destination("team")
    assert secrets.names() == []


def test_a_sidecar_naming_a_path_outside_the_library_is_refused(
        lib: LibraryBuilder, tmp_path: Path, memory_backends: dict[str, MemoryBackend]) -> None:
    other = LibraryBuilder(tmp_path / "other")
    evil = make_service(other)
    evil.add_destination("s3://mem/p", "m")
    asset = other.add_asset()
    assert asyncio.run(evil.run_once()).ok
    sha = other.asset(asset)["sha256"]
    backend = memory_backends["s3://mem/p"]
    key = f"p/sidecars/{sha}.json"
    data = json.loads(backend.get_object(key))
    data["image"] = "../../outside.png"
    backend.objects[key] = (json.dumps(data).encode(), {})
    svc = make_service(lib)
    svc.add_destination("s3://mem/p", "m")

    report = asyncio.run(svc.run_once())

    assert not report.ok and "unsafe path" in report.passes[0].errors[0]
    assert not (lib.root.parent / "outside.png").exists()
    assert lib.rows("SELECT COUNT(*) FROM assets") == [(0,)]
    other.close()


def test_sidecars_are_byte_identical_for_an_unchanged_asset(lib: LibraryBuilder) -> None:
    asset_id = lib.add_asset(prompt="雨中的貓", tags=("b", "a"))
    record = AssetRepository(SyncStore(lib.db)).load(asset_id)
    assert record is not None
    first, second = sc.encode(sc.build(record, "lib1")), sc.encode(sc.build(record, "lib1"))
    assert first == second and json.loads(first)["tags"] == ["a", "b"]
    with pytest.raises(SyncError):
        sc.parse(b'{"no": "sha"}', "s3://b/k")


def test_resolving_needs_a_known_conflict_and_a_valid_choice(
        lib: LibraryBuilder, memory_backends: dict[str, MemoryBackend]) -> None:
    svc = make_service(lib)
    with pytest.raises(SyncError):
        svc.resolve_conflict(99, "local")
    with pytest.raises(SyncError):
        svc.resolve_conflict(1, "both")  # type: ignore[arg-type]


def test_a_destination_that_cannot_be_used_says_so_in_its_progress_events(
        lib: LibraryBuilder, monkeypatch: pytest.MonkeyPatch) -> None:
    """The status bar learns of failures from the events alone: a missing bucket (fatal in
    the pass) and credentials refused while opening the client both end with errors."""
    import desktop.core.sync.service as service_module
    from desktop.core.events import SyncDidProgress
    from desktop.core.sync.errors import BucketNotFoundError, CredentialsError

    class MissingBucket(MemoryBackend):
        def put(self, req):  # type: ignore[no-untyped-def]
            raise BucketNotFoundError(f"bucket {self.url.bucket!r} does not exist")

    def open_backend(dest, _secrets, _env):  # type: ignore[no-untyped-def]
        if dest.name == "locked":
            raise CredentialsError("no credentials for locked")
        return MissingBucket(dest.url)

    monkeypatch.setattr(service_module, "open_backend", open_backend)
    events = EventBus()
    seen: list[SyncDidProgress] = []
    events.subscribe(SyncDidProgress, seen.append)
    svc = make_service(lib, events)
    lib.add_asset()
    svc.add_destination("s3://gone/p", "gone")
    svc.add_destination("s3://locked/p", "locked")

    report = asyncio.run(svc.run_once())

    assert all(p.fatal for p in report.passes)
    done = {e.destination: e for e in seen if e.detail == "done"}
    assert set(done) == {"gone", "locked"}
    assert done["gone"].errors == 1 and done["locked"].errors == 1


def test_a_failed_connection_test_names_the_kind_of_problem(
        lib: LibraryBuilder, monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.core.sync.service as service_module
    from desktop.core.sync.errors import BucketNotFoundError, CredentialsError

    class Refusing(MemoryBackend):
        def check(self) -> None:
            if self.url.bucket == "gone":
                raise BucketNotFoundError("bucket 'gone' does not exist")
            raise CredentialsError("the storage service refused the credentials")

    monkeypatch.setattr(service_module, "open_backend", lambda d, _s, _e: Refusing(d.url))
    svc = make_service(lib)
    svc.add_destination("s3://gone/p", "gone")
    svc.add_destination("s3://locked/p", "locked")

    gone, locked, unknown = (asyncio.run(svc.test(n)) for n in ("gone", "locked", "nope"))

    assert (gone.ok, gone.problem) == (False, "bucket") and "'gone'" in gone.message
    assert (locked.ok, locked.problem) == (False, "credentials")
    assert (unknown.ok, unknown.problem) == (False, "destination")


def test_a_passing_connection_test_has_no_problem(
        lib: LibraryBuilder, memory_backends: dict[str, MemoryBackend]) -> None:
    svc = make_service(lib)
    svc.add_destination("s3://mem/p", "m")
    result = asyncio.run(svc.test("m"))
    assert result.ok and result.problem == "" and "verified" in result.message
