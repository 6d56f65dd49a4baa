"""OllamaText (chat, vision captions, model listing) against the loopback Ollama fake."""

from __future__ import annotations

import base64

import httpx
import pytest
import pytest_asyncio

from desktop.core.config import ProviderSettings
from desktop.core.models import ErrorKind
from desktop.core.providers.base import ProviderContext, ProviderError
from desktop.core.providers.ollama import OllamaImages
from desktop.core.providers.ollama_text import OllamaText
from tests.fakes.ollama_fake import FakeOllama
from tests.fakes.server import free_port, tiny_png


@pytest.fixture(scope="module")
def server():
    with FakeOllama(version="0.33.0") as running:
        yield running


@pytest.fixture
def fake(server):
    server.reset()
    return server


@pytest_asyncio.fixture
async def client(fake):
    async with httpx.AsyncClient(trust_env=False) as http:
        yield OllamaText(http, fake.url)


@pytest.mark.asyncio
async def test_lists_models_with_their_capabilities(client):
    models = {m.name: m for m in await client.list_models()}
    assert set(models) == {"llama3.2:latest", "gemma3:4b", "nomic-embed-text:latest"}
    assert models["llama3.2:latest"].kind == "text" and not models["llama3.2:latest"].vision
    assert models["gemma3:4b"].kind == "vision" and models["gemma3:4b"].completion
    assert models["nomic-embed-text:latest"].kind == "other"
    assert models["gemma3:4b"].parameter_size == "4B"


@pytest.mark.asyncio
async def test_chat_streams_the_reply_in_pieces(client, fake):
    pieces = [p async for p in client.chat("llama3.2:latest",
                                            [{"role": "user", "content": "三個構圖建議"}])]
    assert len(pieces) > 1
    assert "".join(pieces) == "You said: 三個構圖建議"
    sent = fake.requests_to("/api/chat")[0].json()
    assert sent == {"model": "llama3.2:latest", "stream": True,
                    "messages": [{"role": "user", "content": "三個構圖建議"}]}


@pytest.mark.asyncio
async def test_images_travel_base64_with_the_last_message(client, fake):
    png = tiny_png()
    reply = await client.reply("gemma3:4b", [{"role": "system", "content": "Be brief."},
                                             {"role": "user", "content": "What is this?"}], [png])
    assert reply == f"An image of {len(png)} bytes: a small green square."
    messages = fake.requests_to("/api/chat")[0].json()["messages"]
    assert "images" not in messages[0]
    assert base64.b64decode(messages[1]["images"][0]) == png


@pytest.mark.asyncio
async def test_caption_describes_an_image_with_a_vision_model(client, fake):
    caption = await client.caption("gemma3:4b", tiny_png())
    assert caption.startswith("An image of") and caption == caption.strip()
    assert "image-generation prompt" in fake.requests_to("/api/chat")[0].json()["messages"][0]["content"]


@pytest.mark.asyncio
async def test_an_error_in_the_middle_of_a_chat_stream_is_raised_after_the_first_pieces(client, fake):
    fake.fail_after = 2
    received: list[str] = []
    with pytest.raises(ProviderError) as info:
        async for piece in client.chat("llama3.2:latest", [{"role": "user", "content": "hello there"}]):
            received.append(piece)
    assert len(received) == 2
    assert info.value.kind is ErrorKind.TRANSIENT and info.value.status == 200
    assert "unexpected EOF" in info.value.message and info.value.provider == "ollama"


@pytest.mark.asyncio
async def test_an_image_for_a_model_without_vision_is_a_bad_request(client):
    with pytest.raises(ProviderError) as info:
        await client.caption("llama3.2:latest", tiny_png())
    assert info.value.kind is ErrorKind.BAD_REQUEST
    assert "missing data required for image input" in info.value.message


@pytest.mark.asyncio
async def test_an_unknown_model_is_a_bad_request_naming_it(client):
    with pytest.raises(ProviderError) as info:
        await client.reply("mistral:latest", [{"role": "user", "content": "hi"}])
    assert info.value.kind is ErrorKind.BAD_REQUEST and info.value.status == 404
    assert "model 'mistral:latest' not found" in info.value.message


@pytest.mark.asyncio
async def test_no_server_is_provider_down():
    async with httpx.AsyncClient(trust_env=False) as http:
        client = OllamaText(http, f"http://127.0.0.1:{free_port()}")
        with pytest.raises(ProviderError) as info:
            await client.list_models()
    assert info.value.kind is ErrorKind.PROVIDER_DOWN


@pytest.mark.asyncio
async def test_the_image_provider_hands_out_a_text_client_for_the_same_server(fake):
    async with httpx.AsyncClient(trust_env=False) as http:
        provider = OllamaImages(ProviderContext(http=http, settings=ProviderSettings(base_url=fake.url),
                                                env={}))
        text = provider.text()
        assert text.base_url == fake.url
        assert await text.version() == "0.33.0"
