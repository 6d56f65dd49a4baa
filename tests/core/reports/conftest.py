"""Report tests use the analytics known-data store."""

from __future__ import annotations

import pytest

from desktop.core.analytics.service import AnalyticsService
from desktop.core.reports.service import ReportService
from tests.core.analytics.conftest import known_store, workflow_store  # noqa: F401 - fixtures
from tests.core.analytics.known_data import D1, DAY, missing_contract

NOW = D1 + 6 * DAY + 3600


@pytest.fixture
def reports(workflow_store) -> ReportService:  # noqa: F811 - the fixture above
    analytics = AnalyticsService(workflow_store.db, clock=lambda: NOW)
    yield ReportService(analytics, workflow_store.root, clock=lambda: NOW)
    analytics.close()


@pytest.fixture
def plain_reports(known_store) -> ReportService:  # noqa: F811
    """A library without the workflow's and accounts' tables."""
    analytics = AnalyticsService(known_store.db, clock=lambda: NOW, contract=missing_contract())
    yield ReportService(analytics, known_store.root, clock=lambda: NOW)
    analytics.close()
