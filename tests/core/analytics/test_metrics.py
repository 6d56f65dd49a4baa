"""Every registry metric over the known store (known_data.py), against values worked out
by hand from the rows listed there."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.core.analytics.dimensions import Dim
from desktop.core.analytics.filters import Filter
from desktop.core.analytics.metrics import METRICS, UnknownMetric, glossary, metric
from desktop.core.analytics.query import MetricEngine
from desktop.core.analytics.workflow_tables import TableContract, WorkflowContract
from tests.core.analytics.known_data import D1, DAY, missing_contract

# Worked out from known_data.JOBS:
EXPECTED = {
    "images_made": 5,  # J1 (2nd call), J2, J4, J7, J8
    "provider_calls": 10,  # 11 attempts minus J5's cache hit
    "failed_calls": 5,  # J1 rate-limited, J3 refused, J6 x3
    "cache_hits": 1,  # J5
    "retries": 3,  # 10 calls - 7 distinct jobs called
    "busy_hours": 3,  # Nov 2 09h, Nov 3 10h, Nov 4 14h
    "latency_avg": 3000,  # mean of 1000, 2000, 3000, 4000, 5000
    "latency_p50": 3000,  # rank ceil(0.5 * 5) = 3
    "latency_p95": 5000,  # rank ceil(0.95 * 5) = 5
    "call_success_rate": 50.0,  # 5 / 10
    "throughput": 5 / 3,
    "jobs_succeeded": 6,  # J1 J2 J4 J5 J7 J8
    "jobs_failed": 2,  # J3 J6
    "jobs_cancelled": 1,  # J9
    "jobs_settled": 8,
    "success_rate": 75.0,  # 6 / 8
    "estimated_at_enqueue": 0.19,  # .04 + .04 + .035 + .035 + .04 + 0
    "cost_of_jobs": 0.16,  # .04 + .04 + .03 + 0 + .05 + 0
    "cost_vs_estimate": 0.16 / 0.19 * 100,
    "queue_wait_avg": 45.625,  # (10 + 20 + 30 + 60 + 120 + 5 + 30 + 90) / 8
    "queue_wait_p50": 30,  # sorted 5 10 20 30 30 60 90 120: rank 4
    "queue_wait_p95": 120,  # rank ceil(7.6) = 8
    "spend": 0.16,  # actual .13 + estimated .03
    "spend_actual": 0.13,
    "spend_estimated": 0.03,
    "cache_savings": 0.035,
    "cost_per_image": 0.032,  # .16 / 5
    "sync_backlog": 0,
}
WORKFLOW = {
    "reviewed_images": 4,  # J1 J2 J4 J7 have verdicts
    "accepted_images": 2,  # J1 pick, J7 approve (a later comment is no verdict); J4's latest is a reject
    "acceptance_rate": 50.0,
    "cost_per_accepted_image": 0.08,  # .16 / 2
    "brand_checks": 3,
    "brand_checks_passed": 2,
    "brand_pass_rate": 200 / 3,
    "consistency_avg": 80.0,  # (90 + 70) / 2
}


def test_every_metric_has_a_test_value() -> None:
    assert {m.key for m in METRICS} == set(EXPECTED) | set(WORKFLOW)


def test_core_metrics_match_the_hand_computed_values(known_store) -> None:
    values = MetricEngine(known_store.db).values(EXPECTED, Filter())
    for key, expected in EXPECTED.items():
        assert values[key].value == pytest.approx(expected), key


def test_workflow_metrics_read_the_workflow_tables_when_they_exist(workflow_store) -> None:
    values = MetricEngine(workflow_store.db).values(WORKFLOW, Filter())
    for key, expected in WORKFLOW.items():
        assert values[key].value == pytest.approx(expected), key


def test_workflow_metrics_are_not_available_without_the_tables(known_store) -> None:
    values = MetricEngine(known_store.db, missing_contract()).values(WORKFLOW, Filter())
    for key in WORKFLOW:
        assert values[key].value is None
        assert not values[key].available
        assert values[key].text().startswith("not available")
    assert values["cost_per_accepted_image"].note == (
        "not available: picks and approvals (workflow) not in this library (no table absent_decisions)")


def test_a_workflow_table_missing_a_column_is_named_in_the_note(known_store) -> None:
    with known_store.db.engine_or_raise().begin() as conn:
        conn.execute(text("CREATE TABLE old_decisions (id INTEGER PRIMARY KEY, asset_id INTEGER, created_at REAL)"))
    contract = WorkflowContract(decisions=TableContract(
        "decisions", "picks", "old_decisions", {"asset_id": "asset_id", "decision": "kind", "at": "created_at"}))
    note = MetricEngine(known_store.db, contract).values(["accepted_images"], Filter())["accepted_images"].note
    assert note == "not available: table old_decisions has no column kind"


def test_the_contract_can_point_at_other_table_names(known_store) -> None:
    with known_store.db.engine_or_raise().begin() as conn:
        conn.execute(text("CREATE TABLE picks (asset INTEGER, verdict TEXT, at REAL)"))
        conn.execute(text("INSERT INTO picks VALUES (:a, 'approved', 0)"), {"a": known_store.assets[2]})
    contract = WorkflowContract(decisions=TableContract(
        "decisions", "picks", "picks", {"asset_id": "asset", "decision": "verdict", "at": "at"}),
        verdict_values=("approved", "rejected"), accepted_values=("approved",))
    assert MetricEngine(known_store.db, contract).values(["accepted_images"], Filter())["accepted_images"].value == 1


def test_a_project_filter_counts_only_that_projects_batches(known_store) -> None:
    values = MetricEngine(known_store.db).values(
        ["images_made", "provider_calls", "spend", "success_rate", "queue_wait_avg"], Filter(project_id=10))
    assert values["images_made"].value == 2  # J1, J2
    assert values["provider_calls"].value == 4  # J1 x2, J2, J3
    assert values["spend"].value == pytest.approx(0.08)
    assert values["success_rate"].value == pytest.approx(200 / 3)  # 2 of J1 J2 J3
    assert values["queue_wait_avg"].value == pytest.approx(20)  # 10, 20, 30


def test_provider_model_batch_and_profile_filters(known_store) -> None:
    engine = MetricEngine(known_store.db)
    assert engine.values(["images_made"], Filter(provider="openai"))["images_made"].value == 3
    assert engine.values(["failed_calls"], Filter(model="dall-e-3"))["failed_calls"].value == 3
    assert engine.values(["spend"], Filter(batch_id=2))["spend"].value == pytest.approx(0.03)
    assert engine.values(["cache_savings"], Filter(profile_id=2))["cache_savings"].value == pytest.approx(0.035)
    assert engine.values(["images_made"], Filter(profile_id=99))["images_made"].value == 0


def test_the_date_range_is_half_open_whole_days(known_store) -> None:
    from datetime import date

    engine = MetricEngine(known_store.db)
    nov3 = Filter.for_dates(date(2026, 11, 3), date(2026, 11, 3))
    values = engine.values(["images_made", "spend", "jobs_failed", "cache_hits"], nov3)
    assert [values[k].value for k in ("images_made", "spend", "jobs_failed", "cache_hits")] == [
        1, pytest.approx(0.03), 1, 1]
    empty = engine.values(["images_made", "latency_p50", "success_rate"], Filter(start=D1 + 10 * DAY))
    assert empty["images_made"].value == 0
    assert empty["latency_p50"].value is None and empty["latency_p50"].note == "no data"
    assert empty["success_rate"].value is None


def test_day_buckets_follow_the_filters_utc_offset(known_store) -> None:
    from datetime import date

    engine = MetricEngine(known_store.db)
    utc = engine.grouped(["images_made"], Filter(), (Dim.DAY,)).by_key()
    assert {k[0]: v["images_made"] for k, v in utc.items()} == {
        date(2026, 11, 2): 2, date(2026, 11, 3): 1, date(2026, 11, 4): 2}
    # Ten hours west of UTC, the 09:00 UTC calls of Nov 2 happened on the evening of Nov 1.
    hawaii = engine.grouped(["images_made"], Filter(tz_offset_s=-10 * 3600), (Dim.DAY,)).by_key()
    assert {k[0]: v["images_made"] for k, v in hawaii.items()} == {
        date(2026, 11, 1): 2, date(2026, 11, 3): 1, date(2026, 11, 4): 2}


def test_weeks_start_on_monday_and_months_on_the_first(known_store) -> None:
    from datetime import date

    engine = MetricEngine(known_store.db)
    weeks = engine.grouped(["images_made"], Filter(), (Dim.WEEK,))
    assert [(r.key[0], r.values["images_made"]) for r in weeks.rows] == [(date(2026, 11, 2), 5)]
    months = engine.grouped(["spend"], Filter(), (Dim.MONTH,))
    assert [(r.key[0], round(r.values["spend"], 6)) for r in months.rows] == [(date(2026, 11, 1), 0.16)]


def test_latency_percentiles_are_nearest_rank_per_provider(known_store) -> None:
    rows = MetricEngine(known_store.db).grouped(["latency_p50", "latency_p95"], Filter(), (Dim.PROVIDER,)).by_key()
    assert rows[("openai",)] == {"latency_p50": 2000, "latency_p95": 4000}  # 1000, 2000, 4000
    assert rows[("stability",)] == {"latency_p50": 3000, "latency_p95": 3000}
    assert rows[("a1111",)] == {"latency_p50": 5000, "latency_p95": 5000}


def test_failures_split_by_error_kind(known_store) -> None:
    rows = MetricEngine(known_store.db).grouped(["jobs_failed", "failed_calls"], Filter(), (Dim.ERROR_KIND,)).by_key()
    assert rows[("transient",)] == {"jobs_failed": 1, "failed_calls": 3}
    assert rows[("content_refused",)] == {"jobs_failed": 1, "failed_calls": 1}
    assert rows[("rate_limited",)] == {"jobs_failed": 0, "failed_calls": 1}  # J1 later succeeded


def test_metrics_from_different_tables_merge_by_group(known_store) -> None:
    rows = MetricEngine(known_store.db).grouped(["spend", "images_made", "cost_per_image"], Filter(),
                                                 (Dim.PROVIDER,)).by_key()
    assert rows[("openai",)]["cost_per_image"] == pytest.approx(0.13 / 3)
    assert rows[("a1111",)] == {"spend": 0, "images_made": 1, "cost_per_image": 0}


def test_a_metric_that_cannot_be_split_says_so(known_store) -> None:
    result = MetricEngine(known_store.db).grouped(["spend", "sync_backlog"], Filter(), (Dim.ERROR_KIND,))
    assert "spend" in result.unavailable and "cannot be split by error_kind" in result.unavailable["spend"]
    assert all(r.values["spend"] is None for r in result.rows)


def test_the_registry_defines_each_metric_once_with_unit_formula_and_sql() -> None:
    keys = [m.key for m in METRICS]
    assert len(keys) == len(set(keys))
    for m in METRICS:
        assert m.label and m.formula and m.sql_text()
        assert (m.sql is not None) + (m.ratio is not None) + (m.percentile is not None) == 1, m.key
        for part in (m.ratio or ())[:2]:
            metric(part)  # every ratio part exists
    assert len(glossary()) == len(METRICS)
    with pytest.raises(UnknownMetric, match="no metric named 'nope'"):
        metric("nope")


def test_aggregations_scan_the_covering_indexes(known_store) -> None:
    """The plans the benchmark depends on: date-range scans read only the 0005 indexes."""
    with known_store.db.engine_or_raise().connect() as conn:
        plan = " ".join(r[-1] for r in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT a.provider, SUM(a.outcome = 'succeeded') FROM attempts a"
            " WHERE a.started_at >= 0 AND a.started_at < 1e12 GROUP BY a.provider")))
        ledger = " ".join(r[-1] for r in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT SUM(u.amount_usd) FROM usage_ledger u WHERE u.created_at >= 0")))
    assert "COVERING INDEX ix_attempts_analytics" in plan
    assert "COVERING INDEX ix_usage_ledger_analytics" in ledger


def test_rolling_up_a_fine_grouping_equals_asking_for_the_coarse_one(known_store) -> None:
    from desktop.core.analytics.query import roll_up

    engine = MetricEngine(known_store.db)
    keys = ["images_made", "provider_calls", "failed_calls", "cache_hits", "jobs_failed", "jobs_settled",
            "jobs_succeeded"]
    fine = engine.grouped(keys, Filter(), (Dim.DAY, Dim.MODEL, Dim.ERROR_KIND))
    for dims, wanted in (((Dim.MODEL,), ["call_success_rate", "images_made"]),
                         ((Dim.ERROR_KIND,), ["jobs_failed", "failed_calls"]),
                         ((Dim.DAY,), ["images_made", "success_rate"]), ((), ["success_rate", "cache_hits"])):
        rolled = roll_up(fine, dims, wanted)
        direct = engine.grouped(wanted, Filter(), dims)
        assert rolled.rows == direct.rows, dims
    with pytest.raises(ValueError, match="not additive"):
        roll_up(fine, (), ["retries"])


def test_a_chart_group_drills_down_to_a_narrower_filter(known_store) -> None:
    from desktop.core.analytics.query import with_dimension

    engine = MetricEngine(known_store.db)
    narrowed = with_dimension(Filter(), Dim.MODEL, "sd3")
    assert narrowed.model == "sd3"
    assert engine.values(["provider_calls"], narrowed)["provider_calls"].value == 2
    with pytest.raises(ValueError, match="cannot filter by day"):
        with_dimension(Filter(), Dim.DAY, None)
