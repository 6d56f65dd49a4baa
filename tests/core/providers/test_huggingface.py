"""Hugging Face router adapter against the loopback router + Hub fake, over real HTTP."""

from __future__ import annotations

import httpx
import pytest
import pytest_asyncio

from desktop.core.config import ProviderSettings
from desktop.core.models import ErrorKind, GenerationRequest
from desktop.core.providers.base import ProviderContext, ProviderError
from desktop.core.providers.huggingface import HuggingFaceImages
from tests.fakes import huggingface_fake
from tests.fakes.huggingface_fake import FakeHuggingFace
from tests.fakes.image_samples import sample_image
from tests.fakes.server import FakeResponse, free_port


@pytest.fixture(scope="module")
def server():
    with FakeHuggingFace() as running:
        yield running


@pytest.fixture
def fake(server):
    server.reset()
    return server


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


def make(fake: FakeHuggingFace, http: httpx.AsyncClient, *, base: str | None = None, token: str | None = None,
         timeout: float | None = None, **env: str) -> HuggingFaceImages:
    environ = {"HF_BASE_URL": base or fake.url, "HF_TOKEN": token or fake.token, **env}
    return HuggingFaceImages(ProviderContext(http=http, settings=ProviderSettings(timeout_s=timeout), env=environ))


def request(**changes) -> GenerationRequest:
    base = GenerationRequest("huggingface", "black-forest-labs/FLUX.1-schnell", "a teapot, 茶壺", width=768,
                             height=512, seed=9, steps=4)
    return base.with_changes(**changes)


async def failure(provider: HuggingFaceImages, req: GenerationRequest | None = None) -> ProviderError:
    with pytest.raises(ProviderError) as caught:
        await provider.generate(req or request())
    return caught.value


# -- success -----------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_posts_inputs_and_parameters_without_nulls_and_returns_the_raw_image(fake, http):
    result = await make(fake, http).generate(request())

    assert result.images[0].data == sample_image("jpeg", (90, 30, 160))
    assert result.images[0].mime == "image/jpeg" and result.images[0].seed == 9
    sent = fake.requests_to("/hf-inference/models/black-forest-labs/FLUX.1-schnell")[0]
    assert sent.header("authorization") == f"Bearer {fake.token}"
    assert sent.json() == {"inputs": "a teapot, 茶壺",
                           "parameters": {"width": 768, "height": 512, "num_inference_steps": 4, "seed": 9}}


@pytest.mark.asyncio
async def test_negative_prompt_guidance_and_scheduler_are_passed_when_set(fake, http):
    req = request(model="stabilityai/stable-diffusion-xl-base-1.0", negative_prompt="watermark", cfg_scale=6.0,
                  params={"scheduler": "EulerAncestralDiscreteScheduler"})
    await make(fake, http).generate(req)
    parameters = fake.requests[-1].json()["parameters"]
    assert parameters["negative_prompt"] == "watermark" and parameters["guidance_scale"] == 6.0
    assert parameters["scheduler"] == "EulerAncestralDiscreteScheduler"


@pytest.mark.asyncio
async def test_a_png_answer_is_labelled_png(fake, http):
    fake.image_format = "png"
    result = await make(fake, http).generate(request())
    assert result.images[0].mime == "image/png"


# -- failures ------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_a_bad_token_is_auth(fake, http):
    exc = await failure(make(fake, http, token="hf_wrong"))
    assert exc.kind is ErrorKind.AUTH and exc.status == 401 and exc.code == "unauthorized"
    assert "Invalid credentials" in exc.message


@pytest.mark.asyncio
async def test_402_monthly_credits_used_up_is_quota(fake, http):
    fake.credits_used_up = True
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.QUOTA and exc.status == 402 and "monthly included credits" in exc.message


@pytest.mark.asyncio
async def test_a_model_that_is_not_served_is_bad_request_saying_so(fake, http):
    exc = await failure(make(fake, http), request(model="someone/their-lora"))
    assert exc.kind is ErrorKind.BAD_REQUEST and exc.status == 404
    assert exc.message.startswith("model not served") and "someone/their-lora" in exc.message


@pytest.mark.asyncio
async def test_a_loading_model_is_transient_with_the_estimated_wait(fake, http):
    fake.fail_next(huggingface_fake.model_loading(estimated_time=37.5))
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.TRANSIENT and exc.retry_after == 37.5 and exc.status == 503
    assert "currently loading" in exc.message


