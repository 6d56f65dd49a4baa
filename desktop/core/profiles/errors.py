"""Typed errors of the profiles feature; messages name the profile and say what to do."""

from __future__ import annotations

from collections.abc import Sequence


class ProfileError(Exception):
    """A profile operation was refused or failed."""


class UnknownProfileError(ProfileError):
    def __init__(self, name: str, known: Sequence[str]) -> None:
        listed = ", ".join(known) if known else "none"
        super().__init__(f"no profile named {name!r} in this library; profiles: {listed}")
        self.name = name
        self.known = list(known)


class DuplicateProfileError(ProfileError):
    def __init__(self, name: str) -> None:
        super().__init__(f"a profile named {name!r} already exists")
        self.name = name


class InvalidProfileError(ProfileError):
    """A field has a value the profile cannot take (empty name, bad colour, negative budget)."""


class PasswordRequiredError(ProfileError):
    def __init__(self, name: str) -> None:
        super().__init__(f"profile {name!r} has a password: enter it to continue")
        self.name = name


class WrongPasswordError(ProfileError):
    def __init__(self, name: str, tries_left: int) -> None:
        super().__init__(f"wrong password for profile {name!r} ({tries_left} tries left before a pause)")
        self.name = name
        self.tries_left = tries_left


class LockedOutError(ProfileError):
    def __init__(self, name: str, seconds: float) -> None:
        super().__init__(f"too many wrong passwords for profile {name!r}: try again in {int(seconds) + 1} s")
        self.name = name
        self.seconds = seconds


class NotAllowedError(ProfileError):
    """The current profile may not do this. `reason`: admin_only (needs an unlocked admin),
    protected (the target has a password), current (it is the current profile), last (the
    last profile) or last_admin (the only admin)."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason
