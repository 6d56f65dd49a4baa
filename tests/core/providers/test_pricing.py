"""The price table: lookup order, dates and sources, and the shipped price files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.models import GenerationRequest
from desktop.core.paths import resources_dir
from desktop.core.providers.a1111 import Automatic1111
from desktop.core.providers.base import ProviderContext
from desktop.core.providers.gemini import GeminiImages
from desktop.core.providers.huggingface import HuggingFaceImages
from desktop.core.providers.openai_images import OpenAIImages
from desktop.core.providers.pricing import PriceQuote, PriceTable
from desktop.core.providers.stability import StabilityImages

MY_PROVIDERS = (OpenAIImages, GeminiImages, StabilityImages, HuggingFaceImages, Automatic1111)


def table(tmp_path: Path, **files: dict) -> PriceTable:
    for name, data in files.items():
        (tmp_path / f"{name}.json").write_text(json.dumps(data), "utf-8")
    return PriceTable.load(tmp_path)


def req(provider: str = "acme", model: str = "m1", **changes) -> GenerationRequest:
    return GenerationRequest(provider, model, "p").with_changes(**changes)


ACME = {"acme": {
    "source": "acme.example/pricing", "retrieved": "2026-05", "default": 0.5,
    "models": {
        "m1": {"high/1024x1536": 0.4, "high": 0.3, "1024x1536": 0.2, "default": 0.1},
        "m2": {"retrieved": "2026-07", "default": 0.05},
        "m3": {},
    },
}}


@pytest.mark.parametrize(
    ("changes", "usd"),
    [
        ({"quality": "high", "width": 1024, "height": 1536}, 0.4),  # quality/WxH
        ({"quality": "high"}, 0.3),  # quality
        ({"quality": "low", "width": 1024, "height": 1536}, 0.2),  # WxH
        ({"quality": "low"}, 0.1),  # the model's default
        ({"model": "m3"}, 0.5),  # the provider's default
        ({"model": "unknown"}, 0.5),
    ],
)
def test_quotes_go_from_the_most_specific_key_to_the_least(tmp_path, changes, usd):
    quote = table(tmp_path, acme=ACME).quote(req(**changes))
    assert quote.usd == usd and quote.known
    assert quote.source == "acme.example/pricing"


def test_a_model_may_carry_its_own_retrieval_date(tmp_path):
    prices = table(tmp_path, acme=ACME)
    assert prices.quote(req(model="m2")).retrieved == "2026-07"
    assert prices.quote(req(model="m1")).retrieved == "2026-05"


def test_unknown_providers_and_missing_defaults_are_unknown_not_zero(tmp_path):
    prices = table(tmp_path, acme=ACME, bare={"bare": {"retrieved": "2026-01", "models": {"m": {}}}})
    assert prices.quote(req(provider="nobody")) == PriceQuote(None)
    quote = prices.quote(req(provider="bare", model="m"))
    assert quote.usd is None and not quote.known and quote.retrieved == "2026-01"
    assert prices.estimate(req(provider="nobody")) is None


def test_one_file_per_provider_and_all_are_listed(tmp_path):
    prices = table(tmp_path, acme=ACME, zed={"zed": {"default": 0}})
    assert prices.providers() == ["acme", "zed"]
    assert prices.estimate(req(provider="zed")) == 0.0


# -- the shipped price files -------------------------------------------------------------------
def shipped(name: str) -> dict:
    return json.loads((resources_dir() / "prices" / f"{name}.json").read_text("utf-8"))


@pytest.mark.parametrize("provider", MY_PROVIDERS, ids=lambda p: p.name)
def test_each_price_file_is_one_provider_with_source_date_and_every_model_priced(provider):
    data = shipped(provider.name)
    assert list(data) == [provider.name]
    entry = data[provider.name]
    assert entry["source"] and entry["retrieved"]
    prices = PriceTable.load()
    capabilities = provider(ProviderContext(http=None)).capabilities()  # no HTTP needed
    for model in capabilities.models:
        quote = prices.quote(req(provider.name, model.id))
        assert quote.known and quote.usd >= 0, f"{provider.name}/{model.id} has no price"
        assert quote.retrieved


def test_stability_prices_are_credits_times_a_cent():
    prices = PriceTable.load()
    expected = {"ultra": 8, "core": 3, "sd3.5-large": 6.5, "sd3.5-large-turbo": 4, "sd3.5-medium": 3.5}
    for model, credits in expected.items():
        assert prices.estimate(req("stability", model)) == pytest.approx(credits * 0.01)


def test_gemini_prices_follow_the_size_tier():
    prices = PriceTable.load()
    pro = "gemini-3-pro-image-preview"
    assert prices.estimate(req("gemini", pro, quality="4K")) == 0.24
    assert prices.estimate(req("gemini", pro, width=4096, height=4096)) == 0.24
    assert prices.estimate(req("gemini", pro)) == 0.134
    flash = "gemini-3.1-flash-image-preview"
    assert [prices.estimate(req("gemini", flash, quality=t)) for t in ("1K", "2K", "4K")] == [0.067, 0.101, 0.151]
    assert prices.estimate(req("gemini", "gemini-2.5-flash-image")) == 0.039


def test_hugging_face_prices_say_they_are_estimates():
    entry = shipped("huggingface")["huggingface"]
    assert entry["estimate"] is True and "ESTIMATE" in entry["note"]


def test_local_a1111_costs_nothing():
    assert PriceTable.load().estimate(req("a1111", "")) == 0.0


def test_openai_prices_match_the_published_gpt_image_1_figures():
    prices = PriceTable.load()
    assert prices.estimate(req("openai", "gpt-image-1", quality="low")) == 0.011
    assert prices.estimate(req("openai", "gpt-image-1", quality="high", width=1024, height=1536)) == 0.25
