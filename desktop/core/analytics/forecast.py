"""Spend and volume forecasts: a linear trend plus a day-of-week effect, fitted by least
squares on daily totals, with its error on held-out history shown beside it.

Explainable on purpose: the result says "about +$X per week, Mondays +$Y", and its error
on the last two weeks it did not see is compared with the naive forecast "same as the
same weekday last week", so a user can judge whether to trust it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from desktop.core.analytics.dimensions import Dim
from desktop.core.analytics.filters import Filter, day_of, midnight
from desktop.core.analytics.metrics import metric
from desktop.core.analytics.query import MetricEngine
from desktop.core.analytics.units import Unit

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MIN_HISTORY_DAYS = 21
METHOD = ("linear trend + day-of-week effect, least squares on daily totals; "
          "band = ±1.96 × residual standard deviation")


@dataclass(frozen=True)
class ForecastPoint:
    start: date  # the day, or the Monday of a week
    value: float
    low: float
    high: float


@dataclass(frozen=True)
class HoldoutPoint:
    day: date
    actual: float
    predicted: float
    naive: float


@dataclass(frozen=True)
class Forecast:
    metric_key: str
    unit: Unit
    method: str
    history: list[tuple[date, float]]
    daily: list[ForecastPoint] = field(default_factory=list)
    weekly: list[ForecastPoint] = field(default_factory=list)
    holdout: list[HoldoutPoint] = field(default_factory=list)
    holdout_mae: float | None = None  # mean absolute error per day on held-out history
    holdout_mape: float | None = None  # %, over held-out days with a non-zero actual
    naive_mae: float | None = None  # same error for "same weekday last week"
    trend_per_week: float | None = None
    weekday_effects: dict[str, float] = field(default_factory=dict)
    note: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.daily)

    def explanation(self) -> str:
        if not self.ok:
            return self.note
        label = metric(self.metric_key).label.lower()
        busiest = max(self.weekday_effects, key=self.weekday_effects.__getitem__)
        return (f"{label.capitalize()} changes by {self.trend_per_week:+.2f} per week; {busiest} is "
                f"the busiest day ({self.weekday_effects[busiest]:+.2f} against the weekly mean). "
                f"On the last {len(self.holdout)} days held out, the model was off by "
                f"{self.holdout_mae:.2f} a day (naive same-weekday forecast: {self.naive_mae:.2f}).")


def _design(t: np.ndarray, weekdays: np.ndarray) -> np.ndarray:
    """Columns: intercept, trend, and six weekday offsets (effect-coded so they sum to 0)."""
    cols = [np.ones_like(t, dtype=float), t.astype(float)]
    for d in range(6):
        cols.append((weekdays == d).astype(float) - (weekdays == 6).astype(float))
    return np.column_stack(cols)


def fit_predict(values: list[float], first: date, horizon: int) -> tuple[np.ndarray, np.ndarray, float]:
    """Fit on `values` (one per day from `first`); return the coefficients, the next
    `horizon` predictions and the residual standard deviation."""
    y = np.asarray(values, dtype=float)
    t = np.arange(len(y))
    wd = np.array([(first + timedelta(days=int(i))).weekday() for i in t])
    coef, *_ = np.linalg.lstsq(_design(t, wd), y, rcond=None)
    resid = y - _design(t, wd) @ coef
    sd = float(np.sqrt(np.sum(resid**2) / max(len(y) - len(coef), 1)))
    tf = np.arange(len(y), len(y) + horizon)
    wdf = np.array([(first + timedelta(days=int(i))).weekday() for i in tf])
    return coef, _design(tf, wdf) @ coef, sd


def _evaluate(values: list[float], first: date, holdout: int) -> tuple[list[HoldoutPoint], float, float | None, float]:
    train = values[:-holdout]
    _, pred, _ = fit_predict(train, first, holdout)
    points = []
    for i in range(holdout):
        idx = len(train) + i
        points.append(HoldoutPoint(first + timedelta(days=idx), values[idx], max(float(pred[i]), 0.0),
                                   values[idx - 7]))
    mae = float(np.mean([abs(p.actual - p.predicted) for p in points]))
    nonzero = [p for p in points if p.actual]
    mape = float(np.mean([abs(p.actual - p.predicted) / abs(p.actual) for p in nonzero]) * 100) if nonzero else None
    naive = float(np.mean([abs(p.actual - p.naive) for p in points]))
    return points, mae, mape, naive


def forecast(engine: MetricEngine, metric_key: str, flt: Filter, *, now: float, weeks: int = 4,
             history_days: int = 112, holdout_days: int = 14) -> Forecast:
    """Forecast a daily-summable metric (spend, images_made) for the next `weeks` weeks from
    the `history_days` full days before today, under the filter's dimensions."""
    m = metric(metric_key)
    if m.kind != "aggregate" or not m.empty_is_zero:
        raise ValueError(f"{metric_key}: only counts and amounts can be forecast")
    today = day_of(now, flt.tz_offset_s)
    first = today - timedelta(days=history_days)
    hist_filter = flt.with_range(midnight(first, flt.tz_offset_s), midnight(today, flt.tz_offset_s))
    grouped = engine.grouped([metric_key], hist_filter, (Dim.DAY,))
    by_day = {r.key[0]: r.values[metric_key] or 0.0 for r in grouped.rows}
    days = [first + timedelta(days=i) for i in range(history_days)]
    values = [float(by_day.get(d, 0.0)) for d in days]
    start = next((i for i, v in enumerate(values) if v), len(values))  # skip the empty lead-in
    days, values = days[start:], values[start:]
    history = list(zip(days, values, strict=True))
    if len(values) < MIN_HISTORY_DAYS:
        return Forecast(metric_key, m.unit, METHOD, history,
                        note=f"not enough history: {len(values)} days with data, need {MIN_HISTORY_DAYS}")
    holdout = min(holdout_days, len(values) // 3)
    points, mae, mape, naive = _evaluate(values, days[0], holdout)
    horizon = weeks * 7
    coef, pred, sd = fit_predict(values, days[0], horizon)
    daily = [ForecastPoint(today + timedelta(days=i), max(float(v), 0.0), max(float(v) - 1.96 * sd, 0.0),
                           float(v) + 1.96 * sd) for i, v in enumerate(pred)]
    weekly = _weekly(daily, sd)
    effects = {WEEKDAYS[d]: float(coef[2 + d]) for d in range(6)}
    effects["Sun"] = -sum(effects.values())
    return Forecast(metric_key, m.unit, METHOD, history, daily, weekly, points, mae, mape, naive,
                    float(coef[1]) * 7, effects)


def _weekly(daily: list[ForecastPoint], sd: float) -> list[ForecastPoint]:
    """Totals of whole 7-day blocks from the first forecast day (errors add in quadrature)."""
    out = []
    for i in range(0, len(daily) - 6, 7):
        block = daily[i:i + 7]
        total = sum(p.value for p in block)
        band = 1.96 * sd * np.sqrt(7)
        out.append(ForecastPoint(block[0].start, total, max(total - band, 0.0), total + band))
    return out
