"""The filter bar over every page of the Analytics tab: a period (this month, the last
30 days, this quarter, this year, or custom dates) and the project, provider, model,
batch and profile to narrow to. It builds the core's `Filter`."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.core.analytics.filters import Filter
from desktop.core.analytics.service import FilterOptions
from desktop.ui.profiles.names import shown_name

PERIODS = ("this_month", "last_30_days", "this_quarter", "this_year", "custom")
DIMENSIONS = ("project_id", "provider", "model", "batch_id", "profile_id")


def period_range(period: str, today: date) -> tuple[date, date]:
    """First and last day (both included) of a preset period that holds `today`."""
    if period == "last_30_days":
        return today - timedelta(days=29), today
    if period == "this_quarter":
        first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    elif period == "this_year":
        first = date(today.year, 1, 1)
    else:
        first = today.replace(day=1)
    months = {"this_quarter": 3, "this_year": 12}.get(period, 1)
    year, month = divmod(first.month - 1 + months, 12)
    return first, date(first.year + year, month + 1, 1) - timedelta(days=1)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class FilterBarView(QWidget):
    filter_changed = Signal()
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AnalyticsFilterBar")
        self._today = date.today()
        self._profile_names: dict[object, str] = {}  # profile id -> name, as stored
        self.period_label = QLabel(self)
        self.period = QComboBox(self)
        self.period.setObjectName("AnalyticsPeriod")
        for key in PERIODS:
            self.period.addItem("", key)
        self.first = QDateEdit(self)
        self.last = QDateEdit(self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
        self.dash = QLabel("–", self)
        self.combos: dict[str, QComboBox] = {}
        for name in DIMENSIONS:
            combo = QComboBox(self)
            combo.setObjectName(f"AnalyticsFilter-{name}")
            combo.setMinimumContentsLength(3)  # the window must still fit a small screen
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.addItem("", None)
            self.combos[name] = combo
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("AnalyticsRefresh")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.period_label)
        layout.addWidget(self.period)
        layout.addWidget(self.first)
        layout.addWidget(self.dash)
        layout.addWidget(self.last)
        layout.addSpacing(12)
        for combo in self.combos.values():
            layout.addWidget(combo, 1)
        layout.addWidget(self.refresh_button)
        self.combos["profile_id"].hide()  # shown when the library has profiles
        self._quiet = False
        self.set_today(self._today)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.first.dateChanged.connect(self._dates_changed)
        self.last.dateChanged.connect(self._dates_changed)
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._changed)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.retranslate()

    # -- text ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.period_label.setText(self.tr("Period:"))
        names = (self.tr("This month"), self.tr("Last 30 days"), self.tr("This quarter"), self.tr("This year"),
                 self.tr("Custom dates"))
        for i, name in enumerate(names):
            self.period.setItemText(i, name)
        alls = {"project_id": self.tr("All projects"), "provider": self.tr("All providers"),
                "model": self.tr("All models"), "batch_id": self.tr("All batches"),
                "profile_id": self.tr("All profiles")}
        for name, combo in self.combos.items():
            combo.setItemText(0, alls[name])
        profiles = self.combos["profile_id"]
        for row in range(1, profiles.count()):  # the seeded profile's name is shown translated
            profiles.setItemText(row, shown_name(self._profile_names.get(profiles.itemData(row), "")))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the numbers again"))
        date_format = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        for edit in (self.first, self.last):
            edit.setDisplayFormat(date_format)
        self._range_tip()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- state ---------------------------------------------------------------------------
    def set_today(self, today: date) -> None:
        """The day presets are measured from (the analytics clock's today)."""
        self._today = today
        self._apply_period()

    def set_period(self, period: str, first: date | None = None, last: date | None = None) -> None:
        self._quiet = True
        try:
            self.period.setCurrentIndex(PERIODS.index(period))
            if period == "custom" and first and last:
                self.first.setDate(_qdate(first))
                self.last.setDate(_qdate(last))
            self._apply_period()
        finally:
            self._quiet = False
        self.filter_changed.emit()

    def set_dimension(self, name: str, value: object) -> None:
        combo = self.combos[name]
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def set_options(self, options: FilterOptions) -> None:
        """Fill the boxes with what the library holds, keeping each current choice."""
        self._profile_names = dict(options.profiles)
        self._quiet = True
        try:
            items = {
                "project_id": options.projects,
                "provider": [(p, p) for p in options.providers],
                "model": [(m, m) for m in options.models],
                "batch_id": [(b, f"#{b} {n}".strip()) for b, n in options.batches],
                "profile_id": [(i, shown_name(n)) for i, n in options.profiles],
            }
            for name, values in items.items():
                combo = self.combos[name]
                current = combo.currentData()
                while combo.count() > 1:
                    combo.removeItem(1)
                for value, text in values:
                    combo.addItem(str(text), value)
                index = combo.findData(current) if current is not None else 0
                combo.setCurrentIndex(max(index, 0))
            self.combos["profile_id"].setVisible(len(options.profiles) > 1)  # one profile: nothing to choose
        finally:
            self._quiet = False

    def current_filter(self, tz_offset_s: int) -> Filter:
        first, last = _pydate(self.first.date()), _pydate(self.last.date())
        dims = {name: combo.currentData() for name, combo in self.combos.items()
                if combo.currentData() is not None}
        return Filter.for_dates(first, last, tz_offset_s, **dims)

    def period_key(self) -> str:
        return str(self.period.currentData())

    def _apply_period(self) -> None:
        period = self.period_key()
        custom = period == "custom"
        for widget in (self.first, self.dash, self.last):  # a preset names its days: no room taken
            widget.setVisible(custom)
        if not custom:
            first, last = period_range(period, self._today)
            quiet, self._quiet = self._quiet, True
            self.first.setDate(_qdate(first))
            self.last.setDate(_qdate(last))
            self._quiet = quiet
        self._range_tip()

    def _range_tip(self) -> None:
        first = QLocale().toString(self.first.date(), QLocale.FormatType.LongFormat)
        last = QLocale().toString(self.last.date(), QLocale.FormatType.LongFormat)
        self.period.setToolTip(self.tr("%1 to %2").replace("%1", first).replace("%2", last))

    def _period_changed(self) -> None:
        self._apply_period()
        self._changed()

    def _dates_changed(self) -> None:
        if self.last.date() < self.first.date():
            quiet, self._quiet = self._quiet, True
            self.last.setDate(self.first.date())
            self._quiet = quiet
        self._range_tip()
        self._changed()

    def _changed(self) -> None:
        if not self._quiet:
            self.filter_changed.emit()
