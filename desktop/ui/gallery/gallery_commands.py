"""What the Gallery tab does to images: rating, favourite, tags, collections, trash and
restore, import, export, clipboard, opening and revealing files, comparing, and handing
settings back to the queue. Every change runs on the store's writer thread through the
bridge; the view updates from the events the core publishes.

Dialogs are the defaults of small hooks (`ask_folder`, `ask_files`, `ask_text`,
`confirm`) so the commands can be driven directly with arguments.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction, QDesktopServices, QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMenu, QMessageBox

from desktop.core.gallery.views import EmptyTrashReport, ExportReport, ImportReport
from desktop.ui import formatting
from desktop.ui.gallery import collection_list_model as sidebar
from desktop.ui.gallery import desktop_files
from desktop.ui.gallery.compare_dialog import CompareDialog
from desktop.ui.gallery.gallery_menus import GalleryMenus

if TYPE_CHECKING:
    from desktop.ui.gallery.gallery_view import GalleryView

IMAGE_FILTER = "*.png *.jpg *.jpeg *.webp"
MAX_COMPARED = 6


def counted(n: int, one: str, many: str) -> str:
    """The singular or plural sentence (both translated by the caller), with the number."""
    return one if n == 1 else many.replace("%1", formatting.number(n))


class GalleryCommands(QObject):
    def __init__(self, view: GalleryView) -> None:
        super().__init__(view)
        self.view = view
        self.gallery = view.gallery
        self.opener: Callable[[Any], bool] = QDesktopServices.openUrl
        self.ask_folder: Callable[[str], str] = lambda title: QFileDialog.getExistingDirectory(view, title)
        self.ask_files: Callable[[str], list[str]] = lambda title: QFileDialog.getOpenFileNames(
            view, title, "", self.tr("Images (%1)").replace("%1", IMAGE_FILTER))[0]
        self.ask_text: Callable[[str, str, str], str | None] = self._ask_text
        self.confirm: Callable[[str, str], bool] = self._confirm
        self.menus = GalleryMenus(self)
        self.compare_dialog: CompareDialog | None = None
        self._clipboard: dict[int, str] = {}
        self._last_trashed: list[int] = []
        self._last_export = ""

    def connect_widgets(self) -> None:
        v = self.view
        v.detail.rating_changed.connect(lambda r: self.set_rating(v.selected_ids(), r))
        v.detail.favorite_toggled.connect(lambda on: self.set_favorite(v.selected_ids(), on))
        v.detail.tags_edited.connect(self.edit_tags)
        v.detail.copy_prompt_clicked.connect(self.copy_prompt)
        v.detail.copy_seed_clicked.connect(self.copy_seed)
        v.detail.rerun_clicked.connect(lambda: self.send_to_queue(keep_seed=False))
        v.detail.template_clicked.connect(lambda: self.send_to_queue(keep_seed=True))
        v.detail.compare_clicked.connect(self.compare)
        v.detail.collections_clicked.connect(
            lambda: self.menus.collections_menu(v.detail).exec(
                v.detail.collections_button.mapToGlobal(QPoint(0, v.detail.collections_button.height()))))
        v.grid.customContextMenuRequested.connect(
            lambda pos: self.menus.grid_menu().exec(v.grid.viewport().mapToGlobal(pos)))
        v.sidebar.customContextMenuRequested.connect(self.menus.show_sidebar_menu)
        v.grid.delete_pressed.connect(self.trash_or_restore)
        v.grid.files_dropped.connect(self.import_files)
        v.grid.activated_asset.connect(lambda asset_id: self.open_files([asset_id]))
        v.sidebar_model.assets_dropped.connect(self.dropped_on_sidebar)
        v.filter_bar.save_search_clicked.connect(lambda: self.save_search())
        v.filter_bar.import_button.setMenu(self.menus.import_menu())
        v.empty_trash_button.clicked.connect(lambda: self.empty_trash())
        v.banner.action_triggered.connect(self._banner_action)

    # -- helpers --------------------------------------------------------------------------
    def _write(self, fn: Callable[..., Any], *args: Any, where: str,
               on_done: Callable[[Any], None] | None = None) -> Any:
        return self.view.run(self.view.writer, fn, *args, where=where, on_done=on_done)

    def _ask_text(self, title: str, label: str, text: str) -> str | None:
        value, ok = QInputDialog.getText(self.view, title, label, QLineEdit.EchoMode.Normal, text)
        return value.strip() if ok and value.strip() else None

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.view, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, text: str, detail: str = "", action_key: str = "", action_text: str = "",
               level: str = "info") -> None:
        self.view.banner.show_message(text, level, detail=detail, action_key=action_key,
                                      action_text=action_text, timeout_ms=0 if detail else 8000)

    def _single(self) -> Any:
        assets = self.view.selected_assets()
        return assets[0] if len(assets) == 1 else None

    # -- marks ----------------------------------------------------------------------------
    def set_rating(self, ids: Sequence[int], rating: int) -> Any:
        if ids:
            return self._write(self.gallery.set_rating, list(ids), rating, where=self.tr("Rating images"))
        return None

    def set_favorite(self, ids: Sequence[int], favorite: bool) -> Any:
        if ids:
            return self._write(self.gallery.set_favorite, list(ids), favorite,
                               where=self.tr("Marking favourites"))
        return None

    def edit_tags(self, tags: list[str]) -> Any:
        """One image: its tags become `tags`. Several: `tags` are added to each."""
        assets = self.view.selected_assets()
        if not assets:
            return None
        ids = [a.id for a in assets]
        add = list(tags)
        remove = [t for t in assets[0].tags if t not in tags] if len(assets) == 1 else []
        gallery = self.gallery

        def apply() -> None:
            if add:
                gallery.add_tags(ids, add)
            if remove:
                gallery.remove_tags(ids, remove)

        return self._write(apply, where=self.tr("Changing tags"))

    # -- collections ----------------------------------------------------------------------
    def add_to_collection(self, collection_id: int, ids: Sequence[int]) -> Any:
        return self._write(self.gallery.add_to_collection, collection_id, list(ids),
                           where=self.tr("Adding to a collection"),
                           on_done=lambda _done: self.view.refresh_sidebar())

    def remove_from_collection(self, collection_id: int, ids: Sequence[int]) -> Any:
        return self._write(self.gallery.remove_from_collection, collection_id, list(ids),
                           where=self.tr("Removing from a collection"),
                           on_done=lambda _done: self.view.refresh_sidebar())

    def new_collection(self, ids: Sequence[int] = (), name: str | None = None) -> Any:
        name = name or self.ask_text(self.tr("New collection"), self.tr("Name:"), "")
        if not name:
            return None
        gallery, ids = self.gallery, list(ids)

        def create() -> int:
            collection_id = gallery.create_collection(name)
            if ids:
                gallery.add_to_collection(collection_id, ids)
            return collection_id

        return self._write(create, where=self.tr("Creating a collection"),
                           on_done=lambda _cid: self.view.refresh_sidebar())

    def save_search(self, name: str | None = None) -> Any:
        """Keep the current search (text, filters, sort) as a smart collection."""
        name = name or self.ask_text(self.tr("Save search"), self.tr("Name of the saved search:"), "")
        if not name:
            return None
        query = self.view.query.with_changes(collection_id=None)
        return self._write(self.gallery.save_search, name, query, where=self.tr("Saving the search"),
                           on_done=lambda _cid: self.view.refresh_sidebar())

    def update_saved_search(self, collection_id: int) -> Any:
        query = self.view.query.with_changes(collection_id=None)
        return self._write(self.gallery.update_saved_search, collection_id, query,
                           where=self.tr("Saving the search"),
                           on_done=lambda _none: self.view.refresh_sidebar())

    def rename_collection(self, collection_id: int, old: str, name: str | None = None) -> Any:
        name = name or self.ask_text(self.tr("Rename"), self.tr("New name:"), old)
        if not name or name == old:
            return None
        return self._write(self.gallery.rename_collection, collection_id, name,
                           where=self.tr("Renaming a collection"),
                           on_done=lambda _none: self.view.refresh_sidebar())

    def delete_collection(self, collection_id: int, name: str, confirmed: bool = False) -> Any:
        if not confirmed and not self.confirm(
                self.tr("Delete collection"),
                self.tr("Delete the collection “%1”? The images stay in the library.").replace("%1", name)):
            return None
        return self._write(self.gallery.delete_collection, collection_id,
                           where=self.tr("Deleting a collection"),
                           on_done=lambda _ids: self.view.refresh_sidebar())

    def dropped_on_sidebar(self, kind: str, collection_id: int, ids: list[int]) -> None:
        if kind == sidebar.COLLECTION:
            self.add_to_collection(collection_id, ids)
        elif kind == sidebar.FAVORITES:
            self.set_favorite(ids, True)
        elif kind == sidebar.TRASH:
            self.trash(ids)

    # -- trash ----------------------------------------------------------------------------
    def trash_or_restore(self) -> None:
        ids = self.view.selected_ids()
        if self.view.current_entry().kind == sidebar.TRASH:
            self.restore(ids)
        else:
            self.trash(ids)

    def trash(self, ids: Sequence[int]) -> Any:
        if not ids:
            return None
        return self._write(self.gallery.trash, list(ids), where=self.tr("Moving images to the trash"),
                           on_done=self._trashed)

    def _trashed(self, ids: list[int]) -> None:
        self._last_trashed = ids
        if ids:
            self.inform(counted(len(ids), self.tr("Moved 1 image to the trash."),
                                self.tr("Moved %1 images to the trash.")),
                        action_key="undo-trash", action_text=self.tr("Undo"))

    def restore(self, ids: Sequence[int]) -> Any:
        if not ids:
            return None
        return self._write(self.gallery.restore, list(ids), where=self.tr("Restoring images"),
                           on_done=lambda done: self.inform(counted(
                               len(done), self.tr("Restored 1 image."), self.tr("Restored %1 images."))))

    def empty_trash(self, confirmed: bool = False) -> Any:
        if not confirmed and not self.confirm(
                self.tr("Empty trash"),
                self.tr("Delete every image in the trash from the disk? This cannot be undone.")):
            return None
        return self.view.run(self.view.files, self.gallery.empty_trash,
                             where=self.tr("Emptying the trash"), on_done=self._emptied)

    def _emptied(self, report: EmptyTrashReport) -> None:
        text = counted(len(report.removed), self.tr("Deleted 1 image for good."),
                       self.tr("Deleted %1 images for good."))
        detail = "\n".join(f"#{i}: {why}" for i, why in report.failed.items())
        if report.failed:
            text += " " + self.tr("%1 could not be deleted and stay in the trash.").replace(
                "%1", formatting.number(len(report.failed)))
        self.inform(text, detail, level="warning" if report.failed else "info")

    def _banner_action(self, key: str) -> None:
        if key == "undo-trash" and self._last_trashed:
            self.restore(self._last_trashed)
            self._last_trashed = []
        elif key == "open-folder" and self._last_export:
            desktop_files.open_files([self._last_export], self.opener)

    # -- import and export ----------------------------------------------------------------
    def import_files(self, paths: Sequence[str] | None = None) -> Any:
        if paths is None:
            paths = self.ask_files(self.tr("Import images"))
        if not paths:
            return None
        return self.view.run(self.view.files, self.gallery.import_files, list(paths),
                             where=self.tr("Importing images"), on_done=self._imported)

    def import_folder(self, folder: str | None = None) -> Any:
        folder = folder or self.ask_folder(self.tr("Import a folder of images"))
        return self.import_files([folder]) if folder else None

    def _imported(self, report: ImportReport) -> None:
        text = counted(len(report.added), self.tr("Imported 1 image."), self.tr("Imported %1 images."))
        if report.with_metadata:
            text += " " + self.tr("%1 carried prompts or settings.").replace(
                "%1", formatting.number(report.with_metadata))
        if report.duplicates:
            text += " " + self.tr("%1 were already in the library.").replace(
                "%1", formatting.number(len(report.duplicates)))
        if report.failed:
            text += " " + self.tr("%1 could not be imported.").replace("%1", formatting.number(len(report.failed)))
        detail = "\n".join(f"{path}: {why}" for path, why in report.failed.items())
        self.inform(text, detail, level="warning" if report.failed else "info")

    def export_selected(self, folder: str | None = None) -> Any:
        ids = self.view.selected_ids()
        if not ids:
            return None
        folder = folder or self.ask_folder(self.tr("Export to folder"))
        if not folder:
            return None
        return self.view.run(self.view.files, self.gallery.export, ids, folder,
                             where=self.tr("Exporting images"), on_done=self._exported)

    def _exported(self, report: ExportReport) -> None:
        self._last_export = report.folder
        text = counted(len(report.files), self.tr("Exported 1 image with a manifest to %2."),
                       self.tr("Exported %1 images with a manifest to %2.")).replace("%2", report.folder)
        detail = "\n".join(f"#{i}: {why}" for i, why in report.failed.items())
        self.inform(text, detail, action_key="open-folder", action_text=self.tr("Open folder"),
                    level="warning" if report.failed else "info")

    # -- files and clipboard --------------------------------------------------------------
    def paths_of(self, ids: Sequence[int]) -> list[str]:
        return [str(self.gallery.file_path(a)) for a in self.view.model.assets_for(list(ids))]

    def open_files(self, ids: Sequence[int] | None = None) -> int:
        return desktop_files.open_files(self.paths_of(ids or self.view.selected_ids()), self.opener)

    def reveal(self, ids: Sequence[int] | None = None) -> bool:
        paths = self.paths_of(ids or self.view.selected_ids())
        return desktop_files.reveal(paths[0], self.opener) if paths else False

    def copy_image(self) -> int | None:
        """Copy the selected image (full size, decoded off the GUI thread)."""
        paths = self.paths_of(self.view.selected_ids()[:1])
        if not paths:
            return None
        ticket = self.view.images.load(paths[0])
        self._clipboard[ticket] = paths[0]
        return ticket

    def image_loaded(self, ticket: int, image: QImage) -> None:
        path = self._clipboard.pop(ticket, None)
        if path is not None:
            desktop_files.copy_image(image, path)
            self.inform(self.tr("Image copied to the clipboard."))

    def copy_prompt(self) -> None:
        asset = self._single()
        if asset is not None:
            desktop_files.copy_text(asset.prompt)

    def copy_seed(self) -> None:
        asset = self._single()
        if asset is not None and asset.seed is not None:
            desktop_files.copy_text(str(asset.seed))

    # -- comparing and re-using -----------------------------------------------------------
    def compare(self) -> CompareDialog | None:
        assets = self.view.selected_assets()[:MAX_COMPARED]
        if len(assets) < 2:
            return None
        if self.compare_dialog is not None:
            self.compare_dialog.close()
        self.compare_dialog = CompareDialog(assets, lambda a: str(self.gallery.file_path(a)),
                                            self.view.images, self.view)
        self.compare_dialog.show()
        return self.compare_dialog

    def send_to_queue(self, keep_seed: bool) -> None:
        """"Use as template" keeps the seed; "generate again" lets the queue pick a new one."""
        asset = self._single()
        if asset is None:
            return
        spec = asset.job_spec(keep_seed=keep_seed)
        signal = self.view.template_requested if keep_seed else self.view.rerun_requested
        signal.emit(spec)

    def menu_action(self, menu: QMenu, text: str, slot: Callable[[], Any],
                    enabled: bool = True) -> QAction:
        action = menu.addAction(text)
        action.setEnabled(enabled)
        action.triggered.connect(lambda _checked=False: slot())
        return action
