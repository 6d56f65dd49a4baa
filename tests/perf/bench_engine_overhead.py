"""Engine overhead: 10,000 jobs against a zero-latency provider returning a tiny PNG.

Prints milliseconds of engine time per job (scheduling, store transactions, events), with
a sink that keeps nothing (the engine alone, goal < 2 ms) and with the real library sink
(metadata embedding, atomic write with fsync, thumbnail) for comparison.
Run: PYTHONPATH=. .venv/bin/python tests/perf/bench_engine_overhead.py [jobs]
"""

from __future__ import annotations

import asyncio
import random
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from desktop.core.config import AppConfig, ProviderSettings
from desktop.core.events import EventBus
from desktop.core.models import GeneratedImage, GenerationRequest, GenerationResult, JobSpec
from desktop.core.providers.base import Capabilities, HealthReport, ModelInfo, Provider
from desktop.core.providers.pricing import PriceTable
from desktop.core.providers.registry import ProviderRegistry
from desktop.core.queue.commands import QueueCommands
from desktop.core.queue.engine import EngineDeps, QueueEngine
from desktop.core.queue.queries import QueueQueries
from desktop.core.queue.repository import QueueRepository, StoredFile
from desktop.core.queue.service import QueueService
from desktop.core.store.database import Database
from tests.fakes.server import tiny_png

PNG = tiny_png(64, 64)


class Instant(Provider):
    name = "instant"
    display_name = "Instant"
    default_base_url = "http://127.0.0.1:9"
    needs_key = False

    def capabilities(self) -> Capabilities:
        return Capabilities(models=(ModelInfo("m", "m"),))

    async def generate(self, request: GenerationRequest, progress=None) -> GenerationResult:
        return GenerationResult([GeneratedImage(PNG, seed=request.seed)])

    async def check(self) -> HealthReport:
        return HealthReport("ok", "")


class NullSink:
    def store(self, job, image) -> StoredFile:
        return StoredFile(f"images/x/{job.job_id:08d}.png", "0" * 64, len(image.data), 64, 64, "image/png")

    def thumbnail(self, rel_path: str) -> None:
        return None

    def remove(self, rel_path: str) -> None:
        pass

    def exists(self, rel_path: str) -> bool:
        return True


async def run(jobs: int, root: Path, sink) -> float:
    db = Database(root / "library.db").open()
    config = AppConfig(providers={"instant": ProviderSettings(concurrency=8, rate_per_minute=1e9)})
    registry = ProviderRegistry(httpx.AsyncClient(), config, None, {}, (Instant,))
    prices = PriceTable({"providers": {"instant": {"default": 0.0}}})
    db_exec, io_exec = ThreadPoolExecutor(1), ThreadPoolExecutor(2)
    bus = EventBus()
    engine = QueueEngine(EngineDeps(QueueRepository(db), registry, sink, bus, config, prices, db_exec, io_exec))
    service = QueueService(QueueCommands(db), QueueQueries(db), registry, prices, bus, db_exec, random.Random(1))
    service.attach(engine)
    specs = [JobSpec(GenerationRequest("instant", "m", f"prompt {i}")) for i in range(jobs)]
    await service.enqueue(specs)
    start = time.perf_counter()
    await engine.run(until_idle=True, poll=0.05)
    elapsed = time.perf_counter() - start
    done = QueueQueries(db).state_counts().get("succeeded", 0)
    assert done == jobs, f"only {done} of {jobs} succeeded"
    db_exec.shutdown()
    io_exec.shutdown()
    db.close()
    return elapsed


def main() -> None:
    jobs = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        engine_only = asyncio.run(run(jobs, Path(tmp) / "a", NullSink()))
        print(f"engine only     : {jobs} jobs in {engine_only:.2f} s = {engine_only / jobs * 1000:.3f} ms/job (goal < 2 ms)")
        from desktop.core.queue.library_sink import LibrarySink

        full_jobs = min(jobs, 2_000)
        root = Path(tmp) / "b"
        full = asyncio.run(run(full_jobs, root, LibrarySink(root)))
        print(f"with library    : {full_jobs} jobs in {full:.2f} s = {full / full_jobs * 1000:.3f} ms/job "
              "(metadata embed, fsync, rename, sha256, thumbnail)")
        print(f"ratio library/engine-only: {full / full_jobs / (engine_only / jobs):.1f}x")


if __name__ == "__main__":
    main()
