"""Gemini image adapter against the loopback Gemini fake, over real HTTP."""

from __future__ import annotations

import httpx
import pytest
import pytest_asyncio

from desktop.core.config import ProviderSettings
from desktop.core.models import ErrorKind, GenerationRequest
from desktop.core.providers.base import ProviderContext, ProviderError
from desktop.core.providers.gemini import GeminiImages
from tests.fakes import gemini_fake
from tests.fakes.gemini_fake import FakeGemini
from tests.fakes.image_samples import broken_b64, cut_image_b64
from tests.fakes.server import FakeResponse, free_port


@pytest.fixture(scope="module")
def server():
    with FakeGemini() as running:
        yield running


@pytest.fixture
def fake(server):
    server.reset()
    return server


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


def make(fake: FakeGemini, http: httpx.AsyncClient, *, base: str | None = None, key: str | None = None,
         timeout: float | None = None, env_name: str = "GEMINI_API_KEY") -> GeminiImages:
    env = {"GEMINI_BASE_URL": base or fake.url, env_name: key or fake.key}
    return GeminiImages(ProviderContext(http=http, settings=ProviderSettings(timeout_s=timeout), env=env))


def request(**changes) -> GenerationRequest:
    base = GenerationRequest("gemini", "gemini-2.5-flash-image", "a paper lantern, 紙燈籠", seed=42)
    return base.with_changes(**changes)


async def failure(provider: GeminiImages, req: GenerationRequest | None = None) -> ProviderError:
    with pytest.raises(ProviderError) as caught:
        await provider.generate(req or request())
    return caught.value


def sent_body(fake: FakeGemini) -> dict:
    return fake.requests_to("/v1beta/models/")[-1].json()


# -- success -----------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_generates_from_inline_data_with_key_header_seed_and_aspect_ratio(fake, http):
    result = await make(fake, http).generate(request(width=1344, height=768))

    assert result.images[0].data == fake.image and result.images[0].mime == "image/png"
    sent = fake.requests_to("/v1beta/models/gemini-2.5-flash-image:generateContent")[0]
    assert sent.header("x-goog-api-key") == fake.key
    assert "key" not in sent.query  # the key never goes in the URL (logs, proxies)
    assert sent.json() == {
        "contents": [{"role": "user", "parts": [{"text": "a paper lantern, 紙燈籠"}]}],
        "generationConfig": {"responseModalities": ["IMAGE"], "candidateCount": 1,
                             "imageConfig": {"aspectRatio": "16:9"}, "seed": 42},
    }
    assert result.images[0].seed == 42
    assert result.info["aspect_ratio"] == "16:9" and result.cost_units == 1299


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("width", "height", "ratio", "tier"),
    # Gemini's own output sizes per tier (1536x2752 is its 2K 9:16) land in their tier.
    [(1024, 1024, "1:1", "1K"), (2048, 2048, "1:1", "2K"), (1536, 2752, "9:16", "2K"), (3072, 5504, "9:16", "4K"),
     (3840, 2160, "16:9", "4K"), (1200, 896, "4:3", "1K"), (2528, 1696, "3:2", "2K")],
)
async def test_tiered_models_get_the_nearest_ratio_and_the_smallest_tier_that_holds_the_pixels(
        fake, http, width, height, ratio, tier):
    await make(fake, http).generate(request(model="gemini-3-pro-image-preview", width=width, height=height))
    assert sent_body(fake)["generationConfig"]["imageConfig"] == {"aspectRatio": ratio, "imageSize": tier}


@pytest.mark.asyncio
async def test_explicit_ratio_tier_modalities_temperature_and_safety_options(fake, http):
    req = request(model="gemini-3.1-flash-image-preview", quality="2K",
                  params={"aspect_ratio": "21:9", "response_modalities": "TEXT,IMAGE", "temperature": 0.4,
                          "safety_threshold": "BLOCK_ONLY_HIGH"})
    result = await make(fake, http).generate(req)
    body = sent_body(fake)
    config = body["generationConfig"]
    assert config["imageConfig"] == {"aspectRatio": "21:9", "imageSize": "2K"}
    assert config["responseModalities"] == ["TEXT", "IMAGE"] and config["temperature"] == 0.4
    assert {s["threshold"] for s in body["safetySettings"]} == {"BLOCK_ONLY_HIGH"}
    assert result.images[0].info["text"] == "Here is your image."


