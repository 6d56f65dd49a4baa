"""Traditional Chinese for the Workflow tab: the translation files are complete and compiled,
English plurals read naturally, and with zh_TW loaded no visible string of the tab, its
pages or its dialog is left in English (names of products and models aside)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.ui.resources import translations_dir
from desktop.ui.workflow.new_project_dialog import NewProjectDialog
from tests.fakes.server import free_port
from tests.ui.conftest import run
from tests.ui.text_walk import MissRecorder, english_words, texts_of
from tests.ui.workflow.conftest import BRAND, wait_idle

ALLOWED = {"Ollama", "OpenAI", "llama3.2:latest", "llava:latest", "Fooocus", "Stability", "Leonardo",
           "stability", "style_preset", "anime", "AUTOMATIC1111", "A1111"}


def unfinished(ts: Path) -> list[tuple[str, str]]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr.get("type") in ("unfinished", "vanished", "obsolete") or not "".join(tr.itertext()).strip():
                missing.append((context.findtext("name"), message.findtext("source")))
    return missing


def test_the_translation_files_are_complete_and_compiled() -> None:
    for name in ("workflow_zh_TW", "workflow_en"):
        ts = translations_dir() / f"{name}.ts"
        assert unfinished(ts) == [], name
        qm = ts.with_suffix(".qm")
        assert qm.stat().st_mtime >= ts.stat().st_mtime - 1, f"{qm.name} is older: run update_workflow.sh"


def test_english_plurals_and_chinese_numbers_read_naturally(qtbot, appearance) -> None:
    appearance.translations.apply("en")
    assert "workflow_en.qm" in appearance.translations.loaded
    tr = QCoreApplication.translate
    assert tr("WorkflowActions", "Checked %n image(s).", "", 1) == "Checked 1 image."
    assert tr("WorkflowActions", "Checked %n image(s).", "", 3) == "Checked 3 images."
    assert tr("ProjectOverviewView", "%1 images in %n batch(es)", "", 2) == "%1 images in 2 batches"
    appearance.translations.apply("zh_TW")
    assert tr("WorkflowActions", "Checked %n image(s).", "", 3) == "已檢查 3 張圖片。"
    appearance.translations.apply("en")


def test_no_visible_string_of_the_tab_is_left_in_english(qtbot, qapp, view, services, bridge, appearance,
                                                         ollama) -> None:
    recorder = MissRecorder()
    qapp.installTranslator(recorder)  # installed first, so asked last: it sees only misses
    try:
        appearance.translations.apply("zh_TW")
        engine, _ = services.acquire_engine()
        bridge.run_task(engine.run(poll=0.1), "Running the queue")
        created = view.commands.create_project("social-media-campaign", "shipped", "燈節")
        qtbot.waitUntil(created.done, timeout=5000)
        project_id = created.result()
        run(qtbot, services.workflow.projects.set_rules(project_id, BRAND))
        o = view.overview
        o.provider_combo.setCurrentIndex(o.provider_combo.findData("a1111"))
        o.prompts_edit.setPlainText("red lanterns\nbusy red gate\nblue stalls")
        for i in range(o.sizes_list.count()):
            o.sizes_list.item(i).setText("256x256")
        o.queue_button.click()
        wait_idle(qtbot, services)
        qtbot.waitUntil(lambda: view.images.rowCount() == 9, timeout=5000)
        o.score_button.click()
        qtbot.waitUntil(lambda: "一致性" in view.notice.text(), timeout=5000)
        view.images_page.select([view.images.asset_id(0)])
        view.images_page.decision_buttons["pick"].click()
        view.commands.look_for_models()
        qtbot.waitUntil(lambda: "建議來自" in view.suggestions_page.status_label.text(), timeout=5000)
        dialog = NewProjectDialog(services.workflow.projects.templates(), view)
        dialog.list.setCurrentRow(2)
        view.presets_page.load(0)
        view.lineage.show_asset(view.images.asset_id(0))
        appearance.translations.apply("zh_TW")  # nothing may depend on being built in English
        data_widgets = [view.presets_page.preview, view.overview.title]  # prompts and names are data
        texts = texts_of(view, skip_subtrees=data_widgets) + texts_of(dialog)
        allowed = ALLOWED | {c.display_name for c in services.providers.classes()}
        english = [(where, text, english_words(text, allowed)) for where, text in texts
                   if english_words(text, allowed)]
        missed = sorted(recorder.missed)
    finally:
        qapp.removeTranslator(recorder)
        appearance.translations.apply("en")
    assert missed == [], "add these (context, source) to workflow_zh_TW.ts and translate them"
    assert english == [], "\n".join(f"{where}: {text!r} {words}" for where, text, words in english)


def test_an_empty_tab_with_no_model_reachable_reads_in_chinese(qtbot, qapp, view, services, appearance) -> None:
    """The state the window first shows: no projects, no language model running."""
    services.providers.env["OLLAMA_HOST"] = f"127.0.0.1:{free_port()}"
    try:
        appearance.translations.apply("zh_TW")
        view.commands.look_for_models()
        qtbot.waitUntil(lambda: "連不到" in view.suggestions_page.status_label.text(), timeout=5000)
        allowed = ALLOWED | {c.display_name for c in services.providers.classes()}
        english = [(where, text) for where, text in texts_of(view) if english_words(text, allowed)]
        assert view.overview.title.text() == "尚未選擇專案"
    finally:
        appearance.translations.apply("en")
    assert english == []
