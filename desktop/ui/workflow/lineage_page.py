"""The lineage of the chosen image as a tree with thumbnails; picks are highlighted, and
reseeds can be collapsed into one row that counts them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.workflow.lineage_model import AssetIdRole, LineageModel


class LineageView(QWidget):
    images_requested = Signal(list)  # asset ids to show in the image grid

    def __init__(self, model: LineageModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorkflowLineage")
        self.model = model
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.collapse = QCheckBox(self)
        self.collapse.setChecked(True)
        self.collapse.toggled.connect(self._collapse)
        self.tree = QTreeView(self)
        self.tree.setObjectName("WorkflowLineageTree")
        self.tree.setModel(model)
        self.tree.setIconSize(QSize(56, 56))
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.doubleClicked.connect(lambda i: self.images_requested.emit([int(i.data(AssetIdRole))]))
        model.modelReset.connect(self._reset)
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.collapse)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.collapse.setText(self.tr("Collapse reseeds"))
        self.collapse.setToolTip(self.tr("Show variants that differ only by seed as one row"))
        self._reset()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _collapse(self, on: bool) -> None:
        self.model.set_collapse(on)

    def _reset(self) -> None:
        self.tree.expandAll()
        if self.model.asset_id is None:
            self.hint.setText(self.tr("Choose an image and press “Show lineage” to see where it came from "
                                      "and what was made from it."))
        else:
            self.hint.setText(self.tr("Family of image #%1: the original at the top, variants below. "
                                      "Picked and approved images are highlighted.").replace(
                                          "%1", str(self.model.asset_id)))
            index = self.model.index_of(self.model.asset_id)
            if index.isValid():
                self.tree.scrollTo(index)  # not selected: the pick highlight stays visible
