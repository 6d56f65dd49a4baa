"""One queue engine per library: an OS file lock, released by the OS if the holder dies.

The window and a headless `main.py batch` may share a library; only the lock holder runs
jobs (and runs crash recovery), the other just adds jobs and watches them finish.
"""

from __future__ import annotations

import os
from pathlib import Path

from filelock import FileLock, Timeout


class QueueLock:
    def __init__(self, root: Path) -> None:
        self.path = root / ".queue.lock"
        self.owner_path = root / ".queue.owner"
        self._lock = FileLock(str(self.path))

    def try_acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return False
        self.owner_path.write_text(str(os.getpid()), "utf-8")
        return True

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def owner(self) -> str:
        try:
            return self.owner_path.read_text("utf-8").strip()
        except OSError:
            return "unknown"

    def release(self) -> None:
        if self._lock.is_locked:
            self.owner_path.unlink(missing_ok=True)
            self._lock.release()
