"""Provider settings as the Settings dialog needs them: describe a provider as plain data,
test a connection with settings that are not saved yet, and apply saved settings to the
running registry and queue lanes without a restart."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.core.config import ProviderSettings
from desktop.core.events import ProviderSettingsDidApply
from desktop.core.providers.base import Capabilities, HealthReport
from desktop.core.providers.registry import ProviderRegistry
from desktop.core.queue.rate_limit import TokenBucket
from desktop.core.secrets import SecretsError, SecretStore
from desktop.core.services import Services


@dataclass(frozen=True)
class ProviderDescription:
    """What the UI shows about one provider before any call is made."""

    name: str
    display_name: str
    needs_key: bool
    key_env: tuple[str, ...]
    key_from_env: str | None  # the environment variable that supplies the key, if one does
    stored_key: str | None  # the key in the secrets store (the UI shows it masked only)
    default_base_url: str
    base_url_env: str
    default_concurrency: int
    default_rate_per_minute: float
    capabilities: Capabilities
    configured: bool = False  # the user saved settings for it, or its URL is set in the environment


def key_name(provider: str, secret: str = "api_key") -> str:
    """The secrets-store name of a provider's key, e.g. "openai.api_key"."""
    return f"{provider}.{secret}"


def describe(services: Services, name: str) -> ProviderDescription:
    """Reads the secrets store: call it off the GUI thread when the keyring may be slow."""
    provider = services.providers.get(name)
    cls = type(provider)
    env = services.providers.env
    from_env = next((n for n in cls.key_env if env.get(n)), None)
    try:
        stored = services.secrets.get(key_name(name))
    except SecretsError:
        stored = None
    return ProviderDescription(
        name=name, display_name=cls.display_name, needs_key=cls.needs_key,
        key_env=tuple(cls.key_env), key_from_env=from_env, stored_key=stored,
        default_base_url=cls.default_base_url, base_url_env=cls.base_url_env,
        default_concurrency=cls.default_concurrency,
        default_rate_per_minute=cls.default_rate_per_minute,
        capabilities=provider.capabilities(),
        configured=name in services.config.providers or bool(cls.base_url_env and env.get(cls.base_url_env)),
    )


def status_of(description: ProviderDescription) -> str:
    """"unconfigured" when a key is needed and none is known, or when a provider without
    keys (a local server) was never set up; else "ready"."""
    if description.needs_key:
        has_key = description.key_from_env or description.stored_key
        return "ready" if has_key else "unconfigured"
    return "ready" if description.configured else "unconfigured"


class _OverlaySecrets:
    """The real store with one pending (unsaved) value laid over it, for a test call."""

    def __init__(self, base: SecretStore, pending: Mapping[str, str | None]) -> None:
        self.base = base
        self.pending = dict(pending)
        self.backend_name = base.backend_name

    def get(self, name: str) -> str | None:
        if name in self.pending:
            return self.pending[name]
        return self.base.get(name)

    def set(self, name: str, value: str) -> None:  # a test never writes
        self.pending[name] = value

    def delete(self, name: str) -> None:
        self.pending[name] = None

    def names(self) -> list[str]:
        return sorted(set(self.base.names()) | {k for k, v in self.pending.items() if v})


async def check_provider(
    services: Services, name: str, settings: ProviderSettings, key: str | None = None,
) -> HealthReport:
    """The provider's cheap authenticated check, run with `settings` and (when given) `key`
    instead of what is saved, so the user can test before pressing OK."""
    config = copy.deepcopy(services.config)
    config.providers[name] = settings
    pending: dict[str, Any] = {key_name(name): key} if key else {}
    registry = ProviderRegistry(
        services.providers.http, config, _OverlaySecrets(services.secrets, pending),
        services.providers.env, tuple(services.providers.classes()),
    )
    return await registry.get(name).check()


def apply_provider_settings(services: Services) -> None:
    """Settings were saved: rebuild providers, retune the queue's lanes and let blocked
    lanes (bad key, no credits) try again."""
    services.providers.reconfigure(services.config)
    services.events.publish(ProviderSettingsDidApply())  # the audit log records what changed
    engine = services.engine
    if engine is None:
        return
    classes = {cls.name: cls for cls in services.providers.classes()}
    for name, lane in engine.lanes.items():
        cls = classes.get(name)
        settings = services.config.provider(name)
        lane.concurrency = max(1, settings.concurrency or (cls.default_concurrency if cls else 2))
        rate = settings.rate_per_minute or (cls.default_rate_per_minute if cls else 60.0)
        if abs(rate - lane.bucket.configured_rate) > 1e-9:
            lane.bucket = TokenBucket(rate)
    engine.unblock()
