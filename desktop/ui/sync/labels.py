"""Translated words for what the sync core hands over as data: backend kinds, delete
policies, credential sources and fields, conflict fields, test problems and badge states."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

KINDS = {
    "s3": QT_TRANSLATE_NOOP("SyncLabels", "Amazon S3 or compatible (MinIO, R2)"),
    "gcs": QT_TRANSLATE_NOOP("SyncLabels", "Google Cloud Storage"),
    "azure": QT_TRANSLATE_NOOP("SyncLabels", "Azure Blob Storage"),
}

DELETE_POLICIES = {
    "keep": QT_TRANSLATE_NOOP("SyncLabels", "Keep remote copies"),
    "mirror": QT_TRANSLATE_NOOP("SyncLabels", "Mirror deletes"),
}

CREDENTIAL_SOURCES = {
    "the secrets store": QT_TRANSLATE_NOOP("SyncLabels", "this app's secrets store"),
    "SDK defaults": QT_TRANSLATE_NOOP("SyncLabels", "the cloud tool's usual sources (profile, environment)"),
    "AZURE_STORAGE_CONNECTION_STRING": QT_TRANSLATE_NOOP(
        "SyncLabels", "the AZURE_STORAGE_CONNECTION_STRING environment variable"),
    "STORAGE_EMULATOR_HOST (anonymous)": QT_TRANSLATE_NOOP(
        "SyncLabels", "the STORAGE_EMULATOR_HOST emulator (anonymous)"),
}

CREDENTIAL_FIELDS = {
    "aws_access_key_id": QT_TRANSLATE_NOOP("SyncLabels", "Access key ID"),
    "aws_secret_access_key": QT_TRANSLATE_NOOP("SyncLabels", "Secret access key"),
    "aws_session_token": QT_TRANSLATE_NOOP("SyncLabels", "Session token (optional)"),
    "gcs_service_account_json": QT_TRANSLATE_NOOP("SyncLabels", "Service account key (JSON)"),
    "azure_connection_string": QT_TRANSLATE_NOOP("SyncLabels", "Connection string"),
    "azure_account_key": QT_TRANSLATE_NOOP("SyncLabels", "Account key"),
    "azure_sas_token": QT_TRANSLATE_NOOP("SyncLabels", "SAS token"),
}

CONFLICT_FIELDS = {
    "rating": QT_TRANSLATE_NOOP("SyncLabels", "Rating"),
    "favorite": QT_TRANSLATE_NOOP("SyncLabels", "Favourite"),
    "tags": QT_TRANSLATE_NOOP("SyncLabels", "Tags"),
}

TEST_PROBLEMS = {
    "credentials": QT_TRANSLATE_NOOP("SyncLabels", "The credentials were refused or are missing"),
    "bucket": QT_TRANSLATE_NOOP("SyncLabels", "The bucket (or container) does not exist"),
    "connection": QT_TRANSLATE_NOOP("SyncLabels", "The storage service cannot be reached"),
    "verification": QT_TRANSLATE_NOOP("SyncLabels", "The test file did not arrive intact"),
    "destination": QT_TRANSLATE_NOOP("SyncLabels", "This destination no longer exists"),
    "other": QT_TRANSLATE_NOOP("SyncLabels", "The test failed"),
}

BADGES = {
    "synced": QT_TRANSLATE_NOOP("SyncLabels", "Synced to every destination"),
    "pending": QT_TRANSLATE_NOOP("SyncLabels", "Waiting to sync"),
    "error": QT_TRANSLATE_NOOP("SyncLabels", "Sync failed; it will be retried"),
    "conflict": QT_TRANSLATE_NOOP("SyncLabels", "Changed here and elsewhere: see Settings → Sync"),
}


def label(table: dict[str, str], key: str) -> str:
    """The translated word for `key`, or `key` itself when the core sent something new."""
    source = table.get(key)
    return QCoreApplication.translate("SyncLabels", source) if source else key


def data_size(n: int) -> str:
    return QLocale().formattedDataSize(int(n), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def value_text(value: object) -> str:
    """A conflict value as people read it: tags joined, booleans as yes/no, ratings as stars."""
    if isinstance(value, bool):
        return QCoreApplication.translate("SyncLabels", "Yes") if value else QCoreApplication.translate(
            "SyncLabels", "No")
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "—"
    if value is None or value == "":
        return "—"
    return str(value)
