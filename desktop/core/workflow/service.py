"""The workflow feature as the window and the command line see it: one object built by the
composition root, holding one part per concern.

    workflow.projects     projects, templates, style presets, brand rules, preset batches
    workflow.checks       brand checks (automatic for new images) and their export
    workflow.consistency  consistency scores of image sets, outliers
    workflow.variants     variants through the queue, lineage trees
    workflow.history      decisions and the project timeline, export
    workflow.assist       suggestions, captions and explanations from a language model

Building it subscribes the automatic brand checks to `AssetDidAdd`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import httpx

from desktop.core.config import AppConfig, ConfigStore
from desktop.core.events import EventBus
from desktop.core.providers.registry import ProviderRegistry
from desktop.core.queue.service import QueueService
from desktop.core.store.database import Database
from desktop.core.workflow.assist_service import AssistService
from desktop.core.workflow.check_service import CheckService
from desktop.core.workflow.clip_backend import load_clip
from desktop.core.workflow.consistency_service import ClipLoader, ConsistencyService
from desktop.core.workflow.context import WorkflowContext, shipped_templates_dir
from desktop.core.workflow.history_service import HistoryService
from desktop.core.workflow.llm import LanguageModels
from desktop.core.workflow.project_service import ProjectService
from desktop.core.workflow.settings import WorkflowSettings
from desktop.core.workflow.templates import TemplateCatalog
from desktop.core.workflow.variant_service import VariantService


class WorkflowService:
    def __init__(
        self,
        *,
        db: Database,
        root: Path,
        events: EventBus,
        queue: QueueService,
        providers: ProviderRegistry,
        http: httpx.AsyncClient,
        config_store: ConfigStore,
        executors: Any,  # services.Executors: `.db` (single writer) and `.io` (image pool)
        env: Mapping[str, str] | None = None,
        clip_loader: ClipLoader = load_clip,
        shipped_templates: Path | None = None,
        clock: Callable[[], float] = time.time,
        auto_check: bool = True,
    ) -> None:
        self.config_store = config_store
        self.ctx = WorkflowContext(db, Path(root), events, executors.db, executors.io, clock)
        self.models = LanguageModels(http, self.settings, self._openai_key, self._openai_url,
                                     env if env is not None else providers.env)
        catalog = TemplateCatalog(shipped_templates or shipped_templates_dir(),
                                  config_store.directory / "templates")
        self.projects = ProjectService(self.ctx, catalog, queue, providers,
                                       lambda: self._config().default_provider)
        self.checks = CheckService(self.ctx, self.models, self.settings)
        self.consistency = ConsistencyService(self.ctx, clip_loader)
        self.variants = VariantService(self.ctx, queue, providers)
        self.history = HistoryService(self.ctx)
        self.assist = AssistService(self.ctx, self.models)
        self._providers = providers
        if auto_check:
            self.checks.start()

    def _config(self) -> AppConfig:
        try:
            return self.config_store.load()
        except Exception:  # a broken settings file must not stop the workflow
            return AppConfig()

    def settings(self) -> WorkflowSettings:
        return WorkflowSettings.from_config(self._config())

    def save_settings(self, settings: WorkflowSettings) -> None:
        self.config_store.save(settings.into(self._config()))

    def _openai_key(self) -> str | None:
        if "openai" not in self._providers:
            return None
        return self._providers.get("openai").credential()

    def _openai_url(self) -> str:
        return self._providers.get("openai").base_url if "openai" in self._providers else ""

    def image_path(self, asset_id: int, thumbnail: bool = True) -> Path | None:
        """The file to show for an image: its thumbnail when it has one."""
        found = self.ctx.records.assets([asset_id])
        if not found:
            return None
        rel = found[0].thumb_path if thumbnail and found[0].thumb_path else found[0].path
        return self.ctx.paths.abs(rel)

    async def aclose(self) -> None:
        self.checks.stop()
        await self.checks.drain()
