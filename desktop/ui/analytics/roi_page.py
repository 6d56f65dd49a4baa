"""The cost-benefit page: the user's own numbers (hours of design time an accepted image
saves, the hourly rate, the monthly budget), remembered in the settings, and per project
what was spent against the value of the images it gave."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.analytics.results import ChartData, Series
from desktop.core.analytics.roi import ProjectRoi
from desktop.core.analytics.units import Unit
from desktop.ui.analytics.chart_view import ChartView
from desktop.ui.analytics.load_state_view import LoadStateView
from desktop.ui.analytics.roi_table_model import RoiTableModel

SAVE_DELAY_MS = 600


@dataclass(frozen=True)
class UserNumbers:
    """What the user told the tab; kept in settings `extra["analytics"]`."""

    hours_saved_per_image: float = 0.5
    hourly_rate_usd: float = 40.0
    monthly_budget_usd: float = 0.0  # 0 = no budget

    @classmethod
    def from_settings(cls, section: dict[str, object]) -> UserNumbers:
        def number(key: str, default: float) -> float:
            try:
                return max(float(section.get(key, default)), 0.0)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                return default
        return cls(number("hours_saved_per_image", cls.hours_saved_per_image),
                   number("hourly_rate_usd", cls.hourly_rate_usd),
                   number("monthly_budget_usd", cls.monthly_budget_usd))

    def to_settings(self) -> dict[str, float]:
        return {"hours_saved_per_image": self.hours_saved_per_image, "hourly_rate_usd": self.hourly_rate_usd,
                "monthly_budget_usd": self.monthly_budget_usd}


class RoiPage(QWidget):
    numbers_changed = Signal(object)  # UserNumbers, after the user stops typing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AnalyticsRoi")
        self.state = LoadStateView(self)
        self.hours = QDoubleSpinBox(self)
        self.hours.setObjectName("RoiHours")
        self.hours.setRange(0, 100)
        self.hours.setDecimals(2)
        self.hours.setSingleStep(0.25)
        self.rate = QDoubleSpinBox(self)
        self.rate.setObjectName("RoiRate")
        self.rate.setRange(0, 10000)
        self.rate.setDecimals(2)
        self.rate.setSingleStep(5)
        self.budget = QDoubleSpinBox(self)
        self.budget.setObjectName("RoiBudget")
        self.budget.setRange(0, 1_000_000)
        self.budget.setDecimals(2)
        self.budget.setSingleStep(10)
        self.numbers_box = QGroupBox(self)
        self.form = QFormLayout(self.numbers_box)
        self.form_labels = [QLabel(self) for _ in range(3)]
        for label, box in zip(self.form_labels, (self.hours, self.rate, self.budget), strict=True):
            self.form.addRow(label, box)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.form.addRow(self.explain)
        self.model = RoiTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("RoiTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.chart = ChartView("roi", self)
        top = QHBoxLayout()
        top.addWidget(self.numbers_box, 1)
        top.addWidget(self.chart, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(top, 1)
        layout.addWidget(self.table, 1)
        self._save = QTimer(self)
        self._save.setSingleShot(True)
        self._save.setInterval(SAVE_DELAY_MS)
        self._save.timeout.connect(lambda: self.numbers_changed.emit(self.numbers()))
        self._quiet = False
        for box in (self.hours, self.rate, self.budget):
            box.valueChanged.connect(self._edited)
        self.set_numbers(UserNumbers())
        self.retranslate()

    def retranslate(self) -> None:
        self.numbers_box.setTitle(self.tr("Your numbers"))
        texts = (self.tr("Design hours an accepted image saves:"), self.tr("Hourly rate (US$):"),
                 self.tr("Monthly budget (US$):"))
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.budget.setSpecialValueText(self.tr("No budget"))
        self.hours.setSuffix(self.tr(" h"))
        # Only picks and approvals count (the core falls back to every image made only for a
        # library without the workflow's tables, which the window never opens).
        self.explain.setText(self.tr("Value = accepted images (picked or approved in the Workflow tab) × hours "
                                     "saved × hourly rate. Kept in your settings."))
        self.chart.set_title(self.tr("Spend and value per project"))
        self.chart.set_empty_text(self.tr("No spend in this period."))
        if self.model.rows:
            self.show_rows(self.model.rows)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def numbers(self) -> UserNumbers:
        return UserNumbers(self.hours.value(), self.rate.value(), self.budget.value())

    def set_numbers(self, numbers: UserNumbers) -> None:
        self._quiet = True
        try:
            self.hours.setValue(numbers.hours_saved_per_image)
            self.rate.setValue(numbers.hourly_rate_usd)
            self.budget.setValue(numbers.monthly_budget_usd)
        finally:
            self._quiet = False

    def _edited(self) -> None:
        if not self._quiet:
            self._save.start()

    def flush(self) -> None:
        """Send a pending change now (the tab is closing)."""
        if self._save.isActive():
            self._save.stop()
            self.numbers_changed.emit(self.numbers())

    def show_rows(self, rows: list[ProjectRoi]) -> None:
        self.model.set_rows(rows)
        names = [self.model.data(self.model.index(i, 0)) for i in range(len(rows))]
        chart = ChartData("roi", "", "hbar", Unit.USD, names,
                          [Series("spend", [r.spend for r in rows]), Series("value", [r.value for r in rows])])
        self.chart.show_chart(chart, [self.tr("Spend"), self.tr("Value")])
