"""Adobe IMS client-credentials tokens for Firefly Services, cached until shortly before they
expire and refreshed on demand (also when the API answers 401 to a token we thought valid).

`POST {ims}/ims/token/v3` (form-encoded: grant_type, client_id, client_secret, scope) answers
`{"access_token","token_type":"bearer","expires_in":<seconds>}`; failures look like
`{"error":"invalid_client","error_description":"invalid client_secret parameter"}`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from desktop.core.models import ErrorKind
from desktop.core.providers.base import ProviderError

DEFAULT_IMS_URL = "https://ims-na1.adobelogin.com"
FIREFLY_SCOPES = "openid,AdobeID,session,additional_info,read_organizations,firefly_api,ff_apis"
AUTH_ERRORS = {"invalid_client", "unauthorized_client", "invalid_scope", "invalid_grant"}

Sender = Callable[..., Awaitable[httpx.Response]]


@dataclass(frozen=True)
class AccessToken:
    value: str
    expires_at: float  # time.monotonic() after which we stop using it

    def valid(self, now: float) -> bool:
        return now < self.expires_at


class ImsTokenCache:
    """One cached token per provider instance; concurrent callers share one refresh."""

    def __init__(self, send: Sender, clock: Callable[[], float] = time.monotonic) -> None:
        self._send = send
        self._clock = clock
        self._token: AccessToken | None = None
        self._lock: asyncio.Lock | None = None
        self.fetches = 0  # how many tokens we asked IMS for (tests and diagnostics)

    def invalidate(self, value: str | None = None) -> None:
        """Forget the token (only if it is still `value`, so a fresh one survives)."""
        if self._token is not None and (value is None or self._token.value == value):
            self._token = None

    async def get(self, ims_url: str, client_id: str, client_secret: str) -> str:
        token = self._token
        if token is not None and token.valid(self._clock()):
            return token.value
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            token = self._token
            if token is not None and token.valid(self._clock()):
                return token.value
            self._token = await self._fetch(ims_url, client_id, client_secret)
            return self._token.value

    async def _fetch(self, ims_url: str, client_id: str, client_secret: str) -> AccessToken:
        url = f"{ims_url.rstrip('/')}/ims/token/v3"
        self.fetches += 1
        form = {
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": client_secret,
            "scope": FIREFLY_SCOPES,
        }
        try:
            resp = await self._send("POST", url, timeout=30, data=form)
        except ProviderError as exc:
            if exc.kind is ErrorKind.PROVIDER_DOWN:
                exc.message = f"cannot reach Adobe IMS at {ims_url} ({exc.__cause__ or 'refused'})"
            else:
                exc.message = f"Adobe IMS at {ims_url}: {exc.message}"
            raise
        try:
            body = resp.json()
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        if resp.status_code != 200 or not body.get("access_token"):
            raise _ims_error(resp, body, url)
        expires_in = float(body.get("expires_in") or 3600)
        # Stop using a token a little before IMS does: 10% of its life, at most 5 minutes.
        margin = min(300.0, expires_in * 0.1)
        return AccessToken(str(body["access_token"]), self._clock() + expires_in - margin)


def _ims_error(resp: httpx.Response, body: dict, url: str) -> ProviderError:
    code = str(body.get("error") or "")
    detail = body.get("error_description") or resp.text[:200] or f"HTTP {resp.status_code}"
    message = f"Adobe IMS refused the client credentials at {url}: {code or 'error'}: {detail}"
    if code in AUTH_ERRORS or resp.status_code in (400, 401, 403):
        kind = ErrorKind.AUTH
    elif resp.status_code == 429:
        kind = ErrorKind.RATE_LIMITED
    elif resp.status_code in (502, 503, 504):
        kind = ErrorKind.PROVIDER_DOWN
    elif resp.status_code == 404:
        kind = ErrorKind.BAD_REQUEST
        message = f"no Adobe IMS token endpoint at {url} (HTTP 404): check FIREFLY_IMS_URL"
    else:
        kind = ErrorKind.TRANSIENT
    return ProviderError(kind, message, status=resp.status_code, code=code or None,
                         provider="firefly")
