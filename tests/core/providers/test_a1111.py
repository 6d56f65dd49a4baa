"""AUTOMATIC1111 / Forge adapter against the loopback A1111 fake, over real HTTP."""

from __future__ import annotations

import httpx
import pytest
import pytest_asyncio

from desktop.core.config import ProviderSettings
from desktop.core.models import ErrorKind, GenerationRequest
from desktop.core.providers.a1111 import Automatic1111
from desktop.core.providers.base import ProviderContext, ProviderError
from tests.fakes import a1111_fake
from tests.fakes.a1111_fake import FakeA1111
from tests.fakes.image_samples import b64, broken_b64
from tests.fakes.server import FakeResponse, free_port


@pytest.fixture(scope="module")
def server():
    with FakeA1111() as running:
        yield running


@pytest.fixture
def fake(server):
    server.reset()
    return server


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


def make(fake: FakeA1111, http: httpx.AsyncClient, *, base: str | None = None, auth: str | None = None,
         timeout: float | None = None, secret: str | None = None, **options) -> Automatic1111:
    env = {"SDWEBUI_BASE_URL": base or fake.url}
    if auth:
        env["SDWEBUI_AUTH"] = auth
    settings = ProviderSettings(timeout_s=timeout, options=options)
    lookup = {"a1111.api_key": secret}.get
    return Automatic1111(ProviderContext(http=http, settings=settings, env=env, secret=lookup))


def request(**changes) -> GenerationRequest:
    base = GenerationRequest("a1111", "", "a lighthouse, 燈塔", negative_prompt="blurry", width=512,
                             height=768, seed=1234, steps=8, cfg_scale=5.5)
    return base.with_changes(**changes)


async def failure(provider: Automatic1111, req: GenerationRequest | None = None) -> ProviderError:
    with pytest.raises(ProviderError) as caught:
        await provider.generate(req or request())
    return caught.value


@pytest.mark.asyncio
async def test_txt2img_returns_the_image_with_seed_and_infotext_from_the_info_string(fake, http):
    result = await make(fake, http).generate(request(params={"sampler_name": "DPM++ 2M"}))

    image = result.images[0]
    assert image.data == fake.image and image.mime == "image/png"
    assert image.seed == 1234
    assert "Seed: 1234" in image.info["infotext"] and "Sampler: DPM++ 2M" in image.info["infotext"]
    assert result.cost_usd == 0.0
    body = fake.requests_to("/sdapi/v1/txt2img")[0].json()
    assert body["prompt"] == "a lighthouse, 燈塔" and body["negative_prompt"] == "blurry"
    assert (body["width"], body["height"], body["steps"], body["cfg_scale"]) == (512, 768, 8, 5.5)
    assert body["batch_size"] == 1 and body["n_iter"] == 1 and body["send_images"] is True
    assert body["sampler_name"] == "DPM++ 2M"
    assert "override_settings" not in body  # "" means the loaded checkpoint


@pytest.mark.asyncio
async def test_random_seed_is_minus_one_and_the_chosen_seed_comes_back(fake, http):
    result = await make(fake, http).generate(request(seed=None))
    assert fake.requests_to("/sdapi/v1/txt2img")[0].json()["seed"] == -1
    assert result.images[0].seed == fake.last_seed is not None


@pytest.mark.asyncio
async def test_a_model_id_overrides_the_checkpoint(fake, http):
    await make(fake, http).generate(request(model=a1111_fake.CHECKPOINTS[1]))
    body = fake.requests_to("/sdapi/v1/txt2img")[0].json()
    assert body["override_settings"] == {"sd_model_checkpoint": a1111_fake.CHECKPOINTS[1]}


@pytest.mark.asyncio
async def test_progress_is_polled_while_txt2img_blocks(fake, http):
    fake.render_seconds = 0.5
    seen: list[float] = []
    await make(fake, http, progress_interval_s=0.1).generate(request(), seen.append)
    assert seen[-1] == 1.0
    partial = seen[:-1]
    assert partial and all(0 < p < 1 for p in partial) and partial == sorted(partial)
    assert fake.requests_to("/sdapi/v1/progress")


@pytest.mark.asyncio
async def test_progress_is_not_polled_without_a_callback(fake, http):
    fake.render_seconds = 0.3
    await make(fake, http, progress_interval_s=0.05).generate(request())
    assert fake.requests_to("/sdapi/v1/progress") == []


# -- basic auth ----------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_basic_auth_from_sdwebui_auth(fake, http):
    fake.auth = ("artist", "s3cret:with:colons")
    result = await make(fake, http, auth="artist:s3cret:with:colons").generate(request())
    assert result.images


@pytest.mark.asyncio
async def test_basic_auth_from_the_secrets_store(fake, http):
    fake.auth = ("artist", "pw")
    assert (await make(fake, http, secret="artist:pw").generate(request())).images


