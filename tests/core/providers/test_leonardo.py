"""Leonardo adapter against the loopback Leonardo fake, over real HTTP."""

from __future__ import annotations

import json

import httpx
import pytest
import pytest_asyncio

from desktop.core.config import ProviderSettings
from desktop.core.models import ErrorKind, GenerationRequest
from desktop.core.paths import resources_dir
from desktop.core.providers.base import ProviderContext, ProviderError
from desktop.core.providers.leonardo import LeonardoImages
from tests.fakes.leonardo_fake import FakeLeonardo
from tests.fakes.server import free_port

PHOENIX = "de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3"


@pytest.fixture(scope="module")
def server():
    with FakeLeonardo() as running:
        yield running


@pytest.fixture
def fake(server):
    server.reset()
    return server


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


def make(fake, http, *, key: str | None = None, base: str | None = None, **options):
    env = {"LEONARDO_API_KEY": key or fake.api_key, "LEONARDO_BASE_URL": base or fake.base_url}
    settings = ProviderSettings(options={"poll_interval_s": 0.01, **options})
    return LeonardoImages(ProviderContext(http=http, settings=settings, env=env))


def phoenix(**changes) -> GenerationRequest:
    return GenerationRequest("leonardo", PHOENIX, "a paper lantern festival", width=1024,
                             height=768).with_changes(**changes)


async def fails(provider, request) -> ProviderError:
    with pytest.raises(ProviderError) as info:
        await provider.generate(request)
    return info.value


def assumed_rate() -> float:
    data = json.loads((resources_dir() / "prices" / "leonardo.json").read_text("utf-8"))
    return data["leonardo"]["credit_usd"]


@pytest.mark.asyncio
async def test_generation_sends_mixed_case_fields_and_reports_credits_and_usd(fake, http):
    seen: list[float] = []
    result = await make(fake, http).generate(
        phoenix(negative_prompt="text", seed=321, steps=20, cfg_scale=7.0, style="cinematic",
                params={"alchemy": True, "contrast": 3.5}),
        seen.append,
    )
    body = fake.requests_to("/api/rest/v1/generations")[0].json()
    assert body == {
        "prompt": "a paper lantern festival", "modelId": PHOENIX, "width": 1024, "height": 768,
        "num_images": 1, "public": False, "negative_prompt": "text", "seed": 321,
        "guidance_scale": 7.0, "num_inference_steps": 20, "presetStyle": "CINEMATIC",
        "alchemy": True, "contrast": 3.5,
    }
    assert result.images[0].data == fake.image and result.images[0].seed == 321
    assert result.cost_units == 16  # 8 credits x 1 image x 2 for Alchemy, as the fake charges
    assert result.cost_usd == pytest.approx(16 * assumed_rate())
    assert seen[-1] == 1.0
    assert fake.subscription_tokens == 3500 - 16


@pytest.mark.asyncio
async def test_preset_style_option_wins_and_the_credit_rate_can_be_overridden(fake, http):
    result = await make(fake, http, usd_per_credit=0.002).generate(
        phoenix(style="anime", params={"preset_style": "RENDER_3D"}))
    assert fake.requests_to("/api/rest/v1/generations")[0].json()["presetStyle"] == "RENDER_3D"
    assert result.cost_usd == pytest.approx(8 * 0.002)


@pytest.mark.asyncio
async def test_polls_while_pending_including_a_null_record(fake, http):
    fake.script("succeed", polls_before_done=3)
    fake.null_first_poll = True
    result = await make(fake, http).generate(phoenix())
    assert result.images[0].seed == 123456789  # Leonardo's own seed when we sent none
    polls = [r for r in fake.requests_to("/api/rest/v1/generations/") if r.method == "GET"]
    assert len(polls) == 4


@pytest.mark.asyncio
async def test_failed_generation_is_transient(fake, http):
    fake.script("fail")
    exc = await fails(make(fake, http), phoenix())
    assert exc.kind is ErrorKind.TRANSIENT and "failed" in exc.message


@pytest.mark.asyncio
async def test_generation_that_stays_pending_times_out(fake, http):
    fake.script("never")
    provider = make(fake, http)
    provider.ctx.settings.timeout_s = 0.2
    exc = await fails(provider, phoenix())
    assert exc.kind is ErrorKind.TRANSIENT and "within 0.2 s" in exc.message


@pytest.mark.asyncio
async def test_malformed_and_rejected_keys_are_auth_errors(fake, http):
    malformed = await fails(make(fake, http, key="not-a-uuid"), phoenix())
    assert malformed.kind is ErrorKind.AUTH and "authorization hook" in malformed.message
    rejected = await fails(make(fake, http, key="00000000-0000-4000-8000-000000000000"), phoenix())
    assert rejected.kind is ErrorKind.AUTH and rejected.code == "access-denied"


@pytest.mark.asyncio
async def test_running_out_of_credits_is_quota(fake, http):
    fake.subscription_tokens = 4
    exc = await fails(make(fake, http), phoenix())
    assert exc.kind is ErrorKind.QUOTA and "Not enough API tokens" in exc.message


@pytest.mark.asyncio
async def test_moderated_prompt_is_content_refused(fake, http):
    exc = await fails(make(fake, http), phoenix(prompt="gore and more"))
    assert exc.kind is ErrorKind.CONTENT_REFUSED


@pytest.mark.asyncio
async def test_rate_limit_is_rate_limited_with_retry_after(fake, http):
    fake.rate_limited = True
    exc = await fails(make(fake, http), phoenix())
    assert exc.kind is ErrorKind.RATE_LIMITED and exc.retry_after == 2


@pytest.mark.asyncio
async def test_the_fake_rejects_a_wrongly_cased_field_and_that_maps_to_bad_request(fake, http):
    resp = await http.post(f"{fake.base_url}/generations",
                           headers={"Authorization": f"Bearer {fake.api_key}"},
                           json={"prompt": "x", "negativePrompt": "y"})
    assert resp.status_code == 400 and resp.json()["code"] == "validation-failed"
    exc = make(fake, http)._error(resp)
    assert exc.kind is ErrorKind.BAD_REQUEST and "negativePrompt" in exc.message


def test_sizes_steps_and_model_ids_are_validated_locally(fake, http):
    provider = make(fake, http)
    assert provider.validate(phoenix()) == []
    assert provider.validate(phoenix(width=2048, height=1020)) == [
        "width 2048: Leonardo takes 32 to 1536, a multiple of 8",
        "height 1020: Leonardo takes 32 to 1536, a multiple of 8",
    ]
    assert provider.validate(phoenix(model="phoenix"))
    assert provider.validate(phoenix(steps=80))


@pytest.mark.asyncio
async def test_check_reports_ok_bad_key_no_credits_unreachable_wrong_base_url(fake, http):
    ok = await make(fake, http).check()
    assert ok.status == "ok" and ok.detail["apiSubscriptionTokens"] == 3500
    assert (await make(fake, http, key="00000000-0000-4000-8000-000000000000").check()).status \
        == "bad_key"
    dead = await make(fake, http, base=f"http://127.0.0.1:{free_port()}/api/rest/v1").check()
    assert dead.status == "unreachable"
    wrong = await make(fake, http, base=f"{fake.url}/api/rest/v2").check()
    assert wrong.status == "wrong_base_url", wrong.message
    fake.subscription_tokens = 0
    empty = await make(fake, http).check()
    assert empty.status == "no_credits", empty.message
