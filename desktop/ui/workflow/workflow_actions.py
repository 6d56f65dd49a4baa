"""What the Workflow tab's buttons do: each asks what it needs (file, name, note), then runs
the core call through the bridge's error boundary and reports back in the tab's notice
line. The `ask_*` callables are attributes so tests can answer them."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop.core.workflow.suggestions import parse_suggestions
from desktop.ui.qt_bridge import QtBridge
from desktop.ui.workflow.labels import localised_template, variant_method


class WorkflowActions(QObject):
    notice_changed = Signal(str)
    project_created = Signal(int)
    suggestion_piece = Signal(str)
    suggestion_done = Signal(object)  # Suggestions
    output_piece = Signal(str)  # explanation / caption text for the images page
    output_started = Signal()
    status_found = Signal(object)  # ModelStatus
    lineage_requested = Signal(int)

    def __init__(self, workflow: Any, bridge: QtBridge, view: QWidget) -> None:
        super().__init__(view)
        self.workflow, self.bridge, self.view = workflow, bridge, view
        self.project_id: int | None = None
        self.ask_open: Callable[[str, str], str] = lambda title, filt: QFileDialog.getOpenFileName(
            view, title, "", filt)[0]
        self.ask_save: Callable[[str, str], str] = lambda title, filt: QFileDialog.getSaveFileName(
            view, title, "", filt)[0]
        self.ask_text: Callable[[str, str], str | None] = self._ask_text
        self.confirm: Callable[[str, str], bool] = lambda title, text: QMessageBox.question(
            view, title, text) == QMessageBox.StandardButton.Yes
        self._suggestion: asyncio.Future[Any] | None = None

    def _ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self.view, title, label, QLineEdit.EchoMode.Normal, "")
        return text if ok else None

    def _run(self, work: Any, where: str, on_done: Callable[[Any], None] | None = None) -> asyncio.Future[Any]:
        def done(result: Any) -> None:
            if on_done is not None and shiboken6.isValid(self):  # the tab may have closed meanwhile
                on_done(result)

        return self.bridge.run_task(work, where, done)

    # -- projects and templates ----------------------------------------------------------
    def create_project(self, key: str, origin: str, name: str) -> asyncio.Future[Any]:
        projects = self.workflow.projects
        template = localised_template(projects.catalog.get(key, origin or None)) if key else None
        work = projects.create(name, template=template)
        return self._run(work, self.tr("Creating the project"), lambda pid: self.project_created.emit(pid))

    def save_as_template(self) -> None:
        if self.project_id is None:
            return
        name = self.ask_text(self.tr("Save as template"), self.tr("Template name:"))
        if name:
            self._run(self.workflow.projects.save_as_template(self.project_id, name.strip()),
                      self.tr("Saving the template"),
                      lambda t: self.notice_changed.emit(self.tr("Saved the template “%1”.").replace("%1", t.name)))

    def import_template(self) -> None:
        path = self.ask_open(self.tr("Import a project template"), self.tr("Templates (*.json)"))
        if path:
            self._run(self.workflow.projects.import_template(Path(path)), self.tr("Importing the template"),
                      lambda t: self.notice_changed.emit(
                          self.tr("Imported the template “%1”.").replace("%1", t.name)))

    def export_template(self) -> None:
        if self.project_id is None:
            return
        path = self.ask_save(self.tr("Export the project as a template"), self.tr("Templates (*.json)"))
        if path:
            template = self.workflow.projects.as_template(self.project_id)
            self._run(self.workflow.projects.export_template(template, Path(path)),
                      self.tr("Exporting the template"),
                      lambda _r: self.notice_changed.emit(self.tr("Wrote %1.").replace("%1", path)))

    def delete_project(self) -> None:
        if self.project_id is None:
            return
        name = self.workflow.projects.project(self.project_id).name
        if self.confirm(self.tr("Delete project"), self.tr("Delete the project “%1”? Its images stay in the "
                                                           "library.").replace("%1", name)):
            self._run(self.workflow.projects.delete(self.project_id), self.tr("Deleting the project"))

    # -- making images -------------------------------------------------------------------
    def generate(self, preset_id: int, prompts: list[str], sizes: list[str], provider: str, count: int) -> None:
        if self.project_id is None:
            return
        work = self.workflow.projects.enqueue_with_preset(self.project_id, preset_id, prompts, sizes=sizes,
                                                          count=count, provider=provider or None)
        self._run(work, self.tr("Queueing the batch"), lambda r: self.notice_changed.emit(
            self.tr("Queued %n job(s); the results appear here and are checked as they arrive.", "", len(r[1]))))

    def variants(self, asset_id: int, count: int, vary_prompt: bool) -> None:
        def done(result: Any) -> None:
            plan, _batch, jobs = result
            self.notice_changed.emit(self.tr("Queued %n variant(s) %1.", "", len(jobs)).replace(
                "%1", variant_method(plan.method)))
            self.lineage_requested.emit(asset_id)

        # The batch's name is shown in the queue, the banner and the filters: the history's words for it.
        name = QCoreApplication.translate("TimelineModel", "Variants of image #%1").replace("%1", str(asset_id))
        self._run(self.workflow.variants.request(asset_id, count, vary_prompt, name=name),
                  self.tr("Queueing variants"), done)

    def score_consistency(self, asset_ids: list[int]) -> None:
        if self.project_id is None or len(asset_ids) < 2:
            self.notice_changed.emit(self.tr("A consistency score needs at least two images."))
            return
        self._run(self.workflow.consistency.score(asset_ids, project_id=self.project_id),
                  self.tr("Scoring consistency"), lambda r: self.notice_changed.emit(
                      self.tr("Consistency %1 / 100; %n outlier(s).", "", len(r[1].outliers)).replace(
                          "%1", f"{r[1].score:.0f}")))

    # -- decisions and checks ------------------------------------------------------------
    def decide(self, kind: str, asset_ids: list[int]) -> None:
        note = ""
        if kind in ("request_changes", "comment"):
            title = self.tr("Request changes") if kind == "request_changes" else self.tr("Comment")
            answer = self.ask_text(title, self.tr("What and why:"))
            if not answer:
                return
            note = answer.strip()
        if not asset_ids and kind != "comment":
            return
        self._run(self.workflow.history.record(kind, asset_ids, project_id=self.project_id, note=note),
                  self.tr("Recording the decision"))

    def check(self, asset_ids: list[int]) -> None:
        self._run(self.workflow.checks.check_assets(asset_ids), self.tr("Checking brand rules"),
                  lambda r: self.notice_changed.emit(self.tr("Checked %n image(s).", "", len(r))))

    def check_all(self) -> None:
        if self.project_id is not None:
            self._run(self.workflow.checks.check_project(self.project_id, everything=True),
                      self.tr("Checking brand rules"),
                      lambda n: self.notice_changed.emit(self.tr("Checked %n image(s).", "", n)))

    def export_checks(self) -> None:
        self._export(self.workflow.checks.export, self.tr("Export brand check results"))

    def export_history(self) -> None:
        self._export(self.workflow.history.export, self.tr("Export the history"))

    def _export(self, export: Callable[[int, Path], Any], title: str) -> None:
        if self.project_id is None:
            return
        path = self.ask_save(title, self.tr("CSV (*.csv);;JSON (*.json)"))
        if path:
            self._run(export(self.project_id, Path(path)), title, lambda n: self.notice_changed.emit(
                self.tr("Wrote %n row(s) to %1.", "", n).replace("%1", path)))

    # -- presets and rules ---------------------------------------------------------------
    def save_preset(self, preset: Any, preset_id: int | None, note: str) -> None:
        self._run(self.workflow.projects.save_preset(self.project_id, preset, preset_id, note),
                  self.tr("Saving the preset"))

    def delete_preset(self, preset_id: int) -> None:
        self._run(self.workflow.projects.delete_preset(preset_id), self.tr("Deleting the preset"))

    def import_styles(self) -> None:
        path = self.ask_open(self.tr("Import styles"), self.tr("Style files (*.csv *.json)"))
        if path:
            self._run(self.workflow.projects.import_styles(Path(path), self.project_id), self.tr("Importing styles"),
                      lambda ids: self.notice_changed.emit(self.tr("Imported %n preset(s).", "", len(ids))))

    def export_styles(self) -> None:
        path = self.ask_save(self.tr("Export styles"),
                             self.tr("A1111 styles (*.csv);;Fooocus styles (*.json)"))
        if path:
            self._run(self.workflow.projects.export_styles(self.project_id, Path(path)), self.tr("Exporting styles"),
                      lambda n: self.notice_changed.emit(self.tr("Wrote %n preset(s).", "", n)))

    def save_rules(self, rules: Any, note: str) -> None:
        if self.project_id is not None:
            self._run(self.workflow.projects.set_rules(self.project_id, rules, note), self.tr("Saving brand rules"),
                      lambda _v: self.notice_changed.emit(self.tr("Saved. New images are checked against "
                                                                  "these rules.")))

    # -- language model ------------------------------------------------------------------
    def look_for_models(self) -> None:
        self.status_found.emit(None)
        self._run(self.workflow.assist.status(), self.tr("Looking for a language model"), self.status_found.emit)

    def suggest(self, text: str, is_brief: bool) -> asyncio.Future[Any]:
        async def stream() -> Any:
            pieces = []
            async for piece in self.workflow.assist.suggest(text, is_brief=is_brief, project_id=self.project_id):
                pieces.append(piece)
                self.suggestion_piece.emit(piece)
            return parse_suggestions("".join(pieces))

        self._suggestion = self._run(stream(), self.tr("Asking for suggestions"), self.suggestion_done.emit)
        self._suggestion.add_done_callback(lambda _f: self.suggestion_done.emit(None) if _f.cancelled() else None)
        return self._suggestion

    def stop_suggestion(self) -> None:
        if self._suggestion is not None and not self._suggestion.done():
            self._suggestion.cancel()

    def explain(self, asset_id: int) -> None:
        async def stream() -> None:
            self.output_started.emit()
            async for piece in self.workflow.assist.explain_failure(asset_id):
                self.output_piece.emit(piece)

        self._run(stream(), self.tr("Explaining the brand check"))

    def caption(self, asset_id: int) -> None:
        self.output_started.emit()
        self._run(self.workflow.assist.caption(asset_id), self.tr("Captioning the image"), self.output_piece.emit)

    def save_settings(self, settings: Any) -> None:
        self.workflow.save_settings(settings)
        self.look_for_models()
