"""Typed errors of the library layer; each message names the file and the cause."""

from __future__ import annotations

from pathlib import Path


class LibraryError(Exception):
    """Base class for every error the library layer raises on purpose."""


class LibraryWriteError(LibraryError):
    """A file could not be written (disk full, no permission, read-only disk, ...).

    `errno` is the OS error number when there was one, so callers can tell a full disk
    (retry later, tell the user) from a bug.
    """

    def __init__(self, path: Path | str, cause: str, errno: int | None = None) -> None:
        super().__init__(f"{path}: cannot write the file: {cause}")
        self.path = Path(path)
        self.cause = cause
        self.errno = errno


class CorruptImageError(LibraryError):
    """Bytes or a file that are not a complete, readable image.

    `what` names the file, or where in-memory bytes came from ("image from openai").
    """

    def __init__(self, what: str | Path, reason: str) -> None:
        super().__init__(f"{what}: not a usable image: {reason}")
        self.what = str(what)
        self.reason = reason


class ImageTooLargeError(CorruptImageError):
    """The image declares more pixels than we agree to decode (a decompression bomb)."""


class UnsafePathError(LibraryError, ValueError):
    """A relative path that would point outside the library folder."""


class MissingFileError(LibraryError, FileNotFoundError):
    """A library file the database points at is not on disk."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(f"{path}: the file is missing")
        self.path = Path(path)


class UnreadableFileError(LibraryError):
    """A file outside the library (an import) could not be read."""

    def __init__(self, path: Path | str, cause: str) -> None:
        super().__init__(f"{path}: cannot read the file: {cause}")
        self.path = Path(path)
        self.cause = cause
