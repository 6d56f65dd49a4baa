"""What the workflow's parts share: the stores, the event bus, the named executors, the
clock and who is acting. Built once by `WorkflowService`."""

from __future__ import annotations

import asyncio
import getpass
import sys
import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from desktop.core.events import EventBus
from desktop.core.library.layout import LibraryPaths
from desktop.core.store.database import Database
from desktop.core.workflow.project_store import ProjectStore
from desktop.core.workflow.record_store import RecordStore

T = TypeVar("T")


def shipped_templates_dir() -> Path:
    """`resources/templates` in a checkout or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parents[3]
    return base / "resources" / "templates"


def current_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers)
        return ""


@dataclass
class WorkflowContext:
    db: Database
    root: Path
    events: EventBus
    db_executor: Executor
    io_executor: Executor
    clock: Callable[[], float] = time.time
    actor: str = field(default_factory=current_actor)
    profile_id: int | None = None

    def __post_init__(self) -> None:
        self.paths = LibraryPaths(self.root)
        self.projects = ProjectStore(self.db, self.clock)
        self.records = RecordStore(self.db, self.clock)

    async def on_db(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a store write (or a read that must follow one) on the single writer thread."""
        return await asyncio.get_running_loop().run_in_executor(self.db_executor, fn, *args)

    async def on_io(self, fn: Callable[..., T], *args: Any) -> T:
        """Run image decoding and measuring in the image pool."""
        return await asyncio.get_running_loop().run_in_executor(self.io_executor, fn, *args)
