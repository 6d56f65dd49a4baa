"""Crash-safe file writes: temporary name, fsync, rename into place, fsync the folder.

A reader (or a crash) sees either the old file or the complete new one, never half a
file. The temporary file lives in the library's `.tmp/` on the same file system so the
rename is atomic; leftovers there after a crash are removed by recovery. The sha256 is
computed from the very bytes written, so the hash in the database matches the disk.
"""

from __future__ import annotations

import contextlib
import errno as errnos
import hashlib
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.library.errors import LibraryWriteError

TEMP_SUFFIX = ".part"
_CAUSES = {
    errnos.ENOSPC: "the disk is full (no space left on device)",
    errnos.EACCES: "permission denied",
    errnos.EPERM: "permission denied",
    errnos.EROFS: "the disk is read-only",
    errnos.ENAMETOOLONG: "the file name is too long",
}
if hasattr(errnos, "EDQUOT"):
    _CAUSES[errnos.EDQUOT] = "the disk quota is exceeded"


@dataclass(frozen=True)
class WriteResult:
    path: Path
    sha256: str
    size_bytes: int


def describe_os_error(exc: OSError) -> str:
    """A plain-English cause for an OSError, for messages the user reads."""
    if exc.errno in _CAUSES:
        return _CAUSES[exc.errno]
    return exc.strerror or str(exc) or type(exc).__name__


def write_error(path: Path, exc: OSError) -> LibraryWriteError:
    return LibraryWriteError(path, describe_os_error(exc), exc.errno)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable; a no-op where the OS cannot open folders."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems (network, FUSE) refuse; the rename still happened
        pass
    finally:
        os.close(fd)


def _write_all(fd: int, chunk: bytes) -> None:
    view = memoryview(chunk)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _write_temp(temp: Path, chunks: Iterable[bytes]) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, 0o644)
    try:
        for chunk in chunks:
            _write_all(fd, chunk)
            digest.update(chunk)
            size += len(chunk)
        os.fsync(fd)
    finally:
        os.close(fd)
    return digest.hexdigest(), size


def _same_device(a: Path, b: Path) -> bool:
    try:
        return os.stat(a).st_dev == os.stat(b).st_dev
    except OSError:
        return True  # let the write itself report the problem


def write_atomic(dest: Path, data: bytes | Iterable[bytes], tmp_dir: Path) -> WriteResult:
    """Write `data` to `dest` atomically and durably, replacing any existing file.

    Raises LibraryWriteError naming `dest` on any OS failure (disk full, permissions);
    no temporary file is left behind in that case.
    """
    dest = Path(dest)
    chunks: Iterable[bytes] = (data,) if isinstance(data, bytes | bytearray | memoryview) else data
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(dest, exc) from exc
    # A rename is only atomic within one file system; if images/ is on another disk than
    # .tmp/ (a symlinked folder), the temporary file goes next to its target instead.
    folder = tmp_dir if _same_device(tmp_dir, dest.parent) else dest.parent
    temp = folder / f".{dest.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    try:
        sha, size = _write_temp(temp, chunks)
        os.replace(temp, dest)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise write_error(dest, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(dest.parent)
    return WriteResult(dest, sha, size)


def hash_file(path: Path, chunk_size: int = 1 << 20) -> tuple[str, int]:
    """(sha256, size) of a file, streamed so large files never sit in memory."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(chunk_size):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
