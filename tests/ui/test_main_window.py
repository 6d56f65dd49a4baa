"""The main window: tabs added by other issues, remembered geometry/splitters/tab/folder,
the status bar, the pause toggle, and notices (finished batch, blocked provider, failures)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QWidget

from desktop.core import events as ev
from desktop.core.config import ConfigStore
from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.queue.types import BatchOptions
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import run


def test_add_tab_translates_its_title_now_and_after_a_language_switch(qtbot, window, appearance):
    extra = QLabel("later issue's tab")
    index = window.add_tab(extra, QT_TRANSLATE_NOOP("MainWindow", "Queue"))
    assert window.tabs.tabText(index) == "Queue"
    appearance.translations.apply("zh_TW")
    assert window.tabs.tabText(index) == "佇列"
    plain = QWidget()
    other = window.add_tab(plain, "Untranslated title", context="SomeTab")
    assert window.tabs.tabText(other) == "Untranslated title"
    assert plain.objectName() == "Untranslated title"  # names it in the saved window state


def test_geometry_splitters_last_tab_and_last_folder_are_remembered(qtbot, tmp_path, services, bridge, appearance):
    first = MainWindow(services, bridge, appearance)
    qtbot.addWidget(first)
    first.show()
    screen = first.screen().availableGeometry()
    wanted = (min(1111, screen.width() - 40), min(777, screen.height() - 60))
    first.resize(*wanted)
    first.queue_view.top_split.setSizes([400, 700])
    extra = QLabel("x")
    extra.setObjectName("ExtraTab")
    first.add_tab(extra, "Extra", context="Test")
    first.tabs.setCurrentWidget(extra)
    prompts = tmp_path / "folder" / "p.txt"
    prompts.parent.mkdir()
    prompts.write_text("a kite\n", "utf-8")
    dialog = first.queue_view.open_files([prompts])
    dialog.reject()
    first.close()
    saved = ConfigStore(services.config_store.directory).load().ui
    assert saved["last_tab"] == "ExtraTab" and saved["last_folder"] == str(prompts.parent)
    assert "queue.top" in saved["splitters"] and saved["geometry"]

    services.config.ui.clear()
    services.config.ui.update(saved)
    second = MainWindow(services, bridge, appearance)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (first.width(), first.height()) == wanted
    assert second.queue_view.top_split.sizes()[0] == first.queue_view.top_split.sizes()[0]
    again = QLabel("x")
    again.setObjectName("ExtraTab")
    second.add_tab(again, "Extra", context="Test")
    assert second.tabs.currentWidget() is again


def test_the_pause_toggle_pauses_the_queue_and_the_status_bar_says_so(qtbot, services, engine, window):
    status = window.status
    assert "Queue idle" in status.queue_label.text()
    status.pause_button.click()
    qtbot.waitUntil(lambda: engine.paused and "Queue paused" in status.queue_label.text(), timeout=3000)
    assert status.pause_button.text() == "Resume queue"
    window.pause_queue_action.trigger()
    qtbot.waitUntil(lambda: not engine.paused and "Queue paused" not in status.queue_label.text(), timeout=3000)


def test_status_bar_counts_follow_the_queue(qtbot, window, services):
    specs = [JobSpec(GenerationRequest("openai", "gpt-image-1", f"p {i}")) for i in range(3)]
    run(qtbot, services.queue.enqueue(specs))
    qtbot.waitUntil(lambda: "3 waiting" in window.status.queue_label.text(), timeout=3000)
    assert window.status.sync_label.text() == "Sync: not set up"
    window.status.set_sync_state("Sync: up to date", "s3://bucket")
    assert window.status.sync_label.text() == "Sync: up to date"


def test_provider_dots_follow_status_events(qtbot, window, services):
    status = window.status
    qtbot.waitUntil(lambda: status.findChild(QLabel, "provider-openai") is not None, timeout=5000)
    assert status.provider_status["openai"][0] == "ready"  # the key comes from the environment
    assert status.provider_status["a1111"][0] == "unconfigured"  # a local server never set up
    services.events.publish(ev.ProviderStatusDidChange("openai", "down", "cannot reach api.openai.com"))
    qtbot.waitUntil(lambda: status.provider_status["openai"][0] == "down", timeout=2000)
    label = status.findChild(QLabel, "provider-openai")
    assert "Unreachable" in label.toolTip() and "cannot reach api.openai.com" in label.toolTip()


def test_a_finished_batch_is_announced(qtbot, services, engine, window):
    specs = [JobSpec(GenerationRequest("openai", "gpt-image-1", p)) for p in ("a kite", "refuse it")]
    run(qtbot, services.queue.enqueue(specs, BatchOptions(name="Spring set")))
    qtbot.waitUntil(lambda: window.banner.isVisible() and "Spring set" in window.banner.text, timeout=15000)
    assert window.banner.text == "“Spring set” finished: 1 succeeded, 1 failed, 0 cancelled"
    assert window.banner.level == "warning"


def test_a_blocked_provider_offers_the_settings(qtbot, window, services):
    services.events.publish(ev.LaneDidBlock("openai", "openai: Incorrect API key provided (HTTP 401)"))
    assert window.banner.isVisible() and "stopped taking jobs" in window.banner.text
    assert window.banner.action_button.isVisible()
    with qtbot.waitSignal(window.settings_opened, timeout=2000) as opened:
        window.banner.action_button.click()
    opened.args[0].reject()


def test_a_failed_background_task_shows_where_and_why_with_the_detail_one_click_away(qtbot, window, bridge):
    async def broken() -> None:
        raise OSError("disk full while writing images/2026/01/a.png")

    bridge.run_task(broken(), "Saving the image")
    qtbot.waitUntil(window.banner.isVisible, timeout=3000)
    assert window.banner.text == "Saving the image failed: disk full while writing images/2026/01/a.png"
    assert window.banner.details_button.isVisible()
    window.banner.show_details()
    dialogs = [w for w in window.findChildren(QWidget) if type(w).__name__ == "DetailsDialog"]
    assert dialogs and "OSError" in dialogs[-1].detail_edit.toPlainText()


def test_show_in_gallery_switches_to_the_gallery_and_selects_the_image(qtbot, services, engine, window):
    gallery = window.gallery_view
    if gallery is None:
        import pytest

        pytest.skip("the Gallery tab is not in this build")
    specs = [JobSpec(GenerationRequest("openai", "gpt-image-1", "a lantern"))]
    _batch, ids = run(qtbot, services.queue.enqueue(specs))
    qtbot.waitUntil(lambda: services.queue.jobs(ids)[0].asset_id is not None, timeout=15000)
    asset_id = services.queue.jobs(ids)[0].asset_id
    window.open_asset(asset_id)
    assert window.tabs.currentWidget() is gallery
    qtbot.waitUntil(lambda: gallery.selected_ids() == [asset_id], timeout=5000)


def test_closing_the_window_stops_tabs_that_have_workers(qtbot, services, bridge, appearance):
    class TabWithWorkers(QWidget):
        stopped = 0

        def shutdown(self) -> None:
            TabWithWorkers.stopped += 1

    made = MainWindow(services, bridge, appearance)
    qtbot.addWidget(made)
    made.add_tab(TabWithWorkers(), "Workers", context="Test")
    made.show()
    made.close()
    assert TabWithWorkers.stopped == 1


def _made_image(qtbot, services) -> int:
    request = GenerationRequest("openai", "gpt-image-1", "一盞燈籠 a lantern", width=1024, height=1536, seed=77)
    _batch, ids = run(qtbot, services.queue.enqueue([JobSpec(request)]))
    qtbot.waitUntil(lambda: services.queue.jobs(ids)[0].asset_id is not None, timeout=15000)
    return services.queue.jobs(ids)[0].asset_id


def test_generate_again_in_the_gallery_queues_the_same_settings_with_a_new_seed(qtbot, services, engine, window):
    if window.gallery_view is None:
        import pytest

        pytest.skip("the Gallery tab is not in this build")
    asset_id = _made_image(qtbot, services)
    before = set(services.queue.job_ids())
    window.gallery_view.rerun_requested.emit(services.gallery.job_spec_of(asset_id, keep_seed=False))

    qtbot.waitUntil(lambda: len(set(services.queue.job_ids()) - before) == 1, timeout=5000)
    new = services.queue.jobs(list(set(services.queue.job_ids()) - before))[0]
    assert window.tabs.currentWidget() is window.queue_view
    assert (new.prompt, new.provider, new.model) == ("一盞燈籠 a lantern", "openai", "gpt-image-1")
    assert new.request.seed != 77 and new.size == "1024x1536"


def test_use_as_template_queues_the_image_paused_and_opens_its_editor(qtbot, services, engine, window):
    if window.gallery_view is None:
        import pytest

        pytest.skip("the Gallery tab is not in this build")
    asset_id = _made_image(qtbot, services)
    with qtbot.waitSignal(window.queue_view.template_opened, timeout=5000) as opened:
        window.gallery_view.template_requested.emit(services.gallery.job_spec_of(asset_id, keep_seed=True))

    job = services.queue.jobs([opened.args[0].job.id])[0]
    assert job.state.value == "paused" and job.request.seed == 77 and job.prompt == "一盞燈籠 a lantern"
    assert opened.args[0].isVisible()


def test_status_bar_clicks_open_settings_where_they_point(qtbot, window):
    opened = []
    window.settings_opened.connect(opened.append)

    window.status.sync_settings_requested.emit()
    window.status.settings_requested.emit()

    sync_dialog, provider_dialog = opened
    assert sync_dialog.tabs.currentWidget() is sync_dialog.sync_page
    assert provider_dialog.tabs.currentWidget() is provider_dialog.providers_page
    for dialog in opened:
        dialog.reject()


def test_news_of_a_finished_batch_does_not_hide_a_refused_key_the_user_must_act_on(qtbot, window, services):
    services.events.publish(ev.LaneDidBlock("openai", "openai: Incorrect API key provided (HTTP 401)"))
    qtbot.waitUntil(lambda: "stopped taking jobs" in window.banner.text, timeout=2000)
    finished: list[object] = []
    window.bridge.batch_finished.connect(finished.append)
    services.events.publish(ev.BatchDidFinish(1, 0, 1, 0))
    qtbot.waitUntil(lambda: bool(finished), timeout=2000)
    assert "stopped taking jobs" in window.banner.text and window.banner.action_button.isVisible()
    window.banner.hide()  # once dismissed, news shows again
    services.events.publish(ev.BatchDidFinish(2, 1, 0, 0))
    qtbot.waitUntil(lambda: "finished" in window.banner.text, timeout=2000)


def test_a_refused_key_heard_while_the_provider_settings_are_read_keeps_the_dot_red(qtbot, window):
    status = window.status
    qtbot.waitUntil(lambda: len(status.provider_status) > 1, timeout=5000)
    loaded: list[object] = []
    shown = status._providers_loaded
    status._providers_loaded = lambda found: (shown(found), loaded.append(found))
    status.load_providers()  # as after Settings → OK; the read runs in the background
    status.set_provider_status("openai", "error", "openai: Incorrect API key provided (HTTP 401)")
    qtbot.waitUntil(lambda: bool(loaded), timeout=5000)
    assert status.provider_status["openai"][0] == "error"
    assert status.provider_status["a1111"][0] == "unconfigured"


def test_saving_the_settings_takes_down_the_notice_of_a_stopped_provider(qtbot, window, services):
    services.events.publish(ev.LaneDidBlock("openai", "openai: Incorrect API key provided (HTTP 401)"))
    qtbot.waitUntil(lambda: "stopped taking jobs" in window.banner.text, timeout=2000)
    dialog = window.open_settings("providers")
    qtbot.waitUntil(lambda: bool(dialog.forms), timeout=5000)
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        dialog.save()
    assert not window.banner.isVisible()
