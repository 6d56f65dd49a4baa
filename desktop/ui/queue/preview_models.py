"""Item models of the expansion preview: the jobs a batch would make, and per provider the
job count, estimated cost and estimated time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.core.models import JobSpec
from desktop.ui import formatting as fmt

JOB_HEADERS = (
    QT_TRANSLATE_NOOP("PreviewJobsModel", "Prompt"),
    QT_TRANSLATE_NOOP("PreviewJobsModel", "Provider"),
    QT_TRANSLATE_NOOP("PreviewJobsModel", "Model"),
    QT_TRANSLATE_NOOP("PreviewJobsModel", "Size"),
    QT_TRANSLATE_NOOP("PreviewJobsModel", "Seed"),
    QT_TRANSLATE_NOOP("PreviewJobsModel", "From"),
)
COST_HEADERS = (
    QT_TRANSLATE_NOOP("ProviderCostModel", "Provider"),
    QT_TRANSLATE_NOOP("ProviderCostModel", "Jobs"),
    QT_TRANSLATE_NOOP("ProviderCostModel", "Estimated cost"),
    QT_TRANSLATE_NOOP("ProviderCostModel", "Estimated time"),
)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class PreviewJobsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None, provider_names: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.specs: list[JobSpec] = []
        self.provider_names = provider_names or {}

    def set_specs(self, specs: list[JobSpec]) -> None:
        self.beginResetModel()
        self.specs = list(specs)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.specs)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(JOB_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(JOB_HEADERS):
            return QCoreApplication.translate("PreviewJobsModel", JOB_HEADERS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.specs):
            return fmt.number(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.specs):
            return None
        spec = self.specs[index.row()]
        request = spec.request
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return " ".join(request.prompt.split())
            if column == 1:
                return self.provider_names.get(request.provider, request.provider)
            if column == 2:
                return request.model
            if column == 3:
                return request.size.replace("x", "×")
            if column == 4:
                if request.seed is None:
                    return QCoreApplication.translate("PreviewJobsModel", "random")
                return str(request.seed)
            if column == 5:
                return spec.source
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            negative = request.negative_prompt
            if negative:
                label = QCoreApplication.translate("PreviewJobsModel", "Negative prompt: %1")
                return request.prompt + "\n\n" + label.replace("%1", negative)
            return request.prompt
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return RIGHT
        return None


class ProviderCostModel(QAbstractTableModel):
    """One row per provider in the preview, then a total row."""

    def __init__(self, parent: QObject | None = None, provider_names: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, int, float, float | None]] = []  # name, jobs, priced, usd, seconds
        self.provider_names = provider_names or {}

    def set_tallies(self, tallies: list[Any], eta: Callable[[str, int], float | None]) -> None:
        self.beginResetModel()
        ordered = sorted(tallies, key=lambda t: (-t.jobs, t.provider))
        self.rows = [(t.provider, t.jobs, t.priced_jobs, t.estimated_usd, eta(t.provider, t.jobs)) for t in ordered]
        if len(self.rows) > 1:
            times = [r[4] for r in self.rows if r[4] is not None]
            self.rows.append(("", sum(r[1] for r in self.rows), sum(r[2] for r in self.rows),
                              sum(r[3] for r in self.rows), max(times) if times else None))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COST_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COST_HEADERS):
            return QCoreApplication.translate("ProviderCostModel", COST_HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        name, jobs, priced, usd, seconds = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.provider_names.get(name, name) if name else \
                    QCoreApplication.translate("ProviderCostModel", "Total")
            if column == 1:
                return fmt.number(jobs)
            if column == 2:
                return cost_text(jobs, priced, usd)
            if column == 3:
                return fmt.duration(seconds)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return RIGHT
        return None


def cost_text(jobs: int, priced: int, usd: float) -> str:
    if priced == 0:
        return QCoreApplication.translate("ProviderCostModel", "unknown")
    text = fmt.money(usd)
    if priced < jobs:
        extra = QCoreApplication.translate("ProviderCostModel", "%1 + unknown for %2 jobs")
        return extra.replace("%1", text).replace("%2", fmt.number(jobs - priced))
    return text
