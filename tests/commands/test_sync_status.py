"""`main.py sync status` keeps one readable line a destination, with a long last error below."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main


def test_a_long_last_error_is_cut_in_the_table_and_written_out_in_full_below(
        library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = ["--library", str(library_dir)]
    assert main(["sync", "add", "s3://team-bucket/renders", "--name", "team",
                 "--endpoint-url", "http://127.0.0.1:9", *lib]) == 0
    error = "; ".join(f"s3://team-bucket/renders/images/{i:08d}.png: cannot reach http://127.0.0.1:9"
                      for i in range(12))
    con = sqlite3.connect(library_dir / "library.db")
    with con:
        con.execute("UPDATE sync_destinations SET last_error=?, last_run_at=1 WHERE name='team'", (error,))
    con.close()
    capsys.readouterr()

    assert main(["sync", "status", *lib]) == 0

    lines = capsys.readouterr().out.splitlines()
    row = next(line for line in lines if line.startswith("team "))
    assert len(row) < 200 and "…" in row
    assert f"team: last error: {error}" in lines
