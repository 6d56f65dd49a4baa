"""The requests the Replicate adapter really sends, checked against Replicate's OpenAPI file
(trimmed copy in tests/contracts/replicate/) with openapi-core."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import pytest_asyncio
from openapi_core.validation.request.exceptions import InvalidParameter, InvalidRequestBody

from desktop.core.config import ProviderSettings
from desktop.core.models import GenerationRequest
from desktop.core.providers.base import ProviderContext
from desktop.core.providers.replicate import ReplicateImages
from tests.contracts.openapi_requests import validate_recorded
from tests.fakes.replicate_fake import FakeReplicate
from tests.fakes.server import FakeRequest

SPEC = "replicate/openapi.trimmed.json"
SERVER = "https://api.replicate.com/v1"


@pytest.fixture
def fake():
    with FakeReplicate() as server:
        yield server


@pytest_asyncio.fixture
async def provider(fake):
    async with httpx.AsyncClient(trust_env=False) as http:
        env = {"REPLICATE_API_TOKEN": fake.token, "REPLICATE_BASE_URL": fake.url}
        settings = ProviderSettings(options={"poll_interval_s": 0.01, "prefer_wait_s": 30})
        yield ReplicateImages(ProviderContext(http=http, settings=settings, env=env))


@pytest.mark.asyncio
async def test_create_poll_cancel_and_account_requests_follow_the_spec(fake, provider):
    await provider.generate(GenerationRequest(
        "replicate", "black-forest-labs/flux-dev", "山間小屋，水彩", width=1024, height=1024,
        steps=28, cfg_scale=3.5, params={"go_fast": True, "megapixels": "1"}))
    await provider.generate(GenerationRequest("replicate", "stability-ai/sdxl", "a teapot",
                                              negative_prompt="blurry", seed=3))
    fake.script("never", within_wait=False)
    task = asyncio.create_task(provider.generate(GenerationRequest(
        "replicate", "black-forest-labs/flux-schnell", "a kettle")))
    while len([r for r in fake.requests_to("/v1/predictions/") if r.method == "GET"]) < 2:
        await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await provider.check()
    sent = [r for r in fake.requests if r.path.startswith("/v1/")]
    kinds = {(r.method, r.path.split("/")[2]) for r in sent}
    assert kinds == {("POST", "models"), ("POST", "predictions"), ("GET", "predictions"),
                     ("GET", "account")}
    assert any(r.path.endswith("/cancel") for r in sent)
    assert validate_recorded(SPEC, SERVER, sent) == len(sent)


def _create(headers: dict[str, str], body: bytes) -> FakeRequest:
    return FakeRequest("POST", "/v1/models/black-forest-labs/flux-schnell/predictions", {},
                       {"content-type": "application/json", "authorization": "Bearer r8_x",
                        **headers}, body)


def test_the_contract_rejects_a_stray_top_level_field():
    with pytest.raises(InvalidRequestBody):
        validate_recorded(SPEC, SERVER, [_create({}, b'{"input": {}, "prompt": "x"}')])


def test_the_contract_rejects_a_prefer_wait_beyond_60_seconds():
    with pytest.raises(InvalidParameter):
        validate_recorded(SPEC, SERVER, [_create({"prefer": "wait=600"}, b'{"input": {}}')])
