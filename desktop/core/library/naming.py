"""File names of stored images, and reading the job id back from a generated one.

Generated: `images/YYYY-MM/{job_id:08d}-{sha256[:10]}.{ext}` — named after the job so a
crash between writing the file and committing its row can be recovered by adopting the
file instead of paying the provider again. Imported: `images/imported/{sha256[:16]}.{ext}`
so importing the same file twice stores it once.
"""

from __future__ import annotations

import re
import time
from pathlib import PurePosixPath

IMPORTED_DIR = "imported"
_GENERATED = re.compile(r"^(\d{8,})-([0-9a-f]{10})\.([A-Za-z0-9]{2,5})$")


def month_folder(when: float) -> str:
    """`YYYY-MM` of a unix time in local time (what the user sees in a file browser)."""
    return time.strftime("%Y-%m", time.localtime(when))


def generated_rel_path(job_id: int, sha256: str, ext: str, when: float) -> str:
    if job_id < 0:
        raise ValueError(f"job id must not be negative, got {job_id}")
    return f"images/{month_folder(when)}/{job_id:08d}-{sha256[:10]}.{ext.lstrip('.').lower()}"


def imported_rel_path(sha256: str, ext: str) -> str:
    return f"images/{IMPORTED_DIR}/{sha256[:16]}.{ext.lstrip('.').lower()}"


def job_id_from_name(name: str) -> int | None:
    """The job id a generated file name carries, or None (imported, foreign, temp...).

    Accepts a bare name or any path; only the last component is looked at.
    """
    base = PurePosixPath(name.replace("\\", "/")).name
    match = _GENERATED.match(base)
    return int(match.group(1)) if match else None