@pytest.mark.asyncio
async def test_keeps_the_final_image_not_the_thinking_draft(fake, http):
    fake.send_interim = True
    result = await make(fake, http).generate(request(model="gemini-3-pro-image-preview"))
    assert result.images[0].data == fake.image != fake.interim_image


@pytest.mark.asyncio
@pytest.mark.parametrize("suffix", ["/v1", "/v1beta"])
async def test_a_base_url_may_carry_its_api_version(fake, http, suffix):
    await make(fake, http, base=fake.url + suffix).generate(request())
    assert fake.requests[-1].path == f"{suffix}/models/gemini-2.5-flash-image:generateContent"


@pytest.mark.asyncio
async def test_google_api_key_is_accepted_too(fake, http):
    assert (await make(fake, http, env_name="GOOGLE_API_KEY").generate(request())).images


# -- refusals -------------------------------------------------------------------------------
@pytest.mark.asyncio
@pytest.mark.parametrize("reason", ["IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION",
                                    "IMAGE_OTHER", "NO_IMAGE", "SAFETY", "PROHIBITED_CONTENT"])
async def test_a_200_whose_finish_reason_explains_the_missing_image_is_content_refused(fake, http, reason):
    fake.fail_next(gemini_fake.finish_without_image(reason))
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.CONTENT_REFUSED and exc.code == reason and exc.status == 200
    assert reason in exc.message


@pytest.mark.asyncio
@pytest.mark.parametrize("reason", ["SAFETY", "OTHER", "BLOCKLIST", "PROHIBITED_CONTENT", "IMAGE_SAFETY"])
async def test_a_blocked_prompt_is_content_refused(fake, http, reason):
    fake.fail_next(gemini_fake.prompt_blocked(reason))
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.CONTENT_REFUSED and exc.code == reason


@pytest.mark.asyncio
async def test_the_fake_blocks_prompts_by_content(fake, http):
    exc = await failure(make(fake, http), request(prompt="something forbidden"))
    assert exc.kind is ErrorKind.CONTENT_REFUSED and exc.code == "SAFETY"


@pytest.mark.asyncio
async def test_a_text_only_answer_is_refused_with_what_the_model_said(fake, http):
    fake.fail_next(gemini_fake.text_only("I can't draw that person."))
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.CONTENT_REFUSED and exc.code == "NO_IMAGE"
    assert "I can't draw that person." in exc.message


# -- keys, limits, quota ---------------------------------------------------------------------
@pytest.mark.asyncio
async def test_a_bad_key_400_api_key_invalid_is_auth(fake, http):
    exc = await failure(make(fake, http, key="AIza-wrong"))
    assert exc.kind is ErrorKind.AUTH and exc.status == 400 and exc.code == "API_KEY_INVALID"
    assert "API key not valid" in exc.message


@pytest.mark.asyncio
async def test_resource_exhausted_is_rate_limited_for_the_retry_delay(fake, http):
    fake.fail_next(gemini_fake.resource_exhausted("19s"))
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.RATE_LIMITED and exc.retry_after == 19.0 and exc.status == 429
    assert "exceeded your current quota" in exc.message


@pytest.mark.asyncio
async def test_a_zero_quota_429_is_quota_not_a_rate_limit(fake, http):
    fake.fail_next(gemini_fake.resource_exhausted("35s", quota_value="0"))
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.QUOTA and "billing" in exc.message


# -- server trouble and broken answers ------------------------------------------------------
@pytest.mark.asyncio
@pytest.mark.parametrize(("status", "kind"), [(500, ErrorKind.TRANSIENT), (503, ErrorKind.PROVIDER_DOWN),
                                              (504, ErrorKind.PROVIDER_DOWN)])
async def test_server_errors_are_retryable(fake, http, status, kind):
    fake.fail_next(gemini_fake.server_error(status))
    exc = await failure(make(fake, http))
    assert exc.kind is kind and exc.kind.retryable and exc.status == status


