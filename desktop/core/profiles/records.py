"""Profiles as the rest of the app sees them (never with the password hash), and the
preferences a profile can change."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from desktop.core.profiles.errors import InvalidProfileError

COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
THEMES = ("", "system", "light", "dark")
PALETTE = ("#4f7cac", "#c0504d", "#9bbb59", "#8064a2", "#f79646", "#2c9c9c", "#d16ba5", "#7f7f7f")


@dataclass(frozen=True)
class ProfilePrefs:
    """What a profile sets for itself; "" / None mean "use the app's setting"."""

    avatar_color: str = "#4f7cac"
    language: str = ""
    theme: str = ""
    default_provider: str = ""
    default_model: str = ""
    default_size: str = ""
    default_project_id: int | None = None
    monthly_budget_usd: float | None = None
    idle_lock_minutes: int = 0  # lock after this many idle minutes; 0 = never

    def validated(self) -> ProfilePrefs:
        if not COLOR.match(self.avatar_color):
            raise InvalidProfileError(f"avatar colour {self.avatar_color!r} is not #RRGGBB")
        if self.theme not in THEMES:
            raise InvalidProfileError(f"theme {self.theme!r} is not one of system, light, dark")
        if self.monthly_budget_usd is not None and self.monthly_budget_usd < 0:
            raise InvalidProfileError("the monthly budget cannot be negative")
        if self.idle_lock_minutes < 0:
            raise InvalidProfileError("the idle lock time cannot be negative")
        if self.default_size and not re.match(r"^\d+x\d+$", self.default_size):
            raise InvalidProfileError(f"default size {self.default_size!r} is not WIDTHxHEIGHT")
        return self

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


PREF_FIELDS = tuple(f.name for f in fields(ProfilePrefs))


@dataclass(frozen=True)
class Profile:
    id: int
    name: str
    prefs: ProfilePrefs
    is_admin: bool
    has_password: bool
    created_at: float
    last_used_at: float | None
    failed_attempts: int = 0
    locked_until: float | None = None

    @classmethod
    def from_mapping(cls, row: Any) -> Profile:
        prefs = ProfilePrefs(**{name: row[name] for name in PREF_FIELDS})
        return cls(int(row["id"]), row["name"], prefs, bool(row["is_admin"]),
                   row["password_hash"] is not None, float(row["created_at"]), row["last_used_at"],
                   int(row["failed_attempts"] or 0), row["locked_until"])


def clean_name(name: str) -> str:
    name = " ".join(str(name).split())
    if not name:
        raise InvalidProfileError("a profile needs a name")
    if len(name) > 60:
        raise InvalidProfileError("a profile name is at most 60 characters")
    return name
