"""Firefly adapter against the loopback Firefly + IMS fake, over real HTTP."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
import pytest_asyncio

from desktop.core.config import ProviderSettings
from desktop.core.models import ErrorKind, GenerationRequest
from desktop.core.providers.base import ProviderContext, ProviderError
from desktop.core.providers.firefly import FireflyImages
from tests.fakes.firefly_fake import FakeFirefly
from tests.fakes.server import FakeRequest, FakeResponse, free_port


@pytest.fixture(scope="module")
def server():
    with FakeFirefly() as running:
        yield running


@pytest.fixture
def fake(server):
    server.reset()
    return server


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


def make(fake: FakeFirefly, http: httpx.AsyncClient, *, base: str | None = None,
         ims: str | None = None, secret: str | None = None, **options) -> FireflyImages:
    env = {
        "FIREFLY_BASE_URL": base or fake.url,
        "FIREFLY_IMS_URL": ims or fake.url,
        "FIREFLY_SERVICES_CLIENT_ID": fake.client_id,
        "FIREFLY_SERVICES_CLIENT_SECRET": secret or fake.client_secret,
    }
    settings = ProviderSettings(options={"poll_interval_s": 0.01, **options})
    return FireflyImages(ProviderContext(http=http, settings=settings, env=env))


def request(**changes) -> GenerationRequest:
    base = GenerationRequest("firefly", "image3", "a lighthouse at dusk", width=1024, height=1024,
                             seed=4242)
    return base.with_changes(**changes)


def api_calls(fake: FakeFirefly, path: str) -> list[FakeRequest]:
    return fake.requests_to(path)


@pytest.mark.asyncio
async def test_generates_and_downloads_the_presigned_image_without_our_headers(fake, http):
    provider = make(fake, http)
    seen: list[float] = []
    result = await provider.generate(
        request(negative_prompt="fog", params={"content_class": "photo", "style_preset": "golden"}),
        seen.append,
    )
    assert result.images[0].data == fake.image
    assert result.images[0].seed == 4242
    assert result.cost_usd is None  # Firefly prices are unpublished
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 2
    submit = api_calls(fake, "/v3/images/generate-async")[0]
    assert submit.header("x-api-key") == fake.client_id
    assert submit.header("x-model-version") == "image3"
    assert submit.json() == {
        "prompt": "a lighthouse at dusk", "numVariations": 1,
        "size": {"width": 1024, "height": 1024}, "seeds": [4242], "negativePrompt": "fog",
        "contentClass": "photo", "style": {"presets": ["golden"]},
    }
    download = api_calls(fake, "/presigned/")[0]
    assert "authorization" not in download.headers and "x-api-key" not in download.headers


@pytest.mark.asyncio
async def test_reuses_the_ims_token_until_it_nears_expiry(fake, http):
    provider = make(fake, http)
    await provider.generate(request())
    await provider.generate(request())
    assert len(api_calls(fake, "/ims/token/v3")) == 1


@pytest.mark.asyncio
async def test_fetches_a_new_token_before_the_old_one_expires(fake, http):
    fake.token_ttl = 1
    provider = make(fake, http)
    await provider.generate(request())
    await asyncio.sleep(1.0)
    await provider.generate(request())
    assert len(api_calls(fake, "/ims/token/v3")) == 2
    # No call was made with a stale token: each job was submitted exactly once.
    assert len(api_calls(fake, "/v3/images/generate-async")) == 2


@pytest.mark.asyncio
async def test_a_401_refreshes_the_token_once_and_succeeds(fake, http):
    provider = make(fake, http)
    await provider.generate(request())
    fake.revoke_tokens()
    result = await provider.generate(request())
    assert result.images[0].data == fake.image
    assert len(api_calls(fake, "/ims/token/v3")) == 2
    assert len(api_calls(fake, "/v3/images/generate-async")) == 3


@pytest.mark.asyncio
async def test_a_second_401_after_refreshing_is_an_auth_error(fake, http):
    def always_401(req: FakeRequest) -> FakeResponse | None:
        if req.path.startswith("/v3/"):
            return FakeResponse.json({"error_code": "401013", "message": "Oauth token is not valid"}, 401)
        return None

    fake.fail_next(always_401, times=10)
    with pytest.raises(ProviderError) as info:
        await make(fake, http).generate(request())
    assert info.value.kind is ErrorKind.AUTH and info.value.status == 401
    assert "Oauth token is not valid" in info.value.message
    assert len(api_calls(fake, "/v3/images/generate-async")) == 2


@pytest.mark.asyncio
async def test_wrong_client_secret_is_an_auth_error_naming_ims(fake, http):
    with pytest.raises(ProviderError) as info:
        await make(fake, http, secret="wrong").generate(request())
    assert info.value.kind is ErrorKind.AUTH
    assert "invalid client_secret parameter" in info.value.message
    assert not api_calls(fake, "/v3/")


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("reason", "kind"),
    [("quota_exhausted", ErrorKind.QUOTA), ("user_non_entitled", ErrorKind.AUTH),
     ("invalid_ims_scope", ErrorKind.AUTH), ("user_profile_denied", ErrorKind.AUTH)],
)
async def test_access_errors_map_by_the_x_access_error_header(fake, http, reason, kind):
    fake.access_error = reason
    with pytest.raises(ProviderError) as info:
        await make(fake, http).generate(request())
    assert info.value.kind is kind and info.value.status == 403
    assert info.value.code == reason


@pytest.mark.asyncio
async def test_rate_limit_carries_retry_after_from_the_date_header(fake, http):
    fake.rate_limit_s = 30
    with pytest.raises(ProviderError) as info:
        await make(fake, http).generate(request())
    assert info.value.kind is ErrorKind.RATE_LIMITED
    assert 27 <= info.value.retry_after <= 31
    assert "org level" in info.value.message


@pytest.mark.asyncio
async def test_moderated_job_is_content_refused(fake, http):
    fake.script("moderated", polls_before_done=2)
    with pytest.raises(ProviderError) as info:
        await make(fake, http).generate(request())
    assert info.value.kind is ErrorKind.CONTENT_REFUSED
    assert "prompt_unsafe" in info.value.message


@pytest.mark.asyncio
async def test_moderation_at_submit_time_is_content_refused(fake, http):
    fake.fail_next(lambda r: FakeResponse.json(
        {"error_code": "prompt_unsafe", "message": "prompt is not allowed"}, 400)
        if r.path.startswith("/v3/") else None, times=3)
    with pytest.raises(ProviderError) as info:
        await make(fake, http).generate(request())
    assert info.value.kind is ErrorKind.CONTENT_REFUSED and info.value.status == 400


@pytest.mark.asyncio
async def test_failed_job_is_transient_with_the_error_code(fake, http):
    fake.script("fail", polls_before_done=1)
    with pytest.raises(ProviderError) as info:
        await make(fake, http).generate(request())
    assert info.value.kind is ErrorKind.TRANSIENT
    assert "runtime_error" in info.value.message and "urn:ff:jobs:" in info.value.message


@pytest.mark.asyncio
async def test_job_cancelled_on_the_server_is_reported_as_cancelled(fake, http):
    fake.script("canceled", polls_before_done=1)
    with pytest.raises(ProviderError) as info:
        await make(fake, http).generate(request())
    assert info.value.kind is ErrorKind.CANCELLED


@pytest.mark.asyncio
async def test_job_that_never_finishes_times_out_and_is_cancelled_remotely(fake, http):
    fake.script("never")
    provider = make(fake, http)
    provider.ctx.settings.timeout_s = 0.3
    start = time.monotonic()
    with pytest.raises(ProviderError) as info:
        await provider.generate(request())
    assert time.monotonic() - start < 3
    assert info.value.kind is ErrorKind.TRANSIENT and "within 0 s" not in info.value.message
    assert "no result within" in info.value.message
    assert fake.cancelled == list(fake.jobs)


@pytest.mark.asyncio
async def test_cancelling_the_task_cancels_the_remote_job(fake, http):
    fake.script("never")
    task = asyncio.create_task(make(fake, http).generate(request()))
    while len(api_calls(fake, "/v3/status/")) < 2:
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    (job_id,) = fake.jobs
    assert fake.cancelled == [job_id]
    cancel = api_calls(fake, "/v3/cancel/")[0]
    assert cancel.method == "PUT" and cancel.header("authorization").startswith("Bearer ")


@pytest.mark.asyncio
async def test_size_not_offered_by_the_model_version_is_refused_before_sending(fake, http):
    provider = make(fake, http)
    problems = provider.validate(request(model="image4_standard"))
    assert problems and "1440x2560" in problems[0]
    with pytest.raises(ProviderError) as info:
        await provider.generate(request(model="image4_ultra"))
    assert info.value.kind is ErrorKind.BAD_REQUEST
    assert not fake.requests
    assert provider.validate(request(model="image4_ultra", width=1440, height=2560)) == []


@pytest.mark.asyncio
async def test_the_fake_itself_rejects_a_size_the_model_does_not_offer(fake, http):
    provider = make(fake, http)
    token = await provider.tokens.get(fake.url, fake.client_id, fake.client_secret)
    resp = await http.post(
        f"{fake.url}/v3/images/generate-async",
        headers={"Authorization": f"Bearer {token}", "x-api-key": fake.client_id,
                 "x-model-version": "image4_standard"},
        json={"prompt": "x", "size": {"width": 1024, "height": 1024}},
    )
    assert resp.status_code == 422
    assert resp.json()["validation_errors"][0]["loc"] == ["body", "size"]
    err = provider._error(resp)
    assert err.kind is ErrorKind.BAD_REQUEST and "body.size" in err.message


@pytest.mark.asyncio
async def test_check_reports_ok_when_token_and_key_work(fake, http):
    report = await make(fake, http).check()
    assert report.status == "ok", report.message
    assert report.latency_ms is not None


@pytest.mark.asyncio
async def test_check_reports_bad_key_for_wrong_secret(fake, http):
    report = await make(fake, http, secret="nope").check()
    assert report.status == "bad_key" and "client_secret" in report.message


@pytest.mark.asyncio
async def test_check_reports_unreachable_when_nothing_listens(fake, http):
    dead = f"http://127.0.0.1:{free_port()}"
    report = await make(fake, http, base=dead, ims=dead).check()
    assert report.status == "unreachable", report.message


@pytest.mark.asyncio
async def test_check_names_ims_when_only_the_token_host_is_down(fake, http):
    report = await make(fake, http, ims=f"http://127.0.0.1:{free_port()}").check()
    assert report.status == "unreachable"
    assert report.message.startswith("firefly: cannot reach Adobe IMS at http://127.0.0.1:")


@pytest.mark.asyncio
async def test_check_reports_wrong_base_url_for_a_server_that_is_not_firefly(fake, http):
    report = await make(fake, http, base=f"{fake.url}/not-firefly").check()
    assert report.status == "wrong_base_url", report.message


@pytest.mark.asyncio
async def test_check_reports_unconfigured_without_a_secret(fake, http):
    provider = FireflyImages(ProviderContext(http=http, env={"FIREFLY_SERVICES_CLIENT_ID": "x"}))
    assert (await provider.check()).status == "unconfigured"


@pytest.mark.asyncio
async def test_credentials_can_come_from_the_secret_store(fake, http):
    secrets = {"firefly.client_id": fake.client_id, "firefly.client_secret": fake.client_secret}
    settings = ProviderSettings(base_url=fake.url, options={"ims_url": fake.url,
                                                            "poll_interval_s": 0.01})
    provider = FireflyImages(ProviderContext(http=http, settings=settings, secret=secrets.get,
                                             env={}))
    result = await provider.generate(request())
    assert result.images[0].data == fake.image
