"""The Gallery tab: filters and saved searches on the left, the thumbnail grid in the
middle, the detail panel on the right.

It holds the current `GalleryQuery`, runs searches, facet counts and detail reads on its
own reader thread through the bridge's `run_task`, follows `asset_added` /
`assets_changed` from the core (a debounced re-search that inserts or removes rows
without a reset where it can), and hands "generate again" / "use as template" to the
window as `JobSpec`s. Commands (rating, tags, trash, import, export...) live in
`GalleryCommands`.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gallery.query import GalleryQuery, Scope
from desktop.core.gallery.views import AssetDetails, AssetView
from desktop.ui import formatting
from desktop.ui.gallery import collection_list_model as sidebar
from desktop.ui.gallery.collection_list_model import CollectionListModel
from desktop.ui.gallery.detail_panel_view import DetailPanelView
from desktop.ui.gallery.facet_panel_view import FacetPanelView
from desktop.ui.gallery.filter_bar_view import FilterBarView
from desktop.ui.gallery.gallery_commands import GalleryCommands
from desktop.ui.gallery.gallery_grid_view import GalleryGridView
from desktop.ui.gallery.gallery_model import GalleryModel
from desktop.ui.gallery.image_loader import ImageLoader
from desktop.ui.gallery.thumbnail_cache import ThumbnailCache
from desktop.ui.gallery.thumbnail_delegate import MARGIN
from desktop.ui.gallery.thumbnail_loader import ThumbnailLoader
from desktop.ui.sync.sync_badges import badges_for
from desktop.ui.widgets.banner_view import MessageBanner

DEFAULT_CELL = 168
REFRESH_AFTER_EVENT_MS = 400


class GalleryView(QWidget):
    """The Gallery tab. `services` is `desktop.core.services.Services`; `bridge` is the
    window's `QtBridge` (signals per core event and `run_task`)."""

    rerun_requested = Signal(object)  # JobSpec without a seed: "generate again"
    template_requested = Signal(object)  # JobSpec as made: "use as template"
    results_changed = Signal(int)  # how many images the current search shows

    def __init__(self, services: Any, bridge: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GalleryView")
        self.services = services
        self.gallery = services.gallery
        self.bridge = bridge
        self.reader: Executor = ThreadPoolExecutor(1, "gallery-read")
        self.files: Executor = ThreadPoolExecutor(1, "gallery-files")
        self.writer: Executor = services.executors.db
        self.query = GalleryQuery()
        self._search_token = 0
        self._details_token = 0
        self._image_ticket = 0
        self._closed = False
        self._pending_show: int | None = None
        self._searches = 0  # searches in flight
        self._busy: set[str] = set()
        self._again: set[str] = set()

        self.thumbnails = ThumbnailLoader(self._thumb_target(DEFAULT_CELL), parent=self)
        self.images = ImageLoader(self)
        self.model = GalleryModel(self.gallery, self.thumbnails, ThumbnailCache(), self,
                                  sync_badges=badges_for(services, bridge, self))
        self.banner = MessageBanner(self)
        self.filter_bar = FilterBarView(self, DEFAULT_CELL)
        self.facet_panel = FacetPanelView(self)
        self.sidebar_model = CollectionListModel(self)
        self.sidebar = QListView(self)
        self.sidebar.setModel(self.sidebar_model)
        self.sidebar.setAcceptDrops(True)
        self.sidebar.setDropIndicatorShown(True)
        self.sidebar.setDragDropMode(QListView.DragDropMode.DropOnly)
        self.sidebar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid = GalleryGridView(self, DEFAULT_CELL)
        self.grid.setModel(self.model)
        self.detail = DetailPanelView(self)
        self.count_label = QLabel(self)
        self.empty_trash_button = QPushButton(self)
        self.empty_trash_button.hide()
        self.commands = GalleryCommands(self)
        self._build_layout()
        self._connect()
        self.retranslate()
        self.sidebar.setCurrentIndex(self.sidebar_model.index(0, 0))
        self.refresh()
        self.refresh_sidebar()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- construction ---------------------------------------------------------------------
    def _build_layout(self) -> None:
        facets = QScrollArea(self)
        facets.setWidgetResizable(True)
        facets.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        facets.setWidget(self.facet_panel)
        self.facet_scroll = facets
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.sidebar)
        left.addWidget(facets)
        left.setSizes([200, 520])
        middle = QWidget(self)
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.grid, 1)
        status = QHBoxLayout()
        status.setContentsMargins(6, 2, 6, 2)
        status.addWidget(self.count_label, 1)
        status.addWidget(self.empty_trash_button)
        column.addLayout(status)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 760, 360])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.banner)
        outer.addWidget(self.filter_bar)
        outer.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.filter_bar.search_changed.connect(self.refresh)
        self.filter_bar.filters_toggled.connect(self._toggle_filters)
        self.filter_bar.cell_size_changed.connect(self.set_cell_size)
        self.facet_panel.filters_changed.connect(self.refresh)
        self.sidebar.selectionModel().currentChanged.connect(self._sidebar_changed)
        self.grid.selectionModel().selectionChanged.connect(lambda *_: self._selection_later.start())
        self.model.modelReset.connect(lambda: self._selection_later.start())
        self._selection_later = QTimer(self)
        self._selection_later.setSingleShot(True)
        self._selection_later.setInterval(40)
        self._selection_later.timeout.connect(self._selection_changed)
        self._refresh_later = QTimer(self)
        self._refresh_later.setSingleShot(True)
        self._refresh_later.setInterval(REFRESH_AFTER_EVENT_MS)
        self._refresh_later.timeout.connect(self._refresh_after_events)
        self.images.image_loaded.connect(self._image_loaded)
        self.grid.verticalScrollBar().valueChanged.connect(self._prune_thumbnails)
        self.bridge.asset_added.connect(lambda event: self.assets_changed([event.asset_id]))
        self.bridge.assets_changed.connect(lambda event: self.assets_changed(event.asset_ids))
        self.commands.connect_widgets()

    def retranslate(self) -> None:
        self.commands.menus.retranslate()
        self.empty_trash_button.setText(self.tr("Empty trash…"))
        self.sidebar.setToolTip(self.tr("Drop images on a collection, Favourites or Trash"))
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def _thumb_target(cell: int) -> QSize:
        side = cell - 2 * MARGIN
        return QSize(side, side)

    def set_cell_size(self, cell: int) -> None:
        self.thumbnails.set_target(self._thumb_target(cell))
        self.model.clear_thumbnails()
        self.grid.set_cell(cell)

    def _prune_thumbnails(self, *_args: Any) -> None:
        """Scrolling fast: decode what is on screen now, not what flew past."""
        rows = self.grid.visible_rows()
        row_of = self.model.row_of
        self.thumbnails.retain(lambda asset_id: (row := row_of(asset_id)) is not None and row in rows)

    def _toggle_filters(self, shown: bool) -> None:
        self.facet_scroll.setVisible(shown)
        if shown:
            self.refresh_facets()

    # -- background work ------------------------------------------------------------------
    def run(self, executor: Executor, fn: Callable[..., Any], *args: Any, where: str,
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> Any:
        """Run a blocking core call on `executor` through the bridge's error boundary."""
        if self._closed:
            return None

        async def work() -> Any:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(executor, functools.partial(fn, *args))

        return self.bridge.run_task(work(), where, on_done=on_done, on_error=on_error)

    def _single_flight(self, key: str, again: Callable[[], None]) -> tuple[Callable[[], None], bool]:
        """For reads that events may ask for faster than they finish (facet counts, the
        sidebar): returns (finished, start). When one is already running, start is False
        and it runs once more after the running one, so a busy queue never piles them up."""
        def finished() -> None:
            self._busy.discard(key)
            if key in self._again and not self._closed:
                self._again.discard(key)
                again()

        if key in self._busy:
            self._again.add(key)
            return finished, False
        self._busy.add(key)
        return finished, True

    # -- the query ------------------------------------------------------------------------
    def current_entry(self) -> sidebar.SidebarEntry:
        index = self.sidebar.currentIndex()
        return self.sidebar_model.entry(index.row()) if index.isValid() else sidebar.SidebarEntry(sidebar.ALL)

    def build_query(self) -> GalleryQuery:
        query = GalleryQuery(text=self.filter_bar.text(), sort=self.filter_bar.sort())
        query = self.facet_panel.apply_to(query)
        entry = self.current_entry()
        if entry.kind == sidebar.FAVORITES:
            query = query.with_changes(favorites_only=True)
        elif entry.kind == sidebar.TRASH:
            query = query.with_changes(scope=Scope.TRASH)
        elif entry.kind == sidebar.COLLECTION:
            query = query.with_changes(collection_id=entry.collection_id)
        return query

    def _sidebar_changed(self, *_args: Any) -> None:
        entry = self.current_entry()
        if entry.kind == sidebar.SMART and entry.query is not None:
            self.filter_bar.load(entry.query.text, entry.query.sort)
            self.facet_panel.load_query(entry.query)
        self.empty_trash_button.setVisible(entry.kind == sidebar.TRASH)
        self.refresh()

    def refresh(self) -> None:
        """Search again with what the widgets say; the newest search wins."""
        self.query = self.build_query()
        self._search_token += 1
        self._searches += 1
        token, query = self._search_token, self.query
        self.run(self.reader, self.gallery.search, query, where=self.tr("Searching the gallery"),
                 on_done=lambda ids: self._searched(token, ids),
                 on_error=lambda _exc: self._search_ended())

    def _search_ended(self) -> None:
        self._searches -= 1
        if self._searches == 0 and "search" in self._again and not self._closed:
            self._again.discard("search")
            self.refresh()

    def _searched(self, token: int, ids: list[int]) -> None:
        self._search_ended()
        if token != self._search_token or self._closed:
            return
        selected = self.selected_ids()
        current = self.current_id()
        how = self.model.apply_ids(ids)
        if self._pending_show is not None and self.model.row_of(self._pending_show) is not None:
            self.select_ids([self._pending_show])
            self._pending_show = None
        elif how == "reset":
            self._reselect(selected, current)
        self._show_count()
        self.results_changed.emit(len(ids))
        if self.facet_scroll.isVisibleTo(self):  # the filters are open, even while the tab is hidden
            self.refresh_facets()

    def refresh_facets(self) -> None:
        finished, start = self._single_flight("facets", self.refresh_facets)
        if not start:
            return
        query = self.query

        def done(facets: Any) -> None:
            finished()
            if query == self.query and not self._closed:
                self.facet_panel.set_facets(facets)
            elif not self._closed:
                self.refresh_facets()  # the search changed while these were counted

        self.run(self.reader, self.gallery.facets, query, where=self.tr("Counting the filters"),
                 on_done=done, on_error=lambda _exc: finished())

    def refresh_sidebar(self) -> None:
        finished, start = self._single_flight("sidebar", self.refresh_sidebar)
        if not start:
            return
        gallery = self.gallery

        def read() -> tuple[Any, ...]:
            return (gallery.collections(), gallery.count(GalleryQuery()),
                    gallery.count(GalleryQuery(favorites_only=True)), gallery.trash_count(),
                    [t.value for t in gallery.tags()])

        def done(result: tuple[Any, ...]) -> None:
            finished()
            self._sidebar_read(result)

        self.run(self.reader, read, where=self.tr("Reading collections"), on_done=done,
                 on_error=lambda _exc: finished())

    def _sidebar_read(self, result: tuple[Any, ...]) -> None:
        if self._closed:
            return
        collections, total, favorites, trash, tags = result
        entry = self.current_entry()
        self.sidebar.selectionModel().blockSignals(True)
        self.sidebar_model.set_contents(collections, total=total, favorites=favorites, trash=trash)
        row = self.sidebar_model.row_of(entry.kind, entry.collection_id)
        self.sidebar.setCurrentIndex(self.sidebar_model.index(row if row is not None else 0, 0))
        self.sidebar.selectionModel().blockSignals(False)
        if row is None:
            self._sidebar_changed()
        self.detail.set_tag_words(tags)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        text = (self.tr("1 image") if count == 1
                else self.tr("%1 images").replace("%1", formatting.number(count)))
        selected = len(self.selected_ids()) if hasattr(self, "grid") else 0
        if selected > 1:
            text += " · " + self.tr("%1 selected").replace("%1", formatting.number(selected))
        self.count_label.setText(text)

    # -- live updates ---------------------------------------------------------------------
    def assets_changed(self, ids: Any) -> None:
        """Assets were added or changed in the store: repaint them, search again soon."""
        ids = [int(i) for i in ids]
        self.model.forget(ids)
        self._refresh_later.start()
        shown = self.detail.details
        if shown is not None and shown.asset.id in ids:
            self._selection_later.start()

    def _refresh_after_events(self) -> None:
        if self._searches:
            self._again.add("search")  # one more search once the running ones end
        else:
            self.refresh()
        self.refresh_sidebar()

    # -- selection and details ------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.grid.selectionModel().selectedIndexes())
        return [self.model.id_at(r) for r in rows if r < self.model.rowCount()]

    def selected_assets(self) -> list[AssetView]:
        return self.model.assets_for(self.selected_ids())

    def current_id(self) -> int | None:
        index = self.grid.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_ids(self, ids: list[int]) -> None:
        selection = self.grid.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select
        for asset_id in ids:
            index = self.model.index_of(asset_id)
            if index.isValid():
                selection.select(index, flags)
        if ids:
            first = self.model.index_of(ids[0])
            if first.isValid():
                selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.grid.scrollTo(first)

    def show_asset(self, asset_id: int) -> None:
        """Select and scroll to one image ("show in gallery" from the queue); when the
        current search hides it, go back to all images without filters first."""
        if self.model.row_of(asset_id) is not None:
            self.select_ids([asset_id])
            return
        self._pending_show = asset_id
        self.filter_bar.load("", self.filter_bar.sort())
        self.facet_panel.load_query(GalleryQuery())
        self.sidebar.selectionModel().blockSignals(True)
        self.sidebar.setCurrentIndex(self.sidebar_model.index(0, 0))
        self.sidebar.selectionModel().blockSignals(False)
        self.empty_trash_button.hide()
        self.refresh()

    def _reselect(self, ids: list[int], current: int | None) -> None:
        if ids and len(ids) <= 2000:
            order = ([current] if current in ids else []) + [i for i in ids if i != current]
            self.select_ids(order)

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self._show_count()
        self._details_token += 1
        if len(ids) != 1:
            self.detail.show_selection(len(ids))
            return
        token, asset_id = self._details_token, ids[0]
        self.run(self.reader, self.gallery.details, asset_id, where=self.tr("Reading image details"),
                 on_done=lambda details: self._details_read(token, details))

    def _details_read(self, token: int, details: AssetDetails) -> None:
        if token != self._details_token or self._closed:
            return
        previous = self.detail.details
        self.detail.show_details(details)
        if previous is None or previous.asset.id != details.asset.id or \
                previous.asset.sha256 != details.asset.sha256:
            self.detail.image_label.clear()
        if details.file_exists:
            path = str(self.gallery.file_path(details.asset))
            self._image_ticket = self.images.load(path, self.detail.image_target())

    def _image_loaded(self, ticket: int, image: QImage) -> None:
        if ticket == self._image_ticket:
            self.detail.show_image(image)
        else:
            self.commands.image_loaded(ticket, image)

    # -- lifetime -------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop the workers (the window is closing); safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._refresh_later.stop()
        self._selection_later.stop()
        self.thumbnails.shutdown()
        self.images.shutdown()
        self.reader.shutdown(wait=False, cancel_futures=True)
        self.files.shutdown(wait=False, cancel_futures=True)
