"""Keys are stored encrypted where no keyring exists, and never leak into logs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from desktop.core.secrets import FernetSecrets, Redactor, SecretsError, mask, open_secrets


def test_the_file_fallback_encrypts_and_round_trips(tmp_path: Path) -> None:
    store = FernetSecrets(tmp_path, Redactor())
    store.set("openai.api_key", "sk-live-1234567890abcdef")
    assert store.get("openai.api_key") == "sk-live-1234567890abcdef"
    assert b"sk-live" not in (tmp_path / "secrets.enc").read_bytes()
    assert (tmp_path / "secrets.key").stat().st_mode & 0o077 == 0
    assert FernetSecrets(tmp_path, Redactor()).names() == ["openai.api_key"]
    store.delete("openai.api_key")
    assert store.get("openai.api_key") is None


def test_a_wrong_key_file_is_reported_not_silently_empty(tmp_path: Path) -> None:
    FernetSecrets(tmp_path, Redactor()).set("a", "b" * 10)
    (tmp_path / "secrets.key").unlink()
    with pytest.raises(SecretsError, match="cannot decrypt"):
        FernetSecrets(tmp_path, Redactor()).get("a")


def test_a_damaged_key_file_is_a_secrets_error_on_use_not_a_crash_on_open(tmp_path: Path) -> None:
    FernetSecrets(tmp_path, Redactor()).set("a", "b" * 10)
    (tmp_path / "secrets.key").write_text("garbage\n")

    store = FernetSecrets(tmp_path, Redactor())  # opening works: commands without keys still run

    with pytest.raises(SecretsError, match="secrets.key.*damaged"):
        store.get("a")
    with pytest.raises(SecretsError, match="damaged"):
        store.set("a", "c" * 10)


def test_no_plaintext_keyring_is_ever_chosen(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("BATCHGEN_SECRETS")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    import keyring.core

    keyring.core._keyring_backend = None  # let keyring re-read the environment
    try:
        assert open_secrets(tmp_path).backend_name == "encrypted file"
    finally:
        keyring.core._keyring_backend = None


def test_the_redactor_masks_known_keys_in_log_records(caplog) -> None:
    redactor = Redactor()
    redactor.remember("sk-secret-value-123456")
    logger = logging.getLogger("t")
    caplog.handler.addFilter(redactor)
    logger.warning("calling with %s", "sk-secret-value-123456")
    assert "sk-secret-value-123456" not in caplog.text
    assert mask("sk-secret-value-123456") in caplog.text
