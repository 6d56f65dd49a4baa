"""The project's creative history: every decision and batch with who, when and why;
double-click (or "Show images") jumps to the images of that step. Exports for reports."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.workflow.timeline_model import TimelineModel


class HistoryView(QWidget):
    images_requested = Signal(list)
    export_requested = Signal()

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorkflowHistory")
        self.model = model
        self.hint = QLabel(self)
        self.table = QTableView(self)
        self.table.setObjectName("WorkflowTimeline")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda i: self._jump(i.row()))
        self.show_button = QPushButton(self)
        self.show_button.clicked.connect(lambda: self._jump(self.table.currentIndex().row()))
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_requested)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.show_button)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Double-click a step to see its images."))
        self.show_button.setText(self.tr("Show images"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("The timeline as JSON or CSV, for reports"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _jump(self, row: int) -> None:
        entry = self.model.entry(row)
        if entry is not None and entry.asset_ids:
            self.images_requested.emit(list(entry.asset_ids))