@pytest.mark.asyncio
async def test_a_slow_answer_times_out_as_transient(fake, http):
    fake.delay_next(1.0)
    exc = await failure(make(fake, http, timeout=0.2))
    assert exc.kind is ErrorKind.TRANSIENT and "no answer within" in exc.message


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (FakeResponse.raw(b'{"candidates": [', "application/json"), "not valid JSON"),
        (FakeResponse.json({"candidates": []}), "no candidates"),
        (FakeResponse.json({"candidates": [{"content": {"parts": [
            {"inlineData": {"mimeType": "image/png", "data": broken_b64(b"\x89PNG\r\n\x1a\n" + b"x" * 64)}}]},
            "finishReason": "STOP"}]}), "not valid base64"),
        (FakeResponse.json({"candidates": [{"content": {"parts": [
            {"inlineData": {"mimeType": "image/png", "data": cut_image_b64(b"\x89PNG\r\n\x1a\n" + b"x" * 64)}}]},
            "finishReason": "STOP"}]}), "cut short"),
    ],
)
async def test_broken_answers_are_transient(fake, http, answer, words):
    fake.fail_next(answer)
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.TRANSIENT and words in exc.message


@pytest.mark.asyncio
async def test_an_unknown_model_404_is_bad_request(fake, http):
    provider = make(fake, http)
    exc = await failure(provider, request(model="gemini-9-image"))
    assert exc.kind is ErrorKind.BAD_REQUEST and exc.status == 404 and "not found" in exc.message


@pytest.mark.asyncio
async def test_the_fake_rejects_a_misspelt_field_like_google_does(fake, http):
    resp = await http.post(f"{fake.url}/v1beta/models/gemini-2.5-flash-image:generateContent",
                           headers={"x-goog-api-key": fake.key},
                           json={"contents": [{"parts": [{"text": "x"}]}],
                                 "generationConfig": {"image_config": {"aspect_ratio": "1:1"}}})
    assert resp.status_code == 400 and "Unknown name" in resp.json()["error"]["message"]


# -- validation ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"width": 1500, "height": 500}, "1500x500 is closest to 21:9"),
        ({"width": 2048, "height": 2048}, "makes 1K images, not 2K"),
        ({"params": {"aspect_ratio": "7:3"}}, "not offered by Gemini"),
        ({"model": "gemini-3-pro-image-preview", "params": {"image_size": "8K"}}, "not 8K"),
        ({"model": "imagen-4.0-generate-001"}, "unknown model"),
    ],
)
def test_validate_says_what_gemini_cannot_make(http, changes, words):
    problems = GeminiImages(ProviderContext(http=http)).validate(request(**changes))
    assert len(problems) == 1 and words in problems[0]


def test_another_providers_quality_word_is_not_taken_for_a_size_tier(http):
    provider = GeminiImages(ProviderContext(http=http))
    fallen_back = request(model="gemini-3-pro-image-preview", quality="high", width=2048, height=2048)
    assert provider.validate(fallen_back) == [] and provider.image_size(fallen_back) == "2K"
    assert provider.image_size(fallen_back.with_changes(quality="4k")) == "4K"


def test_validate_accepts_sizes_near_an_allowed_ratio(http):
    provider = GeminiImages(ProviderContext(http=http))
    for width, height in ((1024, 1024), (1344, 768), (832, 1248), (1536, 672)):
        assert provider.validate(request(width=width, height=height)) == [], (width, height)


# -- check -----------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_check_lists_one_model_with_the_key_header(fake, http):
    report = await make(fake, http).check()
    assert report.status == "ok"
    sent = fake.requests_to("/v1beta/models")[0]
    assert sent.query == {"pageSize": ["1"]} and sent.header("x-goog-api-key") == fake.key


@pytest.mark.asyncio
async def test_check_reports_bad_key_no_credits_unreachable_and_wrong_base_url(fake, http):
    assert (await make(fake, http, key="AIza-wrong").check()).status == "bad_key"
    fake.fail_next(gemini_fake.resource_exhausted(quota_value="0"))
    assert (await make(fake, http).check()).status == "no_credits"
    assert (await make(fake, http, base=f"http://127.0.0.1:{free_port()}").check()).status == "unreachable"
    assert (await make(fake, http, base=f"{fake.url}/v2").check()).status == "wrong_base_url"
    fake.fail_next(FakeResponse.json({"items": []}))
    assert (await make(fake, http).check()).status == "wrong_base_url"
