"""The one registry of metric definitions: key, label, unit, formula in words and the SQL
that computes it. The Analytics tab, the reports and the tests all read metrics from here.

Three kinds: an aggregate (an SQL aggregate expression over one fact table), a ratio of
two other metrics (computed after aggregation, per group), and a nearest-rank percentile
(computed in SQL with window functions). Units are in `units.Unit`; percentages are 0–100.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.analytics.units import Unit


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: Unit
    formula: str  # in words, for the tab's tooltips and the reports' glossary
    fact: str | None = None
    sql: str | None = None  # aggregate expression over the fact's alias
    ratio: tuple[str, str, float] | None = None  # numerator key, denominator key, scale
    percentile: tuple[str, str, int] | None = None  # value expression, condition, p in 1..99
    empty_is_zero: bool = True  # a group with no rows counts as 0 (sums), not "no value"

    @property
    def kind(self) -> str:
        return "ratio" if self.ratio else "percentile" if self.percentile else "aggregate"

    @property
    def is_money(self) -> bool:
        return self.unit.is_money

    @property
    def additive(self) -> bool:
        """Sums and counts: totals of groups add up to the total of their union, so a fine
        grouping can be rolled up in Python instead of scanning again."""
        return bool(self.sql) and self.sql.startswith(("SUM(", "COUNT(*)")) and "DISTINCT" not in self.sql

    def sql_text(self) -> str:
        """The SQL shown in the glossary: the expression, the ratio or the percentile."""
        if self.sql:
            return f"{self.sql}  -- over {self.fact}"
        if self.ratio:
            num, den, scale = self.ratio
            times = f" * {scale:g}" if scale != 1 else ""
            return f"{num} / NULLIF({den}, 0){times}"
        assert self.percentile
        value, cond, p = self.percentile
        return (f"nearest-rank p{p} of {value} WHERE {cond}: the smallest value whose "
                f"ROW_NUMBER() OVER (ORDER BY {value}) * 100 >= {p} * COUNT(*)  -- over {self.fact}")


def _agg(key: str, label: str, unit: Unit, formula: str, fact: str, sql: str,
         empty_is_zero: bool = True) -> Metric:
    return Metric(key, label, unit, formula, fact=fact, sql=sql, empty_is_zero=empty_is_zero)


def _ratio(key: str, label: str, unit: Unit, formula: str, num: str, den: str,
           scale: float = 1.0) -> Metric:
    return Metric(key, label, unit, formula, ratio=(num, den, scale), empty_is_zero=False)


def _pct(key: str, label: str, unit: Unit, formula: str, fact: str, value: str, cond: str,
         p: int) -> Metric:
    return Metric(key, label, unit, formula, fact=fact, percentile=(value, cond, p),
                  empty_is_zero=False)


OK_CALL = "a.outcome = 'succeeded'"
U = Unit

METRICS: tuple[Metric, ...] = (
    # --- provider calls (attempts) -----------------------------------------------------
    _agg("images_made", "Images made", U.COUNT,
         "provider calls that returned an image (cache hits excluded), by call start time",
         "attempts", f"SUM({OK_CALL})"),
    _agg("provider_calls", "Provider calls", U.COUNT,
         "finished provider calls: succeeded + failed (cache hits and interrupted calls excluded)",
         "attempts", "SUM(a.outcome IN ('succeeded', 'failed'))"),
    _agg("failed_calls", "Failed calls", U.COUNT,
         "provider calls that failed, whatever happened to the job afterwards",
         "attempts", "SUM(a.outcome = 'failed')"),
    _agg("cache_hits", "Cache hits", U.COUNT,
         "jobs answered from the request cache instead of a provider call",
         "attempts", "SUM(a.outcome = 'cached')"),
    _agg("retries", "Retries", U.COUNT,
         "calls beyond the first for each job: calls (cache hits excluded) − distinct jobs called",
         "attempts",
         "SUM(a.outcome <> 'cached') - COUNT(DISTINCT CASE WHEN a.outcome <> 'cached' THEN a.job_id END)"),
    _agg("busy_hours", "Busy hours", U.HOURS,
         "clock hours in which at least one image was finished",
         "attempts", f"COUNT(DISTINCT CASE WHEN {OK_CALL} THEN CAST(a.finished_at / 3600 AS INTEGER) END)"),
    _agg("latency_avg", "Latency (mean)", U.MS,
         "mean duration of successful provider calls", "attempts",
         f"AVG(CASE WHEN {OK_CALL} THEN a.duration_ms END)", empty_is_zero=False),
    _pct("latency_p50", "Latency p50", U.MS,
         "median duration of successful provider calls (nearest rank)",
         "attempts", "a.duration_ms", f"{OK_CALL} AND a.duration_ms IS NOT NULL", 50),
    _pct("latency_p95", "Latency p95", U.MS,
         "95th percentile duration of successful provider calls (nearest rank)",
         "attempts", "a.duration_ms", f"{OK_CALL} AND a.duration_ms IS NOT NULL", 95),
    _ratio("call_success_rate", "Call success rate", U.PERCENT,
           "images made / provider calls × 100", "images_made", "provider_calls", 100),
    _ratio("throughput", "Throughput", U.PER_HOUR,
           "images made / busy hours", "images_made", "busy_hours"),
    # --- jobs (final outcome, by finish time) ------------------------------------------
    _agg("jobs_succeeded", "Jobs succeeded", U.COUNT, "jobs that ended with an image",
         "jobs_finished", "SUM(j.state = 'succeeded')"),
    _agg("jobs_failed", "Jobs failed", U.COUNT,
         "jobs that ended failed after retries and fallbacks (by their last error kind)",
         "jobs_finished", "SUM(j.state = 'failed')"),
    _agg("jobs_cancelled", "Jobs cancelled", U.COUNT, "jobs the user cancelled",
         "jobs_finished", "SUM(j.state = 'cancelled')"),
    _agg("jobs_settled", "Jobs settled", U.COUNT, "jobs that succeeded or failed",
         "jobs_finished", "SUM(j.state IN ('succeeded', 'failed'))"),
    _ratio("success_rate", "Success rate", U.PERCENT,
           "jobs succeeded / (jobs succeeded + jobs failed) × 100; cancelled jobs excluded",
           "jobs_succeeded", "jobs_settled", 100),
    _agg("estimated_at_enqueue", "Estimated at enqueue", U.USD,
         "sum of the estimates made when the succeeded jobs were queued", "jobs_finished",
         "SUM(CASE WHEN j.state = 'succeeded' THEN COALESCE(j.estimated_cost, 0) ELSE 0 END)"),
    _agg("cost_of_jobs", "Cost of jobs", U.USD,
         "cost recorded on the succeeded jobs", "jobs_finished",
         "SUM(CASE WHEN j.state = 'succeeded' THEN j.cost_usd ELSE 0 END)"),
    _ratio("cost_vs_estimate", "Cost vs estimate", U.PERCENT,
           "cost of jobs / estimated at enqueue × 100 (100% = the estimate was right)",
           "cost_of_jobs", "estimated_at_enqueue", 100),
    # --- queue wait (by the job's first start) ----------------------------------------
    _agg("queue_wait_avg", "Queue wait (mean)", U.SECONDS,
         "mean time from queueing a job to its first call or cache hit", "jobs_started",
         "AVG(j.started_at - j.created_at)", empty_is_zero=False),
    _pct("queue_wait_p50", "Queue wait p50", U.SECONDS,
         "median time from queueing to the first call (nearest rank)", "jobs_started",
         "(j.started_at - j.created_at)", "1=1", 50),
    _pct("queue_wait_p95", "Queue wait p95", U.SECONDS,
         "95th percentile time from queueing to the first call (nearest rank)", "jobs_started",
         "(j.started_at - j.created_at)", "1=1", 95),
    # --- money (usage ledger) ----------------------------------------------------------
    _agg("spend", "Spend", U.USD,
         "usage ledger: actual + estimated amounts (what the images cost)", "ledger",
         "SUM(CASE WHEN u.kind IN ('actual', 'estimated') THEN u.amount_usd ELSE 0 END)"),
    _agg("spend_actual", "Spend (reported)", U.USD,
         "usage ledger amounts the provider reported (kind = actual)", "ledger",
         "SUM(CASE WHEN u.kind = 'actual' THEN u.amount_usd ELSE 0 END)"),
    _agg("spend_estimated", "Spend (estimated)", U.USD,
         "usage ledger amounts estimated from the price table (kind = estimated)", "ledger",
         "SUM(CASE WHEN u.kind = 'estimated' THEN u.amount_usd ELSE 0 END)"),
    _agg("cache_savings", "Saved by the cache", U.USD,
         "usage ledger: estimated cost of the calls cache hits avoided (kind = saved)", "ledger",
         "SUM(CASE WHEN u.kind = 'saved' THEN u.amount_usd ELSE 0 END)"),
    _ratio("cost_per_image", "Cost per image", U.USD_PER_IMAGE,
           "spend / images made", "spend", "images_made"),
    # --- workflow (present once the workflow feature has its tables) -------------------
    _agg("reviewed_images", "Images reviewed", U.COUNT,
         "images made in the period with a verdict (pick, approve, reject, request changes); the latest counts",
         "decisions", "COUNT(*)"),
    _agg("accepted_images", "Images accepted", U.COUNT,
         "images made in the period whose latest decision is a pick or an approval",
         "decisions", "SUM(d.accepted)"),
    _ratio("acceptance_rate", "Acceptance rate", U.PERCENT,
           "images accepted / images reviewed × 100", "accepted_images", "reviewed_images", 100),
    _ratio("cost_per_accepted_image", "Cost per accepted image", U.USD_PER_IMAGE,
           "spend / images accepted (picks and approvals)", "spend", "accepted_images"),
    _agg("brand_checks", "Brand checks", U.COUNT, "brand checks run on images made in the period",
         "brand_checks", "COUNT(*)"),
    _agg("brand_checks_passed", "Brand checks passed", U.COUNT, "brand checks that passed",
         "brand_checks", "SUM(c.passed)"),
    _ratio("brand_pass_rate", "Brand-check pass rate", U.PERCENT,
           "brand checks passed / brand checks × 100", "brand_checks_passed", "brand_checks", 100),
    _agg("consistency_avg", "Consistency score (mean)", U.SCORE,
         "mean consistency score (0–100) of images made in the period, over every run that scored them",
         "consistency",
         "AVG(k.score)", empty_is_zero=False),
    _agg("sync_backlog", "Sync backlog", U.COUNT,
         "changes waiting in the sync outbox now (one per destination and image); ignores the date range and filters",
         "sync_outbox", "COUNT(*)"),
)


class UnknownMetric(KeyError):
    def __str__(self) -> str:
        return f"no metric named {self.args[0]!r}; known: {', '.join(m.key for m in METRICS)}"


def metric(key: str) -> Metric:
    for m in METRICS:
        if m.key == key:
            return m
    raise UnknownMetric(key)


def glossary() -> list[tuple[str, str, str, str]]:
    """(label, unit, formula, SQL) for every metric, for the reports' appendix."""
    return [(m.label, m.unit.symbol or "count", m.formula, m.sql_text()) for m in METRICS]
