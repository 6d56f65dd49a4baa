"""The Gallery tab end to end on a real library: searching, filtering, the detail panel,
rating, trash and undo, collections by drag and drop, live updates, import, export,
clipboard, compare, and handing settings to the queue."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from desktop.core.events import AssetDidAdd
from desktop.core.gallery.query import GalleryQuery, Scope
from desktop.core.models import JobSpec
from desktop.core.services import Services
from desktop.ui.gallery.collection_list_model import COLLECTION, SMART, TRASH
from desktop.ui.gallery.gallery_model import GalleryModel
from desktop.ui.gallery.gallery_view import GalleryView
from desktop.ui.qt_bridge import QtBridge
from tests.core.gallery.conftest import LibraryBuilder
from tests.core.gallery.test_import_export import A1111_TEXT, png_file
from tests.ui.gallery.conftest import fill

WAIT = 8000


@pytest.fixture
def view(services: Services, bridge: QtBridge, build: LibraryBuilder,
         qtbot: object) -> Iterator[GalleryView]:
    fill(build, 60)
    made = GalleryView(services, bridge)
    qtbot.addWidget(made)  # type: ignore[attr-defined]
    made.resize(1400, 900)
    made.show()
    qtbot.waitUntil(lambda: made.model.rowCount() == 60, timeout=WAIT)  # type: ignore[attr-defined]
    yield made
    made.shutdown()


def select(view: GalleryView, *rows: int) -> None:
    selection = view.grid.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(view.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    selection.setCurrentIndex(view.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)


def visible_rows(view: GalleryView) -> list[int]:
    rect = view.grid.viewport().rect()
    return [r for r in range(view.model.rowCount())
            if view.grid.visualRect(view.model.index(r, 0)).intersects(rect)]


def test_the_grid_shows_the_newest_first_and_loads_only_visible_thumbnails(
        view: GalleryView, services: Services, qtbot: object) -> None:
    assert view.model.ids() == services.gallery.search(GalleryQuery())
    shown = visible_rows(view)
    assert 0 < len(shown) < 60
    qtbot.waitUntil(lambda: all(view.model.id_at(r) in view.model.cache for r in shown),  # type: ignore[attr-defined]
                    timeout=WAIT)
    assert view.thumbnails.requested < 60  # rows below the fold were never decoded
    assert "60" in view.count_label.text()


def test_typing_a_chinese_search_and_ticking_a_provider_narrow_the_grid(
        view: GalleryView, services: Services, qtbot: object) -> None:
    view.filter_bar.search_edit.setText("九份")  # typed; QTest.keyClicks aborts on CJK characters
    qtbot.waitUntil(lambda: view.model.rowCount() == 6, timeout=WAIT)  # type: ignore[attr-defined]
    assert view.query.text == "九份"
    qtbot.waitUntil(lambda: view.facet_panel.lists["providers"].count() > 0, timeout=WAIT)  # type: ignore[attr-defined]
    providers = view.facet_panel.lists["providers"]
    item = next(providers.item(i) for i in range(providers.count())
                if providers.item(i).text().startswith("stability"))
    item.setCheckState(Qt.CheckState.Checked)
    expected = services.gallery.search(GalleryQuery(text="九份", providers=("stability",)))
    qtbot.waitUntil(lambda: view.model.ids() == expected, timeout=WAIT)  # type: ignore[attr-defined]
    assert 0 < len(expected) < 6


def test_selecting_an_image_shows_its_settings_and_the_large_picture(
        view: GalleryView, services: Services, qtbot: object) -> None:
    select(view, 3)
    asset = services.gallery.asset(view.model.id_at(3))
    qtbot.waitUntil(lambda: view.detail.details is not None, timeout=WAIT)  # type: ignore[attr-defined]
    assert view.detail.prompt_text.toPlainText() == asset.prompt
    fields = {view.detail.fields_tree.topLevelItem(i).text(0): view.detail.fields_tree.topLevelItem(i).text(1)
              for i in range(view.detail.fields_tree.topLevelItemCount())}
    assert fields["Seed"] == str(asset.seed) and fields["Model"] == asset.model
    qtbot.waitUntil(lambda: view.detail.image_label.pixmap() is not None  # type: ignore[attr-defined]
                    and not view.detail.image_label.pixmap().isNull(), timeout=WAIT)


def test_rating_from_the_panel_is_stored_and_repainted(view: GalleryView, services: Services,
                                                       qtbot: object) -> None:
    select(view, 0)
    asset_id = view.model.id_at(0)
    qtbot.waitUntil(lambda: view.detail.details is not None, timeout=WAIT)  # type: ignore[attr-defined]
    view.detail.rating_view.rating_changed.emit(5)
    qtbot.waitUntil(lambda: services.gallery.asset(asset_id).rating == 5, timeout=WAIT)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: view.model.data(view.model.index(0, 0), GalleryModel.RatingRole) == 5,  # type: ignore[attr-defined]
                    timeout=WAIT)


def test_delete_moves_to_the_trash_and_undo_brings_it_back(view: GalleryView, services: Services,
                                                           qtbot: object) -> None:
    select(view, 1, 2)
    gone = view.selected_ids()
    view.grid.setFocus()
    QTest.keyClick(view.grid, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: view.model.rowCount() == 58, timeout=WAIT)  # type: ignore[attr-defined]
    assert not set(gone) & set(view.model.ids())
    assert set(services.gallery.search(GalleryQuery(scope=Scope.TRASH))) == set(gone)
    qtbot.waitUntil(lambda: view.banner.isVisible(), timeout=WAIT)  # type: ignore[attr-defined]
    view.banner.action_triggered.emit("undo-trash")
    qtbot.waitUntil(lambda: view.model.rowCount() == 60, timeout=WAIT)  # type: ignore[attr-defined]


def test_emptying_the_trash_deletes_the_files(view: GalleryView, services: Services,
                                              qtbot: object) -> None:
    victim = view.model.id_at(0)
    path = services.gallery.file_path(services.gallery.asset(victim))
    services.gallery.trash([victim])
    view.sidebar.setCurrentIndex(view.sidebar_model.index(view.sidebar_model.row_of(TRASH), 0))
    qtbot.waitUntil(lambda: view.model.ids() == [victim], timeout=WAIT)  # type: ignore[attr-defined]
    assert view.empty_trash_button.isVisible()
    view.commands.empty_trash(confirmed=True)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=WAIT)  # type: ignore[attr-defined]
    assert not path.exists() and services.gallery.assets([victim]) == []


def test_images_dropped_on_a_collection_are_added_to_it(view: GalleryView, services: Services,
                                                        qtbot: object) -> None:
    album = services.gallery.create_collection("客戶A 提案")
    view.refresh_sidebar()
    qtbot.waitUntil(lambda: view.sidebar_model.row_of(COLLECTION, album) is not None, timeout=WAIT)  # type: ignore[attr-defined]
    dragged = view.model.mimeData([view.model.index(0, 0), view.model.index(5, 0)])
    target = view.sidebar_model.index(view.sidebar_model.row_of(COLLECTION, album), 0)
    assert view.sidebar_model.dropMimeData(dragged, Qt.DropAction.CopyAction, -1, -1, target)
    wanted = {view.model.id_at(0), view.model.id_at(5)}
    qtbot.waitUntil(lambda: set(services.gallery.search(GalleryQuery(collection_id=album))) == wanted,  # type: ignore[attr-defined]
                    timeout=WAIT)
    view.sidebar.setCurrentIndex(view.sidebar_model.index(view.sidebar_model.row_of(COLLECTION, album), 0))
    qtbot.waitUntil(lambda: set(view.model.ids()) == wanted, timeout=WAIT)  # type: ignore[attr-defined]


def test_a_new_image_from_the_queue_appears_on_top_without_a_reset(
        view: GalleryView, services: Services, build: LibraryBuilder, qtbot: object) -> None:
    resets: list[int] = []
    view.model.modelReset.connect(lambda: resets.append(1))
    new_id = build.asset(prompt="剛生成的新圖", created_at=1_900_000_000.0)
    services.events.publish(AssetDidAdd(new_id))
    qtbot.waitUntil(lambda: view.model.rowCount() == 61, timeout=WAIT)  # type: ignore[attr-defined]
    assert view.model.id_at(0) == new_id and resets == []


def test_a_saved_search_becomes_a_smart_collection_that_restores_the_filters(
        view: GalleryView, services: Services, qtbot: object) -> None:
    view.filter_bar.search_edit.setText("夜市")
    view.filter_bar.search_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: view.query.text == "夜市" and view.model.rowCount() == 6, timeout=WAIT)  # type: ignore[attr-defined]
    view.commands.save_search("夜市 全部")
    qtbot.waitUntil(lambda: any(view.sidebar_model.entry(r).kind == SMART  # type: ignore[attr-defined]
                                for r in range(view.sidebar_model.rowCount())), timeout=WAIT)
    view.filter_bar.search_edit.clear()
    view.filter_bar.search_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: view.model.rowCount() == 60, timeout=WAIT)  # type: ignore[attr-defined]
    row = next(r for r in range(view.sidebar_model.rowCount()) if view.sidebar_model.entry(r).kind == SMART)
    view.sidebar.setCurrentIndex(view.sidebar_model.index(row, 0))
    qtbot.waitUntil(lambda: view.model.rowCount() == 6, timeout=WAIT)  # type: ignore[attr-defined]
    assert view.filter_bar.text() == "夜市"


def test_importing_a1111_images_makes_their_prompts_searchable(
        view: GalleryView, services: Services, tmp_path: Path, qtbot: object) -> None:
    source = png_file(tmp_path, "forge.png", (30, 90, 200), parameters=A1111_TEXT)
    view.commands.import_files([str(source)])
    qtbot.waitUntil(lambda: view.model.rowCount() == 61, timeout=WAIT)  # type: ignore[attr-defined]
    assert "1" in view.banner.text_label.text()
    view.filter_bar.search_edit.setText("旗袍")
    view.filter_bar.search_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=WAIT)  # type: ignore[attr-defined]
    asset = view.model.data(view.model.index(0, 0), GalleryModel.AssetRole)
    assert asset.origin == "imported" and asset.seed == 3141592653


def test_export_writes_the_selected_files_and_a_manifest(view: GalleryView, tmp_path: Path,
                                                         qtbot: object) -> None:
    select(view, 0, 1, 2)
    out = tmp_path / "給客戶"
    view.commands.export_selected(str(out))
    qtbot.waitUntil(lambda: len(list(out.glob("*.png"))) == 3  # type: ignore[attr-defined]
                    and len(list(out.glob("manifest-*.json"))) == 1, timeout=WAIT)
    manifest = json.loads(next(out.glob("manifest-*.json")).read_text("utf-8"))
    assert {m["id"] for m in manifest} == set(view.selected_ids())


def test_copy_image_puts_the_picture_and_its_file_on_the_clipboard(view: GalleryView,
                                                                   qtbot: object) -> None:
    select(view, 4)
    view.commands.copy_image()
    clipboard = QGuiApplication.clipboard()
    qtbot.waitUntil(lambda: not clipboard.image().isNull(), timeout=WAIT)  # type: ignore[attr-defined]
    assert clipboard.image().size().width() == 96  # the full image, not the thumbnail
    assert clipboard.mimeData().urls()[0].toLocalFile().endswith(".png")


def test_open_and_reveal_hand_the_files_to_the_desktop(view: GalleryView) -> None:
    opened: list[QUrl] = []
    view.commands.opener = lambda url: opened.append(url) or True
    select(view, 0, 1)
    assert view.commands.open_files() == 2
    assert all(Path(u.toLocalFile()).is_file() for u in opened)
    view.commands.reveal()
    assert Path(opened[-1].toLocalFile()).is_dir()


def test_compare_shows_the_selected_images_side_by_side(view: GalleryView, qtbot: object) -> None:
    select(view, 0, 1, 2)
    dialog = view.commands.compare()
    assert dialog is not None and len(dialog.assets) == 3
    qtbot.waitUntil(lambda: dialog.waiting == 0, timeout=WAIT)  # type: ignore[attr-defined]
    dialog.close()


def test_generate_again_and_use_as_template_hand_job_specs_to_the_queue(
        view: GalleryView, services: Services, qtbot: object) -> None:
    select(view, 2)
    asset = services.gallery.asset(view.model.id_at(2))
    qtbot.waitUntil(lambda: view.detail.details is not None, timeout=WAIT)  # type: ignore[attr-defined]
    with qtbot.waitSignal(view.template_requested) as template:  # type: ignore[attr-defined]
        view.detail.template_button.click()
    with qtbot.waitSignal(view.rerun_requested) as rerun:  # type: ignore[attr-defined]
        view.detail.rerun_button.click()
    spec, again = template.args[0], rerun.args[0]
    assert isinstance(spec, JobSpec) and spec.request.prompt == asset.prompt
    assert spec.request.seed == asset.seed and again.request.seed is None
    assert spec.request.model == asset.model


def test_the_context_menu_offers_what_fits_the_selection(view: GalleryView) -> None:
    select(view, 0)
    texts = {a.text(): a.isEnabled() for a in view.commands.menus.grid_menu().actions() if a.text()}
    assert texts["Copy image"] and texts["Use as template"] and not texts["Compare side by side"]
    select(view, 0, 1)
    texts = {a.text(): a.isEnabled() for a in view.commands.menus.grid_menu().actions() if a.text()}
    assert texts["Compare side by side"] and not texts["Copy image"]


def test_no_selection_clears_the_panel(view: GalleryView, qtbot: object) -> None:
    select(view, 0)
    qtbot.waitUntil(lambda: view.detail.details is not None, timeout=WAIT)  # type: ignore[attr-defined]
    view.grid.selectionModel().clearSelection()
    view.grid.setCurrentIndex(QModelIndex())
    qtbot.waitUntil(lambda: view.detail.details is None, timeout=WAIT)  # type: ignore[attr-defined]
    assert view.detail.empty_label.isVisible()


def test_show_asset_clears_a_hiding_search_and_selects_the_image(view: GalleryView,
                                                                 services: Services,
                                                                 qtbot: object) -> None:
    target = services.gallery.search(GalleryQuery(text="珍珠奶茶"))[-1]
    view.filter_bar.search_edit.setText("日月潭")
    view.filter_bar.search_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: view.model.row_of(target) is None, timeout=WAIT)  # type: ignore[attr-defined]
    view.show_asset(target)
    qtbot.waitUntil(lambda: view.selected_ids() == [target], timeout=WAIT)  # type: ignore[attr-defined]
    assert view.filter_bar.text() == "" and view.model.rowCount() == 60


def test_facet_counts_asked_for_while_running_are_coalesced_into_one_more_run(
        view: GalleryView, qtbot: object, monkeypatch: pytest.MonkeyPatch) -> None:
    qtbot.waitUntil(lambda: not view._busy, timeout=WAIT)  # type: ignore[attr-defined]
    calls: list[GalleryQuery] = []
    real = view.gallery.facets

    def counting(query: GalleryQuery) -> object:
        calls.append(query)
        return real(query)

    monkeypatch.setattr(view.gallery, "facets", counting)
    for _ in range(6):
        view.refresh_facets()
    qtbot.waitUntil(lambda: not view._busy and len(calls) >= 1, timeout=WAIT)  # type: ignore[attr-defined]
    qtbot.wait(100)  # type: ignore[attr-defined]
    assert len(calls) == 2  # the running one, then one more for the five that waited


def test_images_added_while_the_tab_is_hidden_are_counted_in_the_filters_when_it_shows(
        view: GalleryView, services: Services, build: LibraryBuilder, qtbot: object) -> None:
    providers = view.facet_panel.lists["providers"]
    qtbot.waitUntil(lambda: providers.count() == 4, timeout=WAIT)  # type: ignore[attr-defined]
    view.hide()  # the designer is on the Queue tab
    new_id = build.asset(prompt="剛生成的新圖", created_at=1_900_000_000.0, provider="gemini",
                         model="gemini-2.5-flash-image")
    services.events.publish(AssetDidAdd(new_id))
    qtbot.waitUntil(lambda: view.model.rowCount() == 61, timeout=WAIT)  # type: ignore[attr-defined]
    view.show()
    qtbot.waitUntil(lambda: any(providers.item(i).text().startswith("gemini")  # type: ignore[attr-defined]
                                for i in range(providers.count())), timeout=WAIT)


def test_the_origin_filter_follows_a_language_switch(view: GalleryView, appearance: object,
                                                     qtbot: object) -> None:
    origins = view.facet_panel.lists["origins"]
    qtbot.waitUntil(lambda: origins.count() > 0, timeout=WAIT)  # type: ignore[attr-defined]
    english = [origins.item(i).text() for i in range(origins.count())]
    assert any(t.startswith("Generated here") for t in english)
    checked: list[int] = []
    origins.selection_changed.connect(lambda: checked.append(1))
    appearance.translations.apply("zh_TW")  # type: ignore[attr-defined]
    try:
        shown = [origins.item(i).text() for i in range(origins.count())]
    finally:
        appearance.translations.apply("en")  # type: ignore[attr-defined]
    assert any(t.startswith("本程式生成") for t in shown) and not any("Generated" in t for t in shown)
    assert checked == []  # relabelling is not a change of the filter



def test_a_filter_list_filled_while_the_tab_was_hidden_shows_no_scroll_bar_for_few_values(
        view: GalleryView, services: Services, build: LibraryBuilder, appearance: object,
        qtbot: object) -> None:
    view.hide()
    new_id = build.asset(prompt="剛生成的新圖", created_at=1_900_000_000.0, provider="gemini",
                         model="gemini-2.5-flash-image")
    services.events.publish(AssetDidAdd(new_id))
    qtbot.waitUntil(lambda: view.model.rowCount() == 61, timeout=WAIT)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: view.facet_panel.lists["providers"].count() == 5, timeout=WAIT)  # type: ignore[attr-defined]
    appearance.translations.apply("zh_TW")  # type: ignore[attr-defined]
    appearance.theme.apply("dark")  # type: ignore[attr-defined]
    try:
        view.show()
        qtbot.waitExposed(view)  # type: ignore[attr-defined]
        few = [f for f in view.facet_panel.lists.values() if 0 < f.count() <= 5]
        scrolled = [f for f in few if f.verticalScrollBar().isVisible()]
    finally:
        appearance.translations.apply("en")  # type: ignore[attr-defined]
        appearance.theme.apply("light")  # type: ignore[attr-defined]
    assert few and scrolled == []
