"""The gallery's filters: favourites, rating, date range, cost range, and checkable facet
lists (provider, model, batch, size, tags, origin) with live counts. It edits the facet
part of a `GalleryQuery`; the text and sort belong to the filter bar."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gallery.query import GalleryQuery
from desktop.core.gallery.views import Facets
from desktop.ui.gallery.facet_list_view import FacetListView
from desktop.ui.gallery.labels import origin_name

FACET_KEYS = ("providers", "models", "batch_ids", "sizes", "tags", "origins")


def _date_to_unix(date: QDate) -> float:
    return QDateTime(date, QTime(0, 0)).toSecsSinceEpoch()


class FacetPanelView(QWidget):
    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GalleryFacets")
        self._quiet = False
        self._emit_later = QTimer(self)
        self._emit_later.setSingleShot(True)
        self._emit_later.setInterval(150)
        self._emit_later.timeout.connect(self.filters_changed)

        self.favorites_check = QCheckBox(self)
        self.rating_combo = QComboBox(self)
        self.from_check, self.to_check = QCheckBox(self), QCheckBox(self)
        today = QDate.currentDate()
        self.from_date = QDateEdit(today.addMonths(-1), self)
        self.to_date = QDateEdit(today, self)
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            edit.setMinimumWidth(96)
        self.min_cost, self.max_cost = QDoubleSpinBox(self), QDoubleSpinBox(self)
        for spin in (self.min_cost, self.max_cost):
            spin.setMinimumWidth(64)
            spin.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            spin.setRange(0.0, 1000.0)
            spin.setDecimals(3)
            spin.setSingleStep(0.01)
        self.lists = {key: FacetListView(self) for key in FACET_KEYS}
        self.lists["origins"].set_labeller(lambda value, _label: origin_name(value))
        self.lists["batch_ids"].set_labeller(lambda value, label: f"#{value} {label}".strip())
        self.titles = {key: QLabel(self) for key in FACET_KEYS}
        self.clear_button = QPushButton(self)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.rating_label, self.from_label, self.to_label = QLabel(self), QLabel(self), QLabel(self)
        self.cost_label = QLabel(self)
        form.addRow(self.favorites_check)
        form.addRow(self.rating_label, self.rating_combo)
        form.addRow(self._row(self.from_check, self.from_date))
        form.addRow(self._row(self.to_check, self.to_date))
        cost = QHBoxLayout()
        cost.addWidget(self.min_cost, 1)
        cost.addWidget(QLabel("–", self))
        cost.addWidget(self.max_cost, 1)
        form.addRow(self.cost_label, cost)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        for key in FACET_KEYS:
            layout.addWidget(self.titles[key])
            layout.addWidget(self.lists[key])
            self.titles[key].hide()  # shown when the first counts arrive with values
            self.lists[key].hide()
        layout.addWidget(self.clear_button)
        layout.addStretch(1)

        self.favorites_check.toggled.connect(self._changed)
        self.rating_combo.currentIndexChanged.connect(self._changed)
        for widget in (self.from_check, self.to_check):
            widget.toggled.connect(self._changed)
        for widget in (self.from_date, self.to_date):
            widget.dateChanged.connect(self._changed)
        for spin in (self.min_cost, self.max_cost):
            spin.valueChanged.connect(self._changed)
        for facet in self.lists.values():
            facet.selection_changed.connect(self._changed)
        self.clear_button.clicked.connect(self.clear)
        self.retranslate()

    def _row(self, check: QCheckBox, edit: QDateEdit) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(check)
        row.addWidget(edit, 1)
        return row

    def retranslate(self) -> None:
        self.favorites_check.setText(self.tr("Favourites only"))
        self.rating_label.setText(self.tr("Rating"))
        current = max(self.rating_combo.currentIndex(), 0)
        self._quiet = True
        self.rating_combo.clear()
        self.rating_combo.addItem(self.tr("Any rating"), None)
        for stars in range(1, 6):
            self.rating_combo.addItem(self.tr("%1 or more").replace("%1", "★" * stars), stars)
        self.rating_combo.addItem(self.tr("Unrated"), 0)
        self.rating_combo.setCurrentIndex(current)
        self._quiet = False
        for edit in (self.from_date, self.to_date):  # the language may have changed the locale
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.from_check.setText(self.tr("From"))
        self.to_check.setText(self.tr("To"))
        self.cost_label.setText(self.tr("Cost (US$)"))
        for spin in (self.min_cost, self.max_cost):
            spin.setSpecialValueText(self.tr("Any"))
        titles = {"providers": self.tr("Provider"), "models": self.tr("Model"),
                  "batch_ids": self.tr("Batch"), "sizes": self.tr("Size"),
                  "tags": self.tr("Tags"), "origins": self.tr("Origin")}
        for key, label in self.titles.items():
            label.setText(f"<b>{titles[key]}</b>")
        for facet in self.lists.values():  # translated values, such as the origins
            facet.relabel()
        self.clear_button.setText(self.tr("Clear filters"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _changed(self, *_args: object) -> None:
        if not self._quiet:
            self._emit_later.start()

    # -- the query ------------------------------------------------------------------------
    def apply_to(self, query: GalleryQuery) -> GalleryQuery:
        """`query` with this panel's conditions in place of its own."""
        stars = self.rating_combo.currentData()
        lists = {key: facet.checked() for key, facet in self.lists.items()}
        return query.with_changes(
            providers=lists["providers"], models=lists["models"],
            batch_ids=tuple(int(b) for b in lists["batch_ids"]), sizes=lists["sizes"],
            tags=lists["tags"], origins=lists["origins"],
            favorites_only=self.favorites_check.isChecked(),
            min_rating=stars if stars else None, max_rating=0 if stars == 0 else None,
            created_from=_date_to_unix(self.from_date.date()) if self.from_check.isChecked() else None,
            created_to=(_date_to_unix(self.to_date.date().addDays(1))
                        if self.to_check.isChecked() else None),
            min_cost=self.min_cost.value() or None, max_cost=self.max_cost.value() or None,
        )

    def load_query(self, query: GalleryQuery) -> None:
        """Show a saved search's conditions (without announcing a change)."""
        self._quiet = True
        for facet in self.lists.values():
            facet.blockSignals(True)
        self.lists["providers"].set_checked(query.providers)
        self.lists["models"].set_checked(query.models)
        self.lists["batch_ids"].set_checked([str(b) for b in query.batch_ids])
        self.lists["sizes"].set_checked(query.sizes)
        self.lists["tags"].set_checked(query.tags)
        self.lists["origins"].set_checked(query.origins)
        self.favorites_check.setChecked(query.favorites_only)
        if query.max_rating == 0:
            self.rating_combo.setCurrentIndex(self.rating_combo.count() - 1)
        else:
            self.rating_combo.setCurrentIndex(max(0, self.rating_combo.findData(query.min_rating))
                                              if query.min_rating else 0)
        self.from_check.setChecked(query.created_from is not None)
        if query.created_from is not None:
            self.from_date.setDate(QDateTime.fromSecsSinceEpoch(int(query.created_from)).date())
        self.to_check.setChecked(query.created_to is not None)
        if query.created_to is not None:
            self.to_date.setDate(QDateTime.fromSecsSinceEpoch(int(query.created_to)).date().addDays(-1))
        self.min_cost.setValue(query.min_cost or 0.0)
        self.max_cost.setValue(query.max_cost or 0.0)
        for facet in self.lists.values():
            facet.blockSignals(False)
        self._quiet = False
        self._emit_later.stop()

    def clear(self) -> None:
        self.load_query(GalleryQuery())
        self.filters_changed.emit()

    def set_facets(self, facets: Facets) -> None:
        """New counts; a facet with nothing to choose from is hidden."""
        values = {"providers": facets.providers, "models": facets.models,
                  "batch_ids": facets.batches, "sizes": facets.sizes, "tags": facets.tags,
                  "origins": facets.origins}
        for key, found in values.items():
            self.lists[key].set_values(found)
            shown = self.lists[key].count() > 0
            self.lists[key].setVisible(shown)
            self.titles[key].setVisible(shown)
