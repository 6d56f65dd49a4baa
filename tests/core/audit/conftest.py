"""A fresh library database with its audit log and a clock tests control."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.audit.log import Actor, AuditLog
from desktop.core.store.database import Database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "library" / "library.db").open()
    yield database
    database.close()


@pytest.fixture
def audit(db: Database) -> AuditLog:
    ticks = iter(range(1_800_000_000, 1_900_000_000, 7))
    log = AuditLog(db, clock=lambda: float(next(ticks)) + 0.25)
    log.actor = Actor(1, "Mei")
    return log


def fill(audit: AuditLog, n: int = 5) -> list[int]:
    return [audit.record("batch_started", f"batch {i}", {"jobs": i, "名": "貓"}).result().id for i in range(n)]
