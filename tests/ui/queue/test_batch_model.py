"""Batches in the side list: every item model check, and progress that follows events."""

from __future__ import annotations

from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.queue.types import BatchOptions
from desktop.ui.queue.batch_model import BATCH_ROLE, BatchListModel, batch_summary
from tests.ui.conftest import run


def enqueue(qtbot, services, name: str, count: int) -> tuple[int, list[int]]:
    specs = [JobSpec(GenerationRequest("openai", "gpt-image-1", f"{name} {i}")) for i in range(count)]
    return run(qtbot, services.queue.enqueue(specs, BatchOptions(name=name)))


def test_the_batch_model_passes_qtmodeltester(qtmodeltester, qtbot, services, bridge):
    enqueue(qtbot, services, "first", 2)
    enqueue(qtbot, services, "second", 3)
    model = BatchListModel(services.queue, bridge)
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r).data() for r in range(model.rowCount())] == ["second", "first"]


def test_a_new_batch_is_inserted_and_progress_follows_cancellations(qtmodeltester, qtbot, services, bridge):
    enqueue(qtbot, services, "first", 2)
    model = BatchListModel(services.queue, bridge)
    qtmodeltester.check(model, force_py=True)
    with qtbot.waitSignal(model.rows_refreshed, timeout=3000):
        _batch, ids = enqueue(qtbot, services, "second", 4)
    assert model.rowCount() == 2 and model.index(0).data() == "second"
    with qtbot.waitSignal(model.rows_refreshed, timeout=3000):
        run(qtbot, services.queue.cancel(ids[:2]))
    batch = model.index(0).data(BATCH_ROLE)
    assert (batch.done, batch.total, batch.cancelled) == (2, 4, 2)
    assert batch_summary(batch).startswith("2 of 4 done")


def test_finished_batches_can_be_cleared_from_the_list(qtbot, services, bridge):
    _batch, ids = enqueue(qtbot, services, "done soon", 1)
    model = BatchListModel(services.queue, bridge)
    with qtbot.waitSignal(model.rows_refreshed, timeout=3000):
        run(qtbot, services.queue.cancel(ids))
    assert model.index(0).data(BATCH_ROLE).finished
    model.remove_finished()
    assert model.rowCount() == 0
