"""OpenAI Images adapter against the loopback OpenAI fake, over real HTTP."""

from __future__ import annotations

import httpx
import pytest
import pytest_asyncio

from desktop.core.config import ProviderSettings
from desktop.core.models import ErrorKind, GenerationRequest
from desktop.core.providers.base import ProviderContext, ProviderError
from desktop.core.providers.openai_images import OpenAIImages
from tests.fakes import openai_fake
from tests.fakes.image_samples import sample_image
from tests.fakes.openai_fake import FakeOpenAI
from tests.fakes.server import FakeResponse, free_port


@pytest.fixture(scope="module")
def server():
    with FakeOpenAI() as running:
        yield running


@pytest.fixture
def fake(server):
    server.reset()
    return server


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


def make(fake: FakeOpenAI, http: httpx.AsyncClient, *, base: str | None = None, key: str | None = None,
         timeout: float | None = None, **env: str) -> OpenAIImages:
    environ = {"OPENAI_BASE_URL": base or fake.base_url, "OPENAI_API_KEY": key or fake.key, **env}
    return OpenAIImages(ProviderContext(http=http, settings=ProviderSettings(timeout_s=timeout), env=environ))


def request(**changes) -> GenerationRequest:
    return GenerationRequest("openai", "gpt-image-1", "a red kite over 台北 at dusk").with_changes(**changes)


async def failure(provider: OpenAIImages, req: GenerationRequest | None = None) -> ProviderError:
    with pytest.raises(ProviderError) as caught:
        await provider.generate(req or request())
    return caught.value


# -- success -----------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_generates_the_b64_image_and_prices_it_from_usage_tokens(fake, http):
    result = await make(fake, http).generate(request(quality="medium"))

    assert result.images[0].data == sample_image("png")
    assert result.images[0].mime == "image/png"
    sent = fake.requests_to("/v1/images/generations")[0]
    assert sent.header("authorization") == f"Bearer {fake.key}"
    assert sent.json() == {"model": "gpt-image-1", "prompt": "a red kite over 台北 at dusk", "n": 1,
                           "size": "1024x1024", "quality": "medium"}
    usage = result.info["usage"]
    assert usage["output_tokens"] == 1056
    expected = (1056 * 40.0 + usage["input_tokens"] * 5.0) / 1_000_000
    assert result.cost_usd == pytest.approx(expected)
    assert result.cost_units == usage["total_tokens"]
    assert result.info["unit_name"] == "tokens"


@pytest.mark.asyncio
async def test_passes_format_background_compression_and_labels_the_mime(fake, http):
    req = request(params={"output_format": "jpeg", "output_compression": 80, "background": "opaque",
                          "moderation": "low", "quality": "low"})
    result = await make(fake, http).generate(req)

    assert result.images[0].mime == "image/jpeg"
    assert result.images[0].data == sample_image("jpeg")
    body = fake.requests_to("/v1/images/generations")[0].json()
    assert body["output_format"] == "jpeg" and body["output_compression"] == 80
    assert body["background"] == "opaque" and body["moderation"] == "low" and body["quality"] == "low"
    assert "seed" not in body and "negative_prompt" not in body


@pytest.mark.asyncio
async def test_sends_organization_and_project_headers_when_configured(fake, http):
    provider = make(fake, http, OPENAI_ORG_ID="org-abc", OPENAI_PROJECT_ID="proj_xyz")
    await provider.generate(request())
    sent = fake.requests_to("/v1/images/generations")[0]
    assert sent.header("openai-organization") == "org-abc"
    assert sent.header("openai-project") == "proj_xyz"


# -- refusals, keys, money -----------------------------------------------------------------
@pytest.mark.asyncio
async def test_moderation_blocked_is_content_refused(fake, http):
    exc = await failure(make(fake, http), request(prompt="something forbidden"))
    assert exc.kind is ErrorKind.CONTENT_REFUSED
    assert exc.status == 400 and exc.code == "moderation_blocked"
    assert "safety system" in exc.message


@pytest.mark.asyncio
async def test_dalle_content_policy_violation_is_content_refused(fake, http):
    fake.fail_next(openai_fake.content_policy_violation())
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.CONTENT_REFUSED and exc.code == "content_policy_violation"


@pytest.mark.asyncio
async def test_a_wrong_key_is_auth_with_openais_message(fake, http):
    exc = await failure(make(fake, http, key="sk-wrong-key"))
    assert exc.kind is ErrorKind.AUTH
    assert exc.status == 401 and exc.code == "invalid_api_key"
    assert "Incorrect API key" in exc.message and "openai" in str(exc)


@pytest.mark.asyncio
async def test_no_key_at_all_fails_before_any_request(fake, http):
    provider = OpenAIImages(ProviderContext(http=http, env={"OPENAI_BASE_URL": fake.base_url}))
    exc = await failure(provider)
    assert exc.kind is ErrorKind.AUTH and "OPENAI_API_KEY" in exc.message
    assert fake.requests == []


@pytest.mark.asyncio
async def test_insufficient_quota_429_is_quota_not_rate_limited(fake, http):
    fake.quota_exhausted = True
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.QUOTA
    assert exc.status == 429 and exc.retry_after is None
    assert "quota" in exc.message


# -- rate limits ---------------------------------------------------------------------------
@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("headers", "wait"),
    [
        ({"retry_after": "7"}, 7.0),
        ({"retry_after_ms": "1500"}, 1.5),
        # Only the request window is spent: wait for it (1 s), not for the token window (6 min).
        ({}, 1.0),
        ({"remaining_requests": "3", "remaining_tokens": "0"}, 360.0),
    ],
)
async def test_429_is_rate_limited_with_the_wait_the_headers_ask_for(fake, http, headers, wait):
    fake.fail_next(openai_fake.rate_limited(**headers))
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.RATE_LIMITED
    assert exc.retry_after == pytest.approx(wait)
    assert exc.code == "rate_limit_exceeded" and "Rate limit reached" in exc.message


