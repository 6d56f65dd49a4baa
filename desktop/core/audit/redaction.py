"""Keeping secrets out of audit details: values under secret-looking names are dropped,
and every string passes the secrets Redactor as a second line of defence."""

from __future__ import annotations

from typing import Any

from desktop.core.secrets import Redactor

SECRET_WORDS = ("password", "passphrase", "secret", "token", "api_key", "apikey", "credential",
                "access_key", "account_key", "private")
REDACTED = "[redacted]"


def is_secret_name(name: str) -> bool:
    lowered = name.lower()
    return lowered in ("key", "value") or any(word in lowered for word in SECRET_WORDS)


def scrub_details(details: Any, redactor: Redactor | None) -> Any:
    """A copy of `details` safe to store. A secret's *name* goes under "name"."""
    if isinstance(details, dict):
        return {str(k): (REDACTED if is_secret_name(str(k)) else scrub_details(v, redactor))
                for k, v in details.items()}
    if isinstance(details, (list, tuple)):
        return [scrub_details(v, redactor) for v in details]
    if isinstance(details, str) and redactor is not None:
        return redactor.scrub(details)
    return details
