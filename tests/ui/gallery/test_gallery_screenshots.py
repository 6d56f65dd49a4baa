"""Screenshots of the Gallery tab in English and in Traditional Chinese, with real
thumbnails of generated pictures, for people to look at (saved to the artifacts folder)."""

from __future__ import annotations

import colorsys
import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from desktop.core.services import Services
from desktop.ui.gallery.gallery_model import GalleryModel
from desktop.ui.gallery.gallery_view import GalleryView
from desktop.ui.qt_bridge import QtBridge
from tests.core.gallery.conftest import LibraryBuilder
from tests.ui.gallery.conftest import PROMPTS, PROVIDERS

WAIT = 10_000
SIDE = 384


def scene(i: int) -> bytes:
    """A small landscape: a two-colour sky, a sun and two mountain ridges, hue by index."""
    hue = (i * 0.137) % 1.0
    top = colorsys.hsv_to_rgb(hue, 0.55, 0.98)
    bottom = colorsys.hsv_to_rgb((hue + 0.12) % 1.0, 0.35, 0.85)
    im = Image.new("RGB", (SIDE, SIDE))
    draw = ImageDraw.Draw(im)
    for y in range(SIDE):
        t = y / SIDE
        draw.line([(0, y), (SIDE, y)], fill=tuple(int(255 * (a * (1 - t) + b * t))
                                                   for a, b in zip(top, bottom, strict=True)))
    sun = (60 + (i * 53) % 260, 50 + (i * 31) % 120)
    draw.ellipse([sun[0] - 34, sun[1] - 34, sun[0] + 34, sun[1] + 34], fill=(255, 240, 200))
    for depth, shade in ((0.55, 0.55), (0.72, 0.3)):
        ridge = [(0, SIDE)] + [(x, int(SIDE * depth + 40 * ((x * (i + 3)) % 97) / 97))
                               for x in range(0, SIDE + 48, 48)] + [(SIDE, SIDE)]
        colour = colorsys.hsv_to_rgb((hue + 0.5) % 1.0, 0.5, shade)
        draw.polygon(ridge, fill=tuple(int(255 * c) for c in colour))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def populate(build: LibraryBuilder, services: Services) -> None:
    ids = []
    for i in range(48):
        provider, model = PROVIDERS[i % len(PROVIDERS)]
        ids.append(build.asset(
            image=scene(i), prompt=PROMPTS[i % len(PROMPTS)], provider=provider, model=model,
            created_at=1_770_000_000.0 + 3600 * i, rating=(i * 7) % 6, favorite=int(i % 5 == 0),
            cost_usd=round(0.02 + 0.01 * (i % 7), 3), seed=81_000 + i, width=SIDE, height=SIDE,
            negative_prompt="模糊, 低品質, 浮水印" if i % 2 else "",
            tags=("客戶A", "海報") if i % 4 == 0 else ("社群貼文",) if i % 3 == 0 else (),
        ))
    gallery = services.gallery
    album = gallery.create_collection("客戶A 提案")
    gallery.add_to_collection(album, ids[::4])
    gallery.create_collection("2026 春季活動")
    from desktop.core.gallery.query import GalleryQuery

    gallery.save_search("五星作品", GalleryQuery(min_rating=5))
    gallery.save_search("OpenAI 夜景", GalleryQuery(text="夜", providers=("openai",)))
    gallery.trash(ids[40:42])


@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_screenshot_of_the_gallery_tab(language: str, services: Services, bridge: QtBridge,
                                       build: LibraryBuilder, appearance: Any, qtbot: Any,
                                       artifacts_dir: Path) -> None:
    populate(build, services)
    appearance.translations.apply(language)
    view = GalleryView(services, bridge)
    qtbot.addWidget(view)
    view.resize(1440, 900)
    view.show()
    qtbot.waitExposed(view)
    try:
        qtbot.waitUntil(lambda: view.model.rowCount() == 46, timeout=WAIT)
        qtbot.waitUntil(lambda: view.facet_panel.lists["providers"].count() == 4, timeout=WAIT)
        qtbot.waitUntil(lambda: view.sidebar_model.rowCount() == 7, timeout=WAIT)
        chinese = next(r for r in range(view.model.rowCount())  # a Chinese prompt with a negative
                       if "夜" in view.model.data(view.model.index(r, 0), GalleryModel.AssetRole).prompt
                       and view.model.data(view.model.index(r, 0), GalleryModel.AssetRole).negative_prompt)
        view.select_ids([view.model.id_at(chinese)])
        qtbot.waitUntil(lambda: view.detail.details is not None, timeout=WAIT)
        qtbot.waitUntil(lambda: view.detail.image_label.pixmap() is not None
                        and not view.detail.image_label.pixmap().isNull(), timeout=WAIT)
        rect = view.grid.viewport().rect()
        shown = [r for r in range(view.model.rowCount())
                 if view.grid.visualRect(view.model.index(r, 0)).intersects(rect)]
        qtbot.waitUntil(lambda: all(view.model.id_at(r) in view.model.cache for r in shown),
                        timeout=WAIT)
        qtbot.wait(50)  # let the last dataChanged repaint
        if language == "zh_TW":
            assert view.detail.copy_prompt_button.text() == "複製提示詞"
            assert view.filter_bar.sort_combo.currentText() == "最新優先"
        target = artifacts_dir / f"gallery_{language}.png"
        assert view.grab().save(str(target))
        assert target.stat().st_size > 50_000

        view.select_ids([view.model.id_at(r) for r in (1, 2, 3)])
        dialog = view.commands.compare()
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.waiting == 0, timeout=WAIT)
        assert dialog.grab().save(str(artifacts_dir / f"gallery_compare_{language}.png"))
        dialog.close()
    finally:
        view.shutdown()
        appearance.translations.apply("en")
