from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.errors import UnsafePathError
from desktop.core.library.layout import LibraryPaths


def test_a_library_is_one_folder_with_db_images_thumbs_backups_and_tmp(tmp_path: Path) -> None:
    paths = LibraryPaths(tmp_path / "lib").ensure()
    assert paths.db == tmp_path / "lib" / "library.db"
    for folder in (paths.images, paths.thumbs, paths.backups, paths.tmp):
        assert folder.is_dir() and folder.parent == tmp_path / "lib"
    assert paths.tmp.name == ".tmp"


def test_relative_paths_use_forward_slashes_and_round_trip(paths: LibraryPaths) -> None:
    absolute = paths.images / "2026-01" / "00000001-abcdef0123.png"
    rel = paths.rel(absolute)
    assert rel == "images/2026-01/00000001-abcdef0123.png"
    assert paths.abs(rel) == absolute
    assert paths.abs("images\\2026-01\\x.png") == paths.images / "2026-01" / "x.png"


@pytest.mark.parametrize("bad", ["../outside.png", "images/../../etc/passwd", "/etc/passwd", "", "C:/x.png"])
def test_paths_that_escape_the_library_are_refused(paths: LibraryPaths, bad: str) -> None:
    with pytest.raises(UnsafePathError):
        paths.abs(bad)


def test_rel_refuses_a_file_outside_the_library(paths: LibraryPaths, tmp_path: Path) -> None:
    with pytest.raises(UnsafePathError, match="not inside the library"):
        paths.rel(tmp_path / "elsewhere.png")


def test_thumbnails_mirror_the_image_path_with_jpg(paths: LibraryPaths) -> None:
    assert paths.thumb_rel("images/2026-01/00000007-0123456789.webp") == "thumbs/2026-01/00000007-0123456789.jpg"
    assert paths.thumb_rel("images/imported/abcd.png") == "thumbs/imported/abcd.jpg"
