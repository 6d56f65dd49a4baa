"""Keeping the other services on the current profile: new batches (and so their jobs and
assets), workflow decisions and reports carry the profile that is current when they are made."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.core.events import EventBus
from desktop.core.profiles.events import ProfileDidSwitch, ProfilesDidChange
from desktop.core.profiles.service import ProfileService


def follow_current_profile(profiles: ProfileService, events: EventBus, *, queue: Any = None,
                           workflow: Any = None, reports: Any = None) -> Callable[[], None]:
    """Subscribe; returns the function that unsubscribes. Each target is optional."""

    def apply(_event: object = None) -> None:
        current = profiles.active
        pid = current.id if current else None
        if queue is not None:
            queue.profile_id = pid
            if queue.engine is not None:  # whose jobs may run has changed
                queue.engine.wake(refresh=True)
        if workflow is not None:
            workflow.ctx.profile_id = pid
        if reports is not None:
            reports.profile_name = current.name if current else ""

    stops = [events.subscribe(ProfileDidSwitch, apply), events.subscribe(ProfilesDidChange, apply)]
    apply()

    def stop() -> None:
        for unsubscribe in stops:
            unsubscribe()

    return stop
