"""What `integrity.verify` found and what `integrity.repair` did, with plain-English lines
for the command line and the settings page."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class AssetRef:
    asset_id: int
    path: str


@dataclass(frozen=True)
class BadFile:
    """An asset whose file does not match its row (changed bytes) or cannot be read."""

    asset_id: int
    path: str
    reason: str


@dataclass(frozen=True)
class OrphanFile:
    """A file under images/ that no asset row points at; `job_id` when its name says
    which job wrote it, with that job's state if the job still exists."""

    path: str
    job_id: int | None = None
    job_state: str | None = None


def _sample(items: list[str], limit: int = 5) -> str:
    more = f" and {len(items) - limit} more" if len(items) > limit else ""
    return ", ".join(items[:limit]) + more


@dataclass
class VerifyReport:
    assets: int = 0  # rows looked at
    hashed: int = 0  # files whose bytes were hashed
    missing: list[AssetRef] = field(default_factory=list)  # row, no file
    corrupt: list[BadFile] = field(default_factory=list)  # file bytes differ from the row
    unreadable: list[BadFile] = field(default_factory=list)  # file there but cannot be read
    thumbs_missing: list[AssetRef] = field(default_factory=list)
    orphans: list[OrphanFile] = field(default_factory=list)  # file, no row
    orphan_thumbs: list[str] = field(default_factory=list)
    temp_files: list[str] = field(default_factory=list)  # leftovers in .tmp/
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.missing or self.corrupt or self.unreadable or self.thumbs_missing
                    or self.orphans or self.orphan_thumbs or self.temp_files)

    def lines(self) -> list[str]:
        out = [f"Checked {self.assets} images ({self.hashed} hashed) in {self.seconds:.1f} s."]
        if self.ok:
            return [*out, "Everything is in order."]
        if self.missing:
            out.append(f"{len(self.missing)} image files are missing: "
                       + _sample([m.path for m in self.missing]))
        if self.corrupt:
            out.append(f"{len(self.corrupt)} image files have changed or are damaged: "
                       + _sample([f"{c.path} ({c.reason})" for c in self.corrupt]))
        if self.unreadable:
            out.append(f"{len(self.unreadable)} image files cannot be read: "
                       + _sample([f"{u.path} ({u.reason})" for u in self.unreadable]))
        if self.thumbs_missing:
            out.append(f"{len(self.thumbs_missing)} thumbnails are missing.")
        if self.orphans:
            out.append(f"{len(self.orphans)} files in images/ belong to no library entry: "
                       + _sample([o.path for o in self.orphans]))
        if self.orphan_thumbs:
            out.append(f"{len(self.orphan_thumbs)} thumbnails belong to no image.")
        if self.temp_files:
            out.append(f"{len(self.temp_files)} temporary files were left over.")
        out.append("Run `library repair` to fix what can be fixed safely.")
        return out


@dataclass
class RepairReport:
    verify: VerifyReport
    temp_removed: int = 0
    adopted: list[str] = field(default_factory=list)  # orphan files the queue took back
    quarantined: list[tuple[str, str]] = field(default_factory=list)  # (from, to)
    left_for_queue: list[str] = field(default_factory=list)  # their job will adopt them
    marked_missing: list[int] = field(default_factory=list)  # asset ids, thumb_path cleared
    thumbs_made: int = 0
    thumb_failures: list[tuple[str, str]] = field(default_factory=list)  # (image, cause)
    orphan_thumbs_removed: int = 0
    move_failures: list[tuple[str, str]] = field(default_factory=list)  # (orphan, cause)

    @property
    def corrupt(self) -> list[BadFile]:
        return self.verify.corrupt

    @property
    def changed(self) -> bool:
        return bool(self.temp_removed or self.adopted or self.quarantined or self.marked_missing
                    or self.thumbs_made or self.orphan_thumbs_removed)

    def lines(self) -> list[str]:
        out = self.verify.lines()[:1]
        if self.temp_removed:
            out.append(f"Removed {self.temp_removed} leftover temporary files.")
        if self.adopted:
            out.append(f"Gave {len(self.adopted)} files back to the jobs that made them.")
        if self.quarantined:
            out.append(f"Moved {len(self.quarantined)} files no entry claims to images/.orphans/ "
                       "(nothing was deleted; look there before emptying it).")
        if self.left_for_queue:
            out.append(f"Left {len(self.left_for_queue)} files for their unfinished jobs.")
        if self.marked_missing:
            out.append(f"{len(self.marked_missing)} entries have no image file; they are kept "
                       "and marked (restore the files from a backup or the cloud).")
        if self.thumbs_made:
            out.append(f"Made {self.thumbs_made} missing thumbnails.")
        if self.orphan_thumbs_removed:
            out.append(f"Removed {self.orphan_thumbs_removed} thumbnails of no image.")
        if self.thumb_failures:
            out.append(f"{len(self.thumb_failures)} thumbnails could not be made: "
                       + _sample([f"{p} ({c})" for p, c in self.thumb_failures]))
        if self.move_failures:
            out.append(f"{len(self.move_failures)} files could not be moved: "
                       + _sample([f"{p} ({c})" for p, c in self.move_failures]))
        if self.corrupt:
            out.append(f"{len(self.corrupt)} image files have changed or are damaged and were "
                       "left as they are: " + _sample([c.path for c in self.corrupt]))
        if len(out) == 1:
            out.append("Nothing needed repair.")
        return out
