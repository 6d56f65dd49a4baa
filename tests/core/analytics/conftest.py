"""Fixtures: a library filled with known data (see known_data.py), with and without the
tables other features own."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.core.store.database import Database
from tests.core.analytics import known_data


@dataclass
class KnownStore:
    db: Database
    root: Path
    assets: dict[int, int]  # asset id by job id


@pytest.fixture
def known_store(library_dir: Path) -> Iterator[KnownStore]:
    library_dir.mkdir(parents=True, exist_ok=True)
    db = Database(library_dir / "library.db").open()
    assets = known_data.fill(db, library_dir)
    yield KnownStore(db, library_dir, assets)
    db.close()


@pytest.fixture
def workflow_store(known_store: KnownStore) -> KnownStore:
    known_data.add_workflow(known_store.db, known_store.assets)
    return known_store
