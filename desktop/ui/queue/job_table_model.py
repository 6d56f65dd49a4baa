"""The job table's model: it holds job ids in queue order and fetches rows in pages only when
a view asks for them, so a queue of 100,000 jobs costs what is on screen.

Core events mark ids dirty; a short timer then re-reads the id order once and re-fetches
only the dirty rows that are cached, announcing moves, inserts and removals (never a
reset), so selection and scroll position survive live updates.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Iterable
from concurrent.futures import Executor
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from desktop.core import events as ev
from desktop.core.queue.queries import JobFilter
from desktop.core.queue.types import JobRow
from desktop.ui import formatting as fmt
from desktop.ui.core_text import error_reason, state_name
from desktop.ui.qt_bridge import QtBridge
from desktop.ui.queue.row_diff import plan_rows
from desktop.ui.widgets.dot_icon import STATE_COLORS, DotIcons

log = logging.getLogger(__name__)
COLUMNS = ("state", "prompt", "provider", "model", "size", "progress", "attempts", "cost", "error")
HEADERS = {
    "state": QT_TRANSLATE_NOOP("JobTableModel", "State"),
    "prompt": QT_TRANSLATE_NOOP("JobTableModel", "Prompt"),
    "provider": QT_TRANSLATE_NOOP("JobTableModel", "Provider"),
    "model": QT_TRANSLATE_NOOP("JobTableModel", "Model"),
    "size": QT_TRANSLATE_NOOP("JobTableModel", "Size"),
    "progress": QT_TRANSLATE_NOOP("JobTableModel", "Progress"),
    "attempts": QT_TRANSLATE_NOOP("JobTableModel", "Attempts"),
    "cost": QT_TRANSLATE_NOOP("JobTableModel", "Cost"),
    "error": QT_TRANSLATE_NOOP("JobTableModel", "Error"),
}
COL = {name: i for i, name in enumerate(COLUMNS)}
JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 1
JOB_ROW_ROLE = Qt.ItemDataRole.UserRole + 2
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3  # float 0..1, or None when not known
MIN_REFRESH_MS = 150



def _one_line(text: str, limit: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class JobTableModel(QAbstractTableModel):
    """Rows are jobs, identified by id (`JOB_ID_ROLE`); `JOB_ROW_ROLE` gives the `JobRow`."""

    rows_refreshed = Signal()  # an event-driven refresh has been applied

    PAGE = 200
    CACHE_LIMIT = 5000

    def __init__(self, queue: Any, bridge: QtBridge, parent: QObject | None = None,
                 provider_names: dict[str, str] | None = None, executor: Executor | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.executor = executor  # for reading the order of a big queue off the GUI thread
        self._reading = False
        self._version = 0  # bumped whenever the id list changes
        self.provider_names = provider_names or {}
        self.where = JobFilter()
        self.order = "queue"
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cache: OrderedDict[int, JobRow] = OrderedDict()
        self._progress: dict[int, float] = {}
        self._dirty: set[int] = set()
        self._order_dirty = False
        self._progress_dirty: set[int] = set()
        self._icons = DotIcons(STATE_COLORS)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(MIN_REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        bridge.jobs_changed.connect(self._jobs_changed)
        bridge.job_progress_changed.connect(self._progress_changed)
        bridge.batch_added.connect(lambda _e: self._mark(order=True))
        self.reload()

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the ids again from scratch (after a filter change)."""
        self.beginResetModel()
        self._version += 1
        self._ids = self.queue.job_ids(self.where, self.order)
        self._row_of = self._row_index(self._ids)
        self._cache.clear()
        self._dirty.clear()
        self.endResetModel()

    def set_filter(self, where: JobFilter) -> None:
        if where != self.where:
            self.where = where
            self.reload()

    def _mark(self, ids: Iterable[int] = (), order: bool = False) -> None:
        self._dirty.update(ids)
        self._order_dirty = self._order_dirty or order
        if not self._timer.isActive():
            self._timer.start()

    def _jobs_changed(self, event: ev.JobsDidChange) -> None:
        for job_id in event.job_ids:
            if event.state != "running":
                self._progress.pop(job_id, None)
        # Any change can move a job in queue order (state, priority, position) or in or out
        # of a filter, so the order is re-read once per refresh, not per event.
        self._mark(event.job_ids, order=True)

    def _progress_changed(self, event: ev.JobProgressDidChange) -> None:
        self._progress[event.job_id] = event.fraction
        self._progress_dirty.add(event.job_id)
        if not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        """Apply what events reported: changed rows and progress now, then the new order
        (read in a worker thread when the model has an executor)."""
        started = time.perf_counter()
        self._refresh_rows()
        if self._order_dirty and not self._reading:
            self._order_dirty = False
            if self.executor is None:
                new = self.queue.job_ids(self.where, self.order)
                self._apply_ids(new, plan_rows(self._ids, new), self._row_index(new))
            else:
                self._read_ids_in_background()
                return
        self._refreshed(started)

    def _refreshed(self, started: float) -> None:
        # A big queue makes the id query slower: refresh less often so the GUI stays smooth.
        spent_ms = (time.perf_counter() - started) * 1000
        self._timer.setInterval(max(MIN_REFRESH_MS, int(spent_ms * 10)))
        self.rows_refreshed.emit()
        if (self._order_dirty or self._dirty) and not self._timer.isActive():
            self._timer.start()

    def _refresh_rows(self) -> None:
        dirty, self._dirty = self._dirty, set()
        cached = [job_id for job_id in dirty if job_id in self._cache]
        for row in self.queue.jobs(cached):
            self._cache[row.id] = row
        changed_rows = sorted(self._row_of[j] for j in set(cached) if j in self._row_of)
        last = len(COLUMNS) - 1
        for first, end in _row_runs(changed_rows):
            self.dataChanged.emit(self.index(first, 0), self.index(end, last))
        progress, self._progress_dirty = self._progress_dirty, set()
        col = COL["progress"]
        for job_id in progress:
            row = self._row_of.get(job_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, col), self.index(row, col))

    @staticmethod
    def _row_index(ids: list[int]) -> dict[int, int]:
        return {job_id: row for row, job_id in enumerate(ids)}

    def _read_ids_in_background(self) -> None:
        """Read the order, plan the row moves and index the rows off the GUI thread; only
        applying the plan (list slices and Qt signals) happens here."""
        self._reading = True
        started = time.perf_counter()
        old, version, where, order = list(self._ids), self._version, self.where, self.order

        def work() -> tuple[list[int], Any, dict[int, int]]:
            new = self.queue.job_ids(where, order)
            return new, plan_rows(old, new), self._row_index(new)

        future = asyncio.get_running_loop().run_in_executor(self.executor, work)
        future.add_done_callback(lambda f: self._ids_read(f, version, started))

    def _ids_read(self, future: asyncio.Future, version: int, started: float) -> None:
        self._reading = False
        if not shiboken6.isValid(self):
            return
        if future.cancelled() or future.exception() is not None:
            if not future.cancelled():
                log.warning("reading the queue order failed: %s", future.exception())
            self._order_dirty = True
        elif version == self._version:  # else a reload replaced the rows meanwhile
            new, plan, row_of = future.result()
            self._apply_ids(new, plan, row_of)
        self._refreshed(started)

    def _apply_ids(self, new: list[int], plan: Any, row_of: dict[int, int]) -> None:
        if plan.empty:
            return
        self._version += 1
        for first, last in plan.removals:
            self.beginRemoveRows(QModelIndex(), first, last)
            for job_id in self._ids[first:last + 1]:
                self._cache.pop(job_id, None)
            del self._ids[first:last + 1]
            self.endRemoveRows()
        if plan.reordered is not None:
            self._reorder(plan.reordered)
        for first, last in plan.insertions:
            self.beginInsertRows(QModelIndex(), first, last)
            self._ids[first:first] = new[first:last + 1]
            self.endInsertRows()
        self._row_of = row_of

    def _reorder(self, order: list[int]) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        remembered = [(p, self._ids[p.row()] if 0 <= p.row() < len(self._ids) else None)
                      for p in persistent]
        self._ids = list(order)
        rows = {job_id: row for row, job_id in enumerate(self._ids)}
        old, new = [], []
        for index, job_id in remembered:
            old.append(index)
            row = rows.get(job_id) if job_id is not None else None
            new.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # -- rows ------------------------------------------------------------------------------
    def job_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, job_id: int) -> int | None:
        return self._row_of.get(job_id)

    def job(self, row: int) -> JobRow | None:
        if not 0 <= row < len(self._ids):
            return None
        job_id = self._ids[row]
        found = self._cache.get(job_id)
        if found is None:
            self._fetch_page(row)
            found = self._cache.get(job_id)
        else:
            self._cache.move_to_end(job_id)
        return found

    def jobs_for(self, ids: Iterable[int]) -> list[JobRow]:
        """Rows for these ids, from the cache where possible, in one query otherwise."""
        ids = list(ids)
        missing = [i for i in ids if i not in self._cache]
        fetched = {row.id: row for row in self.queue.jobs(missing)} if missing else {}
        return [self._cache.get(i) or fetched[i] for i in ids if i in self._cache or i in fetched]

    def _fetch_page(self, row: int) -> None:
        start = (row // self.PAGE) * self.PAGE
        for found in self.queue.jobs(self._ids[start:start + self.PAGE]):
            self._cache[found.id] = found
        while len(self._cache) > self.CACHE_LIMIT:
            self._cache.popitem(last=False)

    def progress_of(self, job: JobRow) -> float | None:
        if job.state.value == "succeeded":
            return 1.0
        if job.state.value == "running":
            return self._progress.get(job.id)
        return None

    # -- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("JobTableModel", HEADERS[COLUMNS[section]])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._ids):
            return str(self._ids[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == JOB_ID_ROLE:
            return self._ids[index.row()]
        job = self.job(index.row())
        if job is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(job, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(job, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "state":
            return self._icons.get(job.state.value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("attempts", "cost", "progress"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == JOB_ROW_ROLE:
            return job
        if role == PROGRESS_ROLE:
            return self.progress_of(job)
        return None

    def _display(self, job: JobRow, column: str) -> str:
        if column == "state":
            return state_name(job.state.value)
        if column == "prompt":
            return _one_line(job.prompt, 160)
        if column == "provider":
            return self.provider_names.get(job.provider, job.provider)
        if column == "model":
            return job.model
        if column == "size":
            return job.size.replace("x", "×")
        if column == "progress":
            fraction = self.progress_of(job)
            if fraction is not None:
                return fmt.percent(fraction)
            return QCoreApplication.translate("JobTableModel", "working…") if job.state.value == "running" else ""
        if column == "attempts":
            return fmt.number(job.attempts)
        if column == "cost":
            if job.cost_usd:
                return fmt.money(job.cost_usd)
            if job.estimated_cost is not None and not job.state.is_final:
                return QCoreApplication.translate("JobTableModel", "≈ %1").replace("%1", fmt.money(job.estimated_cost))
            return ""
        if column == "error":
            return self._error_text(job)
        return ""

    def _error_text(self, job: JobRow) -> str:
        if not job.error_kind and not job.error_message:
            return ""
        reason = error_reason(job.error_kind)
        message = _one_line(job.error_message or "", 120)
        if job.state.value == "pending" and job.error_kind:
            reason = QCoreApplication.translate("JobTableModel", "Will retry: %1").replace("%1", reason)
        if reason and message:
            return QCoreApplication.translate("JobTableModel", "%1: %2").replace("%1", reason).replace("%2", message)
        return reason or message

    def _tooltip(self, job: JobRow, column: str) -> str | None:
        if column == "prompt":
            return job.prompt
        if column == "error" and (job.error_message or job.error_kind):
            return f"{error_reason(job.error_kind)}\n{job.error_message or ''}".strip()
        if column == "state":
            lines = [state_name(job.state.value),
                     QCoreApplication.translate("JobTableModel", "Added %1").replace("%1", fmt.date_time(job.created_at))]
            if job.started_at:
                lines.append(QCoreApplication.translate("JobTableModel", "Started %1").replace("%1", fmt.date_time(job.started_at)))
            if job.finished_at:
                lines.append(QCoreApplication.translate("JobTableModel", "Finished %1").replace("%1", fmt.date_time(job.finished_at)))
            return "\n".join(lines)
        if column == "cost" and job.estimated_cost is not None:
            return QCoreApplication.translate("JobTableModel", "Estimated %1").replace("%1", fmt.money(job.estimated_cost))
        return None

    def retranslate(self) -> None:
        """The language changed: headers and translated cells must be drawn again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))


def _row_runs(rows: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
