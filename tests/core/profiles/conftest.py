"""A library with the profiles service built as the app builds it, with a cheap Argon2id
(same algorithm, small cost) so that the password tests stay fast, and a clock tests move."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type

from desktop.core.audit.log import AuditLog
from desktop.core.config import ConfigStore
from desktop.core.events import EventBus
from desktop.core.profiles.passwords import Passwords
from desktop.core.profiles.secret_router import ProfileSecrets
from desktop.core.profiles.service import ProfileService
from desktop.core.secrets import FernetSecrets, Redactor
from desktop.core.store.database import Database


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def cheap_passwords() -> Passwords:
    return Passwords(PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1, type=Type.ID))


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "library" / "library.db").open()
    yield database
    database.close()


class World:
    def __init__(self, db: Database, root: Path, clock: Clock) -> None:
        self.db, self.clock = db, clock
        self.config_store = ConfigStore(root / "config")
        self.config = self.config_store.load()
        self.events = EventBus()
        self.seen: list[object] = []
        self.events.subscribe_all(self.seen.append)
        self.redactor = Redactor()
        self.shared = FernetSecrets(self.config_store.directory, self.redactor)
        self.secrets = ProfileSecrets(self.shared, self.events)
        self.audit = AuditLog(db, redactor=self.redactor, clock=clock)
        self.profiles = self.build()

    def build(self) -> ProfileService:
        """A fresh service over the same library and settings (as after a restart)."""
        return ProfileService(self.db, audit=self.audit, events=self.events, config_store=self.config_store,
                              config=self.config, secrets=self.secrets, redactor=self.redactor,
                              clock=self.clock, passwords=cheap_passwords())

    def actions(self) -> list[tuple[str, str, str]]:
        return [(e.actor, e.action, e.target) for e in self.audit.query()]


@pytest.fixture
def world(db: Database, tmp_path: Path, clock: Clock) -> World:
    return World(db, tmp_path, clock)
