"""The job table model: ids in queue order, rows fetched by page, live updates from core
events without resets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.queue.queries import JobFilter
from desktop.ui.queue.job_table_model import COL, JOB_ID_ROLE, JOB_ROW_ROLE, JobTableModel
from tests.ui.conftest import run


def specs(count: int, word: str = "cat") -> list[JobSpec]:
    return [JobSpec(GenerationRequest("openai", "gpt-image-1", f"a {word} number {i}"), source=f"t:{i}")
            for i in range(count)]


def enqueue(qtbot, services, count: int, word: str = "cat") -> list[int]:
    _batch, ids = run(qtbot, services.queue.enqueue(specs(count, word)))
    return ids


def test_the_model_passes_qtmodeltester_with_jobs(qtmodeltester, qtbot, services, bridge):
    enqueue(qtbot, services, 30)
    model = JobTableModel(services.queue, bridge)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 30 and model.columnCount() == len(COL)


def test_rows_show_state_prompt_provider_and_estimated_cost(qtbot, services, bridge):
    enqueue(qtbot, services, 2)
    model = JobTableModel(services.queue, bridge, provider_names={"openai": "OpenAI"})
    texts = {name: model.index(0, col).data() for name, col in COL.items()}
    assert texts["state"] == "Pending"
    assert texts["prompt"].startswith("a cat number")
    assert texts["provider"] == "OpenAI"
    assert texts["size"] == "1024×1024"
    assert texts["cost"].startswith("≈ ")  # estimated until it runs
    assert model.index(0, 0).data(JOB_ID_ROLE) == model.job_id(0)


@pytest.mark.parametrize("in_background", [False, True], ids=["order read here", "order read in a worker"])
def test_cancelling_jobs_updates_their_rows_from_events_without_a_reset(qtmodeltester, qtbot, services, bridge,
                                                                       in_background):
    ids = enqueue(qtbot, services, 5)
    model = JobTableModel(services.queue, bridge, executor=services.executors.io if in_background else None)
    qtmodeltester.check(model, force_py=True)  # stays connected: checks every later signal
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    for row in range(model.rowCount()):
        model.index(row, 0).data()  # cache the rows, as a view on screen would
    with qtbot.waitSignal(model.rows_refreshed, timeout=3000):
        run(qtbot, services.queue.cancel(ids[:2]))
    states = {model.index(r, 0).data(JOB_ID_ROLE): model.index(r, COL["state"]).data()
              for r in range(model.rowCount())}
    assert states[ids[0]] == "Cancelled" and states[ids[1]] == "Cancelled"
    assert states[ids[2]] == "Pending"
    assert resets == []
    # Cancelled jobs sort after waiting ones in queue order.
    assert [model.job_id(r) for r in range(5)] == [*ids[2:], *ids[:2]]


def test_a_selected_job_stays_selected_when_it_moves(qtbot, services, bridge):
    ids = enqueue(qtbot, services, 6)
    model = JobTableModel(services.queue, bridge, executor=services.executors.io)
    last = QPersistentModelIndex(model.index(model.row_of(ids[-1]), 1))
    with qtbot.waitSignal(model.rows_refreshed, timeout=3000):
        run(qtbot, services.queue.move([ids[-1]], True))
    assert model.job_id(0) == ids[-1]
    assert last.row() == 0 and last.column() == 1


def test_new_batches_appear_as_inserted_rows(qtmodeltester, qtbot, services, bridge):
    enqueue(qtbot, services, 3)
    model = JobTableModel(services.queue, bridge)
    qtmodeltester.check(model, force_py=True)
    inserted = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    with qtbot.waitSignal(model.rows_refreshed, timeout=3000):
        new_ids = enqueue(qtbot, services, 4, "dog")
    assert model.rowCount() == 7
    assert sum(last - first + 1 for first, last in inserted) == 4
    assert set(new_ids) <= {model.job_id(r) for r in range(7)}


def test_a_filter_shows_only_matching_jobs(qtbot, services, bridge):
    enqueue(qtbot, services, 3, "cat")
    dogs = enqueue(qtbot, services, 2, "dog")
    model = JobTableModel(services.queue, bridge)
    model.set_filter(JobFilter(text="dog"))
    assert sorted(model.job_id(r) for r in range(model.rowCount())) == sorted(dogs)


def test_rows_are_fetched_a_page_at_a_time(qtbot, services, bridge):
    enqueue(qtbot, services, 450)
    model = JobTableModel(services.queue, bridge)
    calls = []
    original = services.queue.jobs

    def counting(ids):
        ids = list(ids)
        calls.append(len(ids))
        return original(ids)

    services.queue.jobs = counting
    try:
        model.index(420, 1).data()
        model.index(430, 1).data()
        model.index(5, 1).data(Qt.ItemDataRole.DisplayRole)
    finally:
        del services.queue.jobs
    # Row 420 reads its page (rows 400-449, the last 50); row 430 is in it; row 5 reads 0-199.
    assert JobTableModel.PAGE == 200
    assert calls == [50, 200]
    assert model.index(420, 0).data(JOB_ROW_ROLE).id == model.job_id(420)
