"""The dashboard's KPI tiles: a label, a big number, and under it what the number is
measured against (the monthly budget, with a bar) or why it is missing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from desktop.core.analytics.dashboard import KpiTile
from desktop.core.analytics.units import Unit
from desktop.ui.analytics import labels

# The tiles in the order they are laid out; the first four are the headline.
TILE_KEYS = ("spend_this_month", "images_made", "success_rate", "cost_per_accepted_image", "spend",
             "cost_per_image", "cache_hits", "cache_savings", "sync_backlog")
HEADLINE = 4


class KpiTileView(QFrame):
    def __init__(self, key: str, big: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"kpi-{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.value = QLabel("—", self)
        self.value.setObjectName("KpiValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * (1.9 if big else 1.35))
        font.setBold(True)
        self.value.setFont(font)
        self.note = QLabel(self)
        self.note.setObjectName("KpiNote")
        self.note.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(6)
        self.bar.setRange(0, 1000)
        self.bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.bar)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.tile: KpiTile | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(labels.metric_label(self.key))
        hint = labels.METRIC_HINTS.get(self.key)
        self.setToolTip(labels.tr(hint) if hint else "")
        if self.tile is not None:
            self.show_tile(self.tile)

    def show_tile(self, tile: KpiTile) -> None:
        self.tile = tile
        self.value.setText(labels.value_text(tile.value, tile.unit))
        over = tile.fraction is not None and tile.fraction > 1
        self.value.setProperty("over", over)
        if tile.target:
            self.bar.show()
            self.bar.setValue(int(min(tile.fraction or 0.0, 1.0) * 1000))
            share = labels.value_text((tile.fraction or 0.0) * 100, Unit.PERCENT)
            text = QCoreApplication.translate("AnalyticsLabels", "%1 of the %2 budget").replace("%1", share).replace(
                "%2", labels.value_text(tile.target, tile.unit))
            if over:
                text = QCoreApplication.translate("AnalyticsLabels", "Over budget: %1").replace("%1", text)
            self.note.setText(text)
        else:
            self.bar.hide()
            self.note.setText(labels.note_text(tile.note) if tile.value is None or tile.note else "")
        self.value.setStyleSheet("color: #d9534f;" if over else "")

    def clear(self) -> None:
        self.tile = None
        self.value.setText("—")
        self.note.setText("")
        self.bar.hide()


class KpiStripView(QWidget):
    """The tiles in two rows: the headline four (large), then the rest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles = {key: KpiTileView(key, i < HEADLINE, self) for i, key in enumerate(TILE_KEYS)}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        rest = len(TILE_KEYS) - HEADLINE
        columns = HEADLINE * rest  # both rows fill the width: 4 wide tiles over 5 narrower ones
        for i, key in enumerate(TILE_KEYS[:HEADLINE]):
            grid.addWidget(self.tiles[key], 0, i * rest, 1, rest)
        for i, key in enumerate(TILE_KEYS[HEADLINE:]):
            grid.addWidget(self.tiles[key], 1, i * HEADLINE, 1, HEADLINE)
        for column in range(columns):
            grid.setColumnStretch(column, 1)

    def show_tiles(self, tiles: list[KpiTile]) -> None:
        for tile in tiles:
            view = self.tiles.get(tile.key)
            if view is not None:
                view.show_tile(tile)

    def retranslate(self) -> None:
        for view in self.tiles.values():
            view.retranslate()
