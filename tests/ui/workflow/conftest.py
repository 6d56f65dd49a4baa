"""The Workflow tab over real services: the real A1111 adapter against the painting fake,
a loopback Ollama for suggestions, the engine running as in the app, and helpers that
fill a project with checked images."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.services import Services, build_services
from desktop.core.workflow.brand_rules import BrandRules, PaletteRule
from tests.core.workflow.painting_a1111 import PaintingA1111
from tests.fakes.ollama_chat_fake import FakeOllamaChat
from tests.ui.conftest import run


@pytest.fixture(autouse=True)
def asyncgen_hooks(qloop: Any) -> Iterator[None]:
    """The qasync loop in tests never runs `run_forever`, which is where asyncio installs the
    hooks that finalise abandoned async generators (httpx's streams) on the loop; without
    them Python finalises them with no loop and warns."""
    old = sys.get_asyncgen_hooks()
    sys.set_asyncgen_hooks(firstiter=qloop._asyncgen_firstiter_hook,
                           finalizer=qloop._asyncgen_finalizer_hook)
    yield
    sys.set_asyncgen_hooks(*old)


@pytest.fixture(scope="module")
def painter() -> Iterator[PaintingA1111]:
    with PaintingA1111() as running:
        yield running


@pytest.fixture
def ollama() -> Iterator[FakeOllamaChat]:
    with FakeOllamaChat() as running:
        yield running


@pytest.fixture
def services(qloop: Any, qtbot: Any, tmp_path: Path, painter: PaintingA1111,
             ollama: FakeOllamaChat) -> Iterator[Services]:
    env = {"SDWEBUI_BASE_URL": painter.url, "OLLAMA_HOST": ollama.url}
    built = build_services(tmp_path / "lib", env=env)
    yield built
    if built.engine is not None:
        built.engine.stop()
    run(qtbot, built.workflow.aclose())
    run(qtbot, built.aclose())


@pytest.fixture
def view(services: Services, bridge: Any, qtbot: Any, appearance: Any) -> Iterator[Any]:
    from desktop.ui.workflow.workflow_view import WorkflowView

    appearance.translations.apply("en")  # English plural forms come from workflow_en.qm
    made = WorkflowView(services, bridge)
    qtbot.addWidget(made)
    made.resize(1280, 820)
    yield made
    if services.engine is not None:
        services.engine.stop()
    run(qtbot, bridge.drain(timeout=8))  # finish what the tab started while it still exists
    made.shutdown()


BRAND = BrandRules(palette=PaletteRule(("#C81E2D", "#FAFAFA"), tolerance=6, min_share=0.7),
                   aspect_ratios=("1:1", "4:5", "9:16"), min_width=256, min_height=256,
                   forbidden_words=("watermark",), safe_margin=0.08, max_edge_density=0.1)
PROMPTS = ["red lanterns over a street", "red lanterns by the river", "busy red temple gate",
           "blue night market stalls"]


def wait_idle(qtbot: Any, services: Services, timeout: int = 30_000) -> None:
    """Until the queue has nothing left and the automatic checks are done."""
    from desktop.core.queue.queries import JobFilter

    qtbot.waitUntil(lambda: not services.queue.job_ids(JobFilter(states=("pending", "running"))),
                    timeout=timeout)
    run(qtbot, services.workflow.checks.drain(), timeout)


def populated_project(qtbot: Any, services: Services, bridge: Any, name: str = "燈節海報 Lantern festival",
                      sizes: tuple[str, ...] = ("512x512", "512x640")) -> tuple[int, list[int]]:
    """A project from the social-media template with brand rules and a finished batch."""
    wf = services.workflow
    project_id = run(qtbot, wf.projects.create_from_template("social-media-campaign", name))
    run(qtbot, wf.projects.set_rules(project_id, BRAND, note="brand red, no clutter at the edges"))
    preset = wf.projects.presets(project_id)[0]
    engine, _ = services.acquire_engine()
    if not bridge.running_tasks:
        bridge.run_task(engine.run(poll=0.1), "Running the queue")
    run(qtbot, wf.projects.enqueue_with_preset(project_id, preset.id, PROMPTS, sizes=list(sizes),
                                               provider="a1111"))
    wait_idle(qtbot, services)
    return project_id, wf.ctx.records.asset_ids(project_id)
