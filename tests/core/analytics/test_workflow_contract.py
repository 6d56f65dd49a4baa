"""Analytics reads what the workflow feature really writes: a project, decisions and brand
checks made through the workflow's own stores (the tables of its migration 0004) come
back as accepted images, cost per accepted image, brand-check pass rate and top prompts."""

from __future__ import annotations

import pytest

from desktop.core.analytics.filters import Filter
from desktop.core.analytics.service import AnalyticsService
from desktop.core.analytics.workflow_tables import WorkflowContract, probe
from desktop.core.workflow.brand_check import BrandCheckResult, RuleResult
from desktop.core.workflow.decisions_sql import DecisionDraft
from desktop.core.workflow.project_store import ProjectStore
from desktop.core.workflow.record_store import RecordStore


def _check(status: str) -> BrandCheckResult:
    return BrandCheckResult((RuleResult("palette", status, "palette share"),
                             RuleResult("aspect_ratio", "pass", "1:1")))


@pytest.fixture
def decided(known_store):
    a = known_store.assets
    project = ProjectStore(known_store.db).create_project("春季型錄")
    records = RecordStore(known_store.db)
    records.record([
        DecisionDraft("pick", project, a[1], actor="小美", note="封面候選"),
        DecisionDraft("reject", project, a[2], actor="小美"),
        DecisionDraft("approve", project, a[7], actor="Sam"),
        DecisionDraft("comment", project, a[7], note="好看"),  # not a verdict: the approval stands
    ])
    records.save_check(a[1], project, _check("pass"), 1)
    records.save_check(a[2], project, _check("fail"), 1)
    records.save_check(a[7], project, _check("pass"), 1)
    records.save_check(a[4], None, _check("fail"), 1)
    return known_store, project


def test_the_contract_finds_every_workflow_table_the_migration_makes(known_store) -> None:
    with known_store.db.read() as conn:
        found = probe(conn, WorkflowContract())
    assert {"decisions", "brand_checks", "consistency", "projects"} <= found.present
    assert all(key in ("profiles", "audit", "sync_outbox") for key in found.missing)


def test_cost_per_accepted_image_counts_picks_and_approvals_made_by_the_workflow(decided) -> None:
    store, _project = decided
    values = AnalyticsService(store.db).values(
        ["accepted_images", "reviewed_images", "spend", "cost_per_accepted_image"], Filter())
    assert values["accepted_images"].value == 2  # J1 picked, J7 approved
    assert values["reviewed_images"].value == 3  # J2 rejected too
    assert values["spend"].value == pytest.approx(0.16)
    assert values["cost_per_accepted_image"].value == pytest.approx(0.08)
    assert values["cost_per_accepted_image"].note == ""


def test_brand_check_pass_rate_reads_the_checks_the_workflow_stored(decided) -> None:
    store, _project = decided
    values = AnalyticsService(store.db).values(["brand_checks", "brand_checks_passed", "brand_pass_rate"],
                                               Filter())
    assert (values["brand_checks"].value, values["brand_checks_passed"].value) == (4, 2)
    assert values["brand_pass_rate"].value == pytest.approx(50.0)


def test_top_prompts_and_the_dashboard_tile_follow_the_workflow_picks(decided) -> None:
    store, project = decided
    service = AnalyticsService(store.db)
    dash = service.dashboard(Filter())
    assert [(t.label, t.accepted) for t in dash.top_prompts] == [
        ("portrait of a designer", 1), ("一隻在雨中的貓，水彩風格", 1)]
    assert dash.kpi("cost_per_accepted_image").value == pytest.approx(0.08)
    assert not any("decisions" in n or "brand" in n for n in dash.notes)
    assert (project, "春季型錄") in service.filter_options().projects
