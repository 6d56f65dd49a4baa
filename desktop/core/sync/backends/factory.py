"""Choosing and building the backend for a destination from its URL."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.secrets import SecretStore
from desktop.core.sync import credentials
from desktop.core.sync.backends.base import Backend
from desktop.core.sync.destination import BackendKind, Destination


def open_backend(destination: Destination, secrets: SecretStore | None,
                 env: Mapping[str, str]) -> Backend:
    creds = credentials.resolve(destination.kind, destination.name, secrets, env)
    if destination.kind is BackendKind.S3:
        from desktop.core.sync.backends.s3 import S3Backend

        return S3Backend(destination.url, destination.options, creds)
    if destination.kind is BackendKind.GCS:
        from desktop.core.sync.backends.gcs import GcsBackend

        return GcsBackend(destination.url, destination.options, creds)
    from desktop.core.sync.backends.azure import AzureBackend

    return AzureBackend(destination.url, destination.options, creds)
