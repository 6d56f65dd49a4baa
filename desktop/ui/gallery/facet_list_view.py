"""One facet as a list of checkable values with their counts ("openai (1,204)")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from desktop.core.gallery.views import FacetValue
from desktop.ui import formatting

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
FACET_ROLE = Qt.ItemDataRole.UserRole + 2  # the FacetValue, to label the item again
VISIBLE_ROWS = 5


class FacetListView(QListWidget):
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setUniformItemSizes(True)
        self.itemChanged.connect(self._changed)
        self._updating = False
        self._label_for = lambda value, label: label or value

    def set_labeller(self, labeller: object) -> None:
        """How a value is shown: `labeller(value, label) -> str` (e.g. translated origins)."""
        self._label_for = labeller  # type: ignore[assignment]

    def checked(self) -> tuple[str, ...]:
        return tuple(self.item(i).data(VALUE_ROLE) for i in range(self.count())
                     if self.item(i).checkState() == Qt.CheckState.Checked)

    def set_checked(self, values: Sequence[str]) -> None:
        wanted = set(values)
        self._updating = True
        present = {self.item(i).data(VALUE_ROLE) for i in range(self.count())}
        for value in wanted - present:
            self._add(FacetValue(value, 0))
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(VALUE_ROLE) in wanted
                               else Qt.CheckState.Unchecked)
        self._updating = False

    def set_values(self, values: Sequence[FacetValue]) -> None:
        """New counts; values the user checked stay listed even when their count is 0."""
        keep = self.checked()
        self._updating = True
        self.clear()
        shown = set()
        for value in values:
            self._add(value, value.value in keep)
            shown.add(value.value)
        for value in keep:
            if value not in shown:
                self._add(FacetValue(value, 0), True)
        self._updating = False
        rows = min(max(self.count(), 1), VISIBLE_ROWS)
        self.setFixedHeight(rows * max(self.sizeHintForRow(0), 18) + 2 * self.frameWidth() + 2)
        # Every value fits: no scroll bar (one filled in while the tab was hidden kept a stale one).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if self.count() <= VISIBLE_ROWS
                                        else Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def _text(self, value: FacetValue) -> str:
        return f"{self._label_for(value.value, value.label)}  ({formatting.number(value.count)})"

    def _add(self, value: FacetValue, checked: bool = False) -> None:
        text = self._text(value)
        item = QListWidgetItem(text, self)
        item.setData(VALUE_ROLE, value.value)
        item.setData(FACET_ROLE, value)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setToolTip(text)

    def relabel(self) -> None:
        """Label the values again, in the language (and number format) now in use."""
        self._updating = True
        for i in range(self.count()):
            item = self.item(i)
            text = self._text(item.data(FACET_ROLE))
            item.setText(text)
            item.setToolTip(text)
        self._updating = False

    def _changed(self, _item: QListWidgetItem) -> None:
        if not self._updating:
            self.selection_changed.emit()
