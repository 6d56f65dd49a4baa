"""Screenshots of each tab and dialog in English and 繁體中文, with jobs in every state
(waiting, running, succeeded, failed with a readable error, paused), for people to look at.
Saved under <artifacts>/ui/; the folder is printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.config import ProviderSettings
from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.queue.types import BatchOptions
from tests.ui.conftest import run

PROMPTS_DONE = ["a red fox in fresh snow, watercolour", "please refuse: a forbidden scene",
                "一隻在竹林裡的貓熊，水墨畫風格"]
PROMPTS_WAITING = ["hold: a lighthouse at dusk, oil painting", "a paper boat on a rainy street",
                   "夜市裡的燈籠，電影感光線", "a ceramic teapot, studio lighting", "a city skyline at dawn"]


@pytest.fixture
def one_at_a_time(services):
    # One job at a time, so that while the first job of a batch is held running the rest wait.
    services.config.providers["openai"] = ProviderSettings(concurrency=1)


def save(widget, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not save {path}"
    return path


def test_screenshots_of_each_tab_and_dialog_in_both_languages(
        qtbot, tmp_path, artifacts_dir, one_at_a_time, services, window, appearance, engine, capsys):
    folder = artifacts_dir / "ui"
    folder.mkdir(parents=True, exist_ok=True)
    done = [JobSpec(GenerationRequest("openai", "gpt-image-1", p, quality="low")) for p in PROMPTS_DONE]
    _first, first_ids = run(qtbot, services.queue.enqueue(done, BatchOptions(name="Autumn campaign")))
    qtbot.waitUntil(lambda: {r.state.value for r in services.queue.jobs(first_ids)} <= {"succeeded", "failed"},
                    timeout=20000)
    waiting = [JobSpec(GenerationRequest("openai", "gpt-image-1", p)) for p in PROMPTS_WAITING]
    _second, second_ids = run(qtbot, services.queue.enqueue(waiting, BatchOptions(name="夜市系列 Night market")))
    qtbot.waitUntil(lambda: services.queue.jobs(second_ids[:1])[0].state.value == "running", timeout=10000)
    run(qtbot, services.queue.pause(second_ids[-1:]))
    view = window.queue_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 8, timeout=3000)
    view.editor.editor.setPlainText("a {red|blue|green} kite over __places__\n--prompt \"a harbour\" --seed 42\n"
                                    "# comments are grey\n一隻{橘色|黑色}的貓，插畫風格")
    prompts = tmp_path / "campaign.csv"
    prompts.write_text("prompt,size\na {sunny|stormy} harbour,1024x1024\n,1024x1024\nan owl,huge\n"
                       "a {sunny|stormy} harbour,1024x1024\n", "utf-8")
    window.resize(1400, 820)
    saved: list[Path] = []
    for language in ("en", "zh_TW"):
        appearance.translations.apply(language)
        window.tabs.setCurrentWidget(view)
        view.table.selectRow(view.model.row_of(first_ids[1]))
        qtbot.wait(700)  # let the status bar and batch list refresh once
        saved.append(save(window, folder, f"queue_{language}"))
        for area in ("gallery", "workflow", "analytics"):  # other issues' tabs, when present
            tab = getattr(window, f"{area}_view", None)
            if tab is not None:
                window.tabs.setCurrentWidget(tab)
                qtbot.wait(700)
                saved.append(save(window, folder, f"{area}_{language}"))
        window.tabs.setCurrentWidget(view)
        preview = view.open_files([prompts])
        qtbot.waitUntil(lambda p=preview: p.preview is not None, timeout=5000)
        preview.tabs.setCurrentIndex(3)
        saved.append(save(preview, folder, f"preview_problems_{language}"))
        preview.tabs.setCurrentIndex(1)
        saved.append(save(preview, folder, f"preview_cost_{language}"))
        preview.reject()
        settings = window.open_settings()
        qtbot.waitUntil(lambda s=settings: bool(s.forms), timeout=5000)
        settings.show_provider("openai")
        saved.append(save(settings, folder, f"settings_providers_{language}"))
        settings.tabs.setCurrentIndex(0)
        saved.append(save(settings, folder, f"settings_general_{language}"))
        settings.reject()
        details = view.show_details()
        saved.append(save(details, folder, f"job_details_{language}"))
        details.close()
    appearance.theme.apply("dark")
    qtbot.wait(200)
    saved.append(save(window, folder, "queue_zh_TW_dark"))
    appearance.theme.apply("light")
    for path in saved:
        assert path.stat().st_size > 10_000, f"{path} looks empty"
    with capsys.disabled():
        print(f"\nScreenshots: {folder.resolve()}")