@pytest.mark.asyncio
async def test_a_503_without_an_estimate_still_asks_the_queue_to_wait(fake, http):
    fake.fail_next(huggingface_fake.model_loading(estimated_time=None))
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.TRANSIENT and exc.retry_after == 20.0


@pytest.mark.asyncio
@pytest.mark.parametrize(("retry_after", "wait"), [("30", 30.0), (None, None)])
async def test_429_is_rate_limited(fake, http, retry_after, wait):
    fake.fail_next(huggingface_fake.rate_limited(retry_after))
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.RATE_LIMITED and exc.retry_after == wait and "Rate limit" in exc.message


@pytest.mark.asyncio
async def test_the_error_header_is_used_when_the_body_is_not_json(fake, http):
    fake.fail_next(FakeResponse.raw(b"upstream timeout", "text/plain", 504, x_error_message="Gateway timed out",
                                    x_error_code="gateway_timeout"))
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.PROVIDER_DOWN and exc.code == "gateway_timeout"
    assert exc.message == "Gateway timed out"


@pytest.mark.asyncio
async def test_server_errors_are_transient(fake, http):
    fake.fail_next(huggingface_fake.server_error(500))
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.TRANSIENT and exc.status == 500


@pytest.mark.asyncio
async def test_a_slow_answer_times_out_as_transient(fake, http):
    fake.delay_next(1.0)
    exc = await failure(make(fake, http, timeout=0.2))
    assert exc.kind is ErrorKind.TRANSIENT and "no answer within" in exc.message


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (FakeResponse.raw(sample_image("jpeg")[:-20], "image/jpeg"), "cut short"),
        (FakeResponse.json({"generated_image": "somewhere"}), "JSON, not an image"),
        (FakeResponse.raw(b"", "image/jpeg"), "empty image"),
    ],
)
async def test_broken_answers_are_transient(fake, http, answer, words):
    fake.fail_next(answer)
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.TRANSIENT and words in exc.message


@pytest.mark.asyncio
async def test_the_fake_rejects_null_parameters_the_official_client_would_drop(fake, http):
    resp = await http.post(f"{fake.url}/hf-inference/models/black-forest-labs/FLUX.1-dev",
                           headers={"Authorization": f"Bearer {fake.token}"},
                           json={"inputs": "x", "parameters": {"seed": None}})
    assert resp.status_code == 400 and resp.headers["x-error-code"] == "validation_error"


# -- validation ------------------------------------------------------------------------------
def test_any_hub_repo_id_is_a_valid_model_but_other_strings_are_not(http):
    provider = HuggingFaceImages(ProviderContext(http=http))
    assert provider.validate(request(model="someone/their-model.v2")) == []
    assert "owner/name" in provider.validate(request(model="flux"))[0]
    assert "multiples of 8" in provider.validate(request(width=770))[0]


def test_the_hub_host_follows_the_router_unless_set(http):
    def hub(**env):
        return HuggingFaceImages(ProviderContext(http=http, env=env)).hub_url

    assert hub() == "https://huggingface.co"
    assert hub(HF_BASE_URL="http://127.0.0.1:9") == "http://127.0.0.1:9"
    assert hub(HF_BASE_URL="http://127.0.0.1:9", HF_HUB_BASE_URL="http://hub.local/") == "http://hub.local"
    assert hub(HF_ENDPOINT="https://hf-mirror.example") == "https://hf-mirror.example"


# -- check -----------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_check_asks_the_hub_who_the_token_belongs_to(fake, http):
    report = await make(fake, http).check()
    assert report.status == "ok" and report.detail == {"user": "designer", "token_role": "fineGrained"}
    assert fake.requests_to("/api/whoami-v2")


@pytest.mark.asyncio
async def test_check_reports_bad_key_unreachable_and_wrong_base_url(fake, http):
    assert (await make(fake, http, token="hf_nope").check()).status == "bad_key"
    assert (await make(fake, http, base=f"http://127.0.0.1:{free_port()}").check()).status == "unreachable"
    wrong_hub = make(fake, http, HF_HUB_BASE_URL=f"{fake.url}/hub")
    assert (await wrong_hub.check()).status == "wrong_base_url"
    fake.fail_next(FakeResponse.json({"ok": True}))
    assert (await make(fake, http).check()).status == "wrong_base_url"
