"""Actions on a multi-selection change job states in the store; shortcuts work; a failed job
shows a readable reason in its row and the full error one click away."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QWidget

from desktop.core.models import GenerationRequest, JobSpec
from desktop.ui.queue.job_table_model import COL
from tests.ui.conftest import run


def enqueue(qtbot, services, prompts: list[str]) -> list[int]:
    specs = [JobSpec(GenerationRequest("openai", "gpt-image-1", p)) for p in prompts]
    return run(qtbot, services.queue.enqueue(specs))[1]


def select(view, ids: list[int]) -> None:
    model, selection = view.model, view.table.selectionModel()
    selection.clearSelection()
    for job_id in ids:
        selection.select(model.index(model.row_of(job_id), 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def states(services, ids: list[int]) -> list[str]:
    return [row.state.value for row in services.queue.jobs(ids)]


def wait_rows(qtbot, view, ids):
    qtbot.waitUntil(lambda: all(view.model.row_of(i) is not None for i in ids), timeout=3000)


def test_pause_resume_cancel_and_retry_a_selection(qtbot, window, services):
    ids = enqueue(qtbot, services, [f"prompt {i}" for i in range(4)])
    view = window.queue_view
    wait_rows(qtbot, view, ids)
    select(view, ids[:2])
    assert view.job_actions["pause"].isEnabled() and not view.job_actions["resume"].isEnabled()
    view.job_actions["pause"].trigger()
    qtbot.waitUntil(lambda: states(services, ids[:2]) == ["paused", "paused"], timeout=3000)
    qtbot.waitUntil(lambda: view.job_actions["resume"].isEnabled(), timeout=3000)
    view.job_actions["resume"].trigger()
    qtbot.waitUntil(lambda: states(services, ids[:2]) == ["pending", "pending"], timeout=3000)
    select(view, ids[1:3])
    view.job_actions["cancel"].trigger()
    qtbot.waitUntil(lambda: states(services, ids) == ["pending", "cancelled", "cancelled", "pending"], timeout=3000)
    qtbot.waitUntil(lambda: view.job_actions["retry"].isEnabled(), timeout=3000)
    view.job_actions["retry"].trigger()
    qtbot.waitUntil(lambda: states(services, ids) == ["pending"] * 4, timeout=3000)


def test_move_to_front_and_priority_change_the_queue_order(qtbot, window, services):
    ids = enqueue(qtbot, services, ["first", "second", "third"])
    view = window.queue_view
    wait_rows(qtbot, view, ids)
    select(view, [ids[2]])
    view.job_actions["front"].trigger()
    qtbot.waitUntil(lambda: view.model.job_id(0) == ids[2], timeout=3000)
    select(view, [ids[1]])
    view.job_actions["raise"].trigger()
    qtbot.waitUntil(lambda: services.queue.jobs([ids[1]])[0].priority == 1, timeout=3000)
    qtbot.waitUntil(lambda: view.model.job_id(0) == ids[1], timeout=3000)
    dialog = view.ask_priority()
    dialog.setIntValue(7)
    dialog.accept()
    qtbot.waitUntil(lambda: services.queue.jobs([ids[1]])[0].priority == 7, timeout=3000)


def test_duplicate_adds_copies_and_edit_changes_a_pending_prompt(qtbot, window, services):
    ids = enqueue(qtbot, services, ["a castle"])
    view = window.queue_view
    wait_rows(qtbot, view, ids)
    select(view, ids)
    view.job_actions["duplicate"].trigger()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=3000)
    select(view, ids)
    dialog = view.edit_selected()
    assert dialog.prompt_edit.toPlainText() == "a castle"
    dialog.prompt_edit.setPlainText("a castle at night")
    dialog.picker.size_combo.setCurrentText("1536x1024")
    with qtbot.waitSignal(dialog.accepted, timeout=3000):
        dialog.save()
    row = services.queue.jobs(ids)[0]
    assert row.prompt == "a castle at night" and row.size == "1536x1024"


def test_shortcuts_act_on_the_selection(qtbot, window, services):
    ids = enqueue(qtbot, services, ["one", "two"])
    view = window.queue_view
    wait_rows(qtbot, view, ids)
    select(view, ids)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: states(services, ids) == ["paused", "paused"], timeout=3000)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: states(services, ids) == ["cancelled", "cancelled"], timeout=3000)
    for name, action in view.job_actions.actions.items():
        assert not action.shortcut().isEmpty(), f"{name} has no shortcut"


def test_a_refused_job_shows_a_readable_reason_and_the_full_error_is_one_click_away(
        qtbot, window, services, engine):
    ids = enqueue(qtbot, services, ["please refuse this", "a calm lake"])
    view = window.queue_view
    qtbot.waitUntil(lambda: states(services, ids) == ["failed", "succeeded"], timeout=15000)
    row = None

    def refreshed() -> bool:
        nonlocal row
        row = view.model.row_of(ids[0])
        return row is not None and view.model.index(row, COL["state"]).data() == "Failed"

    qtbot.waitUntil(refreshed, timeout=3000)
    error = view.model.index(row, COL["error"]).data()
    assert error.startswith("Refused by the content filter: ")
    assert "rejected by the safety system" in error
    view.table.scrollTo(view.model.index(row, COL["error"]))
    rect = view.table.visualRect(view.model.index(row, COL["error"]))
    with qtbot.waitSignal(view.table.clicked, timeout=2000):
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialogs = [w for w in window.findChildren(QWidget) if type(w).__name__ == "DetailsDialog" and w.isVisible()]
    assert len(dialogs) == 1, "one click on the error opens the full error"
    dialog = dialogs[0]
    detail = dialog.detail_edit.toPlainText()
    assert "rejected by the safety system" in detail and "HTTP 400" in detail
    dialog.close()


def test_show_in_gallery_asks_for_the_image_of_a_finished_job(qtbot, window, services, engine):
    ids = enqueue(qtbot, services, ["a paper boat"])
    view = window.queue_view
    qtbot.waitUntil(lambda: states(services, ids) == ["succeeded"], timeout=15000)
    wait_rows(qtbot, view, ids)
    qtbot.waitUntil(lambda: view.model.index(view.model.row_of(ids[0]), 0).data() == "Succeeded", timeout=3000)
    select(view, ids)
    assert view.job_actions["gallery"].isEnabled()
    with qtbot.waitSignal(view.asset_requested, timeout=2000) as asked:
        view.job_actions["gallery"].trigger()
    assert asked.args[0] == services.queue.jobs(ids)[0].asset_id


def test_the_details_of_a_job_say_its_state_now_even_before_its_row_repaints(qtbot, window, services):
    ids = enqueue(qtbot, services, ["a kite"])
    view = window.queue_view
    wait_rows(qtbot, view, ids)
    select(view, ids)
    assert view.model.index(view.model.row_of(ids[0]), COL["state"]).data() == "Pending"
    services.queue.commands.cancel(ids)  # changed in the store; the row's event is still on its way
    dialog = view.show_details()
    assert dialog.summary_label.text() == "Cancelled"
    dialog.close()


def test_the_attempts_in_a_jobs_details_are_told_in_the_users_language(qtbot, window, services, engine,
                                                                        appearance):
    ids = enqueue(qtbot, services, ["refuse: a forbidden scene"])
    qtbot.waitUntil(lambda: states(services, ids) == ["failed"], timeout=15000)
    view = window.queue_view
    wait_rows(qtbot, view, ids)
    select(view, ids)
    appearance.translations.apply("zh_TW")
    dialog = view.show_details()
    attempts = dialog.detail_edit.toPlainText().split("嘗試紀錄：")[1]
    dialog.close()
    assert "  1. 失敗 (HTTP 400)" in attempts and "failed" not in attempts.split("openai:")[0]
