"""Password hashes (Argon2id, argon2-cffi) and the lockout policy after wrong tries.

Only the hash is stored; it embeds its own salt and parameters, so stronger parameters
later rehash on the next successful sign-in."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 4


class Passwords:
    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self.hasher = hasher or PasswordHasher(type=Type.ID)

    def hash(self, password: str) -> str:
        return self.hasher.hash(password)

    def matches(self, stored: str, password: str) -> bool:
        try:
            return self.hasher.verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored: str) -> bool:
        return self.hasher.check_needs_rehash(stored)


@dataclass(frozen=True)
class LockoutPolicy:
    """After `max_tries` wrong passwords in a row, wait `base_delay_s`, doubling with each
    further wrong try up to `max_delay_s`. A right password resets the count."""

    max_tries: int = 5
    base_delay_s: float = 30.0
    max_delay_s: float = 900.0

    def delay_after(self, failures: int) -> float:
        if failures < self.max_tries:
            return 0.0
        return min(self.max_delay_s, self.base_delay_s * 2 ** (failures - self.max_tries))

    def tries_left(self, failures: int) -> int:
        return max(0, self.max_tries - failures)
