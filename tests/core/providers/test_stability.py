"""Stability AI v2beta adapter against the loopback Stability fake, over real HTTP."""

from __future__ import annotations

import httpx
import pytest
import pytest_asyncio

from desktop.core.config import ProviderSettings
from desktop.core.models import ErrorKind, GenerationRequest
from desktop.core.providers.base import ProviderContext, ProviderError
from desktop.core.providers.stability import StabilityImages
from tests.fakes import stability_fake
from tests.fakes.image_samples import sample_image
from tests.fakes.server import FakeResponse, free_port
from tests.fakes.stability_fake import FakeStability


@pytest.fixture(scope="module")
def server():
    with FakeStability() as running:
        yield running


@pytest.fixture
def fake(server):
    server.reset()
    return server


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


def make(fake: FakeStability, http: httpx.AsyncClient, *, base: str | None = None, key: str | None = None,
         timeout: float | None = None, **options) -> StabilityImages:
    env = {"STABILITY_BASE_URL": base or fake.url, "STABILITY_API_KEY": key or fake.key}
    settings = ProviderSettings(timeout_s=timeout, options=options)
    return StabilityImages(ProviderContext(http=http, settings=settings, env=env))


def request(**changes) -> GenerationRequest:
    base = GenerationRequest("stability", "core", "a koi pond, 錦鯉", negative_prompt="text", seed=77,
                             width=1344, height=768)
    return base.with_changes(**changes)


async def failure(provider: StabilityImages, req: GenerationRequest | None = None) -> ProviderError:
    with pytest.raises(ProviderError) as caught:
        await provider.generate(req or request())
    return caught.value


# -- success -----------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_core_gets_multipart_fields_and_returns_raw_bytes_with_the_seed_header(fake, http):
    result = await make(fake, http).generate(request(params={"style_preset": "origami"}))

    assert result.images[0].data == sample_image("png", (60, 90, 200))
    assert result.images[0].mime == "image/png" and result.images[0].seed == 77
    sent = fake.requests_to("/v2beta/stable-image/generate/core")[0]
    assert sent.header("content-type").startswith("multipart/form-data; boundary=")
    assert sent.header("authorization") == f"Bearer {fake.key}" and sent.header("accept") == "image/*"
    assert fake.last_fields == {"prompt": "a koi pond, 錦鯉", "negative_prompt": "text", "aspect_ratio": "16:9",
                                "seed": "77", "output_format": "png", "style_preset": "origami"}
    assert fake.credits == 97.0


@pytest.mark.asyncio
@pytest.mark.parametrize("model", ["sd3.5-large", "sd3.5-large-turbo", "sd3.5-medium"])
async def test_sd35_models_go_to_the_sd3_endpoint_with_model_field(fake, http, model):
    await make(fake, http).generate(request(model=model, cfg_scale=4.5, params={"output_format": "jpeg"}))
    assert fake.requests_to("/v2beta/stable-image/generate/sd3")
    assert fake.last_fields["model"] == model and fake.last_fields["mode"] == "text-to-image"
    assert fake.last_fields["cfg_scale"] == "4.5" and fake.last_fields["output_format"] == "jpeg"
    assert ("negative_prompt" in fake.last_fields) == (model != "sd3.5-large-turbo")


@pytest.mark.asyncio
async def test_ultra_and_a_random_seed_sends_zero_and_reports_the_chosen_seed(fake, http):
    result = await make(fake, http).generate(request(model="ultra", seed=None, width=1024, height=1024))
    assert fake.requests_to("/v2beta/stable-image/generate/ultra")
    assert fake.last_fields["seed"] == "0" and fake.last_fields["aspect_ratio"] == "1:1"
    assert result.images[0].seed and result.images[0].seed > 0


@pytest.mark.asyncio
async def test_the_json_answer_form_is_parsed_too(fake, http):
    result = await make(fake, http, accept="json").generate(request(params={"output_format": "webp"}))
    assert fake.requests[-1].header("accept") == "application/json"
    assert result.images[0].data == sample_image("webp", (60, 90, 200))
    assert result.images[0].mime == "image/webp" and result.images[0].seed == 77


# -- refusals ------------------------------------------------------------------------------
@pytest.mark.asyncio
@pytest.mark.parametrize("accept", ["image", "json"])
async def test_content_filtered_200_is_refused_and_the_blurred_image_not_returned(fake, http, accept):
    exc = await failure(make(fake, http, accept=accept), request(prompt="please blurme"))
    assert exc.kind is ErrorKind.CONTENT_REFUSED and exc.code == "CONTENT_FILTERED" and exc.status == 200


@pytest.mark.asyncio
async def test_403_content_moderation_is_content_refused(fake, http):
    exc = await failure(make(fake, http), request(prompt="something forbidden"))
    assert exc.kind is ErrorKind.CONTENT_REFUSED and exc.status == 403 and exc.code == "content_moderation"
    assert "content moderation" in exc.message


@pytest.mark.asyncio
async def test_a_wrong_key_is_auth(fake, http):
    exc = await failure(make(fake, http, key="sk-wrong"))
    assert exc.kind is ErrorKind.AUTH and exc.status == 401 and "Incorrect API key" in exc.message


