"""Batches with their progress and ETA, by id: the active ones, plus those that finished
while the window was open. Refreshed from core events, a few batches at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from desktop.core import events as ev
from desktop.core.queue.types import BatchProgress
from desktop.ui import formatting as fmt
from desktop.ui.qt_bridge import QtBridge
from desktop.ui.queue.row_diff import plan_rows

BATCH_ROLE = Qt.ItemDataRole.UserRole + 1
BATCH_ID_ROLE = Qt.ItemDataRole.UserRole + 2
REFRESH_MS = 400



def batch_name(batch: BatchProgress) -> str:
    return batch.name or QCoreApplication.translate("BatchListModel", "Batch %1").replace("%1", str(batch.id))


def batch_summary(batch: BatchProgress) -> str:
    """"12 of 50 done · 2 failed · ETA 3 min · US$0.42", in the user's language."""
    parts = [QCoreApplication.translate("BatchListModel", "%1 of %2 done").replace("%1", fmt.number(batch.done)).replace("%2", fmt.number(batch.total))]
    if batch.failed:
        parts.append(QCoreApplication.translate("BatchListModel", "%1 failed").replace("%1", fmt.number(batch.failed)))
    if batch.paused or batch.pause_reason:
        parts.append(QCoreApplication.translate("BatchListModel", "paused"))
    elif batch.finished:
        parts.append(QCoreApplication.translate("BatchListModel", "finished"))
    elif batch.eta_seconds:
        parts.append(QCoreApplication.translate("BatchListModel", "ETA %1").replace("%1", fmt.duration(batch.eta_seconds)))
    parts.append(fmt.money(batch.cost_usd))
    return " · ".join(parts)


class BatchListModel(QAbstractListModel):
    rows_refreshed = Signal()

    def __init__(self, queue: Any, bridge: QtBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self._batches: list[BatchProgress] = [b for b in queue.batches(active_only=True)]
        self._ids = [b.id for b in self._batches]
        self._pending_new: list[int] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        bridge.jobs_changed.connect(lambda _e: self._schedule())
        bridge.batch_added.connect(self._batch_added)
        bridge.batch_finished.connect(lambda _e: self._schedule())

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _batch_added(self, event: ev.BatchDidAdd) -> None:
        if event.batch_id not in self._ids:
            self._pending_new.append(event.batch_id)
        self._schedule()

    def refresh(self) -> None:
        wanted = sorted({*self._ids, *self._pending_new}, reverse=True)
        self._pending_new = []
        fresh = {b.id: b for b in self.queue.batches(wanted)} if wanted else {}
        new_ids = [i for i in wanted if i in fresh]
        plan = plan_rows(self._ids, new_ids)
        for first, last in plan.removals:
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first:last + 1]
            del self._batches[first:last + 1]
            self.endRemoveRows()
        for first, last in plan.insertions:  # ids only grow downwards-sorted: no reorder
            self.beginInsertRows(QModelIndex(), first, last)
            self._ids[first:first] = new_ids[first:last + 1]
            self._batches[first:first] = [fresh[i] for i in new_ids[first:last + 1]]
            self.endInsertRows()
        self._batches = [fresh[i] for i in self._ids]
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))
        self.rows_refreshed.emit()

    def batch(self, row: int) -> BatchProgress | None:
        return self._batches[row] if 0 <= row < len(self._batches) else None

    def batches(self) -> list[BatchProgress]:
        return list(self._batches)

    def remove_finished(self) -> None:
        """Clear the batches that are done from the list (they stay in the library)."""
        keep = [b for b in self._batches if not b.finished]
        plan = plan_rows(self._ids, [b.id for b in keep])
        for first, last in plan.removals:
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first:last + 1]
            del self._batches[first:last + 1]
            self.endRemoveRows()

    # -- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._batches)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._batches):
            return None
        batch = self._batches[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return batch_name(batch)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{batch_name(batch)}\n{batch_summary(batch)}"
        if role == BATCH_ROLE:
            return batch
        if role == BATCH_ID_ROLE:
            return batch.id
        return None

    def retranslate(self) -> None:
        if self._batches:
            self.dataChanged.emit(self.index(0), self.index(len(self._batches) - 1))
