"""An in-process provider with a script of answers and a plain file sink, so the engine's
scheduling, retries, fallbacks, budgets and cache are tested without HTTP or the library."""

from __future__ import annotations

import asyncio
import hashlib
import io
import random
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from desktop.core.config import AppConfig, ProviderSettings
from desktop.core.events import EventBus
from desktop.core.models import GeneratedImage, GenerationRequest, GenerationResult
from desktop.core.providers.base import Capabilities, HealthReport, ModelInfo, Provider
from desktop.core.providers.pricing import PriceTable
from desktop.core.providers.registry import ProviderRegistry
from desktop.core.queue.commands import QueueCommands
from desktop.core.queue.engine import EngineDeps, QueueEngine
from desktop.core.queue.queries import QueueQueries
from desktop.core.queue.repository import QueueRepository, StoredFile
from desktop.core.queue.retry_policy import RetryPolicy
from desktop.core.queue.service import QueueService
from desktop.core.queue.types import ClaimedJob
from desktop.core.store.database import Database


def png_bytes(color: tuple[int, int, int] = (10, 20, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buf, "PNG")
    return buf.getvalue()


@dataclass
class Script:
    """Answers per provider name: an exception instance to raise, or a GenerationResult."""

    answers: dict[str, deque[Any]] = field(default_factory=dict)
    calls: list[tuple[str, GenerationRequest]] = field(default_factory=list)
    delay: float = 0.0
    gate: asyncio.Event | None = None  # when set, calls wait for it

    def push(self, provider: str, *answers: Any) -> None:
        self.answers.setdefault(provider, deque()).extend(answers)


def make_provider(name: str, script: Script) -> type[Provider]:
    class Scripted(Provider):
        display_name = name.title()
        default_base_url = "http://127.0.0.1:9"
        needs_key = False
        default_concurrency = 2
        default_rate_per_minute = 60000.0

        def capabilities(self) -> Capabilities:
            return Capabilities(models=(ModelInfo("m1", "Model 1", deterministic=True),
                                        ModelInfo("m2", "Model 2", deterministic=False)))

        async def generate(self, request: GenerationRequest, progress: Any = None) -> GenerationResult:
            script.calls.append((name, request))
            if script.gate is not None:
                await script.gate.wait()
            if script.delay:
                await asyncio.sleep(script.delay)
            queue = script.answers.get(name)
            answer = queue.popleft() if queue else None
            if isinstance(answer, BaseException):
                raise answer
            if answer is None:
                answer = GenerationResult([GeneratedImage(png_bytes(), seed=request.seed)])
            return answer

        async def check(self) -> HealthReport:
            return HealthReport("ok", "fine")

    Scripted.name = name
    return Scripted


class FileSink:
    def __init__(self, root: Path) -> None:
        self.root = root

    def store(self, job: ClaimedJob, image: GeneratedImage) -> StoredFile:
        sha = hashlib.sha256(image.data).hexdigest()
        rel = f"images/2026-11/{job.job_id:08d}-{sha[:10]}.png"
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(image.data)
        return StoredFile(rel, sha, len(image.data), 8, 8, "image/png")

    def thumbnail(self, rel_path: str) -> str | None:
        return None

    def remove(self, rel_path: str) -> None:
        (self.root / rel_path).unlink(missing_ok=True)

    def exists(self, rel_path: str) -> bool:
        return (self.root / rel_path).is_file()


@dataclass
class QueueHarness:
    db: Database
    engine: QueueEngine
    service: QueueService
    script: Script
    events: list[Any]
    root: Path

    async def run(self, timeout: float = 10.0) -> None:
        await asyncio.wait_for(self.engine.run(until_idle=True, poll=0.05), timeout)

    def jobs(self) -> list:
        return self.service.jobs(self.service.job_ids(order="oldest"))


@pytest.fixture
def harness(tmp_path: Path) -> QueueHarness:
    root = tmp_path / "lib"
    db = Database(root / "library.db").open()
    script = Script()
    config = AppConfig(providers={"alpha": ProviderSettings(concurrency=2),
                                  "beta": ProviderSettings(concurrency=2)})
    classes = (make_provider("alpha", script), make_provider("beta", script))
    registry = ProviderRegistry(httpx.AsyncClient(), config, None, {}, classes)
    prices = PriceTable({"providers": {"alpha": {"default": 0.02}, "beta": {"default": 0.03}}})
    bus = EventBus()
    seen: list[Any] = []
    bus.subscribe_all(seen.append)
    db_exec, io_exec = ThreadPoolExecutor(1), ThreadPoolExecutor(2)
    deps = EngineDeps(
        repo=QueueRepository(db), providers=registry, sink=FileSink(root), events=bus,
        config=config, prices=prices, db_executor=db_exec, io_executor=io_exec,
        policy=RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.05),
        rng=random.Random(1),
    )
    engine = QueueEngine(deps)
    service = QueueService(QueueCommands(db), QueueQueries(db), registry, prices, bus, db_exec,
                           random.Random(2))
    service.attach(engine)
    yield QueueHarness(db, engine, service, script, seen, root)
    db_exec.shutdown()
    io_exec.shutdown()
    db.close()
