"""Dropping prompt files on the window: a real QDropEvent with file URLs opens the preview,
confirming it queues the jobs, and the engine runs them against the fake provider."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.core.queue.queries import JobFilter

CSV = "prompt,size\na red fox in snow,1024x1024\na {blue|green} kite,1024x1024\n,1024x1024\nan owl,huge\n"


def drop_files(target: QWidget, paths: list[Path]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    center = target.rect().center()
    enter = QDragEnterEvent(center, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted(), "the window must accept a drag of prompt files"
    drop = QDropEvent(QPointF(center), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    return drop


def test_dropping_a_csv_previews_then_queues_and_runs_the_jobs(qtbot, tmp_path, window, services, engine):
    path = tmp_path / "prompts.csv"
    path.write_text(CSV, "utf-8")
    with qtbot.waitSignal(window.queue_view.preview_opened, timeout=3000) as opened:
        drop = drop_files(window, [path])
    assert drop.isAccepted()
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    assert dialog.jobs_model.rowCount() == 3  # the fox, and the kite twice (blue, green)
    problems = [dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())]
    assert len(problems) == 2
    assert any(p.startswith("prompts.csv:4") for p in problems)  # the empty prompt
    assert any(p.startswith("prompts.csv:5") and "huge" in p for p in problems)
    assert dialog.cost_model.rowCount() == 1
    assert dialog.ok_button.isEnabled() and "3" in dialog.ok_button.text()
    with qtbot.waitSignal(dialog.queued, timeout=5000) as queued:
        dialog.ok_button.click()
    batch_id, job_ids = queued.args
    assert len(job_ids) == 3
    assert len(services.queue.job_ids(JobFilter(batch_id=batch_id))) == 3
    model = window.queue_view.model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=3000)
    qtbot.waitUntil(lambda: services.queue.queries.state_counts().get("succeeded") == 3, timeout=15000)
    qtbot.waitUntil(lambda: all(model.index(r, 0).data() == "Succeeded" for r in range(3)), timeout=3000)


def test_files_dropped_on_the_prompt_box_are_previewed_not_pasted_as_text(qtbot, tmp_path, window):
    path = tmp_path / "list.txt"
    path.write_text("a lighthouse at dusk\n# a comment\na harbour\n", "utf-8")
    editor = window.queue_view.editor.editor
    with qtbot.waitSignal(window.queue_view.preview_opened, timeout=3000) as opened:
        drop_files(editor.viewport(), [path])
    assert editor.toPlainText() == ""
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    assert dialog.jobs_model.rowCount() == 2
    dialog.reject()


def test_a_drag_without_files_is_not_taken(qtbot, window):
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
