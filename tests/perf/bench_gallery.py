"""The Gallery tab on a synthetic library of 100,000 assets: time from creating the tab to
the first screen of thumbnails, the longest event-loop stall while scrolling from the top
to the bottom (a 5 ms QTimer probe), and the process's peak memory.

Goals: first screen < 1 s, longest stall < 50 ms, peak memory < 600 MB.

The library is real (migrated database with the FTS and sync triggers, real JPEG
thumbnails under thumbs/), but 100,000 distinct thumbnail files would take minutes to
write, so the rows share 1,000 of them; every row is still paged, requested, decoded and
cached on its own. Image files are not needed: the grid shows thumbnails only.

Run: .venv/bin/python tests/perf/bench_gallery.py [assets] [viewports-per-frame] [--freeze]
(--freeze calls gc.freeze() before scrolling, as an app may after building its window.)
Not part of the test run.
"""

from __future__ import annotations

import asyncio
import colorsys
import gc
import io
import os
import random
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ["BATCHGEN_SECRETS"] = "file"

from PIL import Image, ImageDraw  # noqa: E402

from desktop.core.store.database import Database  # noqa: E402

THUMB_FILES = 1000
WORDS_ZH = ["橘貓", "台北", "屋頂", "夕陽", "水彩", "九份", "紅燈籠", "雨夜", "電影感", "珍珠奶茶",
            "產品照", "日月潭", "薄霧", "山水畫", "夜市", "霓虹燈", "墾丁", "海邊", "阿里山", "雲海"]
WORDS_EN = ["fox", "snow", "poster", "night", "cafe", "morning", "light", "portrait", "studio",
            "minimalist", "neon", "street", "landscape", "watercolour", "cinematic", "macro"]
PROVIDERS = [("openai", "gpt-image-1"), ("stability", "sd3.5-large"), ("a1111", "sdxl_base"),
             ("leonardo", "phoenix"), ("replicate", "flux-schnell"), ("gemini", "imagen-4")]


