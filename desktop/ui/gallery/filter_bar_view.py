"""The strip above the grid: prompt search (debounced), sort, the filter panel toggle,
saving the current search, importing, and the thumbnail size."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSlider,
    QToolButton,
    QWidget,
)

from desktop.core.gallery.query import Sort
from desktop.ui.gallery.labels import sort_name

TYPING_PAUSE_MS = 250


class FilterBarView(QWidget):
    search_changed = Signal()  # text (after a typing pause) or sort
    filters_toggled = Signal(bool)
    save_search_clicked = Signal()
    import_clicked = Signal()
    cell_size_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, cell: int = 168) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(220)
        self.sort_combo = QComboBox(self)
        self.filters_button = QToolButton(self)
        self.filters_button.setCheckable(True)
        self.filters_button.setChecked(True)
        self.save_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.size_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.size_slider.setRange(96, 320)
        self.size_slider.setSingleStep(16)
        self.size_slider.setValue(cell)
        self.size_slider.setFixedWidth(110)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.filters_button)
        layout.addWidget(self.search_edit, 1)
        layout.addWidget(self.sort_combo)
        layout.addWidget(self.save_button)
        layout.addWidget(self.import_button)
        layout.addWidget(self.size_slider)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.search_changed)
        self.search_edit.textChanged.connect(lambda _t: self._typing.start())
        self.search_edit.returnPressed.connect(self._now)
        self.sort_combo.currentIndexChanged.connect(lambda _i: self.search_changed.emit())
        self.filters_button.toggled.connect(self.filters_toggled)
        self.save_button.clicked.connect(self.save_search_clicked)
        self.import_button.clicked.connect(self.import_clicked)
        self._resize = QTimer(self)
        self._resize.setSingleShot(True)
        self._resize.setInterval(120)
        self._resize.timeout.connect(lambda: self.cell_size_changed.emit(self.size_slider.value()))
        self.size_slider.valueChanged.connect(lambda _v: self._resize.start())
        self.retranslate()

    def _now(self) -> None:
        self._typing.stop()
        self.search_changed.emit()

    def retranslate(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Search prompts…"))
        self.filters_button.setText(self.tr("Filters"))
        self.filters_button.setToolTip(self.tr("Show or hide the filters"))
        self.save_button.setText(self.tr("Save search…"))
        self.save_button.setToolTip(self.tr("Keep this search as a smart collection"))
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setToolTip(
            self.tr("Add images made elsewhere (A1111, ComfyUI, InvokeAI…); their prompts become searchable"))
        self.size_slider.setToolTip(self.tr("Thumbnail size"))
        current = self.sort()
        self.sort_combo.blockSignals(True)
        self.sort_combo.clear()
        for sort in Sort:
            self.sort_combo.addItem(sort_name(sort), str(sort))
        self.sort_combo.setCurrentIndex(self.sort_combo.findData(str(current)))
        self.sort_combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def text(self) -> str:
        return self.search_edit.text().strip()

    def sort(self) -> Sort:
        data = self.sort_combo.currentData()
        return Sort(data) if data else Sort.NEWEST

    def load(self, text: str, sort: Sort) -> None:
        """Show a saved search's text and sort without announcing a change."""
        for widget in (self.search_edit, self.sort_combo):
            widget.blockSignals(True)
        self.search_edit.setText(text)
        self.sort_combo.setCurrentIndex(max(0, self.sort_combo.findData(str(sort))))
        for widget in (self.search_edit, self.sort_combo):
            widget.blockSignals(False)
        self._typing.stop()
