"""The keys of a password-protected profile: a Fernet-encrypted file whose key is derived
from the profile's password (scrypt, `secrets.derive_key`) and never stored. While the
profile is locked or signed out the keys exist only encrypted on disk.

Each vault is a folder `vaults/<vault_id>/` in the settings folder holding `salt` and
`secrets.enc`. Changing the password writes a new vault under a new id, and the profile
row switches to it in one transaction, so a crash never leaves a half re-encrypted vault.
"""

from __future__ import annotations

import os
import secrets as pyrandom
import shutil
import uuid
from pathlib import Path

from desktop.core.secrets import FernetSecrets, Redactor, SecretsError, derive_key


class VaultError(SecretsError):
    """A vault cannot be opened or written."""


class Vaults:
    def __init__(self, directory: Path, redactor: Redactor) -> None:
        self.directory = Path(directory)
        self.redactor = redactor

    def folder(self, vault_id: str) -> Path:
        return self.directory / vault_id

    def create(self, password: str, contents: dict[str, str] | None = None) -> tuple[str, FernetSecrets]:
        """A new vault holding `contents`; returns its id and the opened store."""
        vault_id = uuid.uuid4().hex
        folder = self.folder(vault_id)
        folder.mkdir(parents=True, exist_ok=False)
        salt = pyrandom.token_bytes(16)
        fd = os.open(folder / "salt", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(salt.hex())
        store = FernetSecrets(folder, self.redactor, key=derive_key(password, salt))
        for name, value in (contents or {}).items():
            store.set(name, value)
        return vault_id, store

    def open(self, vault_id: str, password: str) -> FernetSecrets:
        folder = self.folder(vault_id)
        try:
            salt = bytes.fromhex((folder / "salt").read_text().strip())
        except (OSError, ValueError) as exc:
            raise VaultError(f"{folder}: the profile's key vault is missing or damaged: {exc}") from exc
        store = FernetSecrets(folder, self.redactor, key=derive_key(password, salt))
        store.names()  # decrypts once: a wrong key fails here, not at the first provider call
        return store

    def exists(self, vault_id: str) -> bool:
        return (self.folder(vault_id) / "salt").is_file()

    @staticmethod
    def contents(store: FernetSecrets) -> dict[str, str]:
        return {name: store.get(name) or "" for name in store.names()}

    def discard(self, vault_id: str) -> None:
        shutil.rmtree(self.folder(vault_id), ignore_errors=True)
