"""A new designer's day with the real window, offscreen: the first start, a Big5 prompt file
dropped on the window, the gallery, the workflow and analytics tabs, both languages and both
themes, and the errors a designer meets (a revoked key, a dead provider, a broken image).
Screenshots go to the artifacts folder as journey_*.png for people to look at."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWizard

from desktop.core.config import ConfigStore
from desktop.core.services import Services, build_services
from desktop.ui.qt_bridge import QtBridge
from tests.ui.conftest import TEST_KEY, keep, run
from tests.ui.queue.test_drop_to_jobs import drop_files
from tests.ui.scripted_server import ScriptedImageServer

WAIT = 15_000


def _close_window(qtbot: Any, made: Any, services: Services, bridge: QtBridge) -> None:
    made.close()
    if services.engine is not None:
        services.engine.stop()
    run(qtbot, bridge.drain(timeout=5))
    bridge.close()
    made.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def first_start(qloop: Any, qtbot: Any, tmp_path: Path, appearance: Any) -> Iterator[dict[str, Any]]:
    """The app's first start as app.py runs it: the welcome (skipped), then services with no
    key anywhere, then the window."""
    from desktop.ui.i18n import Translations
    from desktop.ui.main_window import MainWindow
    from desktop.ui.welcome.first_run import is_first_run, run_welcome
    from desktop.ui.welcome.welcome_wizard import WelcomeWizard

    store = ConfigStore(tmp_path / "settings")
    assert is_first_run(store)
    seen: list[Any] = []

    def press_skip() -> None:
        wizard = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, WelcomeWizard) and w.isVisible()), None)
        if wizard is None:
            QTimer.singleShot(20, press_skip)
            return
        seen.append(wizard.button(QWizard.WizardButton.CustomButton1).text())
        wizard.button(QWizard.WizardButton.CustomButton1).click()

    QTimer.singleShot(20, press_skip)
    choices = run_welcome(store, Translations(QApplication.instance()))
    services = build_services(tmp_path / "first-lib", config_store=store, env={})
    bridge = keep(QtBridge(services.events))
    appearance.apply(services.config)
    window = MainWindow(services, bridge, appearance)
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    yield {"choices": choices, "skip_text": seen, "services": services, "bridge": bridge,
           "window": window, "store": store}
    _close_window(qtbot, window, services, bridge)
    run(qtbot, services.aclose())


def test_first_start_skip_the_welcome_then_set_a_key_in_settings_and_generate(
        qtbot: Any, first_start: dict[str, Any], fake_openai: ScriptedImageServer, artifacts_dir: Path) -> None:
    services, window, bridge = first_start["services"], first_start["window"], first_start["bridge"]
    assert first_start["choices"].skipped and first_start["skip_text"] == ["Skip"]
    assert first_start["store"].path.exists()  # the welcome does not come back
    window.grab().save(str(artifacts_dir / "journey_1_first_window_en.png"))
    qtbot.waitUntil(lambda: "openai" in window.status.provider_status, timeout=WAIT)
    assert window.status.provider_status["openai"][0] != "ready"  # no key yet

    opened: list[Any] = []
    window.settings_opened.connect(opened.append)
    window.settings_action.trigger()
    dialog = opened[-1]
    qtbot.waitUntil(lambda: "openai" in dialog.forms, timeout=WAIT)
    form = dialog.forms["openai"]
    form.key_edit.setText(TEST_KEY)
    form.url_edit.setText(f"{fake_openai.url}/v1")
    with qtbot.waitSignal(form.tested, timeout=WAIT):
        form.test_button.click()
    assert form.test_result.text().startswith("Connected in "), form.test_result.text()
    dialog.grab().save(str(artifacts_dir / "journey_1_settings_tested_en.png"))
    with qtbot.waitSignal(dialog.applied, timeout=WAIT):
        dialog.save()
    assert services.secrets.get("openai.api_key") == TEST_KEY
    assert services.config.provider("openai").base_url == f"{fake_openai.url}/v1"
    qtbot.waitUntil(lambda: window.status.provider_status["openai"][0] == "ready", timeout=WAIT)

    running, _report = services.acquire_engine()
    bridge.run_task(running.run(poll=0.2), "Running the queue")
    editor = window.queue_view.editor
    editor.editor.setPlainText("a paper lantern over a {red|blue} river")
    with qtbot.waitSignal(window.queue_view.preview_opened, timeout=WAIT) as shown:
        editor.preview_button.click()
    preview = shown.args[0]
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=WAIT)
    assert preview.jobs_model.rowCount() == 2
    preview.grab().save(str(artifacts_dir / "journey_1_typed_preview_en.png"))
    with qtbot.waitSignal(preview.queued, timeout=WAIT):
        preview.ok_button.click()
    qtbot.waitUntil(lambda: services.queue.queries.state_counts().get("succeeded") == 2, timeout=WAIT)
    assert sum(fake_openai.served.values()) == 2


def test_a_window_built_before_the_queue_starts_says_the_queue_is_idle_not_run_elsewhere(
        qtbot: Any, services: Services, bridge: QtBridge, appearance: Any) -> None:
    from desktop.ui.main_window import MainWindow

    made = MainWindow(services, bridge, appearance)  # app.py builds the window, then the engine
    made.show()
    try:
        running, _report = services.acquire_engine()
        bridge.run_task(running.run(poll=0.2), "Running the queue")
        qtbot.waitUntil(lambda: made.status.queue_label.text().startswith("Queue idle"), timeout=3000)
    finally:
        _close_window(qtbot, made, services, bridge)


BIG5_CSV = ("prompt,size,客戶\n"
            "一隻{紅|藍}色的紙鶴,1024x1024,甲\n"
            "{紅|藍}燈籠 夜市,1024x1536,乙\n"
            "一盞燈,巨大,丙\n")


def _gallery_ready(qtbot: Any, gallery: Any, count: int) -> None:
    qtbot.waitUntil(lambda: gallery.model.rowCount() == count, timeout=WAIT)


def test_a_big5_csv_dropped_on_the_window_becomes_images_to_rate_tag_collect_rerun_and_trash(
        qtbot: Any, tmp_path: Path, services: Services, engine: Any, window: Any,
        fake_openai: ScriptedImageServer, artifacts_dir: Path, english_locale: None) -> None:
    from desktop.core.gallery.query import GalleryQuery, Scope
    from desktop.ui.gallery.collection_list_model import COLLECTION, TRASH
    from tests.ui.gallery.test_gallery_view import select

    window.resize(1280, 820)
    path = tmp_path / "客戶提案.csv"
    path.write_bytes(BIG5_CSV.encode("big5"))
    with qtbot.waitSignal(window.queue_view.preview_opened, timeout=WAIT) as opened:
        assert drop_files(window, [path]).isAccepted()
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)
    prompts = sorted(dialog.jobs_model.index(r, 0).data() for r in range(dialog.jobs_model.rowCount()))
    assert prompts == sorted(["一隻紅色的紙鶴", "一隻藍色的紙鶴", "紅燈籠 夜市", "藍燈籠 夜市"])
    problems = [dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())]
    assert len(problems) == 1 and problems[0].startswith("客戶提案.csv:4") and "巨大" in problems[0]
    assert dialog.cost_model.rowCount() == 1
    assert "4" in dialog.ok_button.text()
    dialog.grab().save(str(artifacts_dir / "journey_2_big5_preview_en.png"))
    with qtbot.waitSignal(dialog.queued, timeout=WAIT) as queued:
        dialog.ok_button.click()
    batch_id, job_ids = queued.args
    qtbot.waitUntil(lambda: window.banner.isVisible() and "finished" in window.banner.text, timeout=WAIT)
    assert "4 succeeded, 0 failed" in window.banner.text
    rows = window.queue_view.model
    qtbot.waitUntil(lambda: all(rows.index(r, 0).data() == "Succeeded" for r in range(4)), timeout=WAIT)
    window.grab().save(str(artifacts_dir / "journey_2_queue_done_en.png"))

    gallery = window.gallery_view
    window.tabs.setCurrentWidget(gallery)
    _gallery_ready(qtbot, gallery, 4)
    gallery.filter_bar.search_edit.setText("紅")
    gallery.filter_bar.search_edit.returnPressed.emit()
    _gallery_ready(qtbot, gallery, 2)
    assert all("紅" in gallery.model.data(gallery.model.index(r, 0), gallery.model.AssetRole).prompt
               for r in range(2))
    select(gallery, 0)
    asset_id = gallery.model.id_at(0)
    qtbot.waitUntil(lambda: gallery.detail.details is not None, timeout=WAIT)
    stars = gallery.detail.rating_view
    QTest.mouseClick(stars, Qt.MouseButton.LeftButton, pos=QPoint(stars.width() - 3, stars.height() // 2))
    qtbot.waitUntil(lambda: services.gallery.asset(asset_id).rating == 5, timeout=WAIT)
    gallery.detail.tags_edit.setText("提案, 紅色")
    gallery.detail.tags_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: set(services.gallery.asset(asset_id).tags) >= {"提案", "紅色"}, timeout=WAIT)
    gallery.commands.new_collection([asset_id], name="客戶A")
    qtbot.waitUntil(lambda: any(gallery.sidebar_model.entry(r).kind == COLLECTION
                                for r in range(gallery.sidebar_model.rowCount())), timeout=WAIT)
    album = next(gallery.sidebar_model.entry(r).collection_id for r in range(gallery.sidebar_model.rowCount())
                 if gallery.sidebar_model.entry(r).kind == COLLECTION)
    assert services.gallery.search(GalleryQuery(collection_id=album)) == [asset_id]
    qtbot.waitUntil(lambda: "客戶A" in gallery.detail.collections_label.text(), timeout=WAIT)
    assert stars.rating() == 5
    tag_facet = gallery.facet_panel.lists["tags"]
    qtbot.waitUntil(lambda: any(tag_facet.item(i).text().startswith("提案")
                                for i in range(tag_facet.count())), timeout=WAIT)
    gallery.grab().save(str(artifacts_dir / "journey_2_gallery_en.png"))

    before = set(services.queue.job_ids())
    gallery.detail.rerun_button.click()
    qtbot.waitUntil(lambda: len(set(services.queue.job_ids()) - before) == 1, timeout=WAIT)
    assert window.tabs.currentWidget() is window.queue_view
    again = services.queue.jobs(list(set(services.queue.job_ids()) - before))[0]
    assert again.prompt == services.gallery.asset(asset_id).prompt

    window.tabs.setCurrentWidget(gallery)
    gallery.commands.trash([asset_id])
    qtbot.waitUntil(lambda: asset_id not in gallery.model.ids(), timeout=WAIT)
    assert services.gallery.search(GalleryQuery(scope=Scope.TRASH)) == [asset_id]
    gallery.sidebar.setCurrentIndex(gallery.sidebar_model.index(gallery.sidebar_model.row_of(TRASH), 0))
    qtbot.waitUntil(lambda: gallery.model.ids() == [asset_id], timeout=WAIT)
    select(gallery, 0)
    gallery.commands.trash_or_restore()
    qtbot.waitUntil(lambda: services.gallery.search(GalleryQuery(scope=Scope.TRASH)) == [], timeout=WAIT)
    assert services.gallery.asset(asset_id).rating == 5  # restored as it was


def _make_images(qtbot: Any, services: Services, prompts: list[str], name: str = "夜市系列") -> list[int]:
    from desktop.core.models import GenerationRequest, JobSpec
    from desktop.core.queue.types import BatchOptions

    specs = [JobSpec(GenerationRequest("openai", "gpt-image-1", p, width=1024, height=1024)) for p in prompts]
    _batch, ids = run(qtbot, services.queue.enqueue(specs, BatchOptions(name=name)))
    qtbot.waitUntil(lambda: all(r.state.value in ("succeeded", "failed") for r in services.queue.jobs(ids)),
                    timeout=WAIT)
    return ids


def _walk(qtbot: Any, window: Any, services: Services, folder: Path, suffix: str) -> dict[str, Any]:
    """Every tab and the dialogs a designer opens, saved as journey_3_<what>_<suffix>.png;
    returns the open dialogs by name (closed by the caller)."""
    from desktop.core.store.backup_schedule import BackupSchedule, BackupSettings

    shots: dict[str, Any] = {}
    for area in ("queue", "gallery", "workflow", "analytics"):
        tab = getattr(window, f"{area}_view")
        window.tabs.setCurrentWidget(tab)
        qtbot.wait(600)  # let the tab read what it shows once
        tab.window().grab().save(str(folder / f"journey_3_{area}_{suffix}.png"))
    settings = window.open_settings("sync")
    qtbot.waitUntil(lambda: bool(settings.forms), timeout=WAIT)
    qtbot.wait(300)
    settings.grab().save(str(folder / f"journey_3_settings_sync_{suffix}.png"))
    settings.show_provider("openai")
    settings.grab().save(str(folder / f"journey_3_settings_providers_{suffix}.png"))
    shots["settings"] = settings
    window.backups = BackupSchedule(services.root, BackupSettings.from_config(services.config))
    backups = window.open_backups()
    qtbot.wait(400)
    backups.grab().save(str(folder / f"journey_3_backups_{suffix}.png"))
    shots["backups"] = backups
    editor = window.profiles_ui.open_editor()
    qtbot.wait(300)
    editor.grab().save(str(folder / f"journey_3_profile_editor_{suffix}.png"))
    shots["profile_editor"] = editor
    audit = window.profiles_ui.open_audit_log()
    qtbot.wait(600)
    audit.grab().save(str(folder / f"journey_3_audit_log_{suffix}.png"))
    shots["audit_log"] = audit
    return shots


def test_switching_to_traditional_chinese_and_dark_theme_at_run_time_reads_well_everywhere(
        qtbot: Any, qapp: Any, services: Services, engine: Any, window: Any, appearance: Any,
        artifacts_dir: Path) -> None:
    from tests.ui.test_translations import allowed_names
    from tests.ui.text_walk import MissRecorder, english_words, texts_of

    _make_images(qtbot, services, ["夜市裡的紅燈籠，電影感", "a paper crane, studio light", "please refuse: this"])
    window.resize(1400, 860)
    english = _walk(qtbot, window, services, artifacts_dir, "en")
    for dialog in english.values():
        dialog.reject()
    recorder = MissRecorder()
    qapp.installTranslator(recorder)
    try:
        appearance.translations.apply("zh_TW")
        appearance.theme.apply("dark")
        shown = _walk(qtbot, window, services, artifacts_dir, "zh_TW_dark")
        allowed = allowed_names(services) | {"openai"}  # a provider id offered as a filter value
        left: list[str] = []
        for name, dialog in [("window", window), *shown.items()]:
            for where, text in texts_of(dialog, skip_data_of={"ProviderCombo", "DefaultProviderCombo",
                                                               "ModelCombo", "LanguageCombo"}):
                # a colour's hex code and a command to type stay as they are
                words = english_words(re.sub(r"#[0-9A-Fa-f]{6}|main\.py [a-z -]+", " ", text), allowed)
                if words:
                    left.append(f"{name}: {where}: {text!r} {words}")
        for dialog in shown.values():
            dialog.reject()
        missed = sorted(recorder.missed)
    finally:
        qapp.removeTranslator(recorder)
        appearance.translations.apply("en")
        appearance.theme.apply("light")
    assert window.tabs.tabText(0) == "Queue"  # and back
    assert missed == [], "untranslated (context, source)"
    assert left == []


def test_a_campaign_project_from_a_template_with_a_preset_checks_variants_lineage_analytics_and_a_pdf(
        qtbot: Any, tmp_path: Path, services: Services, engine: Any, window: Any, artifacts_dir: Path,
        english_locale: None) -> None:
    from PySide6.QtWidgets import QDialog

    from tests.ui.workflow.conftest import wait_idle

    window.resize(1400, 860)
    wf = window.workflow_view
    window.tabs.setCurrentWidget(wf)

    def choose_template() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if type(w).__name__ == "NewProjectDialog" and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, choose_template)
            return
        keys = [t.key for t in dialog.templates]
        dialog.list.setCurrentRow(1 + keys.index("social-media-campaign"))  # row 0: blank project
        dialog.name_edit.setText("夏日活動")
        dialog.grab().save(str(artifacts_dir / "journey_4_new_project_en.png"))
        dialog.done(QDialog.DialogCode.Accepted)

    QTimer.singleShot(20, choose_template)
    wf.tool["new"].trigger()
    qtbot.waitUntil(lambda: wf.project_id is not None, timeout=WAIT)
    assert wf.overview.title.text() == "夏日活動"
    o = wf.overview
    assert wf.presets.rowCount() >= 1 and o.preset_combo.count() >= 1
    o.preset_combo.setCurrentIndex(0)
    o.provider_combo.setCurrentIndex(o.provider_combo.findData("openai"))
    o.prompts_edit.setPlainText("紅燈籠 夏夜\n海邊的冰淇淋車")
    sizes = o.sizes_list.count()
    o.count_spin.setValue(1)
    o.queue_button.click()
    expected = 2 * sizes
    qtbot.waitUntil(lambda: f"Queued {expected} jobs" in wf.notice.text(), timeout=WAIT)
    wait_idle(qtbot, services)
    qtbot.waitUntil(lambda: wf.images.rowCount() == expected, timeout=WAIT)
    prompts = {services.gallery.asset(wf.images.asset_id(r)).prompt for r in range(expected)}
    assert all("紅燈籠 夏夜" in p or "海邊的冰淇淋車" in p for p in prompts) and len(prompts) == 2
    wf.grab().save(str(artifacts_dir / "journey_4_workflow_images_en.png"))

    wf.pages.setCurrentWidget(wf.rules_page)
    wf.rules_page.check_button.click()
    qtbot.waitUntil(lambda: f"Checked {expected} images" in wf.notice.text(), timeout=WAIT)
    wf.grab().save(str(artifacts_dir / "journey_4_rules_checked_en.png"))

    page = wf.images_page
    wf.pages.setCurrentWidget(page)
    parent = wf.images.asset_id(0)
    page.select([parent])
    page.variant_count.setValue(2)
    page.variants_button.click()
    qtbot.waitUntil(lambda: "Queued 2 variants" in wf.notice.text(), timeout=WAIT)
    wait_idle(qtbot, services)
    assert wf.pages.currentWidget() is wf.lineage_page
    qtbot.waitUntil(lambda: wf.lineage.rowCount() == 1
                    and wf.lineage.rowCount(wf.lineage.index(0, 0)) == 2, timeout=WAIT)
    assert wf.lineage.index(0, 0).data().startswith(f"#{parent} ")
    wf.grab().save(str(artifacts_dir / "journey_4_lineage_en.png"))
    made = expected + 2

    analytics = window.analytics_view
    window.tabs.setCurrentWidget(analytics)
    analytics.filter_bar.refresh_button.click()
    tiles = analytics.dashboard.tiles.tiles
    qtbot.waitUntil(lambda: tiles["images_made"].value.text() == str(made), timeout=WAIT)
    spent = sum(job.cost_usd for job in services.queue.jobs(services.queue.job_ids()))
    window.grab().save(str(artifacts_dir / "journey_4_analytics_en.png"))
    assert tiles["success_rate"].value.text() == "100.0%"
    assert spent > 0 and tiles["spend_this_month"].value.text() == f"${spent:.3f}"

    analytics.show_page("reports")
    reports = analytics.reports_page
    reports.format.setCurrentIndex(reports.format.findData("pdf"))
    reports.set_path(tmp_path / "out" / "夏日活動")
    reports.generate.click()
    qtbot.waitUntil(lambda: reports.result is not None, timeout=30_000)
    assert reports.result.path.suffix == ".pdf" and reports.result.path.read_bytes()[:5] == b"%PDF-"
    window.grab().save(str(artifacts_dir / "journey_4_report_en.png"))


def _row_texts(model: Any, row: int) -> list[str]:
    return [str(model.index(row, c).data() or "") for c in range(model.columnCount())]


def _one_job(qtbot: Any, services: Services, prompt: str) -> int:
    from desktop.core.models import GenerationRequest, JobSpec

    _batch, ids = run(qtbot, services.queue.enqueue([JobSpec(GenerationRequest("openai", "gpt-image-1", prompt))]))
    return ids[0]


def _wait_failed(qtbot: Any, services: Services, job_id: int) -> Any:
    qtbot.waitUntil(lambda: services.queue.jobs([job_id])[0].state.value in ("failed", "succeeded"),
                    timeout=WAIT)
    return services.queue.jobs([job_id])[0]


def test_a_revoked_key_says_why_on_the_row_turns_the_dot_red_and_offers_the_settings(
        qtbot: Any, services: Services, engine: Any, window: Any, bridge: QtBridge,
        fake_openai: ScriptedImageServer, artifacts_dir: Path) -> None:
    from tests.fakes.server import FakeResponse

    finished: list[Any] = []
    bridge.batch_finished.connect(finished.append, Qt.ConnectionType.QueuedConnection)  # after the window's
    fake_openai.fail_next(FakeResponse.json(
        {"error": {"message": "Incorrect API key provided: sk-test…cdef. The key was revoked.",
                   "type": "invalid_request_error", "code": "invalid_api_key"}}, 401))
    qtbot.waitUntil(lambda: "openai" in window.status.display_names, timeout=WAIT)  # the window is up
    job_id = _one_job(qtbot, services, "a lantern at dusk")
    job = _wait_failed(qtbot, services, job_id)
    assert job.state.value == "failed" and job.error_kind == "auth"
    model = window.queue_view.model
    qtbot.waitUntil(lambda: model.row_of(job_id) is not None
                    and "Incorrect API key" in " ".join(_row_texts(model, model.row_of(job_id))), timeout=WAIT)
    status = window.status
    qtbot.waitUntil(lambda: status.provider_status.get("openai", ("",))[0] in ("blocked", "error"), timeout=WAIT)
    qtbot.waitUntil(lambda: bool(status.findChild(QLabel, "provider-openai")), timeout=WAIT)
    assert "Incorrect API key" in status.findChild(QLabel, "provider-openai").toolTip()
    # The batch's end is news; the refused key is what the designer must act on, and stays.
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT)
    assert window.banner.isVisible() and window.banner.text.startswith("OpenAI stopped taking jobs: ")
    window.grab().save(str(artifacts_dir / "journey_5_revoked_key_en.png"))
    with qtbot.waitSignal(window.settings_opened, timeout=WAIT) as opened:
        status.findChild(QLabel, "provider-openai").clicked.emit()
    opened.args[0].reject()
    with qtbot.waitSignal(window.settings_opened, timeout=WAIT) as opened:
        window.banner.action_button.click()
    dialog = opened.args[0]
    assert dialog.tabs.currentWidget() is dialog.providers_page
    qtbot.waitUntil(lambda: "openai" in dialog.forms, timeout=WAIT)
    dialog.forms["openai"].key_edit.setText("sk-new-key-from-the-team-0001")
    with qtbot.waitSignal(dialog.applied, timeout=WAIT):
        dialog.save()
    assert not window.banner.isVisible()  # the provider takes jobs again

    # The new key in place, Retry runs the job and the dot turns green again.
    from tests.ui.queue.test_queue_actions import select

    view = window.queue_view
    select(view, [job_id])
    qtbot.waitUntil(lambda: view.job_actions["retry"].isEnabled(), timeout=WAIT)
    view.job_actions["retry"].trigger()
    qtbot.waitUntil(lambda: services.queue.jobs([job_id])[0].state.value == "succeeded", timeout=WAIT)
    qtbot.waitUntil(lambda: status.provider_status["openai"][0] in ("ready", "ok"), timeout=WAIT)


def test_a_dead_provider_says_it_cannot_be_reached_on_the_row(
        qtbot: Any, services: Services, engine: Any, window: Any, fake_openai: ScriptedImageServer,
        artifacts_dir: Path) -> None:
    from tests.fakes.server import free_port

    services.providers.env["OPENAI_BASE_URL"] = f"http://127.0.0.1:{free_port()}/v1"
    services.config.max_attempts = 2
    job_id = _one_job(qtbot, services, "a harbour at night")
    qtbot.waitUntil(lambda: services.queue.jobs([job_id])[0].attempts >= 1, timeout=WAIT)
    model = window.queue_view.model
    qtbot.waitUntil(lambda: model.row_of(job_id) is not None and any(
        "reach" in t.lower() or "connect" in t.lower() for t in _row_texts(model, model.row_of(job_id))),
        timeout=30_000)
    qtbot.waitUntil(lambda: "1 waiting" in window.status.queue_label.text()
                    and window.queue_view.batches.model.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: window.status.provider_status["openai"][0] == "down", timeout=WAIT)
    window.grab().save(str(artifacts_dir / "journey_5_dead_provider_en.png"))


def test_a_corrupt_image_from_the_provider_fails_the_job_with_a_reason_not_a_traceback(
        qtbot: Any, services: Services, engine: Any, window: Any, fake_openai: ScriptedImageServer,
        artifacts_dir: Path) -> None:
    import base64

    from tests.fakes.server import FakeResponse

    garbage = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"not really an image" * 10).decode()
    fake_openai.fail_next(FakeResponse.json({"created": 1, "data": [{"b64_json": garbage}]}), times=5)
    job_id = _one_job(qtbot, services, "a broken picture")
    # A broken file is taken for a glitch of the provider: the job waits to try again, and
    # its row says why meanwhile.
    qtbot.waitUntil(lambda: (services.queue.jobs([job_id])[0].error_message or "") != "", timeout=WAIT)
    job = services.queue.jobs([job_id])[0]
    assert job.error_kind == "transient" and "PNG is cut short" in job.error_message
    model = window.queue_view.model
    qtbot.waitUntil(lambda: model.row_of(job_id) is not None
                    and "PNG is cut short" in _row_texts(model, model.row_of(job_id))[-1], timeout=WAIT)
    window.grab().save(str(artifacts_dir / "journey_5_corrupt_image_en.png"))
    assert not window.banner.isVisible() or "Traceback" not in window.banner.text


def test_language_and_theme_chosen_in_settings_apply_at_once_and_the_busy_window_reads_in_chinese(
        qtbot: Any, tmp_path: Path, services: Services, engine: Any, window: Any, appearance: Any,
        artifacts_dir: Path) -> None:
    from tests.ui.gallery.test_gallery_view import select

    _make_images(qtbot, services, ["夜市裡的紅燈籠，電影感", "please refuse: this"])
    window.resize(1400, 860)
    opened: list[Any] = []
    window.settings_opened.connect(opened.append)
    window.settings_action.trigger()
    dialog = opened[-1]
    qtbot.waitUntil(lambda: bool(dialog.forms), timeout=WAIT)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_TW"))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    try:
        with qtbot.waitSignal(dialog.applied, timeout=WAIT):
            dialog.save()
        assert window.tabs.tabText(0) == "佇列" and window.status.pause_button.text() == "暫停佇列"
        view = window.queue_view
        qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=WAIT)
        failed = next(r for r in range(2) if "refuse" in view.model.index(r, 1).data())
        view.table.selectRow(failed)
        details = view.show_details()
        assert details.summary_label.text().startswith("失敗") and "1. 失敗 (HTTP 400)" in details.detail_edit.toPlainText()
        details.grab().save(str(artifacts_dir / "journey_3_job_details_zh_TW_dark.png"))
        details.close()
        path = tmp_path / "清單.txt"
        path.write_text("一隻{紅|藍}色的紙鶴\n--prompt \"港口\" --seed 5 --width 512 --height 768\n", "utf-8")
        preview = view.open_files([path])
        qtbot.waitUntil(lambda: preview.preview is not None, timeout=WAIT)
        preview.grab().save(str(artifacts_dir / "journey_3_preview_zh_TW_dark.png"))
        assert preview.ok_button.text() == "加入 2 個工作到佇列"  # 512x768 is not an OpenAI size
        problem = preview.problems_list.item(0).text()
        assert problem.startswith("清單.txt:2") and "512x768" in problem
        preview.reject()
        gallery = window.gallery_view
        window.tabs.setCurrentWidget(gallery)
        qtbot.waitUntil(lambda: gallery.model.rowCount() == 1, timeout=WAIT)
        facet = gallery.facet_panel.lists["providers"]  # made while the tab was hidden, counted now
        qtbot.waitUntil(lambda: facet.count() == 1 and facet.item(0).text().startswith("openai"), timeout=WAIT)
        select(gallery, 0)
        qtbot.waitUntil(lambda: gallery.detail.details is not None, timeout=WAIT)
        qtbot.wait(300)
        window.grab().save(str(artifacts_dir / "journey_3_gallery_selected_zh_TW_dark.png"))
        assert [n for n, (s, _d) in window.status.provider_status.items() if s != "unconfigured"] == ["openai"]
    finally:
        appearance.translations.apply("en")
        appearance.theme.apply("light")


def test_a_project_with_variants_and_every_analytics_page_read_in_chinese(
        qtbot: Any, qapp: Any, services: Services, engine: Any, window: Any, appearance: Any,
        artifacts_dir: Path) -> None:
    from tests.ui.test_translations import allowed_names
    from tests.ui.text_walk import MissRecorder, english_words, texts_of
    from tests.ui.workflow.conftest import wait_idle

    window.resize(1400, 860)
    recorder = MissRecorder()
    qapp.installTranslator(recorder)
    try:
        appearance.translations.apply("zh_TW")
        wf = window.workflow_view
        window.tabs.setCurrentWidget(wf)
        created = wf.commands.create_project("product-shots", "shipped", "珍奶產品照")
        qtbot.waitUntil(created.done, timeout=WAIT)
        qtbot.waitUntil(lambda: wf.project_id is not None, timeout=WAIT)
        o = wf.overview
        o.provider_combo.setCurrentIndex(o.provider_combo.findData("openai"))
        o.prompts_edit.setPlainText("珍珠奶茶，白色背景")
        o.queue_button.click()
        wait_idle(qtbot, services)
        qtbot.waitUntil(lambda: wf.images.rowCount() > 0, timeout=WAIT)
        wf.images_page.select([wf.images.asset_id(0)])
        wf.images_page.variant_count.setValue(2)
        wf.images_page.variants_button.click()
        qtbot.waitUntil(lambda: "2" in wf.notice.text(), timeout=WAIT)
        wait_idle(qtbot, services)
        qtbot.wait(300)
        shots = []
        for page in (wf.overview, wf.images_page, wf.lineage_page, wf.history_page):
            wf.pages.setCurrentWidget(page)
            qtbot.wait(200)
            shots.append(window.grab())
        for i, shot in enumerate(shots):
            shot.save(str(artifacts_dir / f"journey_4_workflow_{i}_zh_TW.png"))
        analytics = window.analytics_view
        window.tabs.setCurrentWidget(analytics)
        for name in ("dashboard", "live", "forecast", "roi", "reports"):
            analytics.show_page(name)
            qtbot.wait(500)
            window.grab().save(str(artifacts_dir / f"journey_4_analytics_{name}_zh_TW.png"))
        roi = analytics.roi
        qtbot.waitUntil(lambda: len(roi.model.rows) == 1, timeout=WAIT)
        row = roi.model.rows[0]  # nothing picked yet: worth nothing, as the page explains
        assert (row.accepted, row.value) == (0, 0.0) and "選用或核准" in roi.explain.text()
        allowed = allowed_names(services) | {"openai"}
        left = [f"{where}: {text!r}" for where, text in texts_of(window)
                if english_words(re.sub(r"#[0-9A-Fa-f]{6}|main\\.py [a-z -]+", " ", text), allowed)]
        missed = sorted(recorder.missed)
    finally:
        qapp.removeTranslator(recorder)
        appearance.translations.apply("en")
    assert missed == []
    assert left == []
