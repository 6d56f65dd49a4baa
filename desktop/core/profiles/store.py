"""Reading and writing `profiles` rows. The password hash is read only by `password_hash()`
and never leaves the profiles package."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.core.profiles.errors import DuplicateProfileError
from desktop.core.profiles.records import PREF_FIELDS, Profile, ProfilePrefs
from desktop.core.store.database import Database


class ProfileStore:
    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.clock = clock

    def all(self) -> list[Profile]:
        with self.db.read() as conn:
            rows = conn.execute(text("SELECT * FROM profiles ORDER BY name COLLATE NOCASE, id")).mappings()
            return [Profile.from_mapping(r) for r in rows]

    def by_name(self, name: str) -> Profile | None:
        with self.db.read() as conn:
            row = conn.execute(text("SELECT * FROM profiles WHERE name = :n"), {"n": name}).mappings().first()
            if row is None:  # names are matched without regard to case as a second chance
                row = conn.execute(text("SELECT * FROM profiles WHERE lower(name) = lower(:n)"),
                                   {"n": name}).mappings().first()
        return Profile.from_mapping(row) if row else None

    def by_id(self, profile_id: int) -> Profile | None:
        with self.db.read() as conn:
            row = conn.execute(text("SELECT * FROM profiles WHERE id = :i"), {"i": profile_id}).mappings().first()
        return Profile.from_mapping(row) if row else None

    def password_hash(self, profile_id: int) -> str | None:
        return self.db.scalar("SELECT password_hash FROM profiles WHERE id = :i", i=profile_id)  # type: ignore[return-value]

    def vault_id(self, profile_id: int) -> str:
        return str(self.db.scalar("SELECT vault_id FROM profiles WHERE id = :i", i=profile_id))

    def admin_count(self) -> int:
        return int(self.db.scalar("SELECT COUNT(*) FROM profiles WHERE is_admin") or 0)

    def insert(self, name: str, prefs: ProfilePrefs, is_admin: bool, password_hash: str | None,
               vault_id: str | None = None) -> int:
        values = {**prefs.as_dict(), "name": name, "is_admin": is_admin, "password_hash": password_hash,
                  "failed_attempts": 0, "vault_id": vault_id or uuid.uuid4().hex, "created_at": self.clock()}
        cols = ", ".join(values)
        marks = ", ".join(f":{k}" for k in values)
        try:
            with self.db.engine_or_raise().begin() as conn:
                return int(conn.execute(text(f"INSERT INTO profiles ({cols}) VALUES ({marks})"), values).lastrowid)
        except IntegrityError as exc:
            raise DuplicateProfileError(name) from exc

    def _update(self, profile_id: int, values: dict[str, object]) -> None:
        sets = ", ".join(f"{k} = :{k}" for k in values)
        try:
            with self.db.engine_or_raise().begin() as conn:
                conn.execute(text(f"UPDATE profiles SET {sets} WHERE id = :id"), {**values, "id": profile_id})
        except IntegrityError as exc:
            raise DuplicateProfileError(str(values.get("name", ""))) from exc

    def update_prefs(self, profile_id: int, prefs: ProfilePrefs) -> None:
        self._update(profile_id, {k: getattr(prefs, k) for k in PREF_FIELDS})

    def rename(self, profile_id: int, name: str) -> None:
        self._update(profile_id, {"name": name})

    def set_admin(self, profile_id: int, is_admin: bool) -> None:
        self._update(profile_id, {"is_admin": is_admin})

    def set_password(self, profile_id: int, password_hash: str | None, vault_id: str) -> None:
        self._update(profile_id, {"password_hash": password_hash, "vault_id": vault_id,
                                  "failed_attempts": 0, "locked_until": None})

    def set_failures(self, profile_id: int, failures: int, locked_until: float | None) -> None:
        self._update(profile_id, {"failed_attempts": failures, "locked_until": locked_until})

    def touch(self, profile_id: int) -> None:
        self._update(profile_id, {"last_used_at": self.clock()})

    def delete(self, profile_id: int) -> None:
        with self.db.engine_or_raise().begin() as conn:
            conn.execute(text("DELETE FROM profiles WHERE id = :i"), {"i": profile_id})
