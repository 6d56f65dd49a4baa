"""Services over a real library with the real A1111 adapter talking to a painting fake, and
a loopback Ollama for the language-model parts."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

from desktop.core.config import ConfigStore
from desktop.core.services import Services, build_services
from tests.core.workflow.painting_a1111 import PaintingA1111
from tests.fakes.ollama_chat_fake import FakeOllamaChat


@pytest.fixture(scope="module")
def painter() -> Iterator[PaintingA1111]:
    with PaintingA1111() as running:
        yield running


@pytest.fixture(scope="module")
def ollama_server() -> Iterator[FakeOllamaChat]:
    with FakeOllamaChat() as running:
        yield running


@pytest.fixture
def ollama(ollama_server: FakeOllamaChat) -> FakeOllamaChat:
    ollama_server.replies.clear()
    ollama_server.chats.clear()
    ollama_server.default_reply = "ok"
    ollama_server.fail_after = None
    ollama_server.models = {"llama3.2:latest": ["completion", "tools"],
                            "llava:latest": ["completion", "vision"]}
    return ollama_server


@pytest_asyncio.fixture
async def services(tmp_path: Path, painter: PaintingA1111, ollama: FakeOllamaChat) -> AsyncIterator[Services]:
    env = {"SDWEBUI_BASE_URL": painter.url, "OLLAMA_HOST": ollama.url}
    built = build_services(tmp_path / "library", config_store=ConfigStore(tmp_path / "config"), env=env)
    config = built.config_store.load()
    config.default_provider = "a1111"
    built.config_store.save(config)
    yield built
    await built.workflow.aclose()
    await built.aclose()


async def run_queue(services: Services, timeout: float = 60.0) -> None:
    """Run the engine until nothing is runnable, then let the automatic checks finish."""
    engine, _ = services.acquire_engine()
    assert engine is not None
    await asyncio.wait_for(engine.run(until_idle=True, poll=0.05), timeout)
    await services.workflow.checks.drain()
