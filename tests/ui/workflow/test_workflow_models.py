"""Every item model of the Workflow tab passes pytest-qt's model tester with real data."""

from __future__ import annotations

from desktop.ui.workflow.image_grid_model import CheckRole, ImageGridModel, OutlierRole, StatusRole
from desktop.ui.workflow.lineage_model import AssetIdRole, LineageModel
from desktop.ui.workflow.preset_list_model import PresetListModel
from desktop.ui.workflow.project_list_model import ProjectListModel
from desktop.ui.workflow.timeline_model import TimelineModel
from tests.ui.conftest import run
from tests.ui.workflow.conftest import populated_project, wait_idle


def test_the_models_hold_up_under_the_model_tester(qtbot, qtmodeltester, services, bridge) -> None:
    project_id, ids = populated_project(qtbot, services, bridge)
    wf = services.workflow
    _run_id, report = run(qtbot, wf.consistency.score(ids, project_id=project_id))
    run(qtbot, wf.history.record("pick", [ids[0]]))
    run(qtbot, wf.variants.request(ids[0], 3))
    wait_idle(qtbot, services)

    projects = ProjectListModel(wf)
    projects.refresh()
    qtmodeltester.check(projects)
    assert projects.rowCount() == 1

    images = ImageGridModel(wf)
    images.show_project(project_id)
    qtmodeltester.check(images)
    assert images.rowCount() == 11
    first = images.index(images.row_of(ids[0]))
    assert first.data(CheckRole) in ("pass", "fail") and first.data(StatusRole) == "pick"
    flagged = {images.asset_id(r) for r in range(images.rowCount()) if images.index(r).data(OutlierRole)}
    assert flagged == set(report.outliers)
    images.set_filter("failed")
    qtmodeltester.check(images)
    assert all(images.index(r).data(CheckRole) == "fail" for r in range(images.rowCount()))

    lineage = LineageModel(wf, images)
    lineage.show_asset(ids[0])
    qtmodeltester.check(lineage)
    root = lineage.index(0, 0)
    assert root.data(AssetIdRole) == ids[0] and lineage.rowCount(root) == 1  # 3 reseeds collapsed
    lineage.set_collapse(False)
    qtmodeltester.check(lineage)
    assert lineage.rowCount(lineage.index(0, 0)) == 3

    timeline = TimelineModel(wf)
    timeline.show_project(project_id)
    qtmodeltester.check(timeline)
    presets = PresetListModel(wf)
    presets.show_project(project_id)
    qtmodeltester.check(presets)
    assert presets.rowCount() == 2
    images.shutdown()
