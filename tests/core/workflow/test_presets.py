"""Style presets: the {prompt} slot, seed policies, validation, and rendering the same preset
for each provider the way that provider understands it (checked against the adapters)."""

from __future__ import annotations

import random

import httpx
import pytest

from desktop.core.config import ProviderSettings
from desktop.core.providers import firefly, leonardo, openai_images, stability
from desktop.core.providers.a1111 import Automatic1111
from desktop.core.providers.base import ProviderContext
from desktop.core.workflow.errors import FormatError
from desktop.core.workflow.preset_render import (
    NATIVE_STYLES,
    RenderTarget,
    nearest_size,
    render_request,
)
from desktop.core.workflow.presets import SeedPolicy, StylePreset, apply_style_text
from tests.fakes.a1111_fake import FakeA1111

PRESET = StylePreset(
    name="Cinematic",
    positive="{prompt}, cinematic light, 35mm film",
    negative="text, watermark",
    style="cinematic",
    width=1080,
    height=1350,
    quality="high",
)


def caps_target(provider_cls, model: str) -> RenderTarget:
    ctx = ProviderContext(http=httpx.AsyncClient(), env={})
    caps = provider_cls(ctx).capabilities()
    info = caps.model(model)
    assert info is not None, f"{model} not offered by {provider_cls.__name__}"
    return RenderTarget(provider_cls.name, model, info.sizes, info.supports_seed, info.supports_negative)


def test_the_prompt_goes_into_the_slot_or_after_a_comma_like_a1111() -> None:
    assert apply_style_text("{prompt}, oil painting", "a fox") == "a fox, oil painting"
    assert apply_style_text("oil painting", "a fox") == "a fox, oil painting"
    assert apply_style_text("", "一隻狐狸") == "一隻狐狸"
    assert apply_style_text("photo of {prompt} at {prompt}", "x") == "photo of x at x"


def test_seed_policies_lock_cycle_through_a_range_or_leave_it_to_the_queue() -> None:
    rng = random.Random(1)
    assert SeedPolicy("locked", 42).seeds(3, rng) == [42, 42, 42]
    assert SeedPolicy("range", 10, 12).seeds(5, rng) == [10, 11, 12, 10, 11]
    assert SeedPolicy().seeds(2, rng) == [None, None]
    assert SeedPolicy("range", 12, 10).problems() == ["seed range 12..10 ends before it starts"]
    assert SeedPolicy("locked").problems() == ["seed mode locked needs a seed"]


def test_a_preset_round_trips_through_its_dict_and_bad_fields_are_named() -> None:
    preset = PRESET.with_changes(seed=SeedPolicy("range", 5, 9), references=("images/a.png",),
                                 provider_params={"stability": {"style_preset": "anime"}})
    assert StylePreset.from_dict(preset.to_dict()) == preset
    with pytest.raises(FormatError, match=r"presets\[0\]\.width: must be a whole number"):
        StylePreset.from_dict({"name": "x", "width": "wide"}, "presets[0]")
    with pytest.raises(FormatError, match="unknown field.*colour"):
        StylePreset.from_dict({"name": "x", "colour": "red"})
    with pytest.raises(FormatError, match="give both width and height"):
        StylePreset.from_dict({"name": "x", "width": 512})


def test_openai_gets_negatives_folded_into_the_prompt_and_an_offered_size() -> None:
    target = caps_target(openai_images.OpenAIImages, "gpt-image-1")
    request = render_request(PRESET, "a lighthouse", target, seed=77)
    assert request.prompt == "a lighthouse, cinematic light, 35mm film. Avoid: text, watermark"
    assert request.negative_prompt == ""
    assert request.size == "1024x1536"  # 4:5 portrait -> the portrait size GPT image offers
    assert request.seed is None  # the model takes no seed
    assert request.quality == "high"


def test_stability_gets_its_native_style_preset_and_keeps_negatives() -> None:
    target = caps_target(stability.StabilityImages, "core")
    request = render_request(PRESET, "a lighthouse", target, seed=77)
    assert request.params == {"style_preset": "cinematic"}
    assert request.negative_prompt == "text, watermark" and request.seed == 77
    adapter = stability.StabilityImages(ProviderContext(http=httpx.AsyncClient(), env={}))
    assert adapter.validate(request) == []
    assert adapter.build_fields(request)["style_preset"] == "cinematic"


def test_leonardo_gets_preset_style_in_its_own_vocabulary() -> None:
    target = RenderTarget("leonardo", "b24e16ff-06e3-43eb-8d33-4416c2d75876")
    request = render_request(PRESET.with_changes(style="photographic"), "a lighthouse", target)
    adapter = leonardo.LeonardoImages(ProviderContext(http=httpx.AsyncClient(), env={}))
    assert adapter.build_body(request)["presetStyle"] == "PHOTOGRAPHY"


def test_every_native_style_is_one_the_adapter_accepts() -> None:
    assert set(NATIVE_STYLES["stability"].values()) <= set(stability.STYLE_PRESETS)
    assert set(NATIVE_STYLES["leonardo"].values()) <= set(leonardo.PRESET_STYLES)
    assert set(NATIVE_STYLES["firefly"].values()) <= set(firefly.STYLE_PRESETS)


def test_explicit_provider_params_win_over_the_generic_style() -> None:
    preset = PRESET.with_changes(provider_params={"stability": {"style_preset": "anime"}})
    request = render_request(preset, "x", RenderTarget("stability", "core"))
    assert request.params == {"style_preset": "anime"}


def test_nearest_size_prefers_the_aspect_ratio_then_the_area() -> None:
    sizes = ("1024x1024", "1536x1024", "1024x1536")
    assert nearest_size(1080, 1920, sizes) == (1024, 1536)
    assert nearest_size(1920, 1080, sizes) == (1536, 1024)
    assert nearest_size(500, 500, sizes) == (1024, 1024)
    assert nearest_size(640, 480, ()) == (640, 480)


@pytest.mark.asyncio
async def test_a1111_renders_a_saved_style_by_name_without_doubling_its_text() -> None:
    preset = PRESET.with_changes(provider_params={"a1111": {"style": "Cinematic", "sampler_name": "Euler a"}})
    request = render_request(preset, "a lighthouse", RenderTarget("a1111", ""), seed=5)
    with FakeA1111() as fake:
        async with httpx.AsyncClient(trust_env=False) as http:
            adapter = Automatic1111(ProviderContext(http=http, settings=ProviderSettings(),
                                                    env={"SDWEBUI_BASE_URL": fake.url}))
            await adapter.generate(request)
        body = fake.requests_to("/sdapi/v1/txt2img")[0].json()
    assert body["styles"] == ["Cinematic"]
    assert body["prompt"] == "a lighthouse" and body["negative_prompt"] == ""
    assert body["sampler_name"] == "Euler a" and body["seed"] == 5


@pytest.mark.asyncio
async def test_a1111_without_a_saved_style_gets_the_text_inline() -> None:
    request = render_request(PRESET, "燈塔", RenderTarget("a1111", ""), seed=5)
    with FakeA1111() as fake:
        async with httpx.AsyncClient(trust_env=False) as http:
            adapter = Automatic1111(ProviderContext(http=http, env={"SDWEBUI_BASE_URL": fake.url}))
            await adapter.generate(request)
        body = fake.requests_to("/sdapi/v1/txt2img")[0].json()
    assert body["prompt"] == "燈塔, cinematic light, 35mm film"
    assert body["negative_prompt"] == "text, watermark" and "styles" not in body
    assert (body["width"], body["height"]) == (1080, 1350)
