"""The requests the Firefly adapter really sends, checked against Adobe's OpenAPI file
(trimmed copy in tests/contracts/firefly/) with openapi-core."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import pytest_asyncio
from openapi_core.validation.request.exceptions import InvalidRequestBody, SecurityValidationError
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue

from desktop.core.config import ProviderSettings
from desktop.core.models import GenerationRequest
from desktop.core.providers.base import ProviderContext
from desktop.core.providers.firefly import FireflyImages
from tests.contracts.openapi_requests import validate_recorded
from tests.fakes.firefly_fake import FakeFirefly
from tests.fakes.server import FakeRequest

SPEC = "firefly/image_generation_async_v3.trimmed.json"
SERVER = "https://firefly-api.adobe.io"


@pytest.fixture
def fake():
    with FakeFirefly() as server:
        yield server


@pytest_asyncio.fixture
async def provider(fake):
    async with httpx.AsyncClient(trust_env=False) as http:
        env = {"FIREFLY_SERVICES_CLIENT_ID": fake.client_id,
               "FIREFLY_SERVICES_CLIENT_SECRET": fake.client_secret}
        settings = ProviderSettings(base_url=fake.url,
                                    options={"ims_url": fake.url, "poll_interval_s": 0.01})
        yield FireflyImages(ProviderContext(http=http, settings=settings, env=env))


@pytest.mark.asyncio
async def test_generate_poll_cancel_and_check_requests_follow_the_spec(fake, provider):
    await provider.generate(GenerationRequest(
        "firefly", "image4_ultra", "桌上的青花瓷茶杯", negative_prompt="blur", width=2304,
        height=1792, seed=7, params={"content_class": "art", "style_preset": "watercolor",
                                     "style_strength": 60, "visual_intensity": 6, "locale": "zh-TW"},
    ))
    fake.script("never")
    task = asyncio.create_task(provider.generate(
        GenerationRequest("firefly", "image3", "a kettle", width=1024, height=1024)))
    while len(fake.requests_to("/v3/status/")) < 4:
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await provider.check()
    sent = fake.requests_to("/v3/")
    methods = {(r.method, r.path.split("/")[2]) for r in sent}
    assert methods == {("POST", "images"), ("GET", "status"), ("PUT", "cancel")}
    assert validate_recorded(SPEC, SERVER, sent) == len(sent)


def test_the_contract_rejects_a_body_without_a_prompt():
    bad = FakeRequest("POST", "/v3/images/generate-async", {},
                      {"content-type": "application/json", "authorization": "Bearer t",
                       "x-api-key": "k"}, b'{"numVariations": 9}')
    with pytest.raises(InvalidRequestBody) as info:
        validate_recorded(SPEC, SERVER, [bad])
    cause = info.value.__cause__
    assert isinstance(cause, InvalidSchemaValue)
    assert {e.message for e in cause.schema_errors} == {
        "'prompt' is a required property", "9 is greater than the maximum of 4"}


def test_the_contract_requires_the_api_key_header():
    bare = FakeRequest("GET", "/v3/status/urn:ff:jobs:x", {},
                       {"authorization": "Bearer t"}, b"")
    with pytest.raises(SecurityValidationError):
        validate_recorded(SPEC, SERVER, [bare])
