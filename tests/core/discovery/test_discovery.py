"""Finding local servers through the providers' cheap checks, over real loopback servers."""

from __future__ import annotations

import socket
import time

from desktop.core.discovery import (
    LOCAL_PROVIDERS,
    cloud_providers,
    discover_local_servers_blocking,
)
from tests.fakes.a1111_fake import FakeA1111
from tests.fakes.ollama_fake import FakeOllama


def closed_port_url() -> str:
    """An address on loopback where nothing listens (connection refused at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_running_ollama_and_a1111_are_found_and_a_missing_comfyui_is_not() -> None:
    with FakeOllama(version="0.20.0") as ollama, FakeA1111() as a1111:
        env = {"OLLAMA_HOST": ollama.url, "SDWEBUI_BASE_URL": a1111.url,
               "COMFYUI_BASE_URL": closed_port_url()}
        found = {s.provider: s for s in discover_local_servers_blocking(env)}
        assert ollama.requests_to("/api/version") and a1111.requests_to("/sdapi/v1/sd-models")
        ollama_url = ollama.url
    assert list(found) == list(LOCAL_PROVIDERS)
    assert found["ollama"].found and found["ollama"].url == ollama_url
    assert "0.20.0" in found["ollama"].message
    assert found["a1111"].found and found["a1111"].can_generate
    assert found["a1111"].models  # the fake's checkpoints, as the check listed them
    assert not found["comfyui"].found
    assert "cannot reach" in found["comfyui"].message


def test_an_ollama_without_image_models_is_found_but_cannot_generate() -> None:
    with FakeOllama(version="0.20.0", models={}) as ollama:
        env = {"OLLAMA_HOST": ollama.url, "SDWEBUI_BASE_URL": closed_port_url(),
               "COMFYUI_BASE_URL": closed_port_url()}
        server = discover_local_servers_blocking(env)[0]
    assert server.found and not server.can_generate
    assert "no image-generation model" in server.message


def test_a_server_that_does_not_answer_in_time_counts_as_not_found() -> None:
    with FakeA1111() as a1111:
        a1111.delay_next(5.0)
        env = {"SDWEBUI_BASE_URL": a1111.url, "OLLAMA_HOST": closed_port_url(),
               "COMFYUI_BASE_URL": closed_port_url()}
        start = time.monotonic()
        found = {s.provider: s for s in discover_local_servers_blocking(env, timeout_s=0.5)}
        elapsed = time.monotonic() - start
    assert not found["a1111"].found
    assert "no answer" in found["a1111"].message
    assert elapsed < 3.0  # the slow server did not hold up the welcome


def test_a_web_server_that_is_not_a1111_is_not_taken_for_one() -> None:
    with FakeOllama() as not_a1111:  # answers HTTP, but 404 on /sdapi
        env = {"SDWEBUI_BASE_URL": not_a1111.url, "OLLAMA_HOST": closed_port_url(),
               "COMFYUI_BASE_URL": closed_port_url()}
        found = {s.provider: s for s in discover_local_servers_blocking(env)}
    assert not found["a1111"].found


def test_cloud_providers_are_those_that_need_a_key() -> None:
    names = {p.name for p in cloud_providers()}
    assert {"openai", "gemini", "stability"} <= names
    assert not names & set(LOCAL_PROVIDERS)
    openai = next(p for p in cloud_providers() if p.name == "openai")
    assert openai.key_env == ("OPENAI_API_KEY",)
