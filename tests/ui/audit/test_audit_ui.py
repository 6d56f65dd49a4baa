"""The audit log viewer: an id-based model, filters by profile and action, export to CSV and
JSON, "Verify chain" with the broken entry named, and screenshots in English and zh_TW."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

from desktop.core.audit.log import Actor
from desktop.ui.audit.audit_log_dialog import AuditLogDialog
from desktop.ui.audit.audit_model import AuditTableModel


def _fill(services, n: int = 6) -> None:
    mei = services.profiles.create("陳美玲")
    for i in range(n):
        services.audit.record("batch_started", f"batch {i + 1}", {"jobs": 10 + i})
    services.audit.record("key_added", "openai.api_key", {"store": "shared"}, actor=Actor(mei.id, mei.name))
    services.audit.record("assets_deleted", "3 asset(s)", {"count": 3, "ids": [4, 5, 6], "permanently": False},
                          actor=Actor(mei.id, mei.name))
    services.audit.flush()


def _open(qtbot, services, bridge) -> AuditLogDialog:
    dialog = AuditLogDialog(services, bridge)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=5000)
    return dialog


def test_the_model_pages_entries_by_id(qtbot, qtmodeltester, services):
    _fill(services, 450)
    model = AuditTableModel(services.audit)
    model.set_ids(services.audit.ids())
    qtmodeltester.check(model)
    total = services.audit.count()
    assert model.rowCount() == total
    assert model.data(model.index(0, 2)) == "Images deleted"  # newest first, action in words
    assert model.data(model.index(total - 1, 3)) == "Default"  # the first entry: the default profile
    assert len(model._pages) <= 20


def test_filters_narrow_the_entries(qtbot, services, bridge):
    _fill(services)
    dialog = _open(qtbot, services, bridge)
    everything = dialog.model.rowCount()
    with qtbot.waitSignal(dialog.entries_loaded, timeout=5000) as loaded:
        dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findText("陳美玲"))
    assert loaded.args == [2]
    with qtbot.waitSignal(dialog.entries_loaded, timeout=5000) as loaded:
        dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("key_added"))
    assert loaded.args == [1] and everything > 2
    with qtbot.waitSignal(dialog.entries_loaded, timeout=5000) as loaded:
        dialog.profile_combo.setCurrentIndex(0)
        dialog.action_combo.setCurrentIndex(0)
        dialog.search.setText("batch 3")
    assert loaded.args == [1]


def test_export_writes_what_the_filters_show(qtbot, services, bridge, tmp_path: Path):
    _fill(services)
    dialog = _open(qtbot, services, bridge)
    with qtbot.waitSignal(dialog.entries_loaded, timeout=5000):
        dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("batch_started"))
    with qtbot.waitSignal(dialog.exported, timeout=5000):
        dialog.export_to(tmp_path / "audit.csv", "csv")
    rows = list(csv.DictReader((tmp_path / "audit.csv").open(encoding="utf-8-sig")))
    assert [r["target"] for r in rows] == [f"batch {i}" for i in range(1, 7)]
    with qtbot.waitSignal(dialog.exported, timeout=5000):
        dialog.export_to(tmp_path / "audit.json", "json")
    assert len(json.loads((tmp_path / "audit.json").read_text("utf-8"))["entries"]) == 6
    services.audit.flush()
    assert [e.action for e in services.audit.query()][-2:] == ["audit_exported", "audit_exported"]


def test_verify_chain_says_intact_then_names_the_tampered_entry(qtbot, services, bridge):
    _fill(services)
    dialog = _open(qtbot, services, bridge)
    with qtbot.waitSignal(dialog.verified, timeout=5000) as done:
        dialog.verify_button.click()
    assert done.args[0].intact and "intact" in dialog.verify_label.text()
    con = sqlite3.connect(services.db.path, isolation_level=None)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET target = 'batch 999' WHERE id = 4")
    con.close()
    with qtbot.waitSignal(dialog.verified, timeout=5000) as done:
        dialog.verify_button.click()
    assert done.args[0].broken.entry_id == 4
    assert "entry 4" in dialog.verify_label.text()
    selected = dialog.table.selectionModel().selectedRows()
    assert [dialog.model.ids[i.row()] for i in selected] == [4]


def test_screenshots_in_english_and_traditional_chinese(qtbot, services, bridge, appearance, artifacts_dir):
    _fill(services)
    folder = artifacts_dir / "audit"
    folder.mkdir(parents=True, exist_ok=True)
    for language in ("en", "zh_TW"):
        appearance.translations.apply(language)
        dialog = _open(qtbot, services, bridge)
        dialog.show()
        qtbot.waitExposed(dialog)
        with qtbot.waitSignal(dialog.verified, timeout=5000):
            dialog.verify()
        assert dialog.grab().save(str(folder / f"audit-log-{language}.png"))
        dialog.close()
    appearance.translations.apply("en")
    print(f"screenshots in {folder.resolve()}")


def test_the_seeded_default_profile_is_named_in_the_users_language(qtbot, services, bridge, appearance):
    _fill(services)
    appearance.translations.apply("zh_TW")
    try:
        dialog = _open(qtbot, services, bridge)
        shown = {dialog.profile_combo.itemText(i) for i in range(dialog.profile_combo.count())}
        actors = {dialog.model.data(dialog.model.index(r, 1)) for r in range(dialog.model.rowCount())}
    finally:
        appearance.translations.apply("en")
    assert "Default" not in shown and "預設" in shown and "陳美玲" in shown
    assert actors == {"預設", "陳美玲"}
