"""Screenshots of every page of the Workflow tab in English and in Traditional Chinese, with a
real project: a checked batch, a pick, variants and their lineage, a consistency score, and
suggestions streamed from a loopback Ollama. Saved to the artifacts folder to look at."""

from __future__ import annotations

from typing import Any

from desktop.core.services import Services
from desktop.ui.workflow.workflow_view import PAGES
from tests.fakes.ollama_chat_fake import FakeOllamaChat
from tests.ui.conftest import run
from tests.ui.workflow.conftest import populated_project, wait_idle

ANSWER = ("IMPROVED:\n- 紅色燈籠高掛在台南老街上空，黃昏，溫暖的散景，畫面乾淨留白\n"
          "ALTERNATIVES:\n- 一盞燈籠的微距特寫，背景是模糊的人潮\n- 從高處俯瞰整條燈籠街\n"
          "- 雨後石板路映著燈籠的倒影\n"
          "NEGATIVE:\n- 文字, 浮水印, 模糊, 雜亂的背景")


def prepare(qtbot: Any, view: Any, services: Services, bridge: Any, ollama: FakeOllamaChat) -> None:
    project_id, ids = populated_project(qtbot, services, bridge)
    wf = services.workflow
    view.select_project(project_id)
    view.show()
    qtbot.waitExposed(view)
    run(qtbot, wf.consistency.score(ids, project_id=project_id))
    best = next(a.id for a in wf.ctx.records.assets(ids) if a.prompt.startswith("red lanterns over"))
    run(qtbot, wf.history.record("pick", [best], note="構圖最好"))
    blue = next(a.id for a in wf.ctx.records.assets(ids) if a.prompt.startswith("blue"))
    run(qtbot, wf.history.record("reject", [blue], note="藍色不符品牌"))
    run(qtbot, wf.variants.request(best, 4))
    wait_idle(qtbot, services)
    (child,) = [n for n in wf.variants.lineage(best, collapse=False)[0].children][:1]
    run(qtbot, wf.variants.request(child.asset_id, 2, vary_prompt=True))
    wait_idle(qtbot, services)
    qtbot.waitUntil(lambda: view.images.rowCount() >= 14, timeout=5000)
    view.show_lineage(best)
    ollama.script("llama3.2:latest", ANSWER)
    view.suggestions_page.input.setPlainText("紅色燈籠節慶海報")
    view.suggestions_page.is_brief.setChecked(True)
    view.suggestions_page.suggest_button.click()
    qtbot.waitUntil(lambda: view.suggestions_page.ideas.count() == 4, timeout=10_000)
    view.images_page.select([best])
    view.presets_page.load(0)


def shoot(qtbot: Any, view: Any, artifacts_dir: Any, language: str) -> None:
    for page in PAGES:
        view.show_page(page)
        view.repaint()  # paints ask for the thumbnails on screen
        qtbot.waitUntil(lambda: not view.images.loader.busy, timeout=10_000)
        qtbot.wait(150)
        view.grab().save(str(artifacts_dir / f"workflow_{page}_{language}.png"))


def test_screenshots_of_every_page_in_english_and_traditional_chinese(
        qtbot, view, services, bridge, ollama, appearance, artifacts_dir) -> None:
    appearance.translations.apply("en")
    prepare(qtbot, view, services, bridge, ollama)
    shoot(qtbot, view, artifacts_dir, "en")
    assert view.pages.tabText(0) == "Overview"
    appearance.translations.apply("zh_TW")
    assert view.pages.tabText(0) == "總覽"
    shoot(qtbot, view, artifacts_dir, "zh_TW")
    appearance.translations.apply("en")
