"""`ProfileSecrets`: the SecretStore the whole app uses. It routes keys by the current
profile: a profile without a password uses the machine's store (keyring or encrypted
file) shared by such profiles; a password-protected profile keeps the keys it saves in its
own vault and also sees the shared ones. Every change is published as `SecretDidChange`
(the name only), which the audit log records."""

from __future__ import annotations

import threading

from desktop.core.events import EventBus
from desktop.core.profiles.events import SecretDidChange
from desktop.core.secrets import FernetSecrets, SecretsError, SecretStore


class ProfileSecrets:
    def __init__(self, shared: SecretStore, events: EventBus | None = None) -> None:
        self.shared = shared
        self.events = events
        self._vault: FernetSecrets | None = None
        self._protected_by = ""  # name of the current profile when it has a password
        self._lock = threading.Lock()

    @property
    def backend_name(self) -> str:  # type: ignore[override]
        return self.shared.backend_name + (" + profile vault" if self._protected_by else "")

    def use(self, vault: FernetSecrets | None, protected_by: str = "") -> None:
        """Switch to the current profile's vault (None while it is locked or has no password)."""
        with self._lock:
            self._vault, self._protected_by = vault, protected_by

    @property
    def vault(self) -> FernetSecrets | None:
        return self._vault

    def get(self, name: str) -> str | None:
        vault = self._vault
        if vault is not None:
            value = vault.get(name)
            if value is not None:
                return value
        return self.shared.get(name)

    def set(self, name: str, value: str) -> None:
        with self._lock:
            vault, owner = self._vault, self._protected_by
        if owner and vault is None:
            raise SecretsError(f"profile {owner!r} is locked: unlock it to save {name!r}")
        existed = self.get(name) is not None
        (vault or self.shared).set(name, value)
        self._publish(name, "changed" if existed else "added", vault is not None)

    def delete(self, name: str) -> None:
        vault = self._vault
        in_vault = vault is not None and name in vault.names()
        existed = in_vault or name in self.shared.names()
        if in_vault:
            vault.delete(name)  # type: ignore[union-attr]
        else:
            self.shared.delete(name)
        if existed:
            self._publish(name, "removed", in_vault)

    def names(self) -> list[str]:
        vault = self._vault
        return sorted(set(self.shared.names()) | set(vault.names() if vault else ()))

    def _publish(self, name: str, change: str, vault: bool) -> None:
        if self.events is not None:
            self.events.publish(SecretDidChange(name, change, vault))
