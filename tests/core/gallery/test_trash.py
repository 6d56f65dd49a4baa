"""Deleting goes to the trash; restoring brings images back; emptying removes files and
rows, and a file that cannot be deleted keeps its row."""

from __future__ import annotations

from desktop.core.events import AssetsDidChange, AssetsDidTrash
from desktop.core.gallery.query import GalleryQuery, Scope
from desktop.core.gallery.service import GalleryService
from tests.core.gallery.conftest import LibraryBuilder


def test_trash_and_restore_move_assets_between_views(
        gallery: GalleryService, build: LibraryBuilder, published: list[object]) -> None:
    a, b = build.asset(), build.asset()
    assert gallery.trash([a, a, 777]) == [a]
    assert gallery.search(GalleryQuery()) == [b]
    assert gallery.trash_count() == 1
    assert gallery.asset(a).deleted_at == 1_800_000_000.0
    assert gallery.restore([a, b]) == [a]
    assert gallery.search(GalleryQuery(scope=Scope.TRASH)) == []
    assert published == [AssetsDidChange((a,)), AssetsDidTrash((a,)),
                         AssetsDidChange((a,)), AssetsDidTrash((a,), restored=True)]


def test_emptying_the_trash_removes_files_thumbnails_and_rows(
        gallery: GalleryService, build: LibraryBuilder) -> None:
    keep, gone = build.asset(), build.asset(tags=("x",))
    thumb = gallery.thumbnail_file(gallery.asset(gone))
    image = gallery.file_path(gallery.asset(gone))
    gallery.trash([gone])
    report = gallery.empty_trash()
    assert report.removed == [gone] and report.failed == {}
    assert not image.exists() and not thumb.exists()
    assert gallery.assets([gone]) == [] and gallery.search(GalleryQuery()) == [keep]
    assert gallery.file_path(gallery.asset(keep)).exists()


def test_a_file_that_cannot_be_deleted_stays_in_the_trash_with_the_reason(
        gallery: GalleryService, build: LibraryBuilder) -> None:
    stuck = build.asset()
    gallery.trash([stuck])
    image = gallery.file_path(gallery.asset(stuck))
    image.unlink()
    image.mkdir()  # unlink() of a directory fails on every platform, even as root
    (image / "inside").write_text("x")
    report = gallery.empty_trash()
    assert report.removed == [] and stuck in report.failed
    assert gallery.search(GalleryQuery(scope=Scope.TRASH)) == [stuck]


def test_a_missing_file_does_not_block_emptying(gallery: GalleryService,
                                                build: LibraryBuilder) -> None:
    lost = build.asset()
    gallery.file_path(gallery.asset(lost)).unlink()
    gallery.trash([lost])
    assert gallery.empty_trash().removed == [lost]
