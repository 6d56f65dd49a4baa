"""Fixtures for the sync unit tests: a real library and an in-memory backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import desktop.core.sync.service as service_module
from desktop.core.events import EventBus
from desktop.core.sync.retry import RetryPolicy
from desktop.core.sync.service import SyncService
from tests.core.sync.library_builder import LibraryBuilder
from tests.core.sync.memory_backend import MemoryBackend


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[LibraryBuilder]:
    builder = LibraryBuilder(tmp_path / "library")
    yield builder
    builder.close()


@pytest.fixture
def memory_backends(monkeypatch: pytest.MonkeyPatch) -> dict[str, MemoryBackend]:
    """Every destination opened while this fixture is active gets a MemoryBackend, shared
    by URL (so two libraries pointed at one URL see the same bucket)."""
    made: dict[str, MemoryBackend] = {}

    def open_memory(dest: object, _secrets: object, _env: object) -> MemoryBackend:
        url = dest.url  # type: ignore[attr-defined]
        return made.setdefault(url.text, MemoryBackend(url))

    monkeypatch.setattr(service_module, "open_backend", open_memory)
    return made


def make_service(lib: LibraryBuilder, events: EventBus | None = None) -> SyncService:
    return SyncService(lib.db, lib.root, events or EventBus(), None,
                       retry=RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02))
