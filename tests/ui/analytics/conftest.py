"""The Analytics tab over real services on a library filled with the known data of
tests/core/analytics (exact numbers worked out by hand there), with the analytics clock
set to the morning of Thu 2026-11-05 so "this month" is November 2026."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from sqlalchemy import text

from desktop.core.analytics.filters import midnight
from desktop.core.services import Services
from tests.core.analytics import known_data
from tests.core.analytics.known_data import D1, DAY
from tests.ui.conftest import run

NOW = D1 + 3 * DAY + 9 * 3600  # Thu 2026-11-05 09:00 UTC


@pytest.fixture
def filled(services: Services) -> Services:
    assets = known_data.fill(services.db, services.root)
    known_data.add_workflow(services.db, assets)
    services.analytics.clock = lambda: NOW
    return services


def add_history(services: Services, days: int = 63, last: date = date(2026, 11, 4), noise: float = 0.0) -> None:
    """Daily spend for the forecast: 20 + 0.5·t US$ plus a weekday pattern (plus seeded
    noise of ±`noise` when asked), over `days` days ending `last`."""
    effect = [3.0, 2.0, 1.0, 0.0, -1.0, -2.0, -3.0]
    jitter = random.Random(7)
    first = last - timedelta(days=days - 1)
    with services.db.engine_or_raise().begin() as conn:
        for i in range(days):
            day = first + timedelta(days=i)
            amount = 20.0 + 0.5 * i + effect[day.weekday()] + jitter.uniform(-noise, noise)
            at = midnight(day, 0) + 12 * 3600
            conn.execute(text("INSERT INTO usage_ledger (created_at, provider, model, amount_usd, kind, note)"
                              " VALUES (:t, 'openai', 'gpt-image-1', :a, 'actual', '')"), {"t": at, "a": amount})


@pytest.fixture
def view(filled: Services, bridge: Any, qtbot: Any, english_locale: None) -> Iterator[Any]:
    from desktop.ui.analytics.analytics_view import AnalyticsView

    made = AnalyticsView(filled, bridge)
    made.resize(1280, 860)
    made.show()
    qtbot.waitExposed(made)
    yield made
    # As the window does: stop the tab's work while it still exists, then delete it.
    made.shutdown()
    run(qtbot, bridge.drain(timeout=8))
    made.close()
    made.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def wait_dashboard(qtbot: Any, view: Any, timeout: int = 10_000) -> Any:
    qtbot.waitUntil(lambda: view.dashboard.dashboard is not None and not view.reader.is_busy("dashboard"),
                    timeout=timeout)
    return view.dashboard.dashboard