def thumbnail_bytes(i: int) -> bytes:
    hue = (i * 0.137) % 1.0
    top = [int(255 * c) for c in colorsys.hsv_to_rgb(hue, 0.6, 0.95)]
    im = Image.new("RGB", (256, 256), tuple(top))
    draw = ImageDraw.Draw(im)
    dark = tuple(int(255 * c) for c in colorsys.hsv_to_rgb((hue + 0.5) % 1, 0.5, 0.4))
    draw.polygon([(0, 256), (0, 170), (90, 120 + i % 40), (170, 160), (256, 110), (256, 256)], fill=dark)
    draw.ellipse([150, 30, 210, 90], fill=(255, 240, 200))
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def build_library(root: Path, count: int) -> float:
    """A migrated library with `count` asset rows; returns seconds taken."""
    start = time.perf_counter()
    Database(root / "library.db").open().close()
    thumbs = root / "thumbs" / "bench"
    thumbs.mkdir(parents=True)
    for i in range(THUMB_FILES):
        (thumbs / f"{i:04d}.jpg").write_bytes(thumbnail_bytes(i))
    rng = random.Random(7)
    now = 1_780_000_000.0
    rows = []
    for i in range(count):
        provider, model = PROVIDERS[i % len(PROVIDERS)]
        words = rng.sample(WORDS_ZH, 3) + rng.sample(WORDS_EN, 2)
        rows.append((
            f"images/bench/{i:06d}.png", f"thumbs/bench/{i % THUMB_FILES:04d}.jpg", f"{i:064x}",
            200_000, 1024, 1024, "image/png", provider, model, "，".join(words), "模糊",
            rng.randrange(2**31), "{}", round(rng.choice([0.01, 0.02, 0.04, 0.08, 0.19]), 2),
            "generated", now - (count - i) * 30.0, rng.randrange(6), int(rng.random() < 0.1),
        ))
    con = sqlite3.connect(root / "library.db")
    with con:
        con.executemany(
            "INSERT INTO assets (path, thumb_path, sha256, size_bytes, width, height, mime, provider,"
            " model, prompt, negative_prompt, seed, request_json, cost_usd, origin, created_at,"
            " rating, favorite) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.close()
    return time.perf_counter() - start


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 100_000
    per_frame = float(args[1]) if len(args) > 1 else 2.0
    folder = Path(tempfile.mkdtemp(prefix="bench-gallery-"))
    os.environ["BATCHGEN_CONFIG_DIR"] = str(folder / "config")
    root = folder / "library"
    root.mkdir()
    print(f"building a library of {count:,} assets ...", flush=True)
    print(f"  built in {build_library(root, count):.1f} s")

    import qasync
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.gallery.query import GalleryQuery, Sort
    from desktop.core.services import build_services
    from desktop.ui.gallery.gallery_view import GalleryView
    from desktop.ui.qt_bridge import QtBridge

    app = QApplication([])
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    services = build_services(root)
    for sort in (Sort.NEWEST, Sort.RATING, Sort.COST_HIGH):
        started = time.perf_counter()
        found = services.gallery.search(GalleryQuery(sort=sort))
        print(f"  search {sort.value:<10} {len(found):>7,} ids in {1000 * (time.perf_counter() - started):6.1f} ms")
    for text in ("台北", "夕陽 fox", "霓虹燈"):
        started = time.perf_counter()
        found = services.gallery.search(GalleryQuery(text=text))
        print(f"  search {text!r:<12} {len(found):>7,} ids in {1000 * (time.perf_counter() - started):6.1f} ms")
    started = time.perf_counter()
    facets = services.gallery.facets(GalleryQuery())
    print(f"  facet counts over {facets.total:,} assets in {1000 * (time.perf_counter() - started):6.1f} ms")
    started = time.perf_counter()
    services.gallery.records(services.gallery.search(GalleryQuery(), limit=200))
    print(f"  one page of 200 records in {1000 * (time.perf_counter() - started):6.1f} ms")
    bridge = QtBridge(services.events)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def wait_for(condition, timeout: float = 30.0) -> bool:  # noqa: ANN001
        waiter = QEventLoop()
        poll = QTimer()
        poll.setInterval(2)
        deadline = time.perf_counter() + timeout
        poll.timeout.connect(lambda: (condition() or time.perf_counter() > deadline) and waiter.quit())
        poll.start()
        waiter.exec()
        poll.stop()
        return bool(condition())

    started = time.perf_counter()
    view = GalleryView(services, bridge)
    view.resize(1440, 900)
    view.show()
    grid, model = view.grid, view.model

    def visible_ids() -> list[int]:
        rect = grid.viewport().rect()
        first = grid.indexAt(rect.topLeft())
        if not first.isValid():
            return []
        rows = []
        row = first.row()
        while row < model.rowCount() and grid.visualRect(model.index(row, 0)).intersects(rect):
            rows.append(model.id_at(row))
            row += 1
        return rows

    def screen_ready() -> bool:
        shown = visible_ids()
        return bool(shown) and all(i in model.cache for i in shown)

    ok = wait_for(lambda: model.rowCount() == count and screen_ready())
    first_screen = time.perf_counter() - started
    print(f"first screen of thumbnails: {first_screen * 1000:.0f} ms ({len(visible_ids())} cells)"
          f"{'' if ok else ' (TIMED OUT)'}")
    last = model.index(count - 1, 0)
    wait_for(lambda: grid.visualRect(last).isValid() and grid.verticalScrollBar().maximum() > 0)
    print(f"whole grid laid out after: {(time.perf_counter() - started) * 1000:.0f} ms")

    gaps: list[float] = []
    previous = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - previous[0])
        previous[0] = now

    collections: list[float] = []  # seconds each full (generation 2) garbage collection took

    def on_gc(phase: str, info: dict) -> None:
        if info.get("generation") == 2:
            if phase == "start":
                collections.append(-time.perf_counter())
            elif collections:
                collections[-1] += time.perf_counter()

    gc.callbacks.append(on_gc)
    if "--freeze" in sys.argv:  # what the app does after building its window, if it does
        gc.freeze()
    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(tick)
    bar = grid.verticalScrollBar()
    step = max(1, int(grid.viewport().height() * per_frame))
    frames = [0]

    def scroll() -> None:
        bar.setValue(min(bar.maximum(), bar.value() + step))
        frames[0] += 1

    scroller = QTimer()
    scroller.setInterval(16)
    scroller.timeout.connect(scroll)
    pages_before, decoded_before = model.pages_fetched, view.thumbnails.decoded
    scroll_started = time.perf_counter()
    previous[0] = scroll_started
    probe.start()
    scroller.start()
    wait_for(lambda: bar.value() >= bar.maximum(), timeout=600)
    scroller.stop()
    wait_for(screen_ready, timeout=10)
    probe.stop()
    scroll_time = time.perf_counter() - scroll_started
    worst = max(gaps) * 1000 - 5 if gaps else 0.0
    gaps_ms = sorted(g * 1000 for g in gaps)
    p99 = gaps_ms[int(len(gaps_ms) * 0.99)] - 5 if gaps_ms else 0.0
    print(f"scrolled top to bottom in {scroll_time:.1f} s ({frames[0]} frames of {per_frame} viewports):"
          f" {model.pages_fetched - pages_before} pages fetched,"
          f" {view.thumbnails.decoded - decoded_before} thumbnails decoded,"
          f" cache {len(model.cache)} images / {model.cache.bytes_used / 2**20:.0f} MB")
    print(f"longest event-loop stall while scrolling: {worst:.1f} ms (99th percentile {p99:.1f} ms)")
    print(f"full garbage collections while scrolling: {len(collections)}, longest"
          f" {max(collections, default=0) * 1000:.0f} ms{' (gc.freeze() before)' if '--freeze' in sys.argv else ''}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MB (before the tab: {rss_before:.0f} MB)")
    goals = [("first screen < 1 s", first_screen < 1.0), ("stall < 50 ms", worst < 50),
             ("peak memory < 600 MB", peak < 600)]
    print("goals: " + ", ".join(f"{name}: {'met' if met else 'MISSED'}" for name, met in goals))
    view.shutdown()
    bridge.close()
    services.gallery.close()
    services.executors.shutdown()
    services.lock.release()
    services.db.close()


if __name__ == "__main__":
    main()
