"""The job table: a QTableView over `JobTableModel` with a progress bar in the Progress
column for running jobs, sensible column widths and a header the user can rearrange."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.ui.queue.job_table_model import COL, COLUMNS, JOB_ROW_ROLE, PROGRESS_ROLE

# The error column comes last and takes what is left, so a failure's reason stays in view.
WIDTHS = {"state": 96, "prompt": 280, "provider": 80, "model": 105, "size": 82,
          "progress": 72, "attempts": 64, "cost": 84, "error": 320}


class ProgressDelegate(QStyledItemDelegate):
    """Draws a progress bar for a running job whose fraction is known."""

    def paint(self, painter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        fraction = index.data(PROGRESS_ROLE)
        job = index.data(JOB_ROW_ROLE)
        if fraction is None or job is None or job.state.value != "running":
            super().paint(painter, option, index)
            return
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(3, 4, -3, -4)
        bar.minimum, bar.maximum = 0, 1000
        bar.progress = int(fraction * 1000)
        bar.text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        bar.textVisible = True
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


class JobTableView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("JobTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.verticalHeader().setDefaultSectionSize(24)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        self.setItemDelegateForColumn(COL["progress"], ProgressDelegate(self))

    def apply_default_widths(self) -> None:
        for name in COLUMNS:
            self.setColumnWidth(COL[name], WIDTHS[name])

    def select_ids(self, ids: list[int]) -> None:
        """Select those of `ids` the table shows now (new jobs appear after a refresh)."""
        model = self.model()
        rows = [r for r in (model.row_of(i) for i in ids) if r is not None] if model is not None else []
        if not rows:
            return
        selection = self.selectionModel()
        selection.clearSelection()
        for row in rows:
            selection.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(model.index(rows[0], 0))

    def selected_ids(self) -> list[int]:
        model = self.model()
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [model.job_id(row) for row in rows] if model is not None else []
