"""Hashes computed in one read: SHA-256 (our identity of a file), MD5 (what S3, Azure and
GCS report), CRC32C (GCS), and per-part MD5s for multipart uploads."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path

import google_crc32c

from desktop.core.sync.errors import LocalFileError

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Digest:
    size: int
    sha256: str  # hex
    md5: bytes
    crc32c: bytes  # 4 bytes, big-endian, as GCS reports it (base64)
    part_md5s: tuple[bytes, ...] = ()  # one per part when hashed for a multipart upload
    part_size: int = 0

    @property
    def md5_hex(self) -> str:
        return self.md5.hex()

    @property
    def md5_b64(self) -> str:
        return base64.b64encode(self.md5).decode("ascii")

    @property
    def crc32c_b64(self) -> str:
        return base64.b64encode(self.crc32c).decode("ascii")

    @property
    def composite_md5(self) -> str:
        """The ETag S3 gives a multipart object: md5 of the parts' md5s, dash, part count."""
        joined = hashlib.md5(b"".join(self.part_md5s)).hexdigest()
        return f"{joined}-{len(self.part_md5s)}"


def digest_bytes(data: bytes) -> Digest:
    return Digest(
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        md5=hashlib.md5(data).digest(),
        crc32c=google_crc32c.Checksum(data).digest(),
    )


def digest_file(path: Path, part_size: int = 0) -> Digest:
    """Hash a file in one pass; with `part_size`, also the MD5 of each part."""
    sha, md5, crc = hashlib.sha256(), hashlib.md5(), google_crc32c.Checksum()
    parts: list[bytes] = []
    size = 0
    try:
        with open(path, "rb") as fh:
            while True:
                block = fh.read(part_size or CHUNK)
                if not block:
                    break
                size += len(block)
                sha.update(block)
                md5.update(block)
                crc.update(block)
                if part_size:
                    parts.append(hashlib.md5(block).digest())
    except OSError as exc:
        raise LocalFileError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    return Digest(size, sha.hexdigest(), md5.digest(), crc.digest(), tuple(parts), part_size)


def read_part(path: Path, part_no: int, part_size: int) -> bytes:
    """Part `part_no` (1-based) of a file."""
    try:
        with open(path, "rb") as fh:
            fh.seek((part_no - 1) * part_size)
            return fh.read(part_size)
    except OSError as exc:
        raise LocalFileError(f"{path}: cannot read part {part_no}: {exc.strerror or exc}") from exc
