"""The requests the Ollama provider and OllamaText really send, checked against Ollama's
OpenAPI file (trimmed copy in tests/contracts/ollama/) with openapi-core."""

from __future__ import annotations

import httpx
import pytest
from openapi_core.validation.request.exceptions import InvalidRequestBody

from desktop.core.config import ProviderSettings
from desktop.core.models import GenerationRequest
from desktop.core.providers.base import ProviderContext
from desktop.core.providers.ollama import OllamaImages
from tests.contracts.openapi_requests import validate_recorded
from tests.fakes.ollama_fake import FakeOllama
from tests.fakes.server import FakeRequest, tiny_png

SPEC = "ollama/openapi.trimmed.yaml"
SERVER = "http://localhost:11434"


@pytest.mark.asyncio
async def test_discovery_generation_chat_and_caption_requests_follow_the_spec():
    with FakeOllama(version="0.20.1") as fake:
        async with httpx.AsyncClient(trust_env=False) as http:
            provider = OllamaImages(ProviderContext(
                http=http, settings=ProviderSettings(base_url=fake.url), env={}))
            await provider.check()
            await provider.generate(GenerationRequest("ollama", "x/z-image-turbo:latest",
                                                      "紙鶴", width=512, height=512, seed=1))
            text = provider.text()
            await text.reply("llama3.2:latest", [{"role": "system", "content": "brief"},
                                                 {"role": "user", "content": "hi"}],
                             )
            await text.caption("gemma3:4b", tiny_png())
        sent = fake.requests_to("/api/")
    assert {r.path for r in sent} == {"/api/version", "/api/tags", "/api/show", "/api/generate",
                                      "/api/chat"}
    assert validate_recorded(SPEC, SERVER, sent) == len(sent)


def test_the_contract_rejects_a_chat_message_without_content():
    bad = FakeRequest("POST", "/api/chat", {}, {"content-type": "application/json"},
                      b'{"model": "m", "messages": [{"role": "user"}]}')
    with pytest.raises(InvalidRequestBody):
        validate_recorded(SPEC, SERVER, [bad])
