"""Forecasts recover a known trend and weekday pattern; cost-benefit per project."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from desktop.core.analytics.filters import Filter, midnight
from desktop.core.analytics.roi import RoiInputs
from desktop.core.analytics.service import AnalyticsService
from desktop.core.store.database import Database
from tests.core.analytics.known_data import missing_contract

START = date(2026, 6, 1)  # a Monday
EFFECT = [3.0, 2.0, 1.0, 0.0, -1.0, -2.0, -3.0]  # Monday .. Sunday, sums to 0


def _spend(day_index: int) -> float:
    return 20.0 + 0.5 * day_index + EFFECT[day_index % 7]


@pytest.fixture
def history(library_dir) -> Database:
    """84 days of spend following 20 + 0.5·t + a weekday effect exactly (no noise)."""
    db = Database(library_dir / "library.db").open()
    with db.engine_or_raise().begin() as conn:
        for i in range(84):
            at = midnight(START + timedelta(days=i), 0) + 12 * 3600
            conn.execute(text("INSERT INTO usage_ledger (created_at, provider, model, amount_usd, kind, note)"
                              " VALUES (:t, 'openai', 'm', :a, 'actual', '')"), {"t": at, "a": _spend(i)})
    yield db
    db.close()


def test_a_noise_free_trend_and_weekday_pattern_is_recovered(history) -> None:
    now = midnight(START + timedelta(days=84), 0) + 3600  # the morning after the last day
    f = AnalyticsService(history, clock=lambda: now).forecast("spend", Filter(), weeks=2)
    assert f.ok and len(f.history) == 84
    assert f.trend_per_week == pytest.approx(3.5)
    assert f.weekday_effects["Mon"] == pytest.approx(3.0) and f.weekday_effects["Sun"] == pytest.approx(-3.0)
    assert f.holdout_mae == pytest.approx(0.0, abs=1e-6) and len(f.holdout) == 14
    assert f.naive_mae == pytest.approx(3.5)  # a week of trend: 7 × 0.5
    assert [round(p.value, 6) for p in f.daily[:3]] == [_spend(84), _spend(85), _spend(86)]
    assert f.weekly[0].value == pytest.approx(sum(_spend(i) for i in range(84, 91)))
    assert f.daily[0].start == START + timedelta(days=84)
    assert "+3.50 per week" in f.explanation() and "Mon is the busiest day" in f.explanation()


def test_held_out_error_shows_when_the_pattern_breaks(history) -> None:
    with history.engine_or_raise().begin() as conn:  # the last week doubles
        conn.execute(text("UPDATE usage_ledger SET amount_usd = amount_usd * 2 WHERE created_at >= :t"),
                     {"t": midnight(START + timedelta(days=77), 0)})
    now = midnight(START + timedelta(days=84), 0) + 3600
    f = AnalyticsService(history, clock=lambda: now).forecast("spend", Filter())
    assert f.holdout_mae > 10 and f.holdout_mape > 20


def test_too_little_history_is_said_not_guessed(history) -> None:
    now = midnight(START + timedelta(days=10), 0)
    f = AnalyticsService(history, clock=lambda: now).forecast("spend", Filter())
    assert not f.ok and f.note == "not enough history: 10 days with data, need 21"


def test_only_counts_and_amounts_can_be_forecast(history) -> None:
    with pytest.raises(ValueError, match="success_rate"):
        AnalyticsService(history).forecast("success_rate", Filter())


def test_cost_benefit_uses_accepted_images_when_picks_exist(workflow_store) -> None:
    rows = AnalyticsService(workflow_store.db).cost_benefit(Filter(), RoiInputs(0.5, 40.0))
    by_name = {r.name: r for r in rows}
    spring = by_name["春季型錄"]  # project 10: J1 accepted, J2 rejected, spend .08
    assert (spring.images_made, spring.accepted, spring.hours_saved, spring.value) == (2, 1, 0.5, 20.0)
    assert spring.net == pytest.approx(19.92) and spring.roi_pct == pytest.approx(24900.0)
    assert by_name["Landscapes"].net == pytest.approx(-0.03)  # nothing accepted
    assert rows[-1].name == "Landscapes"  # sorted by net value


def test_cost_benefit_counts_images_made_without_picks(known_store) -> None:
    rows = AnalyticsService(known_store.db, contract=missing_contract()).cost_benefit(Filter(), RoiInputs(1.0, 10.0))
    project = next(r for r in rows if r.project_id == 10)
    assert project.accepted is None and project.basis == "images made (no picks recorded)"
    assert project.value == 20.0 and project.name == "Project 10"
    with pytest.raises(ValueError):
        RoiInputs(-1, 10)
