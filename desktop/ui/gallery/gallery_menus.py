"""The gallery's menus: the grid's context menu, the collections menu, the import menu and
the sidebar's menu. Built fresh each time from the selection, so they are always right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QMenu, QWidget

from desktop.ui.gallery import collection_list_model as sidebar

if TYPE_CHECKING:
    from desktop.ui.gallery.gallery_commands import GalleryCommands


class GalleryMenus(QObject):
    def __init__(self, commands: GalleryCommands) -> None:
        super().__init__(commands)
        self.commands = commands
        self.view = commands.view

    def grid_menu(self) -> QMenu:
        c, v = self.commands, self.view
        ids = v.selected_ids()
        one, some, many = len(ids) == 1, bool(ids), len(ids) > 1
        in_trash = v.current_entry().kind == sidebar.TRASH
        menu = QMenu(v.grid)
        c.menu_action(menu, self.tr("Open in default app"), c.open_files, some)
        c.menu_action(menu, self.tr("Reveal in file manager"), c.reveal, one)
        c.menu_action(menu, self.tr("Copy image"), c.copy_image, one)
        c.menu_action(menu, self.tr("Copy prompt"), c.copy_prompt, one)
        menu.addSeparator()
        c.menu_action(menu, self.tr("Generate again"), lambda: c.send_to_queue(False), one)
        c.menu_action(menu, self.tr("Use as template"), lambda: c.send_to_queue(True), one)
        c.menu_action(menu, self.tr("Compare side by side"), c.compare, many)
        menu.addSeparator()
        rating = menu.addMenu(self.tr("Rating"))
        rating.setEnabled(some)
        for stars in range(6):
            label = "★" * stars if stars else self.tr("No rating")
            c.menu_action(rating, label, lambda s=stars: c.set_rating(v.selected_ids(), s))
        c.menu_action(menu, self.tr("Mark as favourite"), lambda: c.set_favorite(ids, True), some)
        c.menu_action(menu, self.tr("Remove from favourites"), lambda: c.set_favorite(ids, False), some)
        collections = self.collections_menu(menu)
        collections.setTitle(self.tr("Add to collection"))
        collections.setEnabled(some)
        menu.addMenu(collections)
        entry = v.current_entry()
        if entry.kind == sidebar.COLLECTION and entry.collection_id is not None:
            cid = entry.collection_id
            c.menu_action(menu, self.tr("Remove from this collection"),
                          lambda: c.remove_from_collection(cid, ids), some)
        menu.addSeparator()
        c.menu_action(menu, self.tr("Export…"), c.export_selected, some)
        if in_trash:
            c.menu_action(menu, self.tr("Restore"), lambda: c.restore(ids), some)
            c.menu_action(menu, self.tr("Empty trash…"), c.empty_trash)
        else:
            c.menu_action(menu, self.tr("Move to trash"), lambda: c.trash(ids), some)
        return menu

    def collections_menu(self, parent: QWidget) -> QMenu:
        """Hand-made collections; a tick where the (single) selected image already is."""
        c, v = self.commands, self.view
        menu = QMenu(self.tr("Collections"), parent)
        ids = v.selected_ids()
        member_of = set(v.detail.details.collections) if v.detail.details and len(ids) == 1 else set()
        for entry in v.sidebar_model.hand_made():
            action = menu.addAction(entry.name)
            action.setCheckable(True)
            action.setChecked(entry.name in member_of)
            cid = entry.collection_id or 0
            action.toggled.connect(
                lambda on, cid=cid: (c.add_to_collection if on else c.remove_from_collection)(cid, ids))
        if menu.actions():
            menu.addSeparator()
        c.menu_action(menu, self.tr("New collection…"), lambda: c.new_collection(ids))
        return menu

    def import_menu(self) -> QMenu:
        """The Import button's menu; it lives as long as the tab, so `retranslate` renames it."""
        c = self.commands
        menu = QMenu(self.view)
        self._import_files = c.menu_action(menu, "", lambda: c.import_files())
        self._import_folder = c.menu_action(menu, "", lambda: c.import_folder())
        self.retranslate()
        return menu

    def retranslate(self) -> None:
        if hasattr(self, "_import_files"):
            self._import_files.setText(self.tr("Import files…"))
            self._import_folder.setText(self.tr("Import a folder…"))

    def sidebar_menu(self, row: int) -> QMenu | None:
        c, v = self.commands, self.view
        entry = v.sidebar_model.entry(row)
        menu = QMenu(v.sidebar)
        if entry.kind in (sidebar.COLLECTION, sidebar.SMART) and entry.collection_id is not None:
            cid, name = entry.collection_id, entry.name
            c.menu_action(menu, self.tr("Rename…"), lambda: c.rename_collection(cid, name))
            if entry.kind == sidebar.SMART:
                c.menu_action(menu, self.tr("Replace with the current search"),
                              lambda: c.update_saved_search(cid))
            c.menu_action(menu, self.tr("Delete…"), lambda: c.delete_collection(cid, name))
        elif entry.kind == sidebar.TRASH:
            c.menu_action(menu, self.tr("Empty trash…"), c.empty_trash)
        c.menu_action(menu, self.tr("New collection…"), lambda: c.new_collection())
        return menu

    def show_sidebar_menu(self, pos: QPoint) -> None:
        index = self.view.sidebar.indexAt(pos)
        if index.isValid():
            menu = self.sidebar_menu(index.row())
            if menu is not None:
                menu.exec(self.view.sidebar.viewport().mapToGlobal(pos))
