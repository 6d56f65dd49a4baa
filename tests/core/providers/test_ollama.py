"""Ollama image provider against old (image-capable) and new loopback Ollama fakes."""

from __future__ import annotations

import httpx
import pytest
import pytest_asyncio

from desktop.core.config import ProviderSettings
from desktop.core.models import ErrorKind, GenerationRequest
from desktop.core.providers.base import ProviderContext, ProviderError
from desktop.core.providers.ollama import OllamaImages
from desktop.core.providers.ollama_wire import parse_ollama_host, version_can_generate_images
from tests.fakes.ollama_fake import FakeOllama
from tests.fakes.server import free_port

TURBO = "x/z-image-turbo:latest"


@pytest.fixture(scope="module")
def old_server():
    with FakeOllama(version="0.20.1") as running:
        yield running


@pytest.fixture(scope="module")
def new_server():
    with FakeOllama(version="0.33.0") as running:
        yield running


@pytest.fixture
def old(old_server):
    old_server.reset()
    return old_server


@pytest.fixture
def new(new_server):
    new_server.reset()
    return new_server


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


def make(http, host: str) -> OllamaImages:
    """OLLAMA_HOST written the way users write it: host:port, no scheme."""
    return OllamaImages(ProviderContext(http=http, settings=ProviderSettings(),
                                        env={"OLLAMA_HOST": host}))


def hostport(fake: FakeOllama) -> str:
    return fake.url.removeprefix("http://")


def turbo(**changes) -> GenerationRequest:
    return GenerationRequest("ollama", TURBO, "a paper crane", width=768, height=512, seed=17,
                             steps=6).with_changes(**changes)


@pytest.mark.parametrize(("value", "url"), [
    ("127.0.0.1:11435", "http://127.0.0.1:11435"),
    ("localhost", "http://localhost:11434"),
    ("0.0.0.0", "http://127.0.0.1:11434"),
    (":11500", "http://127.0.0.1:11500"),
    ("[::1]:11434", "http://[::1]:11434"),
    ("http://gpu-box", "http://gpu-box:80"),
    ("https://ollama.example.com", "https://ollama.example.com:443"),
    ("https://ollama.example.com:8443/proxy/", "https://ollama.example.com:8443/proxy"),
    ("  \"box:99999\"  ", "http://box:11434"),
])
def test_ollama_host_is_read_like_ollama_reads_it(value, url):
    assert parse_ollama_host(value) == url


@pytest.mark.parametrize(("version", "can"), [
    ("0.14.2", False), ("0.14.3", True), ("0.20.1", True), ("0.32.5", True),
    ("0.32.6", False), ("0.33.0-rc2", False), ("0.0.0", None), ("garbage", None),
])
def test_image_generation_exists_only_in_0_14_3_to_0_32_5(version, can):
    assert version_can_generate_images(version) is can


@pytest.mark.asyncio
async def test_old_server_generates_an_image_with_seed_size_steps_and_progress(old, http):
    provider = make(http, hostport(old))
    seen: list[float] = []
    result = await provider.generate(turbo(), seen.append)
    assert result.images[0].data == old.image and result.images[0].seed == 17
    assert result.cost_usd == 0.0
    body = old.requests_to("/api/generate")[0].json()
    assert body == {"model": TURBO, "prompt": "a paper crane", "stream": True, "width": 768,
                    "height": 512, "options": {"seed": 17}, "steps": 6}
    assert len(seen) == 7 and seen == sorted(seen) and seen[-1] == 1.0


@pytest.mark.asyncio
async def test_capabilities_list_the_image_models_found_by_refresh(old, http):
    provider = make(http, hostport(old))
    assert provider.capabilities().models == ()
    found = await provider.refresh()
    assert {m.id for m in provider.capabilities().models} == {TURBO, "x/flux2-klein:latest"}
    assert provider.capabilities().local
    assert {m.name for m in found.vision_models} == {"gemma3:4b"}


