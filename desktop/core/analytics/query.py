"""The metric engine: turns metric keys, a filter and a grouping into SQL aggregations,
runs them, and merges the results. Rows are never loaded into Python; only one row per
group comes back.

Metrics on the same fact table are computed in one SELECT; percentiles in one window-
function query per value; ratios afterwards from their parts, per group.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import replace

from sqlalchemy import text
from sqlalchemy.engine import Connection

from desktop.core.analytics import rollups
from desktop.core.analytics.dimensions import FILTER_DIMS, Dim, bucket_date
from desktop.core.analytics.facts import Fact, core_facts, workflow_facts
from desktop.core.analytics.filters import Filter
from desktop.core.analytics.metrics import Metric, metric
from desktop.core.analytics.reader import StoreReader
from desktop.core.analytics.results import Grouped, GroupKey, GroupRow, MetricValue
from desktop.core.analytics.workflow_tables import Availability, WorkflowContract, probe
from desktop.core.store.database import Database

NO_DATA = "no data"


def _expand(keys: Iterable[str]) -> list[Metric]:
    """The metrics asked for plus the parts their ratios need, parts first."""
    out: dict[str, Metric] = {}

    def add(key: str) -> None:
        m = metric(key)
        if m.ratio:
            add(m.ratio[0])
            add(m.ratio[1])
        out.setdefault(key, m)

    for key in keys:
        add(key)
    return list(out.values())


class MetricEngine:
    """Computes registry metrics over one library database."""

    def __init__(self, db: Database, contract: WorkflowContract | None = None, *,
                 use_rollups: bool = True) -> None:
        self.db = db
        self.use_rollups = use_rollups
        self.contract = contract or WorkflowContract()
        self.facts: dict[str, Fact] = {**core_facts(), **workflow_facts(self.contract)}
        self.reader = StoreReader(db)
        self.rollup_reads = 0  # aggregate queries answered from the daily rollups

    def connect(self) -> AbstractContextManager[Connection]:
        """A read connection that never takes the store's write lock."""
        return self.reader.connect()

    def close(self) -> None:
        self.reader.close()

    def rollups_usable(self, flt: Filter, by: tuple[Dim, ...] = ()) -> bool:
        if not self.use_rollups:
            return False
        with self.connect() as conn:
            return rollups.usable(rollups.read_state(conn), flt, by)

    def availability(self) -> Availability:
        with self.connect() as conn:
            return probe(conn, self.contract)

    def values(self, keys: Iterable[str], flt: Filter) -> dict[str, MetricValue]:
        keys = list(keys)
        result = self.grouped(keys, flt)
        row = result.total_row()
        out = {}
        for key in keys:
            value = row.get(key)
            note = result.unavailable.get(key, "" if value is not None else NO_DATA)
            out[key] = MetricValue(key, value, note)
        return out

    def grouped(self, keys: Iterable[str], flt: Filter, by: tuple[Dim, ...] = ()) -> Grouped:
        wanted = list(dict.fromkeys(keys))
        plan = _expand(wanted)
        with self.connect() as conn:
            avail = probe(conn, self.contract)
            unavailable: dict[str, str] = {}
            merged: dict[GroupKey, dict[str, float | None]] = {}
            runnable: dict[str, list[Metric]] = {}
            for m in plan:
                if m.ratio:
                    continue
                why = self._why_not(m, flt, by, avail)
                if why:
                    unavailable[m.key] = why
                else:
                    runnable.setdefault(m.fact or "", []).append(m)
            summed = self.use_rollups and rollups.usable(rollups.read_state(conn), flt, by)
            for fact_key, metrics in runnable.items():
                fact = self.facts[fact_key]
                aggs = [m for m in metrics if m.sql]
                swapped = rollups.swap(fact_key, aggs) if summed and aggs else None
                if swapped:  # the same sums from the daily rollups: a few rows a day
                    self.rollup_reads += 1
                    self._run_aggregates(conn, swapped[0], swapped[1], flt, by, merged)
                elif aggs:
                    self._run_aggregates(conn, fact, aggs, self._filter_for(fact, flt), by, merged)
                by_value: dict[tuple[str, str], list[Metric]] = {}
                for m in metrics:
                    if m.percentile:
                        by_value.setdefault(m.percentile[:2], []).append(m)
                for (value, cond), pms in by_value.items():
                    self._run_percentiles(conn, fact, value, cond, pms, self._filter_for(fact, flt), by, merged)
        for m in plan:  # parts come before the ratios that use them
            bad = [p for p in (m.ratio or ())[:2] if p in unavailable]
            if bad:
                unavailable[m.key] = unavailable[bad[0]]
        if not by and not merged:
            merged[()] = {}
        rows = []
        for key in sorted(merged, key=_sort_key):
            values = merged[key]
            for m in plan:
                if m.key in unavailable:
                    values[m.key] = None
                elif m.ratio:
                    n, d = values.get(m.ratio[0]), values.get(m.ratio[1])
                    values[m.key] = n / d * m.ratio[2] if n is not None and d else None
                elif values.get(m.key) is None and m.empty_is_zero:
                    values[m.key] = 0.0
            rows.append(GroupRow(key, {k: values.get(k) for k in wanted}))
        return Grouped(by, tuple(wanted), rows, {k: v for k, v in unavailable.items() if k in wanted})

    # -- internals ---------------------------------------------------------------------
    def _why_not(self, m: Metric, flt: Filter, by: tuple[Dim, ...], avail: Availability) -> str:
        fact = self.facts[m.fact or ""]
        if fact.requires and not avail.has(fact.requires):
            return avail.reason(fact.requires)
        if fact.time_col is None and not fact.dims:
            return "" if not by else f"not available: {m.label} cannot be split by {by[0]}"
        for dim in by:
            if not fact.supports(dim):
                return f"not available: {m.label} cannot be split by {dim}"
        for name in flt.dimensions:
            if not fact.supports(FILTER_DIMS[name]):
                return f"not available: {m.label} cannot be filtered by {FILTER_DIMS[name]}"
        return ""

    @staticmethod
    def _filter_for(fact: Fact, flt: Filter) -> Filter:
        """Snapshot facts (no time, no dimensions) ignore the range and the dimensions."""
        if fact.time_col is None and not fact.dims:
            return Filter(tz_offset_s=flt.tz_offset_s)
        return flt

    @staticmethod
    def _group_sql(fact: Fact, by: tuple[Dim, ...]) -> tuple[list[str], tuple[str, ...]]:
        exprs, joins = [], ()
        for dim in by:
            expr, needs = fact.dim_sql(dim)
            exprs.append(expr)
            joins += needs
        return exprs, joins

    def _run_aggregates(self, conn: Connection, fact: Fact, metrics: list[Metric], flt: Filter,
                        by: tuple[Dim, ...], merged: dict[GroupKey, dict[str, float | None]]) -> None:
        exprs, joins = self._group_sql(fact, by)
        body, params = fact.from_and_where(flt, joins)
        cols = [f"{e} AS g{i}" for i, e in enumerate(exprs)]
        cols += [f"{m.sql} AS m{i}" for i, m in enumerate(metrics)]
        group = f" GROUP BY {', '.join(f'g{i}' for i in range(len(exprs)))}" if exprs else ""
        for row in conn.execute(text(f"SELECT {', '.join(cols)} {body}{group}"), params):
            key = _key(by, row[: len(exprs)])
            slot = merged.setdefault(key, {})
            for i, m in enumerate(metrics):
                value = row[len(exprs) + i]
                slot[m.key] = float(value) if value is not None else None

    def _run_percentiles(self, conn: Connection, fact: Fact, value: str, cond: str,
                         metrics: list[Metric], flt: Filter, by: tuple[Dim, ...],
                         merged: dict[GroupKey, dict[str, float | None]]) -> None:
        exprs, joins = self._group_sql(fact, by)
        body, params = fact.from_and_where(flt, joins, condition=cond)
        part = f"PARTITION BY {', '.join(exprs)} " if exprs else ""
        inner = ", ".join([f"{e} AS g{i}" for i, e in enumerate(exprs)] + [
            f"{value} AS v",
            f"ROW_NUMBER() OVER ({part}ORDER BY {value}) AS rn",
            f"COUNT(*) OVER ({part.strip()}) AS n",
        ])
        picks = ", ".join(
            f"MIN(CASE WHEN rn * 100 >= n * {int(m.percentile[2])} THEN v END) AS p{i}"  # type: ignore[index]
            for i, m in enumerate(metrics)
        )
        gcols = [f"g{i}" for i in range(len(exprs))]
        group = f" GROUP BY {', '.join(gcols)}" if gcols else ""
        outer = ", ".join(gcols + [picks])
        sql = f"SELECT {outer} FROM (SELECT {inner} {body}){group}"
        for row in conn.execute(text(sql), params):
            key = _key(by, row[: len(exprs)])
            if not by and row[len(exprs)] is None:
                merged.setdefault(key, {})
                continue
            slot = merged.setdefault(key, {})
            for i, m in enumerate(metrics):
                v = row[len(exprs) + i]
                slot[m.key] = float(v) if v is not None else None


