"""Reports from the tab: one written now (read back), cancelled, opened; schedules added,
switched off, edited and removed through the tab land in the store; a scheduled run's last
file shows in the list. And the tab's two table models pass Qt's model checks."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.core.analytics.roi import ProjectRoi
from desktop.core.reports.request import Format
from desktop.core.reports.schedule import Frequency, ReportSchedule
from desktop.ui.analytics.roi_table_model import RoiTableModel
from desktop.ui.analytics.schedule_list_model import ScheduleListModel


def _choose(combo, key: str) -> None:
    combo.setCurrentIndex(combo.findData(key))


def test_a_report_written_from_the_tab_exists_and_reads_back(qtbot, view, tmp_path) -> None:
    view.show_page("reports")
    page = view.reports_page
    _choose(page.type, "usage")
    _choose(page.format, "json")
    _choose(page.template, "detailed")
    page.set_path(tmp_path / "out" / "november")
    page.generate.click()
    qtbot.waitUntil(lambda: page.result is not None, timeout=20_000)
    path = page.result.path
    assert path == tmp_path / "out" / "november.json" and path.exists()
    doc = json.loads(path.read_text("utf-8"))
    text = json.dumps(doc, ensure_ascii=False)
    assert "Usage and cost summary" in text and "2026-11-01" in text and "gpt-image-1" in text
    assert page.progress.value() == 1000 and "november.json" in page.message.text()
    opened = []
    page.opener = lambda url: opened.append(url.toLocalFile()) or True
    page.open_button.click()
    assert opened == [str(path)]


def test_a_csv_for_one_provider_follows_the_tabs_filter(qtbot, view, tmp_path) -> None:
    combo = view.filter_bar.combos["provider"]
    qtbot.waitUntil(lambda: combo.findData("stability") > 0, timeout=5000)
    view.filter_bar.set_dimension("provider", "stability")
    page = view.reports_page
    assert page.filter.provider == "stability" and "stability" in page.scope.text()
    _choose(page.type, "providers")
    _choose(page.format, "csv")
    page.set_path(tmp_path / "providers.csv")
    page.generate.click()
    qtbot.waitUntil(lambda: page.result is not None, timeout=20_000)
    rows = list(csv.reader(page.result.path.open(encoding="utf-8-sig")))
    cells = {c for row in rows for c in row}
    assert "stability" in cells and "openai" not in cells


def test_cancelling_writes_nothing(qtbot, view, tmp_path) -> None:
    page = view.reports_page
    _choose(page.format, "pdf")
    page.set_path(tmp_path / "cancelled.pdf")
    page.generate.click()
    page.cancel.click()
    qtbot.waitUntil(lambda: not page.running, timeout=20_000)
    assert page.message.text() == "Cancelled: no file was written."
    assert not (tmp_path / "cancelled.pdf").exists() and page.result is None
    assert not page.open_button.isEnabled()


def test_a_schedule_added_in_the_tab_is_in_the_store_and_can_be_changed(qtbot, view, filled, tmp_path) -> None:
    store = filled.schedules.store
    view.show_page("reports")
    dialog = view.edit_schedule(None)
    dialog.name.setText("週報 for the client")
    _choose(dialog.report, "usage")
    _choose(dialog.format, "xlsx")
    _choose(dialog.template, "client")
    _choose(dialog.frequency, "weekly")
    dialog.weekday.setCurrentIndex(4)
    dialog.folder.setText(str(tmp_path / "reports"))
    dialog.accept()
    qtbot.waitUntil(lambda: len(store.all()) == 1, timeout=5000)
    saved = store.all()[0]
    assert (saved.name, saved.report_type, saved.format, saved.frequency, saved.weekday) == (
        "週報 for the client", "usage", Format.XLSX, Frequency.WEEKLY, 4)
    assert saved.template.value == "client" and saved.folder == tmp_path / "reports" and saved.enabled
    model = view.reports_page.schedules
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert model.data(model.index(0, 3)) == "Every Friday at 8:00\u202fAM"

    model.setData(model.index(0, 4), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: not store.all()[0].enabled, timeout=5000)

    dialog = view.edit_schedule(store.all()[0])
    assert dialog.name.text() == "週報 for the client" and not dialog.enabled.isChecked()
    _choose(dialog.frequency, "monthly")
    dialog.day_of_month.setValue(3)
    dialog.accept()
    qtbot.waitUntil(lambda: store.all()[0].frequency is Frequency.MONTHLY, timeout=5000)
    assert store.all()[0].day_of_month == 3 and store.all()[0].id == saved.id

    qtbot.waitUntil(lambda: model.data(model.index(0, 3)) == "Monthly on day 3 at 8:00\u202fAM", timeout=5000)
    view.reports_page.table.selectRow(0)
    view.reports_page.remove_button.click()
    qtbot.waitUntil(lambda: store.all() == [], timeout=5000)
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5000)


def test_the_list_shows_the_last_run_and_its_file(qtbot, view, filled, tmp_path) -> None:
    store = filled.schedules.store
    store.add(ReportSchedule("failures", Format.CSV, Frequency.DAILY, tmp_path / "daily",
                             created_at=time.time() - 2 * 86400, name="daily failures", at_minute=0))
    filled.schedules.run_due()
    view.refresh_all()
    model = view.reports_page.schedules
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.rows[0].last_output is not None, timeout=5000)
    written = Path(model.rows[0].last_output)
    assert written.exists() and model.data(model.index(0, 6)) == written.name
    assert model.data(model.index(0, 5)) != "Not yet" and model.data(model.index(0, 7)) == ""


def test_run_now_writes_the_schedules_report_and_the_list_shows_it(qtbot, view, filled, tmp_path) -> None:
    store = filled.schedules.store
    store.add(ReportSchedule("usage", Format.CSV, Frequency.WEEKLY, tmp_path / "weekly",
                             created_at=time.time(), name="weekly usage"))
    view.refresh_all()
    view.show_page("reports")
    page, model = view.reports_page, view.reports_page.schedules
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert not page.run_now_button.isEnabled()  # nothing selected yet

    page.table.selectRow(0)
    page.run_now_button.click()

    qtbot.waitUntil(lambda: page.result is not None, timeout=20_000)
    written = page.result.path
    assert written.parent == tmp_path / "weekly" and written.exists()
    assert list(csv.reader(written.open(encoding="utf-8-sig")))  # a real CSV
    qtbot.waitUntil(lambda: model.rows[0].last_output == str(written), timeout=5000)
    assert store.all()[0].last_run_at is None  # the weekly run still comes at its time


def test_the_tables_pass_qt_model_checks(qtmodeltester, tmp_path) -> None:
    roi = RoiTableModel()
    roi.set_rows([ProjectRoi(10, "春季型錄", 0.08, 2, 1, "accepted images", 0.5, 20.0, 19.92, 24900.0),
                  ProjectRoi(None, "(no project)", 0.05, 2, None, "images made", 1.0, 40.0, 39.95, None)])
    qtmodeltester.check(roi)
    schedules = ScheduleListModel()
    schedules.set_schedules([ReportSchedule("usage", Format.PDF, Frequency.DAILY, tmp_path, 0.0, id=1),
                             ReportSchedule("batch", Format.CSV, Frequency.MONTHLY, tmp_path, 0.0, id=2,
                                            enabled=False, last_error="disk full")])
    qtmodeltester.check(schedules)
    assert schedules.data(schedules.index(1, 4), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert roi.data(roi.index(1, 3)) == "—"
