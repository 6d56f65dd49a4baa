"""Running a profile operation off the GUI thread (Argon2id and the vault's key derivation
take a noticeable fraction of a second) and getting its ProfileError back as a value, so a
wrong password is shown next to the field, not reported as a failed task."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from desktop.core.profiles.errors import ProfileError
from desktop.core.secrets import SecretsError
from desktop.ui.qt_bridge import QtBridge


def run_profile_task(services: Any, bridge: QtBridge, work: Callable[[], Any], where: str,
                     on_result: Callable[[BaseException | None], None], owner: QObject | None = None) -> None:
    """Run `work()` in the image/disk pool; `on_result(None)` on success, or the expected
    error (ProfileError, SecretsError). Anything else goes through the bridge's boundary."""

    async def job() -> BaseException | None:
        try:
            await asyncio.get_running_loop().run_in_executor(services.executors.io, work)
        except (ProfileError, SecretsError) as exc:
            return exc
        return None

    bridge.run_task(job(), where, on_done=on_result, owner=owner)
