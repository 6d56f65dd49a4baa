"""`main.py ... | head` ends quietly when the reader stops early, without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_output_piped_into_head_ends_without_a_traceback(tmp_path: Path) -> None:
    prompts = tmp_path / "many.txt"
    prompts.write_text(" ".join(["{紅|橙|黃|綠|藍|靛|紫|黑|白|灰}"] * 4) + "\n", encoding="utf-8")
    command = (f'"{sys.executable}" main.py batch "{prompts}" --provider a1111 --dry-run --list-all '
               f'--library "{tmp_path / "library"}" | head -1')
    done = subprocess.run(["bash", "-c", command], cwd=ROOT, env=dict(os.environ), capture_output=True,
                          text=True, timeout=120)

    assert done.stdout.startswith("Jobs: 1000 from 1 prompt rows")
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr
