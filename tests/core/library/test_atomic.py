from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest

from desktop.core.library import atomic
from desktop.core.library.atomic import hash_file, write_atomic
from desktop.core.library.errors import LibraryWriteError


def _leftovers(tmp: Path) -> list[Path]:
    return [p for p in tmp.rglob("*") if p.is_file()] if tmp.exists() else []


def test_writes_the_bytes_and_reports_their_sha256(tmp_path: Path) -> None:
    data = os.urandom(300_000)
    result = write_atomic(tmp_path / "out" / "a.bin", data, tmp_path / ".tmp")
    assert (tmp_path / "out" / "a.bin").read_bytes() == data
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert result.size_bytes == len(data)
    assert _leftovers(tmp_path / ".tmp") == []


def test_accepts_chunks_and_hashes_them_as_one_stream(tmp_path: Path) -> None:
    chunks = [b"abc", b"", b"def" * 1000]
    result = write_atomic(tmp_path / "b.bin", iter(chunks), tmp_path / ".tmp")
    assert result.sha256 == hashlib.sha256(b"".join(chunks)).hexdigest()
    assert hash_file(tmp_path / "b.bin") == (result.sha256, result.size_bytes)


def test_replaces_an_existing_file_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "c.bin"
    target.write_bytes(b"old")
    write_atomic(target, b"new", tmp_path / ".tmp")
    assert target.read_bytes() == b"new"


def test_disk_full_becomes_a_typed_error_naming_the_file_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write
    calls = {"n": 0}

    def write_then_fill_up(fd: int, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data[:1000])  # a partial write first, as real disks do

    monkeypatch.setattr(atomic.os, "write", write_then_fill_up)
    target = tmp_path / "images" / "d.png"
    with pytest.raises(LibraryWriteError) as caught:
        write_atomic(target, b"x" * 5000, tmp_path / ".tmp")
    assert caught.value.errno == errno.ENOSPC
    assert str(target) in str(caught.value) and "disk is full" in str(caught.value)
    assert not target.exists()
    assert _leftovers(tmp_path / ".tmp") == []


def test_a_failed_rename_leaves_no_temp_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "e.bin"
    target.write_bytes(b"previous")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(LibraryWriteError, match="permission denied"):
        write_atomic(target, b"new", tmp_path / ".tmp")
    assert target.read_bytes() == b"previous"
    assert _leftovers(tmp_path / ".tmp") == []


def test_an_interrupt_while_writing_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def chunks():
        yield b"first"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "f.bin", chunks(), tmp_path / ".tmp")
    assert _leftovers(tmp_path / ".tmp") == [] and not (tmp_path / "f.bin").exists()


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions, non-root")
def test_a_read_only_folder_is_reported_as_permission_denied(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(LibraryWriteError, match="permission denied"):
            write_atomic(locked / "g.bin", b"data", locked / ".tmp")
    finally:
        locked.chmod(0o700)


def test_when_images_are_on_another_disk_the_temp_file_goes_next_to_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace
    renamed_from: list[Path] = []

    def record(src: os.PathLike, dst: os.PathLike) -> None:
        renamed_from.append(Path(src).parent)
        real_replace(src, dst)

    monkeypatch.setattr(atomic, "_same_device", lambda a, b: False)
    monkeypatch.setattr(atomic.os, "replace", record)
    target = tmp_path / "images" / "h.bin"
    write_atomic(target, b"moved", tmp_path / ".tmp")
    assert target.read_bytes() == b"moved"
    assert renamed_from == [target.parent]
    assert sorted(p.name for p in target.parent.iterdir()) == ["h.bin"]


def test_permission_denied_on_create_is_a_typed_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "open", refuse)
    with pytest.raises(LibraryWriteError) as caught:
        write_atomic(tmp_path / "i.bin", b"data", tmp_path / ".tmp")
    assert caught.value.errno == errno.EACCES and "permission denied" in str(caught.value)
    assert "i.bin" in str(caught.value)
