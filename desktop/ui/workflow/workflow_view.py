"""The Workflow tab: projects on the left; for the chosen project, pages for the overview
(batches from presets, consistency), its images (checks, decisions, variants), lineage,
presets, brand rules, suggestions and history. Built as
`WorkflowView(services, bridge, parent=None)`; it listens to core events through the
bridge and never blocks the GUI thread on the network or on image work."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core import events as ev
from desktop.core.workflow import events as wev
from desktop.core.workflow.clip_backend import clip_installed
from desktop.ui.qt_bridge import QtBridge
from desktop.ui.widgets.details_dialog import DetailsDialog
from desktop.ui.workflow.history_page import HistoryView
from desktop.ui.workflow.image_grid_model import ImageGridModel
from desktop.ui.workflow.images_page import ProjectImagesView
from desktop.ui.workflow.lineage_model import LineageModel
from desktop.ui.workflow.lineage_page import LineageView
from desktop.ui.workflow.new_project_dialog import NewProjectDialog
from desktop.ui.workflow.overview_page import ProjectOverviewView
from desktop.ui.workflow.preset_list_model import PresetListModel
from desktop.ui.workflow.presets_page import PresetEditorView
from desktop.ui.workflow.project_list_model import ProjectListModel
from desktop.ui.workflow.rules_page import BrandRulesView
from desktop.ui.workflow.suggestions_page import SuggestionsView
from desktop.ui.workflow.timeline_model import TimelineModel
from desktop.ui.workflow.workflow_actions import WorkflowActions

PAGES = ("overview", "images", "lineage", "presets", "rules", "suggestions", "history")
REFRESH_MS = 250  # new images and checks arrive in bursts; redraw once per burst


class WorkflowView(QWidget):
    def __init__(self, services: Any, bridge: QtBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorkflowView")
        self.services, self.bridge = services, bridge
        self.workflow = services.workflow
        providers = [(c.name, c.display_name) for c in services.providers.classes()]
        self.commands = WorkflowActions(self.workflow, bridge, self)
        self.projects = ProjectListModel(self.workflow, self)
        self.images = ImageGridModel(self.workflow, self)
        self.lineage = LineageModel(self.workflow, self.images, self)
        self.timeline = TimelineModel(self.workflow, self)
        self.presets = PresetListModel(self.workflow, self)
        self.images.loader.thumbnail_loaded.connect(lambda asset_id, _i: self.lineage.thumbnail_arrived(asset_id))

        self.toolbar = QToolBar(self)
        self.tool = {k: self.toolbar.addAction("") for k in ("new", "save_template", "import_template",
                                                              "export_template", "delete")}
        self.tool["new"].triggered.connect(self.new_project)
        self.tool["save_template"].triggered.connect(self.commands.save_as_template)
        self.tool["import_template"].triggered.connect(self.commands.import_template)
        self.tool["export_template"].triggered.connect(self.commands.export_template)
        self.tool["delete"].triggered.connect(self.commands.delete_project)
        self.project_list = QListView(self)
        self.project_list.setObjectName("WorkflowProjects")
        self.project_list.setModel(self.projects)
        self.project_list.selectionModel().currentRowChanged.connect(lambda cur, _p: self._project_chosen(cur.row()))
        self.notice = QLabel(self)
        self.notice.setObjectName("WorkflowNotice")
        self.notice.setWordWrap(True)

        self.overview = ProjectOverviewView(self.presets, providers, services.config.default_provider, self)
        self.images_page = ProjectImagesView(self.images, self)
        self.lineage_page = LineageView(self.lineage, self)
        self.presets_page = PresetEditorView(self.presets, self.workflow, providers, self)
        self.rules_page = BrandRulesView(self)
        self.suggestions_page = SuggestionsView(self)
        self.history_page = HistoryView(self.timeline, self)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("WorkflowPages")
        for page in (self.overview, self.images_page, self.lineage_page, self.presets_page,
                     self.rules_page, self.suggestions_page, self.history_page):
            self.pages.addTab(page, "")
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.notice)
        right_layout.addWidget(self.pages, 1)
        self.split = QSplitter(self)
        self.split.addWidget(self.project_list)
        self.split.addWidget(right)
        self.split.setStretchFactor(1, 4)
        self.split.setSizes([220, 980])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.split, 1)
        self._connect()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh_project)
        self._model_details = ""
        self.retranslate()
        self.suggestions_page.load_settings(self.workflow.settings())
        self.reload_projects()

    def _connect(self) -> None:
        a = self.commands
        a.notice_changed.connect(self.notice.setText)
        a.project_created.connect(self.select_project)
        a.lineage_requested.connect(self.show_lineage)
        a.status_found.connect(self._status_found)
        a.suggestion_piece.connect(self.suggestions_page.append)
        a.suggestion_done.connect(self._suggestion_done)
        a.output_started.connect(lambda: self.images_page.show_output(""))
        a.output_piece.connect(self.images_page.append_output)
        o = self.overview
        o.generate_requested.connect(a.generate)
        o.consistency_requested.connect(lambda: a.score_consistency(self.workflow.ctx.records.asset_ids(a.project_id)))
        i = self.images_page
        i.decision_requested.connect(a.decide)
        i.variants_requested.connect(a.variants)
        i.check_requested.connect(a.check)
        i.explain_requested.connect(a.explain)
        i.caption_requested.connect(a.caption)
        i.lineage_requested.connect(self.show_lineage)
        self.lineage_page.images_requested.connect(self.show_images)
        p = self.presets_page
        p.save_requested.connect(a.save_preset)
        p.delete_requested.connect(a.delete_preset)
        p.import_requested.connect(a.import_styles)
        p.export_requested.connect(a.export_styles)
        r = self.rules_page
        r.save_requested.connect(a.save_rules)
        r.check_all_requested.connect(a.check_all)
        r.export_requested.connect(a.export_checks)
        s = self.suggestions_page
        s.suggest_requested.connect(self._suggest)
        s.stop_requested.connect(a.stop_suggestion)
        s.status_requested.connect(a.look_for_models)
        s.settings_changed.connect(a.save_settings)
        s.prompts_chosen.connect(self._use_prompts)
        s.details_requested.connect(self._model_detail)
        h = self.history_page
        h.images_requested.connect(self.show_images)
        h.export_requested.connect(a.export_history)
        self.bridge.event_arrived.connect(self._on_event)

    # -- text --------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {"new": self.tr("New project…"), "save_template": self.tr("Save as template…"),
                 "import_template": self.tr("Import template…"), "export_template": self.tr("Export template…"),
                 "delete": self.tr("Delete project")}
        for key, action in self.tool.items():
            action.setText(texts[key])
        titles = (self.tr("Overview"), self.tr("Images"), self.tr("Lineage"), self.tr("Presets"),
                  self.tr("Brand rules"), self.tr("Suggestions"), self.tr("History"))
        for index, title in enumerate(titles):
            self.pages.setTabText(index, title)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- projects ----------------------------------------------------------------------
    @property
    def project_id(self) -> int | None:
        return self.commands.project_id

    def reload_projects(self) -> None:
        current = self.project_id
        self.projects.refresh()
        row = self.projects.row_of(current) if current is not None else (0 if self.projects.rowCount() else -1)
        if row < 0 and self.projects.rowCount():
            row = 0
        if row >= 0:
            self.project_list.selectionModel().setCurrentIndex(
                self.projects.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self._project_chosen(row)
        else:
            self._project_chosen(-1)

    def select_project(self, project_id: int) -> None:
        self.projects.refresh()
        row = self.projects.row_of(project_id)
        if row >= 0:
            self.project_list.selectionModel().setCurrentIndex(
                self.projects.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self._project_chosen(row)

    def new_project(self) -> None:
        dialog = NewProjectDialog(self.workflow.projects.templates(), self)
        if dialog.exec():
            key, origin, name = dialog.choice()
            self.commands.create_project(key, origin, name)

    def _project_chosen(self, row: int) -> None:
        project = self.projects.project_at(row)
        project_id = project.id if project is not None else None
        changed = project_id != self.commands.project_id
        self.commands.project_id = project_id
        for action in ("save_template", "export_template", "delete"):
            self.tool[action].setEnabled(project_id is not None)
        self.pages.setEnabled(project_id is not None)
        if changed:
            self.lineage.show_asset(None)
            self.images.show_project(project_id)
            self.presets.show_project(project_id)
            self.timeline.show_project(project_id)
            self.presets_page.clear()
        self._show_overview()
        if project_id is not None:
            rules = self.workflow.projects.rules(project_id)
            self.rules_page.load(rules.rules, rules.version)

    def _show_overview(self) -> None:
        pid = self.project_id
        project = self.workflow.projects.project(pid) if pid is not None else None
        run = self.workflow.consistency.latest(pid) if pid is not None else None
        self.overview.show_project(project, run, clip_installed())
        if self.overview.preset_combo.currentIndex() < 0 and self.presets.rowCount():
            self.overview.preset_combo.setCurrentIndex(0)

    def _refresh_project(self) -> None:
        self.projects.refresh()
        if self.project_id is not None:
            self.images.refresh()
            self.timeline.refresh()
            self._show_overview()
            if self.lineage.asset_id is not None:
                self.lineage.refresh()

    # -- navigation ------------------------------------------------------------------------
    def show_images(self, asset_ids: list[int]) -> None:
        self.images.show_project(self.project_id, asset_ids)
        self.pages.setCurrentWidget(self.images_page)
        self.images_page.select(asset_ids[:1])

    def show_lineage(self, asset_id: int) -> None:
        self.lineage.show_asset(asset_id)
        self.pages.setCurrentWidget(self.lineage_page)

    def show_page(self, name: str) -> None:
        self.pages.setCurrentIndex(PAGES.index(name))

    # -- suggestions ---------------------------------------------------------------------
    def _suggest(self, text: str, is_brief: bool) -> None:
        self.suggestions_page.set_running(True)
        self.commands.suggest(text, is_brief)

    def _suggestion_done(self, ideas: Any) -> None:
        self.suggestions_page.set_running(False)
        if ideas is not None:
            self.suggestions_page.show_ideas(ideas)

    def _use_prompts(self, prompts: list[str]) -> None:
        self.overview.use_prompts(prompts)
        self.show_page("overview")

    def _status_found(self, status: Any) -> None:
        self.suggestions_page.show_status(status)
        self._model_details = "\n".join(status.tried) if status is not None else ""

    def _model_detail(self) -> None:
        DetailsDialog(self.suggestions_page.status_label.text(), self._model_details, self).show()

    # -- events --------------------------------------------------------------------------
    def _on_event(self, event: object) -> None:
        pid = self.project_id
        if isinstance(event, wev.ProjectsDidChange):
            self.reload_projects()
        elif isinstance(event, wev.PresetsDidChange):
            self.presets.refresh()
        elif isinstance(event, wev.BrandRulesDidChange) and event.project_id == pid:
            rules = self.workflow.projects.rules(event.project_id)
            self.rules_page.load(rules.rules, rules.version)
            self.timeline.refresh()
        elif isinstance(event, wev.BrandCheckDidFinish) and event.project_id == pid:
            if self.images.row_of(event.asset_id) >= 0:
                self.images.update_assets([event.asset_id])
                self.images_page.refresh_selection()
            else:
                self._refresh_timer.start()
        elif isinstance(event, wev.DecisionDidRecord) and event.project_id == pid:
            self.images.update_assets(event.asset_ids)
            self.timeline.refresh()
            if self.lineage.asset_id is not None:
                self.lineage.refresh()
        elif isinstance(event, wev.ConsistencyDidScore) and event.project_id == pid:
            self.images.refresh()
            self._show_overview()
        elif isinstance(event, ev.AssetDidAdd | ev.BatchDidFinish) and pid is not None:
            self._refresh_timer.start()
        elif isinstance(event, wev.VariantsDidQueue) and self.lineage.asset_id is not None:
            self.lineage.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if self.suggestions_page._status is None:
            self.commands.look_for_models()

    def shutdown(self) -> None:
        self.images.shutdown()