def _key(by: tuple[Dim, ...], raw: tuple) -> GroupKey:
    return tuple(bucket_date(d, v) if d.is_time and v is not None else v for d, v in zip(by, raw, strict=True))


def _sort_key(key: GroupKey) -> tuple:
    """Groups in order, the None group (e.g. "no project") last."""
    return tuple((v is None, v if v is not None else "") for v in key)


def with_dimension(flt: Filter, dim: Dim, value: object) -> Filter:
    """The filter narrowed to one group (for drill-down from a chart)."""
    field = {v: k for k, v in FILTER_DIMS.items()}.get(dim)
    if field is None:
        raise ValueError(f"cannot filter by {dim}")
    return replace(flt, **{field: value})


def roll_up(fine: Grouped, dims: tuple[Dim, ...], keys: list[str]) -> Grouped:
    """`fine` summed down to `dims` (a subset of its dimensions). Only additive metrics and
    ratios of them can be rolled up; their parts must be among `fine.metrics`."""
    plan = _expand(keys)
    for m in plan:
        if not (m.additive or m.ratio):
            raise ValueError(f"{m.key} is not additive: query it with its own grouping")
        if m.additive and m.key not in fine.metrics:
            raise ValueError(f"{m.key} is not in the fine grouping")
    positions = [fine.dims.index(d) for d in dims]
    sums: dict[GroupKey, dict[str, float | None]] = {}
    for row in fine.rows:
        slot = sums.setdefault(tuple(row.key[i] for i in positions), {})
        for m in plan:
            if m.additive:
                slot[m.key] = (slot.get(m.key) or 0.0) + (row.values.get(m.key) or 0.0)
    unavailable = {k: v for k, v in fine.unavailable.items()}
    for m in plan:
        bad = [p for p in (m.ratio or ())[:2] if p in unavailable]
        if bad:
            unavailable[m.key] = unavailable[bad[0]]
    if not dims and not sums:
        sums[()] = {m.key: 0.0 for m in plan if m.additive}
    rows = []
    for key in sorted(sums, key=_sort_key):
        values = sums[key]
        for m in plan:
            if m.key in unavailable:
                values[m.key] = None
            elif m.ratio:
                n, d = values.get(m.ratio[0]), values.get(m.ratio[1])
                values[m.key] = n / d * m.ratio[2] if n is not None and d else None
        rows.append(GroupRow(key, {k: values.get(k) for k in keys}))
    return Grouped(dims, tuple(keys), rows, {k: v for k, v in unavailable.items() if k in keys})
