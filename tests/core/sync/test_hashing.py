"""Hashes computed in one read, and S3's multipart ETag computed locally."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from desktop.core.sync.errors import LocalFileError
from desktop.core.sync.hashing import digest_bytes, digest_file, read_part


def test_file_and_bytes_digests_agree_and_parts_cover_the_file(tmp_path: Path) -> None:
    data = bytes(range(256)) * 1000 + b"tail"
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    whole, parted = digest_bytes(data), digest_file(path, part_size=100_000)
    assert (whole.sha256, whole.md5, whole.crc32c, whole.size) == \
        (parted.sha256, parted.md5, parted.crc32c, parted.size)
    assert len(parted.part_md5s) == 3
    assert b"".join(read_part(path, n, 100_000) for n in (1, 2, 3)) == data
    assert parted.part_md5s[2] == hashlib.md5(data[200_000:]).digest()


def test_the_multipart_etag_is_the_md5_of_the_part_md5s_with_the_count() -> None:
    parts = [b"a" * 10, b"b" * 10]
    d = digest_bytes(b"".join(parts))
    d = type(d)(d.size, d.sha256, d.md5, d.crc32c, tuple(hashlib.md5(p).digest() for p in parts), 10)
    expected = hashlib.md5(hashlib.md5(parts[0]).digest() + hashlib.md5(parts[1]).digest()).hexdigest()
    assert d.composite_md5 == f"{expected}-2"


def test_crc32c_is_reported_the_way_gcs_reports_it() -> None:
    # The CRC-32C check value of "123456789" is 0xE3069283.
    assert digest_bytes(b"123456789").crc32c_b64 == base64.b64encode(bytes.fromhex("e3069283")).decode()


def test_a_missing_file_is_a_local_file_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(LocalFileError) as info:
        digest_file(tmp_path / "gone.png")
    assert "gone.png" in str(info.value)
