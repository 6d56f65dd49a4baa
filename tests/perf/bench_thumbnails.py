"""Milliseconds per thumbnail for 1024x1024 PNG and JPEG sources, with and without
`Image.draft` (draft only changes JPEG decoding; PNG is listed for comparison).

Run: .venv/bin/python tests/perf/bench_thumbnails.py [repeats]
Not part of the test run.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

from desktop.core.library.thumbnails import render_thumbnail


def photo_like(size: int = 1024) -> Image.Image:
    """Smooth gradients plus noise: compresses like a photo, not like a flat test card."""
    rng = np.random.default_rng(7)
    x = np.linspace(0, 1, size, dtype=np.float32)
    base = np.stack([np.outer(x, x), np.outer(1 - x, x), np.outer(x, 1 - x)], axis=-1) * 255
    noise = rng.normal(0, 18, (size, size, 3))
    return Image.fromarray(np.clip(base + noise, 0, 255).astype(np.uint8))


def measure(source: Path, use_draft: bool, repeats: int) -> list[float]:
    render_thumbnail(source, use_draft=use_draft)  # warm up caches and imports
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        render_thumbnail(source, use_draft=use_draft)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    picture = photo_like()
    with tempfile.TemporaryDirectory() as folder:
        sources = {}
        for fmt, options in (("PNG", {}), ("JPEG", {"quality": 90})):
            buf = io.BytesIO()
            picture.save(buf, fmt, **options)
            sources[fmt] = Path(folder) / f"source.{fmt.lower()}"
            sources[fmt].write_bytes(buf.getvalue())
        print(f"1024x1024 source -> 256 px JPEG thumbnail, {repeats} runs each")
        print(f"{'source':<8}{'draft':<8}{'median ms':>10}{'min ms':>10}{'size KB':>10}")
        for fmt, path in sources.items():
            for use_draft in (False, True):
                times = measure(path, use_draft, repeats)
                print(f"{fmt:<8}{'yes' if use_draft else 'no':<8}{statistics.median(times):>10.1f}"
                      f"{min(times):>10.1f}{path.stat().st_size / 1024:>10.0f}")


if __name__ == "__main__":
    main()
