"""verify/repair on a real library database (all migrations) with planted problems."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.core.library.image_store import ImageStore, StoredImage
from desktop.core.library.integrity import repair, verify
from desktop.core.library.layout import LibraryPaths
from desktop.core.models import GeneratedImage, GenerationRequest
from desktop.core.queue.recovery import Recovery
from desktop.core.store.database import Database
from desktop.core.store.schema import Asset, Batch, Job
from tests.core.library.conftest import png_bytes


@dataclass
class Library:
    db: Database
    paths: LibraryPaths
    store: ImageStore
    batch_id: int

    def add_job(self, state: str = "succeeded", prompt: str = "a cat") -> int:
        request = GenerationRequest("openai", "gpt-image-1", prompt, seed=1)
        now = time.time()
        with self.db.session() as s:
            job = Job(batch_id=self.batch_id, state=state, provider="openai", model="gpt-image-1",
                      prompt=prompt, request_json=request.to_json(), cache_key=request.cache_key(),
                      created_at=now, updated_at=now)
            s.add(job)
            s.flush()
            return job.id

    def add_image(self, colour: int, *, thumb: bool = True) -> tuple[int, StoredImage]:
        job_id = self.add_job()
        request = GenerationRequest("openai", "gpt-image-1", f"picture {colour}", seed=colour)
        stored = self.store.store_generated(job_id, request, GeneratedImage(png_bytes((40 + colour, 30))))
        thumb_rel = self.store.make_thumbnail(stored.rel_path) if thumb else None
        with self.db.session() as s:
            asset = Asset(job_id=job_id, batch_id=self.batch_id, path=stored.rel_path, thumb_path=thumb_rel,
                          sha256=stored.sha256, size_bytes=stored.size_bytes, width=stored.width,
                          height=stored.height, mime=stored.mime, provider="openai", prompt=request.prompt,
                          created_at=time.time())
            s.add(asset)
            s.flush()
            return asset.id, stored

    def thumb_of(self, asset_id: int) -> str | None:
        with self.db.session() as s:
            return s.execute(select(Asset.thumb_path).where(Asset.id == asset_id)).scalar_one()


@pytest.fixture
def lib(library_dir: Path) -> Library:
    paths = LibraryPaths(library_dir).ensure()
    db = Database(paths.db).open()
    with db.session() as s:
        batch = Batch(name="b", created_at=time.time())
        s.add(batch)
        s.flush()
        batch_id = batch.id
    yield Library(db, paths, ImageStore(paths), batch_id)
    db.close()


def test_a_consistent_library_verifies_clean_with_progress(lib: Library) -> None:
    for colour in range(5):
        lib.add_image(colour)
    calls: list[tuple[int, int]] = []
    report = verify(lib.db, lib.paths, progress=lambda done, total: calls.append((done, total)))
    assert report.ok, report.lines()
    assert (report.assets, report.hashed) == (5, 5)
    assert calls[-1] == (5, 5) and all(t == 5 for _, t in calls)
    assert report.lines()[-1] == "Everything is in order."


def test_os_junk_and_quarantined_files_are_not_orphans(lib: Library) -> None:
    lib.add_image(1)
    (lib.paths.images / ".DS_Store").write_bytes(b"x")
    (lib.paths.images / "Thumbs.db").write_bytes(b"x")
    (lib.paths.orphans).mkdir()
    (lib.paths.orphans / "old.png").write_bytes(png_bytes())
    assert verify(lib.db, lib.paths).ok


@pytest.fixture
def planted(lib: Library) -> dict[str, object]:
    """One library with every kind of problem, and what each one is."""
    good_id, good = lib.add_image(1)
    deleted_id, deleted = lib.add_image(2)
    lib.paths.abs(deleted.rel_path).unlink()
    corrupt_id, corrupt = lib.add_image(3)
    path = lib.paths.abs(corrupt.rel_path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit, same size
    path.write_bytes(bytes(data))
    nothumb_id, nothumb = lib.add_image(4)
    lib.paths.abs(lib.paths.thumb_rel(nothumb.rel_path)).unlink()
    nullthumb_id, _ = lib.add_image(5, thumb=False)
    stray = lib.paths.images / "2026-01" / "holiday.png"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(png_bytes())
    running_job = lib.add_job(state="running", prompt="left running")
    request = GenerationRequest("openai", "gpt-image-1", "left running", seed=1)
    orphan_of_job = lib.store.store_generated(running_job, request, GeneratedImage(png_bytes((33, 33))))
    finished_job = lib.add_job(state="failed")
    orphan_of_failed = lib.store.store_generated(finished_job, request, GeneratedImage(png_bytes((34, 34))))
    temp = lib.paths.tmp / ".00000001-abc.png.123.dead.part"
    temp.write_bytes(b"half an image")
    os.utime(temp, (time.time() - 3600, time.time() - 3600))
    stale_thumb = lib.paths.thumbs / "2025-01" / "gone.jpg"
    stale_thumb.parent.mkdir(parents=True)
    stale_thumb.write_bytes(b"jpeg")
    return {
        "good": (good_id, good.rel_path), "deleted": (deleted_id, deleted.rel_path),
        "corrupt": (corrupt_id, corrupt.rel_path), "nothumb": (nothumb_id, nothumb.rel_path),
        "nullthumb": nullthumb_id, "stray": "images/2026-01/holiday.png",
        "orphan_of_job": (running_job, orphan_of_job.rel_path),
        "orphan_of_failed": (finished_job, orphan_of_failed.rel_path),
        "temp": lib.paths.rel(temp), "stale_thumb": "thumbs/2025-01/gone.jpg",
    }


def test_verify_finds_every_planted_problem(lib: Library, planted: dict) -> None:
    report = verify(lib.db, lib.paths)
    assert [(m.asset_id, m.path) for m in report.missing] == [planted["deleted"]]
    assert [(c.asset_id, c.path) for c in report.corrupt] == [planted["corrupt"]]
    assert "sha256" in report.corrupt[0].reason
    assert {t.asset_id for t in report.thumbs_missing} == {planted["nothumb"][0], planted["nullthumb"]}
    orphans = {o.path: (o.job_id, o.job_state) for o in report.orphans}
    assert orphans == {
        planted["stray"]: (None, None),
        planted["orphan_of_job"][1]: (planted["orphan_of_job"][0], "running"),
        planted["orphan_of_failed"][1]: (planted["orphan_of_failed"][0], "failed"),
    }
    assert report.temp_files == [planted["temp"]]
    assert report.orphan_thumbs == [planted["stale_thumb"]]
    assert not report.ok
    text = "\n".join(report.lines())
    assert "1 image files are missing" in text and "changed or are damaged" in text


def test_verify_does_not_change_anything(lib: Library, planted: dict) -> None:
    before = sorted(p.relative_to(lib.paths.root) for p in lib.paths.root.rglob("*") if "library.db" not in p.name)
    verify(lib.db, lib.paths)
    after = sorted(p.relative_to(lib.paths.root) for p in lib.paths.root.rglob("*") if "library.db" not in p.name)
    assert before == after


def test_repair_fixes_what_is_safe_and_reports_the_rest(lib: Library, planted: dict) -> None:
    adopted: list[tuple[int, str]] = []
    recovery = Recovery(lib.db, lib.paths.root)

    def adopt(job_id: int, rel: str) -> bool:
        adopted.append((job_id, rel))
        return recovery.adopt(job_id, rel)  # the real queue recovery: only running/pending jobs

    report = repair(lib.db, lib.paths, adopt=adopt)

    assert sorted(adopted) == sorted([planted["orphan_of_job"], planted["orphan_of_failed"]])
    assert report.adopted == [planted["orphan_of_job"][1]]
    moved = dict(report.quarantined)
    assert set(moved) == {planted["stray"], planted["orphan_of_failed"][1]}
    for source, dest in moved.items():
        assert not lib.paths.abs(source).exists() and lib.paths.abs(dest).is_file()
        assert dest.startswith("images/.orphans/")
    assert report.temp_removed == 1 and not lib.paths.abs(planted["temp"]).exists()
    assert report.marked_missing == [planted["deleted"][0]] and lib.thumb_of(planted["deleted"][0]) is None
    assert [c.path for c in report.corrupt] == [planted["corrupt"][1]]
    assert lib.paths.abs(planted["corrupt"][1]).is_file()  # corrupt files are never deleted
    # thumbnails: the one whose file was deleted, the NULL one, and the adopted job's asset
    assert report.thumbs_made == 3 and report.thumb_failures == []
    for asset_id in (planted["nothumb"][0], planted["nullthumb"]):
        thumb = lib.thumb_of(asset_id)
        assert thumb is not None and lib.paths.abs(thumb).is_file()
    assert report.orphan_thumbs_removed == 1
    with lib.db.session() as s:
        assert s.execute(select(Job.state).where(Job.id == planted["orphan_of_job"][0])).scalar_one() == "succeeded"
        assert s.execute(select(Asset.id)).all().__len__() == 6  # no row was deleted, one added

    again = verify(lib.db, lib.paths)
    assert [m.path for m in again.missing] == [planted["deleted"][1]]
    assert [c.path for c in again.corrupt] == [planted["corrupt"][1]]
    assert not (again.orphans or again.temp_files or again.orphan_thumbs)
    assert [t.asset_id for t in again.thumbs_missing] == []
    assert any("images/.orphans/" in line for line in report.lines())


def test_without_adopt_files_of_unfinished_jobs_are_left_for_the_queue(lib: Library, planted: dict) -> None:
    report = repair(lib.db, lib.paths)
    assert report.left_for_queue == [planted["orphan_of_job"][1]]
    assert lib.paths.abs(planted["orphan_of_job"][1]).is_file()
    assert planted["orphan_of_failed"][1] in dict(report.quarantined)


def test_fresh_temp_files_may_belong_to_a_write_in_progress(lib: Library) -> None:
    temp = lib.paths.tmp / ".x.png.1.abcd.part"
    temp.write_bytes(b"writing")
    report = repair(lib.db, lib.paths)
    assert report.temp_removed == 0 and temp.exists()
    assert repair(lib.db, lib.paths, temp_grace_seconds=0).temp_removed == 1


def test_quarantine_never_overwrites_an_earlier_orphan(lib: Library) -> None:
    first = lib.paths.images / "imported" / "same.png"
    first.parent.mkdir(parents=True)
    for content in (png_bytes((10, 10)), png_bytes((11, 11))):
        first.write_bytes(content)
        repair(lib.db, lib.paths)
    kept = sorted(p.name for p in (lib.paths.orphans / "imported").iterdir())
    assert kept == ["same.1.png", "same.png"]


def test_a_thumbnail_that_cannot_be_made_is_reported(lib: Library) -> None:
    asset_id, stored = lib.add_image(7, thumb=False)
    lib.paths.abs(stored.rel_path).write_bytes(b"\x89PNG\r\n\x1a\n broken")
    report = repair(lib.db, lib.paths)
    assert report.thumbs_made == 0 and report.thumb_failures[0][0] == stored.rel_path
    assert lib.thumb_of(asset_id) is None


def test_rows_with_paths_outside_the_library_are_reported_not_followed(lib: Library) -> None:
    with lib.db.session() as s:
        s.add(Asset(path="../../etc/passwd", thumb_path="../outside.jpg", sha256="0" * 64,
                    created_at=time.time()))
    report = repair(lib.db, lib.paths)
    assert [m.path for m in report.verify.missing] == ["../../etc/passwd"]
    assert report.thumbs_made == 0 and report.thumb_failures == []
