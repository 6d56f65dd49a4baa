"""Fact tables: the rows metrics aggregate over, how to reach each dimension from them, and
how a `Filter` becomes a WHERE clause.

A fact is a FROM clause with an alias, optional joins (added only when a filter or a
grouping needs them, so the common case scans one covering index), the time column the
date range applies to, and an SQL expression per dimension.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.analytics.dimensions import FILTER_DIMS, Dim, time_bucket_sql
from desktop.core.analytics.filters import Filter
from desktop.core.analytics.workflow_tables import WorkflowContract, sql_literals


class UnsupportedDimension(ValueError):
    """A fact cannot be grouped or filtered by a dimension."""


@dataclass(frozen=True)
class Fact:
    key: str
    source: str  # FROM clause with alias
    time_col: str | None
    dims: dict[Dim, tuple[str, tuple[str, ...]]]  # dim -> (expression, joins it needs)
    joins: dict[str, str] = field(default_factory=dict)  # join name -> JOIN clause, in order
    where: str = ""
    requires: str | None = None  # a WorkflowContract key that must be present

    def supports(self, dim: Dim) -> bool:
        return dim in self.dims or (dim.is_time and self.time_col is not None)

    def dim_sql(self, dim: Dim) -> tuple[str, tuple[str, ...]]:
        if dim.is_time and self.time_col is not None:
            return time_bucket_sql(dim, self.time_col), ()
        if dim not in self.dims:
            raise UnsupportedDimension(f"{self.key} cannot be grouped or filtered by {dim}")
        return self.dims[dim]

    def from_and_where(self, flt: Filter, extra_joins: tuple[str, ...] = (),
                       condition: str = "") -> tuple[str, dict[str, object]]:
        """`FROM ... JOIN ... WHERE ...` for a filter, and its bound parameters."""
        clauses: list[str] = [self.where] if self.where else []
        params: dict[str, object] = {"tz": flt.tz_offset_s}
        needed = list(extra_joins)
        if self.time_col is not None:
            if flt.start is not None:
                clauses.append(f"{self.time_col} >= :start")
                params["start"] = flt.start
            if flt.end is not None:
                clauses.append(f"{self.time_col} < :end")
                params["end"] = flt.end
        for name, value in flt.dimensions.items():
            expr, joins = self.dim_sql(FILTER_DIMS[name])
            clauses.append(f"{expr} = :f_{name}")
            params[f"f_{name}"] = value
            needed += joins
        if condition:
            clauses.append(condition)
        join_sql = " ".join(clause for name, clause in self.joins.items() if name in needed)
        where = " AND ".join(f"({c})" for c in clauses) or "1=1"
        return f"FROM {self.source} {join_sql} WHERE {where}", params


def core_facts() -> dict[str, Fact]:
    """Facts over the tables every library has (0001)."""
    job_batch = "JOIN batches b ON b.id = j.batch_id"
    attempts = Fact(
        key="attempts", source="attempts a", time_col="a.started_at",
        joins={"j": "JOIN jobs j ON j.id = a.job_id", "b": job_batch},
        dims={
            Dim.PROVIDER: ("a.provider", ()), Dim.MODEL: ("a.model", ()),
            Dim.ERROR_KIND: ("a.error_kind", ()), Dim.BATCH: ("j.batch_id", ("j",)),
            Dim.PROJECT: ("b.project_id", ("j", "b")), Dim.PROFILE: ("b.profile_id", ("j", "b")),
            Dim.PROMPT: ("j.prompt", ("j",)),
        },
    )
    job_dims = {
        Dim.PROVIDER: ("j.provider", ()), Dim.MODEL: ("j.model", ()),
        Dim.ERROR_KIND: ("j.error_kind", ()), Dim.BATCH: ("j.batch_id", ()),
        Dim.PROJECT: ("b.project_id", ("b",)), Dim.PROFILE: ("b.profile_id", ("b",)),
        Dim.PROMPT: ("j.prompt", ()),
    }
    jobs_finished = Fact(
        key="jobs_finished", source="jobs j", time_col="j.finished_at", joins={"b": job_batch},
        dims=job_dims, where="j.finished_at IS NOT NULL",
    )
    jobs_started = Fact(
        key="jobs_started", source="jobs j", time_col="j.started_at", joins={"b": job_batch},
        dims=job_dims, where="j.started_at IS NOT NULL",
    )
    ledger = Fact(
        key="ledger", source="usage_ledger u", time_col="u.created_at",
        joins={"b": "LEFT JOIN batches b ON b.id = u.batch_id"},
        dims={
            Dim.PROVIDER: ("u.provider", ()), Dim.MODEL: ("u.model", ()),
            Dim.BATCH: ("u.batch_id", ()), Dim.PROJECT: ("b.project_id", ("b",)),
            Dim.PROFILE: ("b.profile_id", ("b",)),
        },
    )
    return {f.key: f for f in (attempts, jobs_finished, jobs_started, ledger)}


def _asset_dims() -> dict[Dim, tuple[str, tuple[str, ...]]]:
    return {
        Dim.PROVIDER: ("s.provider", ()), Dim.MODEL: ("s.model", ()),
        Dim.BATCH: ("s.batch_id", ()), Dim.PROJECT: ("s.project_id", ()),
        Dim.PROFILE: ("s.profile_id", ()), Dim.PROMPT: ("s.prompt", ()),
        Dim.STYLE: ("COALESCE(json_extract(s.request_json, '$.style'), '')", ()),
    }


def workflow_facts(contract: WorkflowContract) -> dict[str, Fact]:
    """Facts over other features' tables, joined to the asset they judge. Time is when the
    image was made, so "accepted images" pairs with the spend of the same period."""
    d, c, k, o = contract.decisions, contract.brand_checks, contract.consistency, contract.sync_outbox
    verdicts = f"{d.col('decision')} IN ({sql_literals(contract.verdict_values)})"
    latest = (
        f"(SELECT {d.col('asset_id')} AS asset_id, {d.col('decision')} IN "
        f"({sql_literals(contract.accepted_values)}) AS accepted FROM \"{d.table}\" WHERE rowid IN "
        f"(SELECT MAX(rowid) FROM \"{d.table}\" WHERE {verdicts} AND {d.col('asset_id')} IS NOT NULL"
        f" GROUP BY {d.col('asset_id')})) d"
    )
    decisions = Fact(
        key="decisions", source=f"{latest} JOIN assets s ON s.id = d.asset_id",
        time_col="s.created_at", dims=_asset_dims(), requires=d.key,
    )
    checks = Fact(
        key="brand_checks",
        source=(f"(SELECT {c.col('asset_id')} AS asset_id, CASE WHEN {c.col('passed')} IN "
                f"(1, '1', 'true', 'pass', 'passed') THEN 1 ELSE 0 END AS passed FROM \"{c.table}\") c"
                " JOIN assets s ON s.id = c.asset_id"),
        time_col="s.created_at", dims=_asset_dims(), requires=c.key,
    )
    scores = Fact(
        key="consistency",
        source=(f"(SELECT {k.col('asset_id')} AS asset_id, {k.col('score')} AS score "
                f"FROM \"{k.table}\") k JOIN assets s ON s.id = k.asset_id"),
        time_col="s.created_at", dims=_asset_dims(), requires=k.key,
    )
    outbox = Fact(
        key="sync_outbox", source=f"\"{o.table}\" o", time_col=None, dims={}, requires=o.key,
    )
    return {f.key: f for f in (decisions, checks, scores, outbox)}
