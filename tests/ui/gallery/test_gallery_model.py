"""The gallery's item models: they pass qtmodeltester, page rows from the store only for
rows asked about, load thumbnails lazily off the GUI thread, and drag out file URLs."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData, QModelIndex, QSize, Qt, QUrl
from PySide6.QtGui import QImage

from desktop.core.gallery.views import CollectionInfo
from desktop.core.services import Services
from desktop.ui.gallery.collection_list_model import CollectionListModel
from desktop.ui.gallery.gallery_model import ASSET_IDS_MIME, PAGE_SIZE, GalleryModel
from desktop.ui.gallery.thumbnail_cache import ThumbnailCache
from desktop.ui.gallery.thumbnail_loader import ThumbnailLoader
from tests.core.gallery.conftest import LibraryBuilder
from tests.ui.gallery.conftest import fill


def rows_only(build: LibraryBuilder, count: int) -> list[int]:
    """Asset rows without files (paging does not need pixels)."""
    edits = build.gallery.edits
    return [edits.insert_asset({"path": f"images/none/{i}.png", "sha256": str(i), "size_bytes": 1,
                                "width": 8, "height": 8, "mime": "image/png", "provider": "p",
                                "model": "m", "prompt": f"prompt {i}", "negative_prompt": "",
                                "request_json": "{}", "cost_usd": 0.0, "origin": "generated",
                                "created_at": float(i), "rating": 0, "favorite": 0})
            for i in range(count)]


def make_model(services: Services, qtbot: object) -> GalleryModel:
    loader = ThumbnailLoader(QSize(120, 120))
    model = GalleryModel(services.gallery, loader, ThumbnailCache())
    model.setParent(loader)
    return model


def test_the_gallery_model_passes_qtmodeltester(services: Services, build: LibraryBuilder,
                                                qtmodeltester: object, qtbot: object) -> None:
    ids = fill(build, 12)
    model = make_model(services, qtbot)
    model.set_ids(list(reversed(ids)))
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not model.loader.busy)  # type: ignore[attr-defined]
    model.apply_ids(list(reversed(ids))[3:])
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not model.loader.busy)  # type: ignore[attr-defined]
    assert 0 < len(model.cache) == model.loader.requested < 12  # what was asked for, no more


def test_rows_are_paged_from_the_store_only_when_asked(services: Services,
                                                       build: LibraryBuilder, qtbot: object) -> None:
    ids = rows_only(build, 3 * PAGE_SIZE)
    model = make_model(services, qtbot)
    model.set_ids(ids)
    assert model.rowCount() == 3 * PAGE_SIZE and model.pages_fetched == 0
    row = PAGE_SIZE + 7
    assert model.data(model.index(row, 0), GalleryModel.AssetRole).prompt == f"prompt {row}"
    assert model.pages_fetched == 1
    assert len(model._rows) == PAGE_SIZE  # one page, not the whole table
    model.data(model.index(PAGE_SIZE + 150, 0), Qt.ItemDataRole.DisplayRole)
    assert model.pages_fetched == 1  # same page: served from the cache
    model.data(model.index(5, 0), Qt.ItemDataRole.DisplayRole)
    assert model.pages_fetched == 2


def test_thumbnails_load_lazily_off_the_gui_thread(services: Services, build: LibraryBuilder,
                                                   qtbot: object) -> None:
    ids = fill(build, 30)
    model = make_model(services, qtbot)
    model.set_ids(ids)
    index = model.index(4, 0)
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is None  # placeholder at first
    assert model.data(index, GalleryModel.ThumbnailStateRole) == "loading"
    assert model.loader.requested == 1  # only the row that was asked for
    with qtbot.waitSignal(model.dataChanged, timeout=5000):  # type: ignore[attr-defined]
        pass
    image = model.data(index, Qt.ItemDataRole.DecorationRole)
    assert isinstance(image, QImage) and not image.isNull()
    assert max(image.width(), image.height()) <= 120
    assert model.data(index, GalleryModel.ThumbnailStateRole) == "ready"
    assert model.loader.requested == 1 and len(model.cache) == 1
    thumb = services.gallery.thumbnail_file(model.data(index, GalleryModel.AssetRole))
    assert thumb.is_file()  # made on the worker since the test library had none


def test_a_missing_image_shows_as_missing_and_is_not_requested_again(
        services: Services, build: LibraryBuilder, qtbot: object) -> None:
    (asset_id,) = fill(build, 1)
    services.gallery.file_path(services.gallery.asset(asset_id)).unlink()
    model = make_model(services, qtbot)
    model.set_ids([asset_id])
    index = model.index(0, 0)
    with qtbot.waitSignal(model.loader.thumbnail_failed, timeout=5000):  # type: ignore[attr-defined]
        model.data(index, Qt.ItemDataRole.DecorationRole)
    assert model.data(index, GalleryModel.ThumbnailStateRole) == "missing"
    model.data(index, Qt.ItemDataRole.DecorationRole)
    assert model.loader.requested == 1


def test_dragging_out_gives_file_urls_and_asset_ids(services: Services, build: LibraryBuilder,
                                                    qtbot: object) -> None:
    ids = fill(build, 3)
    model = make_model(services, qtbot)
    model.set_ids(ids)
    data = model.mimeData([model.index(0, 0), model.index(2, 0)])
    urls = data.urls()
    assert [u.isLocalFile() for u in urls] == [True, True]
    assert all(Path(u.toLocalFile()).is_file() for u in urls)
    assert urls[0] == QUrl.fromLocalFile(str(services.gallery.file_path(services.gallery.asset(ids[0]))))
    assert json.loads(bytes(data.data(ASSET_IDS_MIME).data())) == [ids[0], ids[2]]
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert "text/uri-list" in model.mimeTypes()


def test_new_ids_on_top_are_inserted_and_removed_ids_are_removed_without_a_reset(
        services: Services, build: LibraryBuilder, qtbot: object) -> None:
    ids = rows_only(build, 10)
    model = make_model(services, qtbot)
    model.set_ids(ids[2:])
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(model.rowsInserted) as inserted:  # type: ignore[attr-defined]
        assert model.apply_ids(ids[:2] + ids[2:]) == "inserted"
    assert inserted.args[1:] == [0, 1]
    with qtbot.waitSignal(model.rowsRemoved):  # type: ignore[attr-defined]
        assert model.apply_ids([i for i in ids if i not in (ids[3], ids[4], ids[8])]) == "removed"
    assert model.ids() == [i for i in ids if i not in (ids[3], ids[4], ids[8])]
    assert resets == []
    assert model.apply_ids(list(reversed(ids))) == "reset" and resets == [1]
    assert model.row_of(ids[0]) == 9


def test_the_thumbnail_cache_is_bounded_by_bytes_and_keeps_what_was_used() -> None:
    one = QImage(50, 50, QImage.Format.Format_ARGB32_Premultiplied)
    cache = ThumbnailCache(max_bytes=3 * one.sizeInBytes())
    for i in range(3):
        cache.put(i, QImage(one))
    cache.get(0)  # recently used
    cache.put(3, QImage(one))
    assert sorted(cache._images) == [0, 2, 3]
    assert cache.bytes_used == 3 * one.sizeInBytes()


def test_the_sidebar_model_passes_qtmodeltester_and_takes_dropped_assets(
        qtmodeltester: object, qtbot: object) -> None:
    model = CollectionListModel()
    model.set_contents([CollectionInfo(7, "客戶A 精選", 3, 0.0),
                        CollectionInfo(8, "五星", 12, 0.0, query=None)], total=40, trash=2)
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    data = QMimeData()
    data.setData(ASSET_IDS_MIME, b"[5, 6]")
    row = model.row_of("collection", 7)
    assert row is not None
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index(0, 0))
    with qtbot.waitSignal(model.assets_dropped) as dropped:  # type: ignore[attr-defined]
        assert model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index(row, 0))
    assert dropped.args == ["collection", 7, [5, 6]]
    assert "(40)" in model.data(model.index(0, 0)) and model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
