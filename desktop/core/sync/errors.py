"""Typed errors of the sync feature; messages name the destination, bucket, key or file."""

from __future__ import annotations


class SyncError(Exception):
    """Something about sync went wrong; the message says what and where."""


class DestinationUrlError(SyncError, ValueError):
    """A destination URL the sync cannot use."""


class DestinationNotFoundError(SyncError):
    """No destination has the given name."""


class DestinationExistsError(SyncError):
    """A destination with that name already exists."""


class CredentialsError(SyncError):
    """Credentials are missing, or the storage service refused them."""


class BucketNotFoundError(SyncError):
    """The bucket or container does not exist (or is not visible with these credentials)."""


class RemoteError(SyncError):
    """The storage service answered with an error that retrying will not fix."""


class TransientRemoteError(RemoteError):
    """A failure worth retrying: connection refused or reset, timeout, 5xx, throttling."""


class PreconditionFailedError(RemoteError):
    """A conditional write was refused: someone else changed the object meanwhile."""


class VerificationError(SyncError):
    """The remote object's checksum does not match the local hash; it does not count."""


class LocalFileError(SyncError):
    """A local file is missing or unreadable."""


class LocalCorruptError(LocalFileError):
    """A local file no longer matches the hash its asset row recorded; it is not uploaded."""


class UploadGoneError(RemoteError):
    """An unfinished multipart/resumable upload no longer exists remotely; start over."""


class ObjectNotFoundError(RemoteError):
    """The object does not exist (backends turn this into None where absence is normal)."""


class SyncBusyError(SyncError):
    """Another process is syncing this library right now."""
