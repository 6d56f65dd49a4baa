"""The batch list beside the job table: one progress bar per batch with counts, cost and
ETA, the whole queue's ETA on top. Choosing a batch shows only its jobs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import formatting as fmt
from desktop.ui.queue.batch_model import BATCH_ROLE, BatchListModel, batch_name, batch_summary


class BatchDelegate(QStyledItemDelegate):
    """Name on the first line, a progress bar on the second, the summary on the third."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(240, line * 3 + 18)

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        batch = index.data(BATCH_ROLE)
        if batch is None:
            return
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pen = option.palette.highlightedText() if selected else option.palette.text()
        line = option.fontMetrics.height()
        rect = option.rect.adjusted(6, 4, -6, -4)
        painter.save()
        painter.setPen(pen.color())
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        name_rect = QRect(rect.left(), rect.top(), rect.width(), line)
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(batch_name(batch), Qt.TextElideMode.ElideRight,
                                                          rect.width()))
        painter.setFont(option.font)
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(rect.left(), rect.top() + line + 3, rect.width(), line)
        bar.minimum, bar.maximum = 0, max(batch.total, 1)
        bar.progress = batch.done
        bar.text = fmt.percent(batch.fraction)
        bar.textVisible = True
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)
        summary_rect = QRect(rect.left(), rect.top() + 2 * line + 8, rect.width(), line)
        painter.drawText(summary_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         option.fontMetrics.elidedText(batch_summary(batch), Qt.TextElideMode.ElideRight,
                                                       rect.width()))
        painter.restore()


class BatchPanelView(QWidget):
    batch_selected = Signal(object)  # batch id, or None for every job
    pause_requested = Signal(list)  # batch ids
    resume_requested = Signal(list)
    cancel_requested = Signal(list)

    def __init__(self, services: Any, model: BatchListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.model = model
        self.title = QLabel(self)
        self.title.setObjectName("SectionTitle")
        self.eta_label = QLabel(self)
        self.list = QListView(self)
        self.list.setObjectName("BatchList")
        self.list.setModel(model)
        self.list.setItemDelegate(BatchDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.all_button = QPushButton(self)
        self.all_button.clicked.connect(self.show_all)
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(model.remove_finished)
        self.pause_action = QAction(self)
        self.pause_action.triggered.connect(lambda: self.pause_requested.emit(self.selected_ids()))
        self.resume_action = QAction(self)
        self.resume_action.triggered.connect(lambda: self.resume_requested.emit(self.selected_ids()))
        self.cancel_action = QAction(self)
        self.cancel_action.triggered.connect(lambda: self.cancel_requested.emit(self.selected_ids()))
        self.list.addActions([self.pause_action, self.resume_action, self.cancel_action])
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.eta_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        model.rows_refreshed.connect(self.update_summary)
        model.rowsInserted.connect(self.update_summary)
        model.rowsRemoved.connect(self.update_summary)
        self.retranslate()

    def selected_ids(self) -> list[int]:
        return [self.model.batch(i.row()).id for i in self.list.selectionModel().selectedRows()
                if self.model.batch(i.row()) is not None]

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        batch = self.model.batch(current.row()) if current.isValid() else None
        self.batch_selected.emit(batch.id if batch else None)

    def show_all(self) -> None:
        self.list.selectionModel().clearSelection()
        self.list.setCurrentIndex(QModelIndex())
        self.batch_selected.emit(None)

    def update_summary(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.empty_label.setVisible(not has_rows)
        eta = self.services.queue.queue_eta()
        if eta:
            self.eta_label.setText(self.tr("Whole queue: about %1 left").replace("%1", fmt.duration(eta)))
        else:
            self.eta_label.setText(self.tr("Whole queue: nothing waiting"))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Batches"))
        self.empty_label.setText(self.tr("No active batches. Drop prompt files here, or type prompts below."))
        self.all_button.setText(self.tr("Show all jobs"))
        self.clear_button.setText(self.tr("Clear finished"))
        self.pause_action.setText(self.tr("Pause batch"))
        self.resume_action.setText(self.tr("Resume batch"))
        self.cancel_action.setText(self.tr("Cancel batch"))
        self.model.retranslate()
        self.update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
