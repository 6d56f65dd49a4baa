"""Passwords: only Argon2id hashes are stored, wrong tries lock the profile out with a
growing pause that survives a restart, and an admin (or the command line) resets them."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.profiles.errors import (
    LockedOutError,
    NotAllowedError,
    PasswordRequiredError,
    WrongPasswordError,
)
from tests.core.profiles.conftest import World

PASSWORD = "correct horse 馬"
KEY = "sk-live-0123456789abcdef"


def _files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*") if p.is_file()]


def test_only_an_argon2id_hash_is_stored_never_the_password_or_the_vault_key(world: World, tmp_path: Path) -> None:
    profiles = world.profiles
    profiles.start()
    profiles.create("Mei", password=PASSWORD)
    profiles.switch("Mei", PASSWORD)
    world.secrets.set("openai.api_key", KEY)
    stored = world.db.scalar("SELECT password_hash FROM profiles WHERE name = 'Mei'")
    assert str(stored).startswith("$argon2id$")
    world.audit.flush()
    files = _files_under(tmp_path / "library", tmp_path / "config")
    assert any(p.name == "library.db" for p in files) and any(p.name == "secrets.enc" for p in files)
    for path in files:
        data = path.read_bytes()
        assert PASSWORD.encode() not in data, path
        assert KEY.encode() not in data, path


def test_a_switch_to_a_protected_profile_needs_its_password(world: World) -> None:
    profiles = world.profiles
    profiles.start()
    profiles.create("Mei", password=PASSWORD)
    with pytest.raises(PasswordRequiredError):
        profiles.switch("Mei")
    with pytest.raises(WrongPasswordError) as wrong:
        profiles.switch("Mei", "nope")
    assert wrong.value.tries_left == 4
    assert profiles.current.name == "Default"
    assert profiles.switch("Mei", PASSWORD).name == "Mei"
    assert ("Default", "sign_in_failed", "Mei") in world.actions()


def test_wrong_passwords_lock_out_with_backoff_even_after_a_restart(world: World) -> None:
    profiles = world.profiles
    profiles.start()
    profiles.create("Mei", password=PASSWORD)
    for _ in range(4):
        with pytest.raises(WrongPasswordError):
            profiles.verify_password("Mei", "nope")
    with pytest.raises(LockedOutError) as first:
        profiles.verify_password("Mei", "nope")
    assert first.value.seconds == 30
    restarted = world.build()
    restarted.start()
    with pytest.raises(LockedOutError):  # the right password waits too
        restarted.verify_password("Mei", PASSWORD)
    world.clock.now += 31
    with pytest.raises(LockedOutError) as second:  # one more wrong try doubles the pause
        restarted.verify_password("Mei", "nope")
    assert second.value.seconds == 60
    world.clock.now += 61
    restarted.verify_password("Mei", PASSWORD)
    assert restarted.get("Mei").failed_attempts == 0
    assert [a for _who, a, _t in world.actions()].count("locked_out") == 2


def test_lock_closes_the_vault_and_unlock_reopens_it(world: World) -> None:
    profiles = world.profiles
    profiles.start()
    profiles.create("Mei", password=PASSWORD)
    profiles.switch("Mei", PASSWORD)
    world.secrets.set("openai.api_key", KEY)
    profiles.lock()
    assert profiles.locked and world.secrets.get("openai.api_key") is None
    with pytest.raises(WrongPasswordError):
        profiles.unlock("nope")
    profiles.unlock(PASSWORD)
    assert world.secrets.get("openai.api_key") == KEY
    assert [a for _w, a, _t in world.actions()][-3:] == ["lock", "sign_in_failed", "unlock"]


def test_a_protected_profile_starts_locked(world: World) -> None:
    world.profiles.start()
    world.profiles.create("Mei", password=PASSWORD)
    world.profiles.switch("Mei", PASSWORD)
    restarted = world.build()
    assert restarted.start().name == "Mei" and restarted.locked
    restarted.unlock(PASSWORD)
    assert not restarted.locked


def test_changing_the_password_keeps_the_keys_and_removing_it_moves_them_to_the_shared_store(world: World) -> None:
    profiles = world.profiles
    profiles.start()
    profiles.create("Mei", password=PASSWORD)
    profiles.switch("Mei", PASSWORD)
    world.secrets.set("openai.api_key", KEY)
    with pytest.raises(WrongPasswordError):
        profiles.set_password("Mei", "new password", old_password="nope")
    profiles.set_password("Mei", "new password", old_password=PASSWORD)
    profiles.switch("Default")
    assert world.secrets.get("openai.api_key") is None  # other profiles never see Mei's key
    profiles.switch("Mei", "new password")
    assert world.secrets.get("openai.api_key") == KEY
    profiles.set_password("Mei", None, old_password="new password")
    assert world.shared.get("openai.api_key") == KEY
    assert [a for _w, a, _t in world.actions()].count("password_changed") == 1
    assert world.actions()[-1][1] == "password_removed"


def test_an_admin_resets_a_forgotten_password_and_the_old_vault_is_discarded(world: World) -> None:
    profiles = world.profiles
    profiles.start()
    profiles.create("Mei", password=PASSWORD)
    profiles.create("Lin")
    profiles.switch("Mei", PASSWORD)
    world.secrets.set("openai.api_key", KEY)
    profiles.switch("Lin")
    with pytest.raises(NotAllowedError):
        profiles.reset_password("Mei", "fresh start")
    profiles.switch("Default")  # the admin
    profiles.reset_password("Mei", "fresh start")
    with pytest.raises(WrongPasswordError):
        profiles.switch("Mei", PASSWORD)
    profiles.switch("Mei", "fresh start")
    assert world.secrets.get("openai.api_key") is None  # the old keys are gone with the old password
    entry = [e for e in world.audit.query() if e.action == "password_reset"][-1]
    assert entry.actor == "Default" and entry.target == "Mei"
    assert entry.details_dict == {"via": "admin", "outcome": "replaced", "vault": "discarded"}


def test_a_protected_profile_is_edited_only_by_itself_or_an_admin(world: World) -> None:
    from desktop.core.profiles.records import ProfilePrefs

    profiles = world.profiles
    profiles.start()
    profiles.create("Mei", password=PASSWORD)
    profiles.create("Lin")
    profiles.switch("Lin")
    with pytest.raises(NotAllowedError):
        profiles.update("Mei", ProfilePrefs(avatar_color="#000000"))
    with pytest.raises(NotAllowedError):
        profiles.delete("Mei")
    profiles.switch("Mei", PASSWORD)
    assert profiles.update("Mei", ProfilePrefs(avatar_color="#000000")).prefs.avatar_color == "#000000"
