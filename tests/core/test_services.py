"""The composition root: everything it builds is closed again, down to the last file handle
on the library database (SQLite keeps closed connections' files open while any other
connection to the same file lives, which breaks a later restore)."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from desktop.core.gallery.query import GalleryQuery
from desktop.core.services import build_services


def open_files_under(folder: Path) -> list[str]:
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder)):
            found.append(target)
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")
def test_closing_the_services_releases_every_handle_on_the_library(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    services = build_services(library, env={})
    services.gallery.search(GalleryQuery())  # the gallery's own read connection
    services.queue.queries.state_counts()
    services.analytics.availability()
    assert open_files_under(library)

    asyncio.run(services.aclose())

    assert open_files_under(library) == []