@pytest.mark.asyncio
async def test_wrong_basic_auth_is_auth(fake, http):
    fake.auth = ("artist", "pw")
    exc = await failure(make(fake, http, auth="artist:nope"))
    assert exc.kind is ErrorKind.AUTH and exc.status == 401
    assert "Incorrect username or password" in exc.message


# -- failures ------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_a_validation_422_is_bad_request_naming_the_field(fake, http):
    exc = await failure(make(fake, http), request(params={"tiling": "yes"}))
    assert exc.kind is ErrorKind.BAD_REQUEST and exc.status == 422
    assert "tiling" in exc.message and exc.code == "RequestValidationError"


@pytest.mark.asyncio
async def test_an_unknown_sampler_is_bad_request(fake, http):
    exc = await failure(make(fake, http), request(params={"sampler_name": "Heun++ 9"}))
    assert exc.kind is ErrorKind.BAD_REQUEST and exc.status == 404 and "Sampler not found" in exc.message


@pytest.mark.asyncio
async def test_out_of_memory_500_is_transient(fake, http):
    fake.fail_next(a1111_fake.out_of_memory())
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.TRANSIENT and exc.status == 500 and "CUDA out of memory" in exc.message


@pytest.mark.asyncio
async def test_a_server_started_without_api_says_so(fake, http):
    fake.fail_next(FakeResponse.json({"detail": "Not Found"}, 404))
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.BAD_REQUEST and "--api" in exc.message


@pytest.mark.asyncio
async def test_a_closed_port_is_provider_down(fake, http):
    exc = await failure(make(fake, http, base=f"http://127.0.0.1:{free_port()}"))
    assert exc.kind is ErrorKind.PROVIDER_DOWN


@pytest.mark.asyncio
async def test_a_render_slower_than_the_timeout_is_transient(fake, http):
    fake.render_seconds = 1.0
    exc = await failure(make(fake, http, timeout=0.2))
    assert exc.kind is ErrorKind.TRANSIENT and "no answer within" in exc.message


def test_the_default_timeout_allows_slow_local_renders(fake, http):
    assert make(fake, http).timeout == 600.0


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (FakeResponse.raw(b'{"images": ["iVBOR', "application/json"), "not valid JSON"),
        (FakeResponse.json({"images": [], "info": "{}"}), "no images"),
        (FakeResponse.json({"images": [broken_b64(b"\x89PNG\r\n\x1a\n" + b"x" * 40)], "info": "{}"}), "not valid base64"),
        (FakeResponse.json({"images": [b64(b"\x89PNG\r\n\x1a\n" + b"x" * 40)], "info": "{}"}), "cut short"),
    ],
)
async def test_broken_answers_are_transient(fake, http, answer, words):
    fake.fail_next(answer)
    exc = await failure(make(fake, http))
    assert exc.kind is ErrorKind.TRANSIENT and words in exc.message


@pytest.mark.asyncio
async def test_an_info_that_is_not_json_still_gives_the_image(fake, http):
    fake.fail_next(FakeResponse.json({"images": [b64(fake.image)], "info": "not json"}))
    result = await make(fake, http).generate(request())
    assert result.images[0].data == fake.image and result.images[0].seed is None


# -- validation and check --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("changes", "words"),
    [({"width": 500}, "multiples of 8"), ({"width": 8192}, "between 64 and 4096"), ({"steps": 500}, "1 to 150")],
)
def test_validate_names_impossible_sizes_and_steps(http, changes, words):
    problems = Automatic1111(ProviderContext(http=http)).validate(request(**changes))
    assert len(problems) == 1 and words in problems[0]


def test_only_a_fixed_seed_is_deterministic(http):
    provider = Automatic1111(ProviderContext(http=http))
    assert provider.is_deterministic(request(seed=7))
    assert not provider.is_deterministic(request(seed=None))
    assert not provider.is_deterministic(request(seed=-1))


@pytest.mark.asyncio
async def test_check_ok_lists_checkpoints_and_needs_no_key(fake, http):
    report = await make(fake, http).check()
    assert report.status == "ok"
    assert report.detail["models"] == a1111_fake.CHECKPOINTS


@pytest.mark.asyncio
async def test_check_reports_bad_auth_unreachable_and_wrong_base_url(fake, http):
    fake.auth = ("artist", "pw")
    assert (await make(fake, http, auth="artist:no").check()).status == "bad_key"
    closed = f"http://127.0.0.1:{free_port()}"
    assert (await make(fake, http, base=closed).check()).status == "unreachable"
    assert (await make(fake, http, auth="artist:pw", base=f"{fake.url}/ui").check()).status == "wrong_base_url"
    fake.fail_next(FakeResponse.raw(b"<html>Gradio</html>", "text/html"))
    assert (await make(fake, http, auth="artist:pw").check()).status == "wrong_base_url"