# -- server trouble ------------------------------------------------------------------------
@pytest.mark.asyncio
@pytest.mark.parametrize(("status", "kind"), [(500, ErrorKind.TRANSIENT), (502, ErrorKind.PROVIDER_DOWN),
                                              (503, ErrorKind.PROVIDER_DOWN)])
async def test_server_errors_are_retryable(fake, http, status, kind):
    fake.fail_next(openai_fake.server_error(status))
    exc = await failure(make(fake, http))
    assert exc.kind is kind and exc.status == status and exc.kind.retryable


@pytest.mark.asyncio
async def test_a_slow_answer_times_out_as_transient(fake, http):
    fake.delay_next(1.0)
    exc = await failure(make(fake, http, timeout=0.2))
    assert exc.kind is ErrorKind.TRANSIENT and "no answer within" in exc.message


@pytest.mark.asyncio
async def test_a_closed_port_is_provider_down(fake, http):
    exc = await failure(make(fake, http, base=f"http://127.0.0.1:{free_port()}/v1"))
    assert exc.kind is ErrorKind.PROVIDER_DOWN and "cannot reach" in exc.message


@pytest.mark.asyncio
async def test_invalid_json_is_transient(fake, http):
    fake.fail_next(openai_fake.invalid_json())
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.TRANSIENT and "not valid JSON" in exc.message


@pytest.mark.asyncio
@pytest.mark.parametrize(("aligned", "words"), [(False, "not valid base64"), (True, "cut short")])
async def test_truncated_base64_is_transient(fake, http, aligned, words):
    fake.fail_next(fake.truncated_b64(aligned=aligned))
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.TRANSIENT and words in exc.message


@pytest.mark.asyncio
async def test_an_answer_without_images_is_transient(fake, http):
    fake.fail_next(FakeResponse.json({"created": 1, "data": []}))
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.TRANSIENT and "no images" in exc.message


@pytest.mark.asyncio
async def test_a_retired_model_is_bad_request(fake, http):
    exc = await failure(make(fake, http), request(model="dall-e-2"))
    assert exc.kind is ErrorKind.BAD_REQUEST and exc.status == 404 and exc.code == "model_not_found"


@pytest.mark.asyncio
async def test_the_fake_rejects_parameters_openai_does_not_know(fake, http):
    """The fake must catch an adapter that sends, say, a seed: OpenAI has none."""
    resp = await http.post(f"{fake.base_url}/images/generations", headers={"Authorization": f"Bearer {fake.key}"},
                           json={"model": "gpt-image-1", "prompt": "x", "seed": 3})
    assert resp.status_code == 400
    assert resp.json()["error"]["code"] == "unknown_parameter"


# -- validation ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"model": "dall-e-9"}, "unknown model"),
        ({"width": 1792, "height": 1024}, "not offered by gpt-image-1"),
        ({"model": "gpt-image-2", "width": 1000, "height": 1024}, "multiples of 16"),
        ({"model": "gpt-image-2", "width": 3840, "height": 1024}, "3:1"),
        ({"params": {"background": "transparent", "output_format": "jpeg"}}, "transparent"),
        ({"quality": "hd"}, "quality 'hd'"),
    ],
)
def test_validate_names_what_openai_would_refuse(http, changes, words):
    problems = OpenAIImages(ProviderContext(http=http)).validate(request(**changes))
    assert len(problems) == 1 and words in problems[0]


def test_validate_accepts_gpt_image_2_custom_sizes(http):
    assert OpenAIImages(ProviderContext(http=http)).validate(request(model="gpt-image-2", width=1536, height=864)) == []


# -- check -----------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_check_ok_lists_the_image_models_the_key_can_use(fake, http):
    report = await make(fake, http).check()
    assert report.status == "ok" and report.latency_ms is not None
    assert "gpt-image-1" in report.detail["image_models"]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"key": "sk-wrong"}, "bad_key"),
        ({"base": "closed"}, "unreachable"),
        ({"base": "no-v1"}, "wrong_base_url"),
    ],
)
async def test_check_reports_what_is_wrong(fake, http, kwargs, status):
    if kwargs.get("base") == "closed":
        kwargs["base"] = f"http://127.0.0.1:{free_port()}/v1"
    elif kwargs.get("base") == "no-v1":
        kwargs["base"] = fake.url  # forgot the /v1: every path is a 404
    report = await make(fake, http, **kwargs).check()
    assert report.status == status, report.message


@pytest.mark.asyncio
async def test_check_calls_a_host_that_is_not_openai_a_wrong_base_url(fake, http):
    fake.fail_next(FakeResponse.raw(b"<html>router login</html>", "text/html"))
    report = await make(fake, http).check()
    assert report.status == "wrong_base_url" and "/v1" in report.message


@pytest.mark.asyncio
async def test_check_is_unconfigured_without_a_key(fake, http):
    provider = OpenAIImages(ProviderContext(http=http, env={"OPENAI_BASE_URL": fake.base_url}))
    report = await provider.check()
    assert report.status == "unconfigured" and fake.requests == []


@pytest.mark.asyncio
async def test_check_cannot_see_an_empty_wallet(fake, http):
    """OpenAI has no balance endpoint for API keys and lists models on an empty account, so
    check() says ok; the first generation then fails with QUOTA."""
    fake.quota_exhausted = True
    provider = make(fake, http)
    assert (await provider.check()).status == "ok"
    assert (await failure(provider)).kind is ErrorKind.QUOTA
