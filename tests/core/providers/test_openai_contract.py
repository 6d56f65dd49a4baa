"""Every request the OpenAI adapter sends is valid against OpenAI's own OpenAPI document.

The fake records what arrived over the socket; openapi-core checks it against the trimmed
copy of openai/openai-openapi v2.3.0 in tests/contracts/openai/ (see its README).
"""

from __future__ import annotations

import httpx
import pytest
import pytest_asyncio
from openapi_core.validation.request.exceptions import (
    InvalidRequestBody,
    RequestBodyValidationError,
    SecurityValidationError,
)
from werkzeug.datastructures import Headers

from desktop.core.config import ProviderSettings
from desktop.core.models import GenerationRequest
from desktop.core.providers.base import ProviderContext
from desktop.core.providers.openai_images import OpenAIImages
from tests.contracts.openapi_requests import RecordedRequest, load_spec, validate_recorded
from tests.fakes.openai_fake import FakeOpenAI
from tests.fakes.server import FakeRequest

SPEC = "openai/openapi.trimmed.json"
SERVER = "https://api.openai.com/v1"


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


def make(fake: FakeOpenAI, http: httpx.AsyncClient) -> OpenAIImages:
    env = {"OPENAI_BASE_URL": fake.base_url, "OPENAI_API_KEY": fake.key, "OPENAI_ORG_ID": "org-1"}
    return OpenAIImages(ProviderContext(http=http, settings=ProviderSettings(), env=env))


VARIANTS = [
    GenerationRequest("openai", "gpt-image-1", "a kite"),
    GenerationRequest("openai", "gpt-image-1", "a kite", width=1536, height=1024, quality="high"),
    GenerationRequest("openai", "gpt-image-1-mini", "風箏", width=1024, height=1536,
                      params={"output_format": "webp", "output_compression": 60, "background": "transparent"}),
    GenerationRequest("openai", "gpt-image-1.5", "a kite", params={"moderation": "low", "quality": "auto"}),
    GenerationRequest("openai", "gpt-image-2", "a kite", width=1536, height=864,
                      params={"output_format": "jpeg", "background": "opaque"}),
]


@pytest.mark.asyncio
async def test_every_generation_and_check_request_matches_the_openai_spec(fake, http):
    provider = make(fake, http)
    for req in VARIANTS:
        assert provider.validate(req) == []
        await provider.generate(req)
    assert (await provider.check()).ok

    recorded = fake.requests_to("/v1/")
    assert len(recorded) == len(VARIANTS) + 1
    assert validate_recorded(SPEC, SERVER, recorded) == len(VARIANTS) + 1


class _Answer:
    """An httpx response in openapi-core's Response shape."""

    def __init__(self, resp: httpx.Response) -> None:
        self.status_code = resp.status_code
        self.headers = Headers(list(resp.headers.items()))
        self.content_type = resp.headers.get("content-type", "").lower()
        self.data = resp.content


@pytest.mark.asyncio
async def test_the_fakes_success_answers_match_the_openai_spec_too(fake, http):
    """So the adapter is tested against bodies shaped like OpenAI's, not the fake author's guess."""
    headers = {"Authorization": f"Bearer {fake.key}"}
    answers = [
        await http.post(f"{fake.base_url}/images/generations", headers=headers,
                        json={"model": "gpt-image-1", "prompt": "a kite", "size": "1536x1024", "quality": "high"}),
        await http.get(f"{fake.base_url}/models", headers=headers),
    ]
    spec = load_spec(SPEC)
    for recorded, answer in zip(fake.requests_to("/v1/"), answers, strict=True):
        assert answer.status_code == 200
        spec.validate_response(RecordedRequest(recorded, SERVER), _Answer(answer))


def _recorded(body: bytes, headers: dict[str, str]) -> FakeRequest:
    return FakeRequest("POST", "/v1/images/generations", {}, headers, body)


def test_the_contract_check_can_fail_on_a_bad_body():
    bad = _recorded(b'{"prompt": "x", "n": 0, "quality": "ultra"}',
                    {"content-type": "application/json", "authorization": "Bearer sk-x"})
    with pytest.raises((InvalidRequestBody, RequestBodyValidationError)):
        validate_recorded(SPEC, SERVER, [bad])


def test_the_contract_check_can_fail_without_a_bearer_key():
    unsigned = _recorded(b'{"prompt": "x"}', {"content-type": "application/json"})
    with pytest.raises(SecurityValidationError):
        validate_recorded(SPEC, SERVER, [unsigned])