@pytest.mark.asyncio
async def test_new_server_says_plainly_it_cannot_generate_images(new, http):
    provider = make(http, hostport(new))
    with pytest.raises(ProviderError) as info:
        await provider.generate(turbo())
    assert info.value.kind is ErrorKind.BAD_REQUEST
    assert str(info.value) == ("ollama: This Ollama (v0.33.0) cannot generate images: image "
                               "generation existed only in 0.14.3–0.32.5")
    assert not new.requests_to("/api/generate")
    assert provider.capabilities().models == ()


@pytest.mark.asyncio
async def test_old_server_without_an_image_model_says_what_to_pull(old, http):
    old.models = {"llama3.2:latest": ["completion"]}
    with pytest.raises(ProviderError) as info:
        await make(http, hostport(old)).generate(turbo())
    assert info.value.kind is ErrorKind.BAD_REQUEST
    assert "no image-generation model installed" in info.value.message
    assert "ollama pull" in info.value.message


@pytest.mark.asyncio
async def test_asking_a_text_model_for_an_image_is_a_bad_request(old, http):
    with pytest.raises(ProviderError) as info:
        await make(http, hostport(old)).generate(turbo(model="llama3.2:latest"))
    assert info.value.kind is ErrorKind.BAD_REQUEST
    assert TURBO in info.value.message


@pytest.mark.asyncio
async def test_a_model_pulled_after_discovery_is_found_by_a_fresh_look(old, http):
    provider = make(http, hostport(old))
    await provider.refresh()
    old.models["x/new-image:latest"] = ["image"]
    result = await provider.generate(turbo(model="x/new-image:latest"))
    assert result.images


@pytest.mark.asyncio
async def test_an_error_in_the_middle_of_the_stream_is_a_typed_error(old, http):
    old.fail_after = 2
    seen: list[float] = []
    with pytest.raises(ProviderError) as info:
        await make(http, hostport(old)).generate(turbo(), seen.append)
    assert info.value.kind is ErrorKind.TRANSIENT and info.value.status == 200
    assert "unexpected EOF" in info.value.message
    assert len(seen) == 2  # progress arrived before the failure


@pytest.mark.asyncio
async def test_running_out_of_memory_mid_stream_is_a_local_error(old, http):
    old.fail_after = 1
    old.stream_error = "model requires more system memory (12.0 GiB) than is available (6.1 GiB)"
    with pytest.raises(ProviderError) as info:
        await make(http, hostport(old)).generate(turbo())
    assert info.value.kind is ErrorKind.LOCAL


@pytest.mark.asyncio
async def test_a_model_removed_after_discovery_is_a_bad_request_from_the_404(old, http):
    provider = make(http, hostport(old))
    await provider.refresh()
    del old.models[TURBO]
    with pytest.raises(ProviderError) as info:
        await provider.generate(turbo())
    assert info.value.kind is ErrorKind.BAD_REQUEST and info.value.status == 404
    assert f"model '{TURBO}' not found" in info.value.message


@pytest.mark.asyncio
async def test_size_beyond_4096_is_refused(old, http):
    provider = make(http, hostport(old))
    await provider.refresh()
    assert provider.validate(turbo(width=5000)) == [
        "size 5000x512: Ollama takes at most 4096 a side"]


@pytest.mark.asyncio
async def test_check_reports_version_and_image_support(old, new, http):
    report = await make(http, hostport(old)).check()
    assert report.status == "ok" and report.detail["image_generation"] is True
    assert "v0.20.1: image generation available" in report.message
    report = await make(http, hostport(new)).check()
    assert report.status == "ok" and report.detail["image_generation"] is False
    assert "cannot generate images" in report.message
    assert report.detail["text_models"] == ["llama3.2:latest", "gemma3:4b"]


@pytest.mark.asyncio
async def test_check_reports_unreachable_and_wrong_base_url(old, http):
    dead = await make(http, f"127.0.0.1:{free_port()}").check()
    assert dead.status == "unreachable" and "ollama serve" in dead.message
    wrong = await make(http, f"{old.url}/somewhere-else").check()
    assert wrong.status == "wrong_base_url", wrong.message
