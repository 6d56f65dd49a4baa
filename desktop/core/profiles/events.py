"""Events the profiles feature publishes on the core's EventBus (`<noun>_did_<verb>`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProfileDidSwitch:
    """The current profile changed (or was chosen at start); `locked` when it still needs
    its password before the window may be used."""

    profile_id: int
    name: str
    previous_id: int | None
    locked: bool


@dataclass(frozen=True)
class ProfileDidLock:
    profile_id: int


@dataclass(frozen=True)
class ProfileDidUnlock:
    profile_id: int


@dataclass(frozen=True)
class ProfilesDidChange:
    """A profile was created, edited, renamed or deleted."""

    profile_ids: tuple[int, ...]


@dataclass(frozen=True)
class SecretDidChange:
    """A stored key was added, changed or removed; the name only, never the value."""

    name: str
    change: str  # added | changed | removed
    vault: bool  # kept in the current profile's password-protected vault


@dataclass(frozen=True)
class ProfileBudgetDidExceed:
    profile_id: int
    name: str
    budget_usd: float
    spent_usd: float
    month: str  # YYYY-MM
