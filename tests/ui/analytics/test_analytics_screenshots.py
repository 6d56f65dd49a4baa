"""Every page of the Analytics tab with data, in English and in Traditional Chinese (and the
dashboard in the dark theme), saved to the artifacts folder to look at; the zh_TW walk
finds no English left and no string missing from analytics_zh_TW.ts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from sqlalchemy import text

from desktop.core import events as ev
from desktop.ui.analytics.analytics_view import PAGES
from desktop.ui.resources import translations_dir
from tests.ui.analytics.conftest import add_history, wait_dashboard
from tests.ui.test_translations import allowed_names, contexts_of_tab
from tests.ui.text_walk import MissRecorder, english_words, texts_of

TS = translations_dir() / "analytics_zh_TW.ts"


def test_every_string_in_analytics_zh_TW_is_translated_and_compiled() -> None:
    root = ET.parse(TS).getroot()
    unfinished = [(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not "".join(m.find("translation").itertext()).strip()]
    assert unfinished == []
    qm = Path(str(TS).replace(".ts", ".qm"))
    assert qm.stat().st_mtime >= TS.stat().st_mtime - 1, "run resources/translations/update_analytics.sh"


def prepare(qtbot: Any, view: Any, services: Any, tmp_path: Path) -> None:
    add_history(services, noise=3.0)
    with services.db.engine_or_raise().begin() as conn:
        conn.execute(text("UPDATE jobs SET state = 'running' WHERE id = 9"))
    services.events.publish(ev.JobsDidChange((9,)))
    services.events.publish(ev.LaneDidBlock("stability", "rate limited for 30 s"))
    services.events.publish(ev.QueueDidChangeState(running=True, paused=False, pending=0, in_flight=2))
    view.roi.budget.setValue(500.0)
    view.roi.flush()
    page = view.reports_page
    page.format.setCurrentIndex(page.format.findData("pdf"))
    page.set_path(tmp_path / "usage-2026-11.pdf")
    page.generate.click()
    qtbot.waitUntil(lambda: page.result is not None, timeout=30_000)
    dialog = view.edit_schedule(None)
    dialog.name.setText("每週用量")
    dialog.frequency.setCurrentIndex(dialog.frequency.findData("weekly"))
    dialog.folder.setText(str(tmp_path / "weekly"))
    dialog.accept()
    qtbot.waitUntil(lambda: view.reports_page.schedules.rowCount() == 1, timeout=5000)
    view.refresh_all()


def shoot(qtbot: Any, view: Any, artifacts_dir: Path, language: str) -> None:
    for name in PAGES:
        view.show_page(name)
        qtbot.waitUntil(lambda: not view.reader.is_busy(), timeout=15_000)
        if name == "dashboard":
            wait_dashboard(qtbot, view)
        if name == "forecast":
            qtbot.waitUntil(lambda: view.forecast.forecast is not None and view.forecast.forecast.ok, timeout=15_000)
        if name == "live":
            qtbot.waitUntil(lambda: view.live.flight.rowCount() == 2, timeout=5000)
        qtbot.wait(100)  # let pyqtgraph lay out its legend
        view.grab().save(str(artifacts_dir / f"analytics_{name}_{language}.png"))
        if name == "dashboard":  # and its lower half
            scroll = view.dashboard.scroll.verticalScrollBar()
            scroll.setValue(scroll.maximum())
            view.grab().save(str(artifacts_dir / f"analytics_dashboard_lower_{language}.png"))
            scroll.setValue(0)


def test_screenshots_of_every_page_in_english_and_traditional_chinese(
        qtbot, qapp, view, filled, appearance, artifacts_dir, tmp_path) -> None:
    appearance.translations.apply("en")
    prepare(qtbot, view, filled, tmp_path)
    shoot(qtbot, view, artifacts_dir, "en")
    recorder = MissRecorder()
    qapp.installTranslator(recorder)
    try:
        appearance.translations.apply("zh_TW")
        shoot(qtbot, view, artifacts_dir, "zh_TW")
        dialog = view.edit_schedule(view.reports_page.schedules.rows[0])
        dialog.grab().save(str(artifacts_dir / "analytics_schedule_dialog_zh_TW.png"))
        allowed = allowed_names(filled) | {"openai", "stability", "a1111", "sdxl", "sd3", "Landscapes", "MB", "KB",
                                           "misc", "landscapes", "batch", "Sam", "p50", "p95", "US"}
        english = [(w, t, english_words(t, allowed)) for w, t in texts_of(view) + texts_of(dialog)
                   if english_words(t, allowed)]
        dialog.reject()
        missed = sorted((c, t) for c, t in recorder.missed if c in contexts_of_tab("analytics"))
    finally:
        qapp.removeTranslator(recorder)
    assert missed == []
    assert english == [], "\n".join(f"{w}: {t!r} {words}" for w, t, words in english)


def test_the_dashboard_follows_the_dark_theme(qtbot, view, appearance, artifacts_dir) -> None:
    from PySide6.QtGui import QPalette

    wait_dashboard(qtbot, view)
    appearance.theme.apply("dark")
    chart = view.dashboard.charts["cost_by_provider"]
    base = view.palette().color(QPalette.ColorRole.Base)
    qtbot.waitUntil(lambda: chart.plot.backgroundBrush().color() == base, timeout=3000)
    assert base.lightness() < 60
    view.grab().save(str(artifacts_dir / "analytics_dashboard_dark_en.png"))
