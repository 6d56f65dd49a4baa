"""The outbox is filled by triggers in the same transaction as the change: new, changed,
retagged, trashed and deleted assets are queued once per destination, and a no-op update
queues nothing."""

from __future__ import annotations

import time

from desktop.core.sync.outbox import OutboxRepository
from desktop.core.sync.store import SyncStore
from tests.core.sync.library_builder import LibraryBuilder


def _add_destination(lib: LibraryBuilder, name: str) -> int:
    lib.execute("INSERT INTO sync_destinations (name, url, options_json, created_at, manifest_seq)"
                " VALUES (:n, :u, '{}', 0, 0)", n=name, u=f"s3://bucket/{name}")
    return lib.rows("SELECT id FROM sync_destinations WHERE name=:n", n=name)[0][0]


def _outbox(lib: LibraryBuilder) -> list[tuple]:
    return lib.rows("SELECT destination_id, asset_id, op, gen FROM sync_outbox ORDER BY destination_id, id")


def test_a_new_destination_queues_every_live_asset_and_new_assets_go_to_every_destination(
        lib: LibraryBuilder) -> None:
    live, trashed = lib.add_asset(), lib.add_asset()
    lib.trash(trashed)
    lib.execute("DELETE FROM sync_outbox")
    d1 = _add_destination(lib, "one")
    d2 = _add_destination(lib, "two")
    new = lib.add_asset()
    assert _outbox(lib) == [(d1, live, "put", 1), (d1, new, "put", 1),
                            (d2, live, "put", 1), (d2, new, "put", 1)]


def test_changes_bump_the_generation_of_one_row_and_no_op_updates_queue_nothing(
        lib: LibraryBuilder) -> None:
    d = _add_destination(lib, "one")
    asset = lib.add_asset()
    lib.execute("UPDATE assets SET rating=rating, prompt=prompt WHERE id=:a", a=asset)
    assert _outbox(lib) == [(d, asset, "put", 1)]
    lib.set_rating(asset, 4)
    lib.execute("INSERT INTO tags (name) VALUES ('x')")
    lib.execute("INSERT INTO asset_tags SELECT :a, id FROM tags WHERE name='x'", a=asset)
    lib.execute("UPDATE tags SET name='y' WHERE name='x'")
    assert _outbox(lib) == [(d, asset, "put", 4)]


def test_trash_and_hard_delete_are_queued_with_what_is_needed_to_find_the_remote_keys(
        lib: LibraryBuilder) -> None:
    d = _add_destination(lib, "one")
    trashed, deleted = lib.add_asset(), lib.add_asset()
    snapshot = lib.asset(deleted)
    lib.execute("DELETE FROM sync_outbox")
    lib.trash(trashed)
    lib.delete(deleted)
    rows = lib.rows("SELECT destination_id, asset_id, op, path, thumb_path, sha256 FROM sync_outbox ORDER BY id")
    assert rows == [(d, trashed, "trash", None, None, None),
                    (d, None, "delete", snapshot["path"], snapshot["thumb_path"], snapshot["sha256"])]


def test_a_worker_only_removes_the_generation_it_finished(lib: LibraryBuilder) -> None:
    d = _add_destination(lib, "one")
    asset = lib.add_asset()
    store = SyncStore(lib.db)
    outbox = OutboxRepository(store)
    (item,) = outbox.due(d, time.time())
    lib.set_rating(asset, 5)  # changed while the worker was uploading
    with store.write() as conn:
        assert OutboxRepository.complete(conn, item) is False
    (again,) = outbox.due(d, time.time())
    with store.write() as conn:
        assert OutboxRepository.complete(conn, again) is True
    assert outbox.counts(d) == (0, 0)


def test_failed_rows_wait_for_their_retry_time(lib: LibraryBuilder) -> None:
    d = _add_destination(lib, "one")
    lib.add_asset()
    outbox = OutboxRepository(SyncStore(lib.db))
    (item,) = outbox.due(d, time.time())
    outbox.fail(item, "boom", retry_at=time.time() + 60)
    assert outbox.due(d, time.time()) == [] and outbox.counts(d) == (1, 1)
    assert outbox.errors(d)[0].last_error == "boom"
    outbox.retry_now(d)
    assert len(outbox.due(d, time.time())) == 1
