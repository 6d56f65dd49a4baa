"""Replicate adapter against the loopback Replicate fake, over real HTTP."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import pytest_asyncio

from desktop.core.config import ProviderSettings
from desktop.core.models import ErrorKind, GenerationRequest
from desktop.core.providers.base import ProviderContext, ProviderError
from desktop.core.providers.replicate import ReplicateImages
from tests.fakes.replicate_fake import FakeReplicate
from tests.fakes.server import free_port

SDXL_VERSION = "7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc"


@pytest.fixture(scope="module")
def server():
    with FakeReplicate() as running:
        yield running


@pytest.fixture
def fake(server):
    server.reset()
    return server


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


def make(fake, http, *, token: str | None = None, base: str | None = None, **options):
    env = {"REPLICATE_API_TOKEN": token or fake.token, "REPLICATE_BASE_URL": base or fake.url}
    settings = ProviderSettings(options={"poll_interval_s": 0.01, **options})
    return ReplicateImages(ProviderContext(http=http, settings=settings, env=env))


def flux(**changes) -> GenerationRequest:
    return GenerationRequest("replicate", "black-forest-labs/flux-schnell", "a red bicycle",
                             width=1344, height=768, seed=99, steps=4).with_changes(**changes)


async def fails(provider, request) -> ProviderError:
    with pytest.raises(ProviderError) as info:
        await provider.generate(request)
    return info.value


@pytest.mark.asyncio
async def test_prefer_wait_returns_the_finished_prediction_without_polling(fake, http):
    result = await make(fake, http).generate(flux())
    assert result.images[0].data == fake.image and result.images[0].mime == "image/png"
    assert result.images[0].seed == 99
    assert result.cost_usd == pytest.approx(0.003)
    (create,) = fake.requests_to("/v1/models/")
    assert create.path == "/v1/models/black-forest-labs/flux-schnell/predictions"
    assert create.header("prefer") == "wait=60" and create.header("cancel-after") == "600s"
    assert create.header("authorization") == f"Bearer {fake.token}"
    assert create.json() == {"input": {
        "prompt": "a red bicycle", "seed": 99, "aspect_ratio": "16:9", "num_outputs": 1,
        "num_inference_steps": 4, "output_format": "png"}}
    assert not [r for r in fake.requests if r.method == "GET" and "/predictions/" in r.path]


@pytest.mark.asyncio
async def test_a_non_terminal_answer_to_prefer_wait_is_polled_until_done(fake, http):
    fake.script("succeed", polls_before_done=3, within_wait=False)
    fake.output_as_string = True
    seen: list[float] = []
    result = await make(fake, http, prefer_wait_s=5).generate(flux(), seen.append)
    assert result.images[0].data == fake.image
    assert fake.requests_to("/v1/models/")[0].header("prefer") == "wait=5"
    polls = [r for r in fake.requests if r.method == "GET" and r.path.startswith("/v1/predictions/")]
    assert len(polls) == 4
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 4


@pytest.mark.asyncio
async def test_a_versioned_model_goes_to_predictions_with_its_version_and_time_billing(fake, http):
    request = GenerationRequest("replicate", "stability-ai/sdxl", "a teapot", negative_prompt="text",
                                width=1024, height=768, seed=5, steps=30, cfg_scale=6.5)
    result = await make(fake, http).generate(request)
    (create,) = fake.requests_to("/v1/predictions")
    assert create.method == "POST" and create.path == "/v1/predictions"
    body = create.json()
    assert body["version"] == f"stability-ai/sdxl:{SDXL_VERSION}"
    assert body["input"] == {"prompt": "a teapot", "seed": 5, "width": 1024, "height": 768,
                             "num_outputs": 1, "num_inference_steps": 30,
                             "guidance_scale": 6.5, "negative_prompt": "text"}
    assert result.cost_usd == pytest.approx(1.25 * 0.000975)


@pytest.mark.asyncio
async def test_a_seed_is_chosen_and_reported_when_none_was_asked_for(fake, http):
    result = await make(fake, http).generate(flux(seed=None))
    sent = fake.requests_to("/v1/models/")[0].json()["input"]["seed"]
    assert isinstance(sent, int) and result.images[0].seed == sent


@pytest.mark.asyncio
@pytest.mark.parametrize("error", [
    "", "NSFW content detected. Try running it again, or try a different prompt.",
])
async def test_moderation_failures_are_content_refused(fake, http, error):
    fake.script("moderated", error=error)
    exc = await fails(make(fake, http), flux())
    assert exc.kind is ErrorKind.CONTENT_REFUSED
    assert ("E005" in exc.message) if not error else ("NSFW" in exc.message)


@pytest.mark.asyncio
async def test_a_model_crash_is_transient_with_its_error(fake, http):
    fake.script("fail", polls_before_done=1, within_wait=False)
    exc = await fails(make(fake, http), flux())
    assert exc.kind is ErrorKind.TRANSIENT and "CUDA out of memory" in exc.message


@pytest.mark.asyncio
async def test_a_failure_about_the_input_is_a_bad_request(fake, http):
    fake.script("fail", error="Prediction input failed validation: width must be one of 512, 1024")
    exc = await fails(make(fake, http), flux())
    assert exc.kind is ErrorKind.BAD_REQUEST


@pytest.mark.asyncio
async def test_canceled_is_cancelled_and_aborted_is_transient(fake, http):
    fake.script("canceled")
    assert (await fails(make(fake, http), flux())).kind is ErrorKind.CANCELLED
    fake.script("aborted")
    assert (await fails(make(fake, http), flux())).kind is ErrorKind.TRANSIENT


@pytest.mark.asyncio
async def test_throttling_is_rate_limited_with_retry_after(fake, http):
    fake.throttle_s = 3
    exc = await fails(make(fake, http), flux())
    assert exc.kind is ErrorKind.RATE_LIMITED and exc.retry_after == 3
    assert "Expected available in 3 seconds" in exc.message


@pytest.mark.asyncio
async def test_bad_token_is_auth_and_no_credit_is_quota(fake, http):
    exc = await fails(make(fake, http, token="r8_wrong"), flux())
    assert exc.kind is ErrorKind.AUTH and exc.status == 401
    assert "valid authentication token" in exc.message
    fake.no_credit = True
    exc = await fails(make(fake, http), flux())
    assert exc.kind is ErrorKind.QUOTA and exc.status == 402 and "insufficient credit" in exc.message


@pytest.mark.asyncio
async def test_invalid_input_is_a_bad_request_naming_the_field(fake, http):
    exc = await fails(make(fake, http), flux(model="black-forest-labs/flux-dev",
                                             params={"aspect_ratio": "7:3"}))
    assert exc.kind is ErrorKind.BAD_REQUEST and exc.status == 422
    assert "input.aspect_ratio" in exc.message


@pytest.mark.asyncio
async def test_unknown_model_is_a_bad_request(fake, http):
    exc = await fails(make(fake, http), flux(model="someone/not-a-model"))
    assert exc.kind is ErrorKind.BAD_REQUEST and exc.status == 404


def test_steps_beyond_the_model_limit_are_refused_before_sending(fake, http):
    provider = make(fake, http)
    assert provider.validate(flux(steps=8)) == [
        "black-forest-labs/flux-schnell takes 1 to 4 steps, not 8"]
    assert provider.validate(flux(model="not a model id"))
    assert provider.validate(flux(model=f"stability-ai/sdxl:{SDXL_VERSION}")) == []


@pytest.mark.asyncio
async def test_a_prediction_that_never_finishes_times_out_and_is_canceled(fake, http):
    fake.script("never", within_wait=False)
    provider = make(fake, http)
    provider.ctx.settings.timeout_s = 0.2
    exc = await fails(provider, flux())
    assert exc.kind is ErrorKind.TRANSIENT and "within 0.2 s" in exc.message
    assert fake.cancelled == list(fake.predictions)


@pytest.mark.asyncio
async def test_cancelling_the_task_cancels_the_prediction(fake, http):
    fake.script("never", within_wait=False)
    task = asyncio.create_task(make(fake, http).generate(flux()))
    while not [r for r in fake.requests if r.method == "GET"]:
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    (pid,) = fake.predictions
    assert fake.cancelled == [pid]
    assert fake.requests_to(f"/v1/predictions/{pid}/cancel")[0].method == "POST"


@pytest.mark.asyncio
async def test_check_reports_ok_bad_key_unreachable_and_wrong_base_url(fake, http):
    ok = await make(fake, http).check()
    assert ok.status == "ok" and ok.detail["account"] == "designer"
    assert (await make(fake, http, token="r8_nope").check()).status == "bad_key"
    dead = await make(fake, http, base=f"http://127.0.0.1:{free_port()}").check()
    assert dead.status == "unreachable"
    wrong = await make(fake, http, base=f"{fake.url}/elsewhere").check()
    assert wrong.status == "wrong_base_url", wrong.message
    unconfigured = ReplicateImages(ProviderContext(http=http, env={}))
    assert (await unconfigured.check()).status == "unconfigured"
