"""A library builder that writes real images in varied colours with Chinese and English
prompts. The services, the real QtBridge and the qasync loop come from tests/ui/conftest."""

from __future__ import annotations

import colorsys

import pytest

from desktop.core.services import Services
from tests.core.gallery.conftest import LibraryBuilder

PROMPTS = [
    "一隻橘貓坐在台北的屋頂上，夕陽，水彩風格",
    "九份老街的紅燈籠，雨夜，電影感",
    "珍珠奶茶產品照，白色背景，柔光",
    "日月潭清晨的薄霧，山水畫",
    "a red fox in fresh snow, watercolour",
    "minimalist poster of Taipei 101 at night",
    "夜市小吃攤，霓虹燈，街頭攝影",
    "墾丁海邊的衝浪少年，底片質感",
    "阿里山神木與雲海，廣角",
    "cozy cafe interior, morning light, 35mm",
]
PROVIDERS = [("openai", "gpt-image-1"), ("stability", "sd3.5-large"), ("a1111", "sdxl_base"),
             ("leonardo", "phoenix")]


def colour(i: int, n: int) -> tuple[int, int, int]:
    r, g, b = colorsys.hsv_to_rgb((i / max(n, 1)) % 1.0, 0.55 + 0.4 * (i % 3) / 2, 0.95)
    return int(r * 255), int(g * 255), int(b * 255)


def fill(build: LibraryBuilder, count: int, start: float = 1_700_000_000.0) -> list[int]:
    """`count` assets, one a minute, cycling prompts, providers, ratings and colours."""
    ids = []
    for i in range(count):
        provider, model = PROVIDERS[i % len(PROVIDERS)]
        ids.append(build.asset(
            prompt=PROMPTS[i % len(PROMPTS)], colour=colour(i, count), created_at=start + 60 * i,
            provider=provider, model=model, rating=(i * 7) % 6, favorite=int(i % 5 == 0),
            cost_usd=round(0.01 + 0.01 * (i % 8), 3), seed=4000 + i,
            width=1024, height=1024 if i % 3 else 1536,
        ))
    return ids


@pytest.fixture
def build(services: Services) -> LibraryBuilder:
    return LibraryBuilder(services.gallery)
