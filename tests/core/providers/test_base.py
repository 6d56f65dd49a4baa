"""The provider interface's shared behaviour: configuration, transport errors, decoding,
status mapping and health reports, exercised through a minimal adapter over real HTTP."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest
import pytest_asyncio

from desktop.core.config import ProviderSettings
from desktop.core.models import ErrorKind, GenerationRequest, GenerationResult
from desktop.core.providers.base import (
    Capabilities,
    HealthReport,
    ModelInfo,
    ProgressCallback,
    Provider,
    ProviderContext,
    ProviderError,
)
from tests.fakes.server import FakeRequest, FakeResponse, FakeServer, free_port


class Echo(Provider):
    """The smallest adapter: GET {base}/ping is the check."""

    name = "echo"
    display_name = "Echo"
    default_base_url = "https://echo.example/api/"
    base_url_env = "ECHO_BASE_URL"
    key_env = ("ECHO_API_KEY", "ECHO_TOKEN")

    def capabilities(self) -> Capabilities:
        return Capabilities(models=(ModelInfo("small", sizes=("512x512",), deterministic=True), ModelInfo("any")))

    async def generate(self, request: GenerationRequest, progress: ProgressCallback | None = None) -> GenerationResult:
        raise NotImplementedError

    async def check(self) -> HealthReport:
        async def call() -> dict[str, Any]:
            resp = await self.send("GET", f"{self.base_url}/ping")
            if resp.status_code != 200:
                raise self.classify_status(resp, f"HTTP {resp.status_code}")
            return {"pong": self.json_body(resp)}

        return await self.timed_check(call)


class PingServer(FakeServer):
    def setup_routes(self) -> None:
        self.route("GET", "/ping", lambda _req: FakeResponse.json({"ok": True}))


@pytest.fixture(scope="module")
def server():
    with PingServer() as running:
        yield running


@pytest.fixture
def fake(server):
    with server._lock:
        server.requests.clear()
        server._faults.clear()
    return server


@pytest_asyncio.fixture
async def http():
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


def echo(http=None, *, env=None, settings=None, secrets=None) -> Echo:
    lookup = (secrets or {}).get
    return Echo(ProviderContext(http=http, settings=settings or ProviderSettings(), env=env or {}, secret=lookup))


def response(status: int, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, headers=headers, request=httpx.Request("GET", "http://x/"))


# -- configuration ---------------------------------------------------------------------------
def test_base_url_prefers_env_then_settings_then_default_without_trailing_slash():
    assert echo().base_url == "https://echo.example/api"
    assert echo(settings=ProviderSettings(base_url="http://lan:8/")).base_url == "http://lan:8"
    both = echo(env={"ECHO_BASE_URL": "http://env:1/v1/"}, settings=ProviderSettings(base_url="http://lan:8"))
    assert both.base_url == "http://env:1/v1"


def test_credential_reads_env_names_in_order_then_the_secrets_store():
    assert echo(env={"ECHO_TOKEN": "t", "ECHO_API_KEY": "k"}).credential() == "k"
    assert echo(env={"ECHO_TOKEN": "t"}).credential() == "t"
    assert echo(secrets={"echo.api_key": "s"}).credential() == "s"
    assert echo(env={"ECHO_API_KEY": ""}, secrets={"echo.api_key": "s"}).credential() == "s"
    assert echo().credential() is None


def test_require_key_names_the_variables_to_set():
    with pytest.raises(ProviderError) as caught:
        echo().require_key()
    assert caught.value.kind is ErrorKind.AUTH
    assert "ECHO_API_KEY or ECHO_TOKEN" in caught.value.message and caught.value.provider == "echo"


def test_timeout_comes_from_settings_with_a_default():
    assert echo().timeout == 120.0
    assert echo(settings=ProviderSettings(timeout_s=3.5)).timeout == 3.5


def test_validate_names_unknown_models_and_sizes_a_model_does_not_offer():
    provider = echo()
    assert "unknown model 'huge'" in provider.validate(GenerationRequest("echo", "huge", "p"))[0]
    assert "choose one of 512x512" in provider.validate(GenerationRequest("echo", "small", "p"))[0]
    assert provider.validate(GenerationRequest("echo", "small", "p", width=512, height=512)) == []
    assert provider.validate(GenerationRequest("echo", "any", "p", width=777, height=333)) == []


def test_only_deterministic_models_with_a_seed_are_deterministic():
    provider = echo()
    assert provider.is_deterministic(GenerationRequest("echo", "small", "p", seed=1))
    assert not provider.is_deterministic(GenerationRequest("echo", "small", "p"))
    assert not provider.is_deterministic(GenerationRequest("echo", "any", "p", seed=1))


def test_capabilities_find_models_and_name_the_default():
    caps = echo().capabilities()
    assert caps.default_model == "small" and caps.model("any").id == "any" and caps.model("x") is None
    assert Capabilities(models=()).default_model == ""


def test_provider_error_says_who_what_and_the_status():
    exc = ProviderError(ErrorKind.QUOTA, "no credits", status=402, provider="stability")
    assert str(exc) == "stability: no credits (HTTP 402)"
    assert str(ProviderError(ErrorKind.LOCAL, "disk full")) == "disk full"


# -- transport -----------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_send_turns_a_refused_connection_into_provider_down(http):
    provider = echo(http, env={"ECHO_BASE_URL": f"http://127.0.0.1:{free_port()}"})
    with pytest.raises(ProviderError) as caught:
        await provider.send("GET", f"{provider.base_url}/ping")
    assert caught.value.kind is ErrorKind.PROVIDER_DOWN and "cannot reach" in caught.value.message


@pytest.mark.asyncio
async def test_send_turns_a_timeout_into_transient(fake, http):
    fake.delay_next(1.0)
    provider = echo(http, env={"ECHO_BASE_URL": fake.url}, settings=ProviderSettings(timeout_s=0.2))
    with pytest.raises(ProviderError) as caught:
        await provider.send("GET", f"{provider.base_url}/ping")
    assert caught.value.kind is ErrorKind.TRANSIENT and "no answer within" in caught.value.message


@pytest.mark.asyncio
async def test_send_turns_a_dropped_connection_into_transient(fake, http):
    def hang_up(_req: FakeRequest) -> FakeResponse:
        return FakeResponse(200, headers={"Content-Length": "100"}, body=b"short")

    fake.fail_next(hang_up)
    provider = echo(http, env={"ECHO_BASE_URL": fake.url})
    with pytest.raises(ProviderError) as caught:
        await provider.send("GET", f"{provider.base_url}/ping")  # Content-Length says 100, 5 come
    assert caught.value.kind is ErrorKind.TRANSIENT


def test_json_body_reports_a_snippet_of_what_came_instead():
    resp = httpx.Response(200, text="<html>proxy login</html>", request=httpx.Request("GET", "http://x/"))
    with pytest.raises(ProviderError) as caught:
        echo().json_body(resp)
    assert caught.value.kind is ErrorKind.TRANSIENT and "<html>proxy login" in caught.value.message


def test_decode_b64_accepts_data_urls_and_rejects_junk():
    provider = echo()
    raw = b"\x89PNG image bytes"
    encoded = base64.b64encode(raw).decode()
    assert provider.decode_b64(encoded) == raw
    assert provider.decode_b64(f"data:image/png;base64,{encoded}") == raw
    for junk in ("", None, 42, encoded[:-3], "not base64!!"):
        with pytest.raises(ProviderError) as caught:
            provider.decode_b64(junk)
        assert caught.value.kind is ErrorKind.TRANSIENT


@pytest.mark.parametrize(
    ("status", "kind"),
    [(400, ErrorKind.BAD_REQUEST), (401, ErrorKind.AUTH), (402, ErrorKind.QUOTA), (403, ErrorKind.AUTH),
     (404, ErrorKind.BAD_REQUEST), (408, ErrorKind.TRANSIENT), (409, ErrorKind.TRANSIENT),
     (422, ErrorKind.BAD_REQUEST), (425, ErrorKind.TRANSIENT), (429, ErrorKind.RATE_LIMITED),
     (500, ErrorKind.TRANSIENT), (502, ErrorKind.PROVIDER_DOWN), (503, ErrorKind.PROVIDER_DOWN),
     (504, ErrorKind.PROVIDER_DOWN), (520, ErrorKind.TRANSIENT)],
)
def test_classify_status_maps_http_statuses_onto_the_taxonomy(status, kind):
    exc = echo().classify_status(response(status), "what happened", code="c1")
    assert exc.kind is kind and exc.status == status and exc.code == "c1" and exc.provider == "echo"


def test_classify_status_carries_the_retry_after_header():
    exc = echo().classify_status(response(429, {"Retry-After": "12"}), "slow down")
    assert exc.retry_after == 12.0


# -- health reports ------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_check_without_a_key_is_unconfigured_and_sends_nothing(fake, http):
    report = await echo(http, env={"ECHO_BASE_URL": fake.url}).check()
    assert report.status == "unconfigured" and not report.ok and fake.requests == []
    assert "ECHO_API_KEY" in report.message


@pytest.mark.asyncio
async def test_check_ok_reports_latency_and_detail(fake, http):
    report = await echo(http, env={"ECHO_BASE_URL": fake.url, "ECHO_API_KEY": "k"}).check()
    assert report.ok and report.detail == {"pong": {"ok": True}} and report.latency_ms >= 0


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("answer", "status"),
    [(FakeResponse.json({}, 401), "bad_key"), (FakeResponse.json({}, 403), "bad_key"),
     (FakeResponse.json({}, 402), "no_credits"), (FakeResponse.json({}, 404), "wrong_base_url"),
     (FakeResponse.json({}, 503), "unreachable"), (FakeResponse.json({}, 400), "error")],
)
async def test_check_turns_failures_into_statuses(fake, http, answer, status):
    fake.fail_next(answer)
    report = await echo(http, env={"ECHO_BASE_URL": fake.url, "ECHO_API_KEY": "k"}).check()
    assert report.status == status and report.latency_ms is not None


@pytest.mark.asyncio
async def test_check_names_a_wrong_base_url_by_error_code(http):
    provider = echo(http, env={"ECHO_API_KEY": "k"})

    async def call() -> dict:
        raise provider.error(ErrorKind.BAD_REQUEST, "not the Echo API", code="wrong_base_url")

    assert (await provider.timed_check(call)).status == "wrong_base_url"


@pytest.mark.asyncio
async def test_check_on_a_closed_port_is_unreachable(http):
    provider = echo(http, env={"ECHO_BASE_URL": f"http://127.0.0.1:{free_port()}", "ECHO_API_KEY": "k"})
    assert (await provider.check()).status == "unreachable"


@pytest.mark.asyncio
@pytest.mark.parametrize("base_url", ["notaurl", "127.0.0.1:7860", "ftp://host/api"])
async def test_a_base_url_that_is_not_a_web_address_is_a_wrong_base_url_report_naming_it(http, base_url):
    provider = echo(http, env={"ECHO_BASE_URL": base_url, "ECHO_API_KEY": "k"})

    report = await provider.check()

    assert report.status == "wrong_base_url"
    assert base_url in report.message and "ECHO_BASE_URL" in report.message
