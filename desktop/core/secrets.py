"""API keys: the OS keyring where a secure one exists, else a Fernet-encrypted file.

Secrets pass through here only. Values are never logged, stored in the database or
written to reports; `Redactor` scrubs any that leak into a message on its way out.

The Fernet fallback keeps its key in a separate file readable only by the user (0600).
That protects keys from casual copying of the settings folder and from other accounts,
not from someone who can read the user's whole home folder; profiles with a password
(accounts) can derive the key from it instead.

`BATCHGEN_SECRETS=keyring|file` forces a backend (tests use `file`).
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import os
import threading
from pathlib import Path
from typing import Protocol

from cryptography.fernet import Fernet, InvalidToken

log = logging.getLogger(__name__)
SERVICE = "BatchImageGenerator"


class SecretsError(Exception):
    """A secret could not be read or written."""


class SecretStore(Protocol):
    backend_name: str

    def get(self, name: str) -> str | None: ...
    def set(self, name: str, value: str) -> None: ...
    def delete(self, name: str) -> None: ...
    def names(self) -> list[str]: ...


def mask(value: str | None) -> str:
    """What the UI may show of a key: its first and last few characters."""
    if not value:
        return ""
    if len(value) <= 8:
        return "•" * len(value)
    return f"{value[:3]}…{value[-4:]}"


class Redactor(logging.Filter):
    """Replaces known secret values in log records and messages with a mask."""

    def __init__(self) -> None:
        super().__init__()
        self._values: set[str] = set()
        self._lock = threading.Lock()

    def remember(self, value: str | None) -> None:
        if value and len(value) >= 6:
            with self._lock:
                self._values.add(value)

    def scrub(self, text: str) -> str:
        with self._lock:
            values = sorted(self._values, key=len, reverse=True)
        for value in values:
            if value in text:
                text = text.replace(value, mask(value))
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = self.scrub(message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, ()
        return True


class _NameIndex:
    """Names (never values) of stored secrets, so the UI can list what is configured."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> list[str]:
        try:
            return sorted(json.loads(self.path.read_text("utf-8")))
        except (OSError, ValueError):
            return []

    def write(self, names: list[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(sorted(set(names))), "utf-8")


class KeyringSecrets:
    backend_name = "keyring"

    def __init__(self, directory: Path, redactor: Redactor) -> None:
        import keyring

        self._keyring = keyring
        self._index = _NameIndex(directory / "secret-names.json")
        self._redactor = redactor
        self.backend_name = f"keyring ({type(keyring.get_keyring()).__name__})"

    def get(self, name: str) -> str | None:
        try:
            value = self._keyring.get_password(SERVICE, name)
        except Exception as exc:  # keyring backends raise their own types
            raise SecretsError(f"cannot read {name!r} from the keyring: {exc}") from exc
        self._redactor.remember(value)
        return value

    def set(self, name: str, value: str) -> None:
        try:
            self._keyring.set_password(SERVICE, name, value)
        except Exception as exc:
            raise SecretsError(f"cannot save {name!r} to the keyring: {exc}") from exc
        self._redactor.remember(value)
        self._index.write([*self._index.read(), name])

    def delete(self, name: str) -> None:
        try:
            self._keyring.delete_password(SERVICE, name)
        except self._keyring.errors.PasswordDeleteError:
            pass
        except Exception as exc:
            raise SecretsError(f"cannot remove {name!r} from the keyring: {exc}") from exc
        self._index.write([n for n in self._index.read() if n != name])

    def names(self) -> list[str]:
        return self._index.read()


class FernetSecrets:
    """Secrets in `secrets.enc`, encrypted with a key kept in `secrets.key` (mode 0600)."""

    backend_name = "encrypted file"

    def __init__(self, directory: Path, redactor: Redactor, key: bytes | None = None) -> None:
        self.path = directory / "secrets.enc"
        self.key_path = directory / "secrets.key"
        self._redactor = redactor
        self._lock = threading.Lock()
        self._fernet: Fernet | None = None
        with contextlib.suppress(ValueError):  # a damaged key file: keys cannot be read, the app opens
            self._fernet = Fernet(key or self._load_or_create_key())

    def _cipher(self) -> Fernet:
        if self._fernet is None:
            raise SecretsError(
                f"{self.key_path}: the key file is damaged, so the stored keys cannot be read; "
                f"restore it, or delete it and {self.path.name} and enter the keys again"
            )
        return self._fernet

    def _load_or_create_key(self) -> bytes:
        if self.key_path.exists():
            return self.key_path.read_bytes().strip()
        self.key_path.parent.mkdir(parents=True, exist_ok=True)
        key = Fernet.generate_key()
        fd = os.open(self.key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
        return key

    def _read(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        try:
            plain = self._cipher().decrypt(self.path.read_bytes())
        except InvalidToken as exc:
            raise SecretsError(
                f"{self.path}: cannot decrypt the stored keys (wrong or missing {self.key_path.name})"
            ) from exc
        return json.loads(plain.decode("utf-8"))

    def _write(self, data: dict[str, str]) -> None:
        token = self._cipher().encrypt(json.dumps(data).encode("utf-8"))
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(token)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    def get(self, name: str) -> str | None:
        with self._lock:
            value = self._read().get(name)
        self._redactor.remember(value)
        return value

    def set(self, name: str, value: str) -> None:
        with self._lock:
            data = self._read()
            data[name] = value
            self._write(data)
        self._redactor.remember(value)

    def delete(self, name: str) -> None:
        with self._lock:
            data = self._read()
            if data.pop(name, None) is not None:
                self._write(data)

    def names(self) -> list[str]:
        with self._lock:
            return sorted(self._read())


def derive_key(password: str, salt: bytes) -> bytes:
    """A Fernet key from a password (scrypt), for profiles that lock their keys."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    raw = Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(password.encode("utf-8"))
    return base64.urlsafe_b64encode(raw)


def _keyring_is_secure() -> bool:
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring) or "null" in name.lower():
        return False
    if name.startswith("keyrings.alt") or "plaintext" in name.lower():
        return False
    chained = getattr(backend, "backends", None)
    if chained is not None and not chained:
        return False
    try:
        keyring.get_password(SERVICE, "__probe__")
    except Exception:  # e.g. Secret Service without a D-Bus session
        return False
    return True


def open_secrets(directory: Path, redactor: Redactor | None = None) -> SecretStore:
    """The best secret store this machine offers."""
    redactor = redactor or Redactor()
    choice = os.environ.get("BATCHGEN_SECRETS", "").lower()
    if choice == "file":
        return FernetSecrets(directory, redactor)
    if choice == "keyring" or _keyring_is_secure():
        return KeyringSecrets(directory, redactor)
    log.info("no secure OS keyring here; keys are kept in an encrypted file")
    return FernetSecrets(directory, redactor)
