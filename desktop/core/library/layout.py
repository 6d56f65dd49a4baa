"""Where a library keeps its files, and conversion between absolute and relative paths.

A library is one folder: `library.db`, `images/`, `thumbs/`, `backups/` and `.tmp/` for
temporary writes (on the same file system, so a rename into place is atomic). The
database stores paths relative to this folder with forward slashes, so a library can be
moved or synced between Windows and macOS.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from desktop.core.library.errors import UnsafePathError

ORPHANS_DIR = ".orphans"  # under images/: files no row claims, kept for the user to decide


@dataclass(frozen=True)
class LibraryPaths:
    """The folders and files of one library rooted at `root`."""

    root: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root))

    @property
    def db(self) -> Path:
        return self.root / "library.db"

    @property
    def images(self) -> Path:
        return self.root / "images"

    @property
    def thumbs(self) -> Path:
        return self.root / "thumbs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def tmp(self) -> Path:
        return self.root / ".tmp"

    @property
    def orphans(self) -> Path:
        return self.images / ORPHANS_DIR

    def ensure(self) -> LibraryPaths:
        for folder in (self.images, self.thumbs, self.backups, self.tmp):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    def abs(self, rel: str) -> Path:
        """The absolute path of a library-relative path; refuses anything that escapes."""
        pure = PurePosixPath(rel.replace("\\", "/"))
        if not rel or pure.is_absolute() or ".." in pure.parts or ":" in pure.parts[0]:
            raise UnsafePathError(f"{rel!r}: not a path inside the library {self.root}")
        return self.root.joinpath(*pure.parts)

    def rel(self, path: Path | str) -> str:
        """The library-relative, forward-slash form of an absolute path under the root."""
        path = Path(path)
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            try:
                return path.resolve().relative_to(self.root.resolve()).as_posix()
            except ValueError as exc:
                raise UnsafePathError(f"{path}: not inside the library {self.root}") from exc

    def thumb_rel(self, image_rel: str) -> str:
        """`images/2026-01/x.png` -> `thumbs/2026-01/x.jpg` (thumbnails mirror images)."""
        pure = PurePosixPath(image_rel.replace("\\", "/"))
        inner = pure.parts[1:] if pure.parts and pure.parts[0] == "images" else pure.parts
        return PurePosixPath("thumbs", *inner).with_suffix(".jpg").as_posix()
