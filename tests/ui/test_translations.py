"""Traditional Chinese: the translation file is complete, loads, switches at run time, and no
string the window or its dialogs show is left in English."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QLocale

from desktop.core import events as ev
from desktop.core.models import GenerationRequest, JobSpec
from desktop.ui import formatting as fmt
from desktop.ui.i18n import resolve_language
from desktop.ui.resources import translations_dir
from tests.ui.conftest import run
from tests.ui.text_walk import MissRecorder, english_words, texts_of

TS = translations_dir() / "app_zh_TW.ts"


def test_every_string_in_the_zh_TW_file_has_a_finished_translation():
    root = ET.parse(TS).getroot()
    unfinished = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()).strip()
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
                unfinished.append((context.findtext("name"), message.findtext("source")))
    assert unfinished == []
    assert Path(str(TS).replace(".ts", ".qm")).stat().st_mtime >= TS.stat().st_mtime - 1, \
        "app_zh_TW.qm is older than the .ts: run resources/translations/update_app.sh"


def test_the_system_language_decides_when_the_setting_is_empty():
    taiwan = QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalHanScript, QLocale.Country.Taiwan)
    hong_kong = QLocale(QLocale.Language.Chinese, QLocale.Country.HongKong)
    mainland = QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedHanScript, QLocale.Country.China)
    assert resolve_language("", taiwan) == "zh_TW"
    assert resolve_language("", hong_kong) == "zh_TW"
    assert resolve_language("", mainland) == "en"
    assert resolve_language("en", taiwan) == "en"


def test_zh_TW_loads_and_the_window_switches_language_at_run_time(qtbot, window, appearance):
    view = window.queue_view
    assert window.tabs.tabText(0) == "Queue"
    appearance.translations.apply("zh_TW")
    assert "app_zh_TW.qm" in appearance.translations.loaded
    assert window.tabs.tabText(0) == "佇列"
    assert window.file_menu.title() == "檔案(&F)"
    assert view.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "狀態"
    assert view.job_actions["pause"].text() == "暫停"
    assert window.status.sync_label.text() == "同步：尚未設定"
    assert fmt.money(0.042).startswith("US$")
    assert fmt.duration(125) == "2 分 5 秒"
    appearance.translations.apply("en")
    assert window.tabs.tabText(0) == "Queue"
    assert view.job_actions["pause"].text() == "Pause"
    assert fmt.duration(125) == "2 min 5 s"


def test_english_plurals_read_naturally(qtbot, appearance):
    appearance.translations.apply("en")
    one = QCoreApplication.translate("PreviewDialog", "Queue %n job(s)", "", 1)
    many = QCoreApplication.translate("PreviewDialog", "Queue %n job(s)", "", 3)
    assert (one, many) == ("Queue 1 job", "Queue 3 jobs")


OTHER_TABS = ("gallery", "workflow", "analytics")  # each ships its own <area>_zh_TW.qm


def tab_ships(area: str) -> bool:
    return (translations_dir() / f"{area}_zh_TW.qm").exists()


def contexts_of_tab(area: str) -> set[str]:
    """Translation contexts used by a tab's package: its class names and explicit contexts."""
    folder = Path(__file__).resolve().parents[2] / "desktop" / "ui" / area
    found: set[str] = set()
    for path in folder.glob("*.py"):
        text = path.read_text("utf-8")
        found |= set(re.findall(r"^class (\w+)", text, re.M))
        found |= set(re.findall(r"translate\(\s*\"(\w+)\"", text))
        found |= set(re.findall(r"QT_TRANSLATE_NOOP\(\s*\"(\w+)\"", text))
    return found


def tab_view(window, area: str):
    return getattr(window, f"{area}_view", None)


def other_tab_views(window) -> list:
    return [v for v in (tab_view(window, area) for area in OTHER_TABS) if v is not None]


def allowed_names(services) -> set[str]:
    """Names that stay as they are in any language: providers, models, option values."""
    # Brand and format names used inside translations, and the prompt file types.
    names = {"English", "Alchemy", "Phoenix", "Leonardo", "Google", "Diffusers", "ComfyUI", "InvokeAI",
             "Ollama", "Stability", "Fooocus",
             "txt", "csv", "tsv", "jsonl", "json", "xlsx", "png", "jpeg", "webp"}
    for cls in services.providers.classes():
        names.add(cls.display_name)
        caps = services.providers.get(cls.name).capabilities()
        names |= {m.label for m in caps.models if m.label} | {m.id for m in caps.models if m.id}
        for option in caps.options:
            names |= {str(c) for c in option.choices}
    return {n for n in names if n}


