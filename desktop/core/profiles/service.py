"""`ProfileService`: the profiles of one library and who is working now.

Switching is in place (no restart): it records sign-out and sign-in in the audit log,
opens the new profile's key vault, applies its preferences to the running settings,
remembers it as the last profile and publishes `ProfileDidSwitch`. The first open of a
library creates a "Default" admin profile without a password, so nothing needs setting up.

Forgot password: an admin profile resets another profile's password here
(`reset_password`); with no admin, anyone who can open the library folder runs
`main.py profile reset-password NAME`. Either way the profile's key vault cannot be
decrypted without the old password, so a reset discards it and the keys must be entered
again — that is what keeps a locked profile's keys safe.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from desktop.core.audit import actions as act
from desktop.core.audit.log import Actor, AuditLog
from desktop.core.config import AppConfig, ConfigError, ConfigStore
from desktop.core.events import EventBus
from desktop.core.profiles.errors import (
    InvalidProfileError,
    LockedOutError,
    NotAllowedError,
    PasswordRequiredError,
    UnknownProfileError,
    WrongPasswordError,
)
from desktop.core.profiles.events import (
    ProfileDidLock,
    ProfileDidSwitch,
    ProfileDidUnlock,
    ProfilesDidChange,
)
from desktop.core.profiles.passwords import MIN_LENGTH, LockoutPolicy, Passwords
from desktop.core.profiles.records import PALETTE, Profile, ProfilePrefs, clean_name
from desktop.core.profiles.secret_router import ProfileSecrets
from desktop.core.profiles.store import ProfileStore
from desktop.core.profiles.vault import Vaults
from desktop.core.secrets import FernetSecrets, Redactor
from desktop.core.store.database import Database

log = logging.getLogger(__name__)
DEFAULT_NAME = "Default"
# Settings a profile may override while it is current; "" / None keeps the app's own.
APPLIED = (("language", "language"), ("theme", "theme"), ("default_provider", "default_provider"),
           ("default_model", "default_model"), ("default_size", "default_size"))


class ProfileService:
    def __init__(self, db: Database, *, audit: AuditLog, events: EventBus | None = None,
                 config_store: ConfigStore | None = None, config: AppConfig | None = None,
                 secrets: ProfileSecrets | None = None, vault_dir: Path | None = None,
                 library_key: str = "", redactor: Redactor | None = None,
                 clock: Callable[[], float] = time.time, passwords: Passwords | None = None,
                 policy: LockoutPolicy = LockoutPolicy()) -> None:
        self.store = ProfileStore(db, clock)
        self.audit = audit
        self.events = events
        self.config_store = config_store
        self.config = config
        self.secrets = secrets
        base = vault_dir or (config_store.directory if config_store else db.path.parent) / "vaults"
        self.vaults = Vaults(base, redactor or Redactor())
        self.library_key = library_key or str(db.path.parent)
        self.clock = clock
        self.passwords = passwords or Passwords()
        self.policy = policy
        self._lock = threading.RLock()
        self._current: Profile | None = None
        self._locked = False
        self._signed_in = False
        self._machine = {attr: getattr(config, attr) for attr, _ in APPLIED} if config else {}

    # -- reading ---------------------------------------------------------------------------
    def list(self) -> list[Profile]:
        return self.store.all()

    def get(self, name: str) -> Profile:
        found = self.store.by_name(name)
        if found is None:
            raise UnknownProfileError(name, [p.name for p in self.store.all()])
        return found

    @property
    def current(self) -> Profile:
        with self._lock:
            if self._current is None:
                return self.start()
            return self._current

    @property
    def active(self) -> Profile | None:
        """The current profile, or None before `start()` (never starts a session)."""
        return self._current

    @property
    def locked(self) -> bool:
        return self._locked

    def _refresh_current(self) -> None:
        with self._lock:
            if self._current is not None:
                self._current = self.store.by_id(self._current.id) or self._current

    # -- start and switch ------------------------------------------------------------------
    def start(self, name: str | None = None) -> Profile:
        """Choose the profile a session begins with: `name`, else the last one used with this
        library, else the first; a library without profiles gets the default one. A profile
        with a password starts locked. Nothing is recorded until `sign_in_session`."""
        with self._lock:
            if not self.store.all():
                self._create_default()
            profile = self.get(name) if name else self._remembered() or self.store.all()[0]
            previous = self._current.id if self._current else None
            self._enter(profile, locked=profile.has_password, vault=None)
            self._publish(ProfileDidSwitch(profile.id, profile.name, previous, self._locked))
            return profile

    def sign_in_session(self, via: str) -> None:
        """The window or a command starts working as the current profile."""
        with self._lock:
            if not self._locked and not self._signed_in:
                self._signed_in = True
                self.audit.record(act.SIGN_IN, self.current.name, {"via": via})

    def sign_out_session(self, via: str) -> None:
        with self._lock:
            if self._signed_in and self._current is not None:
                self.audit.record(act.SIGN_OUT, self._current.name, {"via": via})
                self._signed_in = False

    def switch(self, name: str, password: str | None = None) -> Profile:
        """Make `name` the current profile (checking its password), without a restart."""
        with self._lock:
            target = self.get(name)
            vault = self._check_password(target, password) if target.has_password else None
            previous = self._current
            if previous is not None and self._signed_in:
                self.audit.record(act.SIGN_OUT, previous.name, {"to": target.name})
            self._enter(target, locked=False, vault=vault)
            self._signed_in = True
            self.audit.record(act.SIGN_IN, target.name,
                              {"from": previous.name} if previous is not None else {})
            self._remember(target)
            self._publish(ProfileDidSwitch(target.id, target.name, previous.id if previous else None, False))
            return self._current  # type: ignore[return-value]

    def lock(self) -> None:
        """Lock the current profile: its vault closes, and the window needs its password.
        A profile without a password has nothing to lock (the call is ignored)."""
        with self._lock:
            profile = self.current
            if not profile.has_password or self._locked:
                return
            self._locked = True
            if self.secrets is not None:
                self.secrets.use(None, profile.name)
            self.audit.record(act.LOCK, profile.name)
        self._publish(ProfileDidLock(profile.id))

    def unlock(self, password: str) -> Profile:
        with self._lock:
            profile = self.current
            if not self._locked:
                return profile
            vault = self._check_password(profile, password)
            self._enter(profile, locked=False, vault=vault)
            self.audit.record(act.UNLOCK if self._signed_in else act.SIGN_IN, profile.name)
            self._signed_in = True
            self._remember(profile)
        self._publish(ProfileDidUnlock(profile.id))
        return profile

    def _enter(self, profile: Profile, *, locked: bool, vault: FernetSecrets | None) -> None:
        self._current = profile
        self._locked = locked
        self.audit.actor = Actor(profile.id, profile.name)
        if self.secrets is not None:
            self.secrets.use(vault, profile.name if profile.has_password else "")
        if not locked:
            self.store.touch(profile.id)
        self._apply_preferences(profile)

    def _apply_preferences(self, profile: Profile) -> None:
        if self.config is None:
            return
        for attr, pref in APPLIED:
            value = getattr(profile.prefs, pref)
            setattr(self.config, attr, value if value else self._machine[attr])

    # -- passwords -------------------------------------------------------------------------
    def _check_password(self, profile: Profile, password: str | None) -> FernetSecrets | None:
        """Verify with lockout; on success reset the count and open the profile's vault."""
        if password is None:
            raise PasswordRequiredError(profile.name)
        now = self.clock()
        fresh = self.store.by_id(profile.id) or profile
        if fresh.locked_until and fresh.locked_until > now:
            raise LockedOutError(profile.name, fresh.locked_until - now)
        stored = self.store.password_hash(profile.id)
        if stored is None or not self.passwords.matches(stored, password):
            failures = fresh.failed_attempts + 1
            delay = self.policy.delay_after(failures)
            self.store.set_failures(profile.id, failures, now + delay if delay else None)
            self.audit.record(act.SIGN_IN_FAILED, profile.name, {"failures": failures})
            if delay:
                self.audit.record(act.LOCKED_OUT, profile.name, {"seconds": delay})
                raise LockedOutError(profile.name, delay)
            raise WrongPasswordError(profile.name, self.policy.tries_left(failures))
        vault_id = self.store.vault_id(profile.id)
        if self.passwords.needs_rehash(stored):
            self.store.set_password(profile.id, self.passwords.hash(password), vault_id)
        elif fresh.failed_attempts or fresh.locked_until:
            self.store.set_failures(profile.id, 0, None)
        if not self.vaults.exists(vault_id):  # e.g. set from the command line: start an empty one
            vault_id, vault = self.vaults.create(password)
            self.store.set_password(profile.id, self.store.password_hash(profile.id), vault_id)
            return vault
        return self.vaults.open(vault_id, password)

    def verify_password(self, name: str, password: str) -> None:
        """Raise WrongPasswordError / LockedOutError unless `password` is right (counts tries)."""
        profile = self.get(name)
        if profile.has_password:
            self._check_password(profile, password)

    def set_password(self, name: str, new_password: str | None, old_password: str | None = None) -> None:
        """Set, change (`old_password` needed) or remove (`new_password` None) a password.
        Removing it moves the profile's vault keys to the machine's shared store."""
        with self._lock:
            profile = self.get(name)
            if new_password is not None and len(new_password) < MIN_LENGTH:
                raise InvalidProfileError(f"a password needs at least {MIN_LENGTH} characters")
            contents: dict[str, str] = {}
            if profile.has_password:
                vault = self._check_password(profile, old_password)
                contents = Vaults.contents(vault) if vault else {}
            else:
                self._require_manage(profile)
            old_vault = self.store.vault_id(profile.id)
            if new_password is None:
                shared = self.secrets.shared if self.secrets else None
                for key, value in contents.items():
                    if shared is not None:
                        shared.set(key, value)
                new_vault, opened = old_vault, None
                self.store.set_password(profile.id, None, new_vault)
                action = act.PASSWORD_REMOVED
            else:
                new_vault, opened = self.vaults.create(new_password, contents)
                self.store.set_password(profile.id, self.passwords.hash(new_password), new_vault)
                action = act.PASSWORD_CHANGED if profile.has_password else act.PASSWORD_SET
            if old_vault != new_vault or new_password is None:
                self.vaults.discard(old_vault)
            self.audit.record(action, profile.name, {"keys_moved": len(contents)} if contents else {})
            if self._current is not None and self._current.id == profile.id:
                self._current = self.store.by_id(profile.id)
                if self.secrets is not None:
                    self.secrets.use(opened, profile.name if new_password else "")
        self._publish(ProfilesDidChange((profile.id,)))

    def reset_password(self, name: str, new_password: str | None, *, via: str = "admin") -> None:
        """Forgot password: replace it without the old one. From the window the current
        profile must be an unlocked admin (`via="admin"`); the command line passes
        `via="command line"` (whoever can open the library folder). The old vault is
        discarded: its keys cannot be read without the old password."""
        with self._lock:
            profile = self.get(name)
            if via == "admin":
                me = self.current
                if not me.is_admin or self._locked:
                    raise NotAllowedError(f"only an unlocked admin profile can reset {name!r}'s password",
                                          "admin_only")
            if new_password is not None and len(new_password) < MIN_LENGTH:
                raise InvalidProfileError(f"a password needs at least {MIN_LENGTH} characters")
            old_vault = self.store.vault_id(profile.id)
            if new_password is None:
                self.store.set_password(profile.id, None, old_vault)
            else:
                new_vault, _ = self.vaults.create(new_password)
                self.store.set_password(profile.id, self.passwords.hash(new_password), new_vault)
            self.vaults.discard(old_vault)
            self.audit.record(act.PASSWORD_RESET, profile.name,
                              {"via": via, "outcome": "removed" if new_password is None else "replaced",
                               "vault": "discarded"})
            if self._current is not None and self._current.id == profile.id:
                self._current = self.store.by_id(profile.id)
        self._publish(ProfilesDidChange((profile.id,)))

    # -- managing profiles -----------------------------------------------------------------
    def _require_manage(self, target: Profile) -> None:
        """Anyone may edit a profile without a password; a protected profile only itself
        (unlocked) or an unlocked admin may edit."""
        if not target.has_password:
            return
        me = self._current
        if me is not None and not self._locked and (me.id == target.id or me.is_admin):
            return
        raise NotAllowedError(f"profile {target.name!r} has a password: only it or an admin can change it",
                              "protected")

    def _require_admin_change(self) -> None:
        me = self._current
        if self.store.admin_count() == 0:
            return
        if me is None or not me.is_admin or self._locked:
            raise NotAllowedError("only an unlocked admin profile can grant or remove admin rights", "admin_only")

    def create(self, name: str, prefs: ProfilePrefs | None = None, *, password: str | None = None,
               is_admin: bool = False) -> Profile:
        name = clean_name(name)
        if is_admin:
            self._require_admin_change()
        if password is not None and len(password) < MIN_LENGTH:
            raise InvalidProfileError(f"a password needs at least {MIN_LENGTH} characters")
        if prefs is None:
            prefs = ProfilePrefs(avatar_color=PALETTE[len(self.store.all()) % len(PALETTE)])
        prefs = prefs.validated()
        vault_id = self.vaults.create(password)[0] if password else None
        profile_id = self.store.insert(name, prefs, is_admin,
                                       self.passwords.hash(password) if password else None, vault_id)
        self.audit.record(act.PROFILE_CREATED, name, {"admin": is_admin, "protected": bool(password)})
        self._publish(ProfilesDidChange((profile_id,)))
        return self.store.by_id(profile_id)  # type: ignore[return-value]

    def _create_default(self) -> None:
        profile_id = self.store.insert(DEFAULT_NAME, ProfilePrefs(), True, None)
        self.audit.record(act.PROFILE_CREATED, DEFAULT_NAME, {"admin": True, "default": True},
                          actor=Actor(profile_id, DEFAULT_NAME))

    def update(self, name: str, prefs: ProfilePrefs) -> Profile:
        with self._lock:
            profile = self.get(name)
            self._require_manage(profile)
            prefs = prefs.validated()
            self.store.update_prefs(profile.id, prefs)
            changed = {k: v for k, v in prefs.as_dict().items() if getattr(profile.prefs, k) != v}
            if changed:
                self.audit.record(act.PROFILE_CHANGED, profile.name, {"changed": changed})
            self._refresh_current()
            if self._current is not None and self._current.id == profile.id:
                self._apply_preferences(self._current)
        self._publish(ProfilesDidChange((profile.id,)))
        return self.store.by_id(profile.id)  # type: ignore[return-value]

    def rename(self, name: str, new_name: str) -> Profile:
        with self._lock:
            profile = self.get(name)
            self._require_manage(profile)
            new_name = clean_name(new_name)
            self.store.rename(profile.id, new_name)
            self._refresh_current()
            if self._current is not None and self._current.id == profile.id:
                self.audit.actor = Actor(profile.id, new_name)
                self._remember(self._current)
            self.audit.record(act.PROFILE_CHANGED, new_name, {"renamed_from": profile.name})
        self._publish(ProfilesDidChange((profile.id,)))
        return self.store.by_id(profile.id)  # type: ignore[return-value]

    def set_admin(self, name: str, is_admin: bool) -> Profile:
        with self._lock:
            profile = self.get(name)
            self._require_admin_change()
            if not is_admin and profile.is_admin and self.store.admin_count() == 1:
                raise NotAllowedError(f"{name!r} is the only admin profile; make another admin first",
                                      "last_admin")
            self.store.set_admin(profile.id, is_admin)
            self.audit.record(act.PROFILE_CHANGED, profile.name, {"admin": is_admin})
            self._refresh_current()
        self._publish(ProfilesDidChange((profile.id,)))
        return self.store.by_id(profile.id)  # type: ignore[return-value]

    def delete(self, name: str) -> None:
        with self._lock:
            profile = self.get(name)
            if self._current is not None and self._current.id == profile.id:
                raise NotAllowedError(f"{name!r} is the current profile: switch to another one first", "current")
            if len(self.store.all()) == 1:
                raise NotAllowedError("the last profile cannot be deleted", "last")
            self._require_manage(profile)
            if profile.is_admin and self.store.admin_count() == 1:
                raise NotAllowedError(f"{name!r} is the only admin profile; make another admin first",
                                      "last_admin")
            vault_id = self.store.vault_id(profile.id)
            self.store.delete(profile.id)
            self.vaults.discard(vault_id)
            self.audit.record(act.PROFILE_DELETED, profile.name)
        self._publish(ProfilesDidChange((profile.id,)))

    # -- remembering the last profile --------------------------------------------------------
    def _remembered(self) -> Profile | None:
        if self.config is None:
            return None
        last = (self.config.extra.get("profiles") or {}).get("last", {})
        name = last.get(self.library_key) if isinstance(last, dict) else None
        return self.store.by_name(name) if name else None

    def config_to_save(self, config: AppConfig) -> AppConfig:
        """What the settings file should hold when the user saves `config` (the running
        settings, with the profile's preferences laid over them): a preference the current
        profile sets stays the profile's — changed there if the user changed it — and the
        file keeps the machine's own value; the others are machine settings."""
        profile = self._current
        prefs_changed = {}
        for attr, pref in APPLIED:
            value = getattr(config, attr)
            own = getattr(profile.prefs, pref) if profile is not None else None
            if own:
                if value != own:
                    prefs_changed[pref] = value
            else:
                self._machine[attr] = value
        if profile is not None and prefs_changed:
            self.update(profile.name, replace(profile.prefs, **prefs_changed))
        return replace(config, **self._machine) if self._machine else config

    def _remember(self, profile: Profile) -> None:
        if self.config is None:
            return
        section = dict(self.config.extra.get("profiles") or {})
        last = dict(section.get("last") or {})
        if last.get(self.library_key) == profile.name:
            return
        last[self.library_key] = profile.name
        section["last"] = last
        self.config.extra["profiles"] = section
        if self.config_store is not None:
            # Saved with the machine's own language/theme/defaults, not this profile's.
            saved = replace(self.config, **self._machine) if self._machine else self.config
            try:
                self.config_store.save(saved)
            except ConfigError as exc:  # a read-only settings folder must not stop a switch
                log.warning("the last profile was not remembered: %s", exc)

    def _publish(self, event: object) -> None:
        if self.events is not None:
            self.events.publish(event)
