"""The sync UI against a real S3 emulator: the moto server fixture of the integration
tests (started once per session on a free loopback port), a fresh bucket per test, and a
window or settings dialog over the UI test services (tests/ui/conftest.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.conftest import emulator_logs, moto  # noqa: F401  (session fixtures)
from tests.integration.sync_support import s3_bucket


@pytest.fixture
def bucket(moto: Any) -> str:  # noqa: F811
    return s3_bucket(moto)


@pytest.fixture
def english(appearance: Any) -> Any:
    appearance.translations.apply("en")
    return appearance