@pytest.mark.asyncio
async def test_402_out_of_credits_is_quota(fake, http):
    fake.credits = 2.0
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.QUOTA and exc.status == 402 and "credits" in exc.message


@pytest.mark.asyncio
async def test_429_is_rate_limited_for_the_60_second_lockout(fake, http):
    fake.fail_next(stability_fake.rate_limited())
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.RATE_LIMITED and exc.retry_after == 60.0 and "timed out" in exc.message


@pytest.mark.asyncio
async def test_a_retry_after_header_beats_the_default_lockout(fake, http):
    limited = stability_fake.rate_limited()
    limited.headers["Retry-After"] = "12"
    fake.fail_next(limited)
    assert (await failure(make(fake, http))).retry_after == 12.0


# -- server trouble and broken answers ------------------------------------------------------
@pytest.mark.asyncio
@pytest.mark.parametrize(("status", "kind"), [(500, ErrorKind.TRANSIENT), (503, ErrorKind.PROVIDER_DOWN)])
async def test_server_errors_are_retryable(fake, http, status, kind):
    fake.fail_next(stability_fake.server_error(status))
    exc = await failure(make(fake, http))
    assert exc.kind is kind and exc.status == status


@pytest.mark.asyncio
async def test_a_slow_answer_times_out_as_transient(fake, http):
    fake.delay_next(1.0)
    exc = await failure(make(fake, http, timeout=0.2))
    assert exc.kind is ErrorKind.TRANSIENT and "no answer within" in exc.message


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (FakeResponse.raw(sample_image("png")[:60], "image/png", finish_reason="SUCCESS"), "cut short"),
        (FakeResponse.raw(b"<html>Bad gateway</html>", "image/png", finish_reason="SUCCESS"), "not an image"),
        (FakeResponse.raw(b'{"image": "iVBO', "application/json"), "not valid JSON"),
        (FakeResponse.json({"image": "iVBORw0KGgo=x", "finish_reason": "SUCCESS"}), "not valid base64"),
        (FakeResponse.raw(sample_image("png"), "image/png", finish_reason="ERROR"), "finish-reason ERROR"),
    ],
)
async def test_broken_answers_are_transient(fake, http, answer, words):
    fake.fail_next(answer)
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.TRANSIENT and words in exc.message


@pytest.mark.asyncio
async def test_the_fake_refuses_a_json_body_like_stability_does(fake, http):
    resp = await http.post(f"{fake.url}/v2beta/stable-image/generate/core", json={"prompt": "x"},
                           headers={"Authorization": f"Bearer {fake.key}", "Accept": "image/*"})
    assert resp.status_code == 400 and "multipart/form-data" in resp.json()["errors"][0]


@pytest.mark.asyncio
async def test_the_fake_refuses_fields_an_endpoint_does_not_take(fake, http):
    resp = await http.post(f"{fake.url}/v2beta/stable-image/generate/core",
                           files={"prompt": (None, "x"), "cfg_scale": (None, "5")},
                           headers={"Authorization": fake.key, "Accept": "image/*"})  # bare key is fine
    assert resp.status_code == 400 and resp.json()["errors"] == ["cfg_scale: is not a parameter of the core endpoint"]


# -- validation ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"width": 4000, "height": 1000}, "closest to 21:9"),
        ({"params": {"aspect_ratio": "4:3"}}, "not offered by Stability"),
        ({"params": {"style_preset": "vaporwave"}}, "vaporwave"),
        ({"model": "sd3.5-medium", "params": {"output_format": "webp"}}, "png or jpeg"),
        ({"model": "sd3.5-large", "cfg_scale": 12.0}, "outside 1..10"),
        ({"seed": 2**33}, "outside 0.."),
        ({"prompt": ""}, "1 to 10000"),
        ({"model": "sdxl-1.0"}, "unknown model"),
    ],
)
def test_validate_says_what_stability_would_refuse(http, changes, words):
    problems = StabilityImages(ProviderContext(http=http)).validate(request(**changes))
    assert len(problems) == 1 and words in problems[0]


def test_validate_accepts_a_size_near_an_allowed_ratio(http):
    assert StabilityImages(ProviderContext(http=http)).validate(request(width=1536, height=640)) == []


# -- check -----------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_check_reports_the_credit_balance(fake, http):
    fake.credits = 42.5
    report = await make(fake, http).check()
    assert report.status == "ok" and report.detail == {"credits": 42.5}


@pytest.mark.asyncio
async def test_check_reports_bad_key_no_credits_unreachable_and_wrong_base_url(fake, http):
    assert (await make(fake, http, key="sk-nope").check()).status == "bad_key"
    fake.credits = 0.0
    report = await make(fake, http).check()
    assert report.status == "no_credits" and "no credits" in report.message
    assert (await make(fake, http, base=f"http://127.0.0.1:{free_port()}").check()).status == "unreachable"
    assert (await make(fake, http, base=f"{fake.url}/v2beta").check()).status == "wrong_base_url"
