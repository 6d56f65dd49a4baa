"""How long `integrity.verify` takes on a large library (default 100,000 assets).

Files are small (about 1 KB) so the numbers show the walk, database and per-file overhead
rather than disk throughput; with real images hashing is bound by disk speed.
Run: .venv/bin/python tests/perf/bench_integrity.py [assets]
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from desktop.core.library.integrity import verify
from desktop.core.library.layout import LibraryPaths
from desktop.core.store.database import Database
from desktop.core.store.schema import Asset


def build(paths: LibraryPaths, db: Database, count: int) -> None:
    rows = []
    for i in range(count):
        data = os.urandom(1024)
        rel = f"images/2026-{i % 12 + 1:02d}/{i + 1:08d}-{hashlib.sha256(data).hexdigest()[:10]}.png"
        target = paths.abs(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        thumb = paths.thumb_rel(rel)
        paths.abs(thumb).parent.mkdir(parents=True, exist_ok=True)
        paths.abs(thumb).write_bytes(b"t")
        rows.append({"path": rel, "thumb_path": thumb, "sha256": hashlib.sha256(data).hexdigest(),
                     "size_bytes": len(data), "created_at": time.time()})
    with db.engine_or_raise().begin() as conn:
        conn.execute(insert(Asset), rows)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        paths = LibraryPaths(Path(folder)).ensure()
        db = Database(paths.db).open()
        start = time.perf_counter()
        build(paths, db, count)
        print(f"built {count:,} assets in {time.perf_counter() - start:.1f} s")
        for hash_files in (False, True):
            start = time.perf_counter()
            report = verify(db, paths, hash_files=hash_files)
            took = time.perf_counter() - start
            print(f"verify hash_files={hash_files}: {took:.1f} s "
                  f"({took / count * 1e6:.0f} µs per asset), ok={report.ok}")
        db.close()


if __name__ == "__main__":
    main()
