"""`AnalyticsService`: the one object the Analytics tab and the reports call. Every method
is synchronous and reads the store with SQL aggregations; the tab runs them in a worker."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import text

from desktop.core.analytics import charts, rollups
from desktop.core.analytics.dashboard import Dashboard, build_dashboard
from desktop.core.analytics.dimensions import Dim
from desktop.core.analytics.failures import FailureMessage, top_error_messages
from desktop.core.analytics.filters import Filter, local_offset
from desktop.core.analytics.forecast import Forecast, forecast
from desktop.core.analytics.live import LiveMonitor
from desktop.core.analytics.metrics import METRICS, Metric
from desktop.core.analytics.query import MetricEngine
from desktop.core.analytics.results import ChartData, Grouped, MetricValue
from desktop.core.analytics.roi import ProjectRoi, RoiInputs, cost_benefit, project_names
from desktop.core.analytics.workflow_tables import Availability, WorkflowContract
from desktop.core.events import EventBus
from desktop.core.store.database import Database


@dataclass(frozen=True)
class FilterOptions:
    """What the tab's filter boxes offer: values present in the library."""

    providers: list[str]
    models: list[str]
    batches: list[tuple[int, str]]
    projects: list[tuple[int, str]]
    profiles: list[tuple[int, str]]


class AnalyticsService:
    def __init__(self, db: Database, *, contract: WorkflowContract | None = None,
                 clock: Callable[[], float] = time.time, use_rollups: bool = True) -> None:
        self.db = db
        self.engine = MetricEngine(db, contract, use_rollups=use_rollups)
        self.clock = clock

    def close(self) -> None:
        """Release the read connections (the store itself stays open)."""
        self.engine.close()

    # -- definitions and raw metrics --------------------------------------------------
    @staticmethod
    def metrics() -> tuple[Metric, ...]:
        return METRICS

    # -- daily rollups ---------------------------------------------------------------------
    def ensure_rollups(self, tz_offset_s: int | None = None) -> bool:
        """Build the daily rollups for `tz_offset_s` (the machine's offset by default) unless
        they are built for it already; True when they were (re)built. A write: run it on the
        store's writer. Once built, triggers keep them current."""
        tz = local_offset(self.clock()) if tz_offset_s is None else tz_offset_s
        with self.db.engine_or_raise().begin() as conn:
            state = rollups.read_state(conn)
            if state is not None and state.tz_offset_s == tz:
                return False
            rollups.rebuild(conn, tz, self.clock())
        return True

    def availability(self) -> Availability:
        return self.engine.availability()

    def values(self, keys: Iterable[str], flt: Filter) -> dict[str, MetricValue]:
        return self.engine.values(keys, flt)

    def grouped(self, keys: Iterable[str], flt: Filter, by: tuple[Dim, ...]) -> Grouped:
        return self.engine.grouped(keys, flt, by)

    # -- charts -------------------------------------------------------------------------
    def dashboard(self, flt: Filter, *, monthly_budget_usd: float | None = None,
                  bucket: Dim | None = None) -> Dashboard:
        return build_dashboard(self.engine, flt, now=self.clock(),
                               monthly_budget_usd=monthly_budget_usd, bucket=bucket)

    def time_series(self, keys: list[str], flt: Filter, bucket: Dim | None = None) -> ChartData:
        return charts.time_series(self.engine, keys, flt, key="custom", title="", bucket=bucket)

    def split_series(self, key: str, split: Dim, flt: Filter, bucket: Dim | None = None) -> ChartData:
        return charts.split_series(self.engine, key, split, flt, key="custom", title="", bucket=bucket)

    def by_dimension(self, keys: list[str], dim: Dim, flt: Filter) -> ChartData:
        return charts.by_dimension(self.engine, keys, dim, flt, key="custom", title="")

    def latency(self, flt: Filter) -> list[charts.LatencyDistribution]:
        return charts.latency_distributions(self.engine, flt)

    def error_messages(self, flt: Filter, limit: int = 20) -> list[FailureMessage]:
        return top_error_messages(self.engine, flt, limit)

    # -- forecasts, cost-benefit, live ------------------------------------------------------
    def forecast(self, metric_key: str, flt: Filter, weeks: int = 4) -> Forecast:
        return forecast(self.engine, metric_key, flt, now=self.clock(), weeks=weeks)

    def cost_benefit(self, flt: Filter, inputs: RoiInputs) -> list[ProjectRoi]:
        return cost_benefit(self.engine, flt, inputs)

    def live_monitor(self, events: EventBus, on_update: Callable[[], None] | None = None,
                     window_s: float = 600.0) -> LiveMonitor:
        return LiveMonitor(self.db, events, clock=self.clock, on_update=on_update, window_s=window_s)

    # -- filter choices -------------------------------------------------------------------
    def filter_options(self) -> FilterOptions:
        avail = self.availability()
        with self.engine.connect() as conn:
            # A skip-scan over the provider index: one probe per distinct value.
            providers = list(conn.execute(text(
                "WITH RECURSIVE p(x) AS (SELECT MIN(provider) FROM attempts UNION ALL"
                " SELECT (SELECT MIN(provider) FROM attempts WHERE provider > x) FROM p WHERE x IS NOT NULL)"
                " SELECT x FROM p WHERE x IS NOT NULL")).scalars())
            models = list(conn.execute(text(
                "SELECT DISTINCT model FROM jobs WHERE model <> '' ORDER BY model")).scalars())
            batches = [(int(i), str(n)) for i, n in conn.execute(text(
                "SELECT id, name FROM batches ORDER BY id DESC LIMIT 500"))]
            profiles: list[tuple[int, str]] = []
            if avail.has("profiles"):
                p = self.engine.contract.profiles
                profiles = [(int(i), str(n)) for i, n in conn.execute(text(
                    f'SELECT {p.col("id")}, {p.col("name")} FROM "{p.table}" ORDER BY 2'))]
        projects = sorted(project_names(self.engine).items(), key=lambda kv: kv[1])
        return FilterOptions(providers, models, batches, projects, profiles)
