"""Profiles: a default one on first open, create/rename/update/delete, switching without a
restart (recorded as sign-out and sign-in), the last profile remembered, preferences applied."""

from __future__ import annotations

import pytest

from desktop.core.profiles.errors import (
    DuplicateProfileError,
    InvalidProfileError,
    NotAllowedError,
    UnknownProfileError,
)
from desktop.core.profiles.events import ProfileDidSwitch
from desktop.core.profiles.records import ProfilePrefs
from tests.core.profiles.conftest import World


def test_the_first_open_creates_a_default_admin_profile_without_password(world: World) -> None:
    profile = world.profiles.start()
    assert profile.name == "Default" and profile.is_admin and not profile.has_password
    assert not world.profiles.locked
    assert [p.name for p in world.profiles.list()] == ["Default"]
    assert world.actions() == [("Default", "profile_created", "Default")]


def test_switching_records_sign_out_then_sign_in_and_publishes_without_restart(world: World) -> None:
    profiles = world.profiles
    profiles.start()
    profiles.sign_in_session("window")
    profiles.create("Mei")
    profiles.switch("Mei")
    assert profiles.current.name == "Mei"
    assert world.audit.actor.name == "Mei"
    signs = [a for a in world.actions() if a[1].startswith("sign_")]
    assert signs == [("Default", "sign_in", "Default"), ("Default", "sign_out", "Default"),
                     ("Mei", "sign_in", "Mei")]
    switches = [e for e in world.seen if isinstance(e, ProfileDidSwitch)]
    assert switches[-1].name == "Mei" and switches[-1].previous_id == 1 and not switches[-1].locked


def test_the_last_profile_is_remembered_for_the_next_start(world: World) -> None:
    world.profiles.start()
    world.profiles.create("Mei")
    world.profiles.switch("Mei")
    again = world.build()
    assert again.start().name == "Mei"


def test_unknown_profile_names_list_the_known_ones(world: World) -> None:
    world.profiles.start()
    world.profiles.create("Mei")
    with pytest.raises(UnknownProfileError, match="'Nobody'.*Default, Mei"):
        world.profiles.switch("Nobody")


def test_names_are_unique_and_cleaned(world: World) -> None:
    world.profiles.start()
    assert world.profiles.create("  Chen   Wei ").name == "Chen Wei"
    with pytest.raises(DuplicateProfileError):
        world.profiles.create("Chen Wei")
    with pytest.raises(InvalidProfileError):
        world.profiles.create("   ")
    with pytest.raises(DuplicateProfileError):
        world.profiles.rename("Chen Wei", "Default")


def test_preferences_are_validated_saved_and_applied_while_current(world: World) -> None:
    profiles = world.profiles
    profiles.start()
    machine_provider = world.config.default_provider
    prefs = ProfilePrefs(avatar_color="#112233", language="zh_TW", theme="dark", default_provider="stability",
                         default_size="512x768", monthly_budget_usd=50.0, idle_lock_minutes=5)
    profiles.create("Mei", prefs)
    with pytest.raises(InvalidProfileError, match="colour"):
        profiles.update("Mei", ProfilePrefs(avatar_color="red"))
    profiles.switch("Mei")
    assert profiles.current.prefs == prefs
    assert (world.config.language, world.config.theme, world.config.default_provider,
            world.config.default_size) == ("zh_TW", "dark", "stability", "512x768")
    profiles.switch("Default")
    assert world.config.default_provider == machine_provider and world.config.language == ""
    saved = world.config_store.load()  # the machine's settings are not overwritten by a profile's
    assert saved.default_provider == machine_provider and saved.language == ""


def test_the_current_and_the_last_admin_profile_cannot_be_deleted(world: World) -> None:
    profiles = world.profiles
    profiles.start()
    profiles.create("Mei")
    with pytest.raises(NotAllowedError, match="current"):
        profiles.delete("Default")
    profiles.switch("Mei")
    with pytest.raises(NotAllowedError, match="only admin"):
        profiles.delete("Default")
    profiles.switch("Default")
    profiles.delete("Mei")
    assert [p.name for p in profiles.list()] == ["Default"]
    assert world.actions()[-1] == ("Default", "profile_deleted", "Mei")


def test_only_an_admin_grants_admin_rights(world: World) -> None:
    profiles = world.profiles
    profiles.start()
    profiles.create("Mei")
    profiles.create("Lin")
    profiles.switch("Mei")
    with pytest.raises(NotAllowedError):
        profiles.set_admin("Lin", True)
    profiles.switch("Default")
    assert profiles.set_admin("Lin", True).is_admin


def test_saving_settings_keeps_a_profiles_own_preferences_out_of_the_machine_settings(world: World) -> None:
    profiles = world.profiles
    profiles.start()
    machine = (world.config.language, world.config.theme)
    profiles.create("Mei", ProfilePrefs(language="zh_TW", theme="dark"))
    profiles.switch("Mei")
    world.config.theme = "light"  # the user changes the theme in Settings while Mei is current
    world.config.default_provider = "a1111"  # a setting Mei does not make her own

    world.config_store.save(profiles.config_to_save(world.config))

    saved = world.config_store.load()
    assert (saved.language, saved.theme, saved.default_provider) == (*machine, "a1111")
    assert profiles.get("Mei").prefs.theme == "light" and profiles.get("Mei").prefs.language == "zh_TW"
    profiles.switch("Default")
    assert (world.config.language, world.config.theme, world.config.default_provider) == (*machine, "a1111")
