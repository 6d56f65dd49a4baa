"""Finding local image servers (Ollama, AUTOMATIC1111/Forge, ComfyUI) on first run, through
the providers' own cheap checks, and listing the cloud providers that take a key.

The welcome screen calls `discover_local_servers_blocking()` from a worker thread: it owns
its own event loop and HTTP client, so it works before the window's services exist.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass

import httpx

from desktop.core.config import AppConfig
from desktop.core.providers.registry import ProviderRegistry, builtin_provider_classes

# Local servers the welcome looks for, in the order it lists them. Each provider resolves
# its own address: OLLAMA_HOST / SDWEBUI_BASE_URL / COMFYUI_BASE_URL, else its default port
# on 127.0.0.1 (11434, 7860, 8188).
LOCAL_PROVIDERS = ("ollama", "a1111", "comfyui")
CHECK_TIMEOUT_S = 4.0


@dataclass(frozen=True)
class LocalServer:
    """One local server the welcome looked for: where, whether it answered, what it has."""

    provider: str
    display_name: str
    url: str
    found: bool
    message: str  # the check's own words: a version and a note, or why it is not there
    models: tuple[str, ...] = ()
    can_generate: bool = False  # found and able to make images (Ollama may only chat)


@dataclass(frozen=True)
class CloudProvider:
    """A provider that needs a key, for the welcome's "add a key" page."""

    name: str
    display_name: str
    key_env: tuple[str, ...]


def cloud_providers() -> list[CloudProvider]:
    return [CloudProvider(cls.name, cls.display_name, tuple(cls.key_env))
            for cls in builtin_provider_classes() if cls.needs_key]


async def discover_local_servers(
    http: httpx.AsyncClient, env: Mapping[str, str], *, timeout_s: float = CHECK_TIMEOUT_S,
) -> list[LocalServer]:
    """Run each local provider's cheap check at once; a server that does not answer within
    `timeout_s` counts as not found."""
    registry = ProviderRegistry(http, AppConfig(), env=env)
    return list(await asyncio.gather(*(_probe(registry, name, timeout_s) for name in LOCAL_PROVIDERS)))


async def _probe(registry: ProviderRegistry, name: str, timeout_s: float) -> LocalServer:
    provider = registry.get(name)
    url = provider.base_url
    try:
        report = await asyncio.wait_for(provider.check(), timeout_s)
    except TimeoutError:
        return LocalServer(name, provider.display_name, url, False, f"no answer from {url} within {timeout_s:.0f} s")
    if not report.ok:
        return LocalServer(name, provider.display_name, url, False, report.message)
    detail = report.detail
    if name == "ollama":
        models = tuple(detail.get("image_models") or ())
        can_generate = bool(detail.get("image_generation"))
    else:
        models = tuple(str(m) for m in (detail.get("models") or detail.get("checkpoints") or ()) if m)
        can_generate = True
    return LocalServer(name, provider.display_name, url, True, report.message, models, can_generate)


def discover_local_servers_blocking(env: Mapping[str, str], *, timeout_s: float = CHECK_TIMEOUT_S) -> list[LocalServer]:
    """`discover_local_servers` on a loop of its own, for a worker thread."""

    async def run() -> list[LocalServer]:
        # No proxies from the environment: these are loopback addresses.
        async with httpx.AsyncClient(trust_env=False, follow_redirects=True) as http:
            return await discover_local_servers(http, env, timeout_s=timeout_s)

    return asyncio.run(run())
