"""The Workflow tab end to end through its widgets: a project from a template, a batch from a
preset, brand-check marks and reasons, decisions, variants and lineage, history jumps,
presets and rules edits, and suggestions streamed from a local Ollama or a plain message
when no model answers."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.core.queue.queries import JobFilter
from desktop.ui.workflow.image_grid_model import CheckRole
from tests.fakes.server import free_port
from tests.ui.conftest import run
from tests.ui.workflow.conftest import BRAND, populated_project, wait_idle


def start_engine(services, bridge) -> None:
    engine, _ = services.acquire_engine()
    bridge.run_task(engine.run(poll=0.1), "Running the queue")


def test_a_project_from_a_template_then_a_batch_from_the_overview(qtbot, view, services, bridge) -> None:
    start_engine(services, bridge)
    wf = services.workflow
    created = view.commands.create_project("social-media-campaign", "shipped", "夏日活動")
    qtbot.waitUntil(created.done, timeout=5000)
    qtbot.waitUntil(lambda: view.project_id is not None, timeout=3000)
    assert view.overview.title.text() == "夏日活動"
    assert view.presets.rowCount() == 2 and view.overview.sizes_list.count() == 3
    run(qtbot, wf.projects.set_rules(view.project_id, BRAND))
    o = view.overview
    o.provider_combo.setCurrentIndex(o.provider_combo.findData("a1111"))
    o.prompts_edit.setPlainText("red lanterns\nblue stalls")
    for i in range(o.sizes_list.count()):  # small sizes keep the test quick
        o.sizes_list.item(i).setText(["256x256", "256x320", "256x455"][i])
    o.queue_button.click()
    qtbot.waitUntil(lambda: "Queued 6 jobs" in view.notice.text(), timeout=5000)
    wait_idle(qtbot, services)
    qtbot.waitUntil(lambda: view.images.rowCount() == 6, timeout=5000)
    marks = {view.images.index(r).data(CheckRole) for r in range(6)}
    assert marks == {"pass", "fail"}
    row = next(r for r in range(6) if view.images.index(r).data(CheckRole) == "fail")
    view.images_page.select([view.images.asset_id(row)])
    text = view.images_page.results.text()
    assert "Fails the brand rules" in text and "of pixels match the palette" in text


def test_decisions_variants_lineage_and_the_history_jump(qtbot, view, services, bridge) -> None:
    project_id, ids = populated_project(qtbot, services, bridge)
    view.select_project(project_id)
    qtbot.waitUntil(lambda: view.images.rowCount() == len(ids), timeout=5000)
    best = ids[-1]
    page = view.images_page
    page.select([best])
    page.decision_buttons["pick"].click()
    qtbot.waitUntil(lambda: view.history_page.model.rowCount() == 3, timeout=5000)  # rules, batch, pick
    view.commands.ask_text = lambda _title, _label: "更亮一點"
    page.select([ids[0]])
    page.decision_buttons["request_changes"].click()
    qtbot.waitUntil(lambda: services.workflow.history.statuses([ids[0]]) == {ids[0]: "request_changes"},
                    timeout=5000)
    assert services.workflow.history.decisions(project_id)[0].note == "更亮一點"

    page.select([best])
    page.variant_count.setValue(3)
    page.variants_button.click()
    qtbot.waitUntil(lambda: "Queued 3 variants" in view.notice.text(), timeout=5000)
    assert "with new seeds" in view.notice.text()
    wait_idle(qtbot, services)
    assert view.pages.currentWidget() is view.lineage_page
    qtbot.waitUntil(lambda: view.lineage.rowCount(view.lineage.index(0, 0)) == 1, timeout=5000)
    root = view.lineage.index(0, 0)
    assert root.data(Qt.ItemDataRole.FontRole).bold()  # the pick is highlighted
    assert "+2 reseeds" in view.lineage.index(0, 0, root).data()
    view.lineage_page.collapse.setChecked(False)
    assert view.lineage.rowCount(view.lineage.index(0, 0)) == 3

    history = view.history_page
    qtbot.waitUntil(lambda: history.model.rowCount() == 5, timeout=5000)
    variant_row = next(r for r in range(5) if history.model.entry(r).detail.get("variant_of") == best)
    assert history.model.index(variant_row, 3).data() == f"Variants of image #{best}"
    history.table.selectRow(variant_row)
    history.show_button.click()
    assert view.pages.currentWidget() is view.images_page
    assert view.images.rowCount() == 3 and page.show_all_button.isVisibleTo(page)
    page.show_all_button.click()
    assert view.images.rowCount() == len(ids) + 3


def test_presets_and_rules_are_edited_with_a_reason_in_the_history(qtbot, view, services, bridge, tmp_path) -> None:
    project_id, _ids = populated_project(qtbot, services, bridge)
    view.select_project(project_id)
    p = view.presets_page
    p.clear()
    p.name.setText("Noir")
    p.positive.setPlainText("{prompt}, film noir, high contrast")
    p.style_word.setCurrentText("cinematic")
    p.seed_mode.setCurrentIndex(p.seed_mode.findData("locked"))
    p.seed.setValue(42)
    p.params.setPlainText('{"stability": {"style_preset": "analog-film"}}')
    assert "a lighthouse at dawn, film noir, high contrast" in p.preview.text()
    p.note.setText("client asked for a darker look")
    p.buttons["save"].click()
    qtbot.waitUntil(lambda: view.presets.rowCount() == 3, timeout=5000)
    saved = next(e for e in services.workflow.projects.presets(project_id) if e.preset.name == "Noir")
    assert saved.preset.seed.seed == 42 and saved.preset.provider_params["stability"]["style_preset"] == "analog-film"
    p.params.setPlainText("{not json")
    p.buttons["save"].click()
    assert p.error.text() == "Provider parameters are not valid JSON"

    r = view.rules_page
    r.required.setText("lantern， festival")
    r.note.setText("name the event")
    r.save_button.click()
    assert r.version.text() == "Rules version 2"  # the template's, then the brand rules
    qtbot.waitUntil(lambda: "Rules version 3" in r.version.text(), timeout=5000)
    assert services.workflow.projects.rules(project_id).rules.required_words == ("lantern", "festival")
    kinds = [d.kind for d in services.workflow.history.decisions(project_id)]
    assert kinds[:2] == ["rule_change", "preset_change"]
    r.ratios.setText("wide")
    r.save_button.click()
    assert r.error.text() == "Check this field: Aspect ratios"

    out = tmp_path / "checks.json"
    view.commands.ask_save = lambda _t, _f: str(out)
    r.check_button.click()
    qtbot.waitUntil(lambda: "Checked 8 images" in view.notice.text(), timeout=10_000)
    r.export_button.click()
    qtbot.waitUntil(out.exists, timeout=5000)
    assert {c["passed"] for c in json.loads(out.read_text("utf-8"))} == {False}  # none names the event


def test_suggestions_stream_from_ollama_and_become_the_batch_prompts(qtbot, view, services, bridge, ollama) -> None:
    project_id, _ids = populated_project(qtbot, services, bridge)
    view.select_project(project_id)
    s = view.suggestions_page
    view.commands.look_for_models()
    qtbot.waitUntil(lambda: "Suggestions from Ollama llama3.2:latest" in s.status_label.text(), timeout=5000)
    ollama.chunk_delay = 0.01
    ollama.script("llama3.2:latest", "IMPROVED:\n- lanterns at dusk\nALTERNATIVES:\n- a lantern close-up\n"
                                     "NEGATIVE:\n- text")
    s.input.setPlainText("lanterns")
    s.suggest_button.click()
    qtbot.waitUntil(lambda: s.ideas.count() == 2, timeout=5000)
    assert s.output.toPlainText().startswith("IMPROVED:") and s.negatives.text() == "Negative prompt: text"
    s.ideas.item(1).setCheckState(Qt.CheckState.Checked)
    s.use_button.click()
    assert view.overview.prompts_edit.toPlainText() == "lanterns at dusk\na lantern close-up"
    assert view.pages.currentWidget() is view.overview


def test_with_no_model_reachable_the_tab_says_so_and_nothing_blocks(qtbot, view, services) -> None:
    services.providers.env["OLLAMA_HOST"] = f"127.0.0.1:{free_port()}"
    s = view.suggestions_page
    view.commands.look_for_models()
    qtbot.waitUntil(lambda: "No language model is reachable" in s.status_label.text(), timeout=5000)
    assert not s.suggest_button.isEnabled()
    assert s.details_button.isVisibleTo(s)
    assert "did not answer" in view._model_details and "no OpenAI key" in view._model_details


def test_templates_save_export_and_import_from_the_toolbar(qtbot, view, services, tmp_path: Path) -> None:
    created = view.commands.create_project("app-icons", "shipped", "Icons")
    qtbot.waitUntil(created.done, timeout=5000)
    view.commands.ask_text = lambda _t, _l: "我的圖示範本"
    view.tool["save_template"].trigger()
    qtbot.waitUntil(lambda: "Saved the template" in view.notice.text(), timeout=5000)
    out = tmp_path / "icons.json"
    view.commands.ask_save = lambda _t, _f: str(out)
    view.tool["export_template"].trigger()
    qtbot.waitUntil(out.exists, timeout=5000)
    assert json.loads(out.read_text("utf-8"))["name"] == "Icons"
    view.commands.ask_open = lambda _t, _f: str(out)
    view.tool["import_template"].trigger()
    qtbot.waitUntil(lambda: "Imported the template" in view.notice.text(), timeout=5000)
    keys = {t.key for t in services.workflow.projects.templates() if t.origin == "user"}
    assert keys == {"我的圖示範本", "icons"}
    view.commands.confirm = lambda _t, _x: True
    view.tool["delete"].trigger()
    qtbot.waitUntil(lambda: view.projects.rowCount() == 0, timeout=5000)
    assert not view.pages.isEnabled()


def test_a_new_image_of_the_project_appears_with_its_check(qtbot, view, services, bridge) -> None:
    project_id, ids = populated_project(qtbot, services, bridge)
    view.select_project(project_id)
    qtbot.waitUntil(lambda: view.images.rowCount() == len(ids), timeout=5000)
    preset = services.workflow.projects.presets(project_id)[0]
    run(qtbot, services.workflow.projects.enqueue_with_preset(project_id, preset.id, ["red kite"],
                                                              sizes=["300x300"], provider="a1111"))
    wait_idle(qtbot, services)
    assert not services.queue.job_ids(JobFilter(states=("pending",)))
    qtbot.waitUntil(lambda: view.images.rowCount() == len(ids) + 1, timeout=5000)
    newest = view.images.index(0)
    assert newest.data(CheckRole) == "pass"


def test_the_tab_lives_in_the_main_window(qtbot, window, services, bridge) -> None:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

    from desktop.ui.workflow.workflow_view import WorkflowView

    tab = WorkflowView(services, bridge, window)
    index = window.add_tab(tab, QT_TRANSLATE_NOOP("MainWindow", "Workflow"))
    window.tabs.setCurrentIndex(index)
    qtbot.waitExposed(tab)
    created = tab.commands.create_project("app-icons", "shipped", "Icons")
    qtbot.waitUntil(created.done, timeout=5000)
    assert tab.projects.rowCount() == 1 and tab.pages.isEnabled()
    tab.shutdown()


def test_the_batch_of_variants_is_named_in_the_users_language(qtbot, view, services, bridge, appearance) -> None:
    project_id, ids = populated_project(qtbot, services, bridge)
    view.select_project(project_id)
    qtbot.waitUntil(lambda: view.images.rowCount() == len(ids), timeout=5000)
    appearance.translations.apply("zh_TW")
    page = view.images_page
    page.select([ids[0]])
    page.variant_count.setValue(1)
    before = {b.id for b in services.queue.batches()}
    page.variants_button.click()
    qtbot.waitUntil(lambda: bool({b.id for b in services.queue.batches()} - before), timeout=5000)
    new = [b for b in services.queue.batches() if b.id not in before][0]
    assert new.name == f"圖片 #{ids[0]} 的變體"
    wait_idle(qtbot, services)
