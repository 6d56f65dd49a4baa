from __future__ import annotations

import time

import pytest

from desktop.core.library.naming import (
    generated_rel_path,
    imported_rel_path,
    job_id_from_name,
    month_folder,
)

SHA = "0123456789abcdef" * 4


def test_generated_names_carry_month_job_and_hash_prefix() -> None:
    when = time.mktime((2026, 3, 15, 12, 0, 0, 0, 0, -1))
    assert generated_rel_path(42, SHA, "PNG", when) == "images/2026-03/00000042-0123456789.png"


def test_imported_names_are_the_hash_so_duplicates_collapse() -> None:
    assert imported_rel_path(SHA, ".jpg") == "images/imported/0123456789abcdef.jpg"


@pytest.mark.parametrize("job_id", [1, 42, 99_999_999, 123_456_789])
def test_the_job_id_round_trips_through_the_file_name(job_id: int) -> None:
    rel = generated_rel_path(job_id, SHA, "webp", time.time())
    assert job_id_from_name(rel) == job_id
    assert job_id_from_name(rel.replace("/", "\\")) == job_id


@pytest.mark.parametrize("name", [
    "images/imported/0123456789abcdef.png",  # imported: no job
    "00000042-0123456789.png.part",  # a temp file
    "0042-0123456789.png",  # too few digits
    "00000042-XYZ.png",
    "holiday.jpg",
])
def test_names_not_written_by_the_queue_map_to_no_job(name: str) -> None:
    assert job_id_from_name(name) is None


def test_month_folder_is_local_year_and_month() -> None:
    when = time.mktime((2025, 12, 31, 23, 0, 0, 0, 0, -1))
    assert month_folder(when) == "2025-12"
