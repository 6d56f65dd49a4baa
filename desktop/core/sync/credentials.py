"""Where a destination's credentials come from: the secrets store first, then each SDK's
usual sources (AWS profiles and environment, Google application credentials, the Azure
connection string). Values are handed to the SDK client and never stored anywhere else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop.core.secrets import SecretStore
from desktop.core.sync.destination import BackendKind

# The secrets each backend can use, in the order `sync add --ask-credentials` asks for them.
SECRET_FIELDS: dict[BackendKind, tuple[str, ...]] = {
    BackendKind.S3: ("aws_access_key_id", "aws_secret_access_key", "aws_session_token"),
    BackendKind.GCS: ("gcs_service_account_json",),
    BackendKind.AZURE: ("azure_connection_string", "azure_account_key", "azure_sas_token"),
}


def secret_name(destination: str, field_name: str) -> str:
    return f"sync.{destination}.{field_name}"


@dataclass(frozen=True)
class Credentials:
    """Secrets found for a destination (possibly none: the SDK then uses its defaults)."""

    values: dict[str, str] = field(default_factory=dict, repr=False)
    source: str = "SDK defaults"
    env: Mapping[str, str] = field(default_factory=dict, repr=False)

    def get(self, name: str) -> str | None:
        return self.values.get(name) or None


def resolve(kind: BackendKind, destination: str, secrets: SecretStore | None,
            env: Mapping[str, str]) -> Credentials:
    values: dict[str, str] = {}
    if secrets is not None:
        for name in SECRET_FIELDS[kind]:
            value = secrets.get(secret_name(destination, name))
            if value:
                values[name] = value
    if values:
        return Credentials(values, "the secrets store", env)
    if kind is BackendKind.AZURE and env.get("AZURE_STORAGE_CONNECTION_STRING"):
        return Credentials({"azure_connection_string": env["AZURE_STORAGE_CONNECTION_STRING"]},
                           "AZURE_STORAGE_CONNECTION_STRING", env)
    if kind is BackendKind.GCS and env.get("STORAGE_EMULATOR_HOST"):
        return Credentials({}, "STORAGE_EMULATOR_HOST (anonymous)", env)
    return Credentials({}, "SDK defaults", env)


def forget(secrets: SecretStore, kind: BackendKind, destination: str) -> None:
    for name in SECRET_FIELDS[kind]:
        secrets.delete(secret_name(destination, name))