def test_no_visible_string_is_left_untranslated_in_zh_TW(qtbot, qapp, tmp_path, window, services, bridge,
                                                         appearance, engine):
    recorder = MissRecorder()
    qapp.installTranslator(recorder)  # installed first, so asked last: it sees only misses
    try:
        appearance.translations.apply("zh_TW")
        specs = [JobSpec(GenerationRequest("openai", "gpt-image-1", p)) for p in ("a fox", "refuse this")]
        ids = run(qtbot, services.queue.enqueue(specs))[1]
        qtbot.waitUntil(lambda: {r.state.value for r in services.queue.jobs(ids)} == {"succeeded", "failed"},
                        timeout=15000)
        view = window.queue_view
        qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=3000)
        view.table.selectionModel().select(view.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                           | QItemSelectionModel.SelectionFlag.Rows)
        settings = window.open_settings()
        qtbot.waitUntil(lambda: bool(settings.forms), timeout=5000)
        prompts = tmp_path / "prompts.csv"
        prompts.write_text("prompt\na {red|blue} kite\n,\n", "utf-8")
        preview = view.open_files([prompts])
        qtbot.waitUntil(lambda: preview.preview is not None, timeout=5000)
        view.table.selectionModel().select(view.model.index(view.model.row_of(ids[1]), 0),
                                           QItemSelectionModel.SelectionFlag.ClearAndSelect
                                           | QItemSelectionModel.SelectionFlag.Rows)
        view.edit_selected()
        view.show_details()
        view.ask_priority()
        window._about()
        bridge.batch_finished.emit(ev.BatchDidFinish(1, 1, 1, 0))
        qtbot.wait(50)
        appearance.translations.apply("zh_TW")  # nothing may depend on being built in English
        texts = texts_of(window, skip_data_of={"ProviderCombo", "DefaultProviderCombo", "ModelCombo",
                                               "LanguageCombo"}, skip_subtrees=other_tab_views(window))
        allowed = allowed_names(services)
        english = [(where, text, english_words(text, allowed)) for where, text in texts
                   if english_words(text, allowed)]
        foreign = set().union(*(contexts_of_tab(area) for area in OTHER_TABS))
        missed = sorted((c, t) for c, t in recorder.missed if c not in foreign)
    finally:
        qapp.removeTranslator(recorder)
    assert missed == [], "add these (context, source) to the .ts and translate them"
    assert english == [], "\n".join(f"{where}: {text!r} {words}" for where, text, words in english)


def test_the_walk_finds_english_left_in_a_translated_window(qtbot, qapp, appearance):
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    recorder = MissRecorder()
    qapp.installTranslator(recorder)
    try:
        appearance.translations.apply("zh_TW")
        root = QWidget()
        qtbot.addWidget(root)
        layout = QVBoxLayout(root)
        layout.addWidget(QLabel(QCoreApplication.translate("MainWindow", "Queue"), root))
        layout.addWidget(QPushButton(QCoreApplication.translate("NoSuchContext", "Start over"), root))
        texts = texts_of(root)
    finally:
        qapp.removeTranslator(recorder)
    flagged = [text for _where, text in texts if english_words(text, set())]
    assert flagged == ["Start over"]
    assert ("NoSuchContext", "Start over") in recorder.missed


@pytest.mark.parametrize("area", OTHER_TABS)
def test_each_other_tab_that_ships_translations_follows_a_run_time_switch(area, qtbot, qapp, window, services,
                                                                          appearance):
    """The window is built in English, then switched: every tab must re-read its strings."""
    view = tab_view(window, area)
    if view is None or not tab_ships(area):
        pytest.skip(f"the {area} tab is not in the window or ships no {area}_zh_TW.qm yet")
    recorder = MissRecorder()
    qapp.installTranslator(recorder)
    try:
        appearance.translations.apply("zh_TW")
        window.tabs.setCurrentWidget(view)
        qtbot.wait(300)
        texts = texts_of(view)  # menus and popups the tab owns are its children too
        english = [(where, text, english_words(text, allowed_names(services))) for where, text in texts
                   if english_words(text, allowed_names(services))]
        mine = contexts_of_tab(area)
        missed = sorted((c, t) for c, t in recorder.missed if c in mine)
    finally:
        qapp.removeTranslator(recorder)
    assert missed == [], f"add these to {area}_zh_TW.ts"
    assert english == [], "\n".join(f"{where}: {text!r} {words}" for where, text, words in english)
