"""Projects, templates, style presets and brand rules as the tab and the command line use
them; preset and rule changes are written with their history entry in one transaction."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.core.models import GenerationRequest, JobSpec
from desktop.core.providers.registry import ProviderRegistry
from desktop.core.queue.service import QueueService
from desktop.core.queue.types import BatchOptions
from desktop.core.workflow import events as wev
from desktop.core.workflow import preset_formats
from desktop.core.workflow.brand_rules import BrandRules
from desktop.core.workflow.context import WorkflowContext
from desktop.core.workflow.decisions_sql import DecisionDraft
from desktop.core.workflow.preset_render import RenderTarget, render_request
from desktop.core.workflow.presets import StylePreset
from desktop.core.workflow.records import PresetEntry, ProjectInfo, RuleSet
from desktop.core.workflow.templates import (
    ProjectTemplate,
    TemplateCatalog,
    parse_size,
    write_template,
)


class ProjectService:
    def __init__(self, ctx: WorkflowContext, catalog: TemplateCatalog, queue: QueueService,
                 providers: ProviderRegistry,
                 default_provider: Callable[[], str] = lambda: "openai") -> None:
        self.ctx = ctx
        self.catalog = catalog
        self.queue = queue
        self.providers = providers
        self.default_provider = default_provider

    def _draft(self, kind: str, project_id: int | None, note: str, **payload: object) -> DecisionDraft:
        return DecisionDraft(kind, project_id, note=note, actor=self.ctx.actor,
                             profile_id=self.ctx.profile_id, payload=dict(payload))

    # -- projects ------------------------------------------------------------------------
    def projects(self, include_archived: bool = False) -> list[ProjectInfo]:
        return self.ctx.projects.projects(include_archived)

    def project(self, project_id: int) -> ProjectInfo:
        return self.ctx.projects.project(project_id)

    async def create(self, name: str, *, template: ProjectTemplate | None = None,
                     description: str = "", brief: str = "") -> int:
        t = template or ProjectTemplate(name="")
        project_id = await self.ctx.on_db(lambda: self.ctx.projects.create_project(
            name, description=description or t.description, brief=brief or t.brief,
            template=t.key or t.name, starter_prompts=t.starter_prompts, sizes=t.sizes,
            presets=t.presets, rules=t.brand_rules, profile_id=self.ctx.profile_id))
        self.ctx.events.publish(wev.ProjectsDidChange((project_id,)))
        return project_id

    async def create_from_template(self, key: str, name: str, origin: str | None = None) -> int:
        return await self.create(name, template=self.catalog.get(key, origin))

    async def update(self, project_id: int, **fields: object) -> None:
        await self.ctx.on_db(lambda: self.ctx.projects.update_project(project_id, **fields))
        self.ctx.events.publish(wev.ProjectsDidChange((project_id,)))

    async def archive(self, project_id: int, archived: bool = True) -> None:
        await self.update(project_id, archived_at=self.ctx.clock() if archived else None)

    async def delete(self, project_id: int) -> None:
        await self.ctx.on_db(self.ctx.projects.delete_project, project_id)
        self.ctx.events.publish(wev.ProjectsDidChange((project_id,)))

    # -- templates -----------------------------------------------------------------------
    def templates(self) -> list[ProjectTemplate]:
        return self.catalog.templates()

    def as_template(self, project_id: int, name: str | None = None) -> ProjectTemplate:
        info = self.project(project_id)
        presets = tuple(e.preset for e in self.presets(project_id, include_global=False))
        return ProjectTemplate(
            name=name or info.name, description=info.description, brief=info.brief,
            sizes=info.sizes, presets=presets, brand_rules=self.rules(project_id).rules,
            starter_prompts=info.starter_prompts)

    async def save_as_template(self, project_id: int, name: str | None = None) -> ProjectTemplate:
        template = self.as_template(project_id, name)
        return await self.ctx.on_io(self.catalog.save_user, template)

    async def import_template(self, path: Path) -> ProjectTemplate:
        return await self.ctx.on_io(self.catalog.import_file, path)

    async def export_template(self, template: ProjectTemplate, path: Path) -> None:
        await self.ctx.on_io(write_template, template, path)

    # -- presets -------------------------------------------------------------------------
    def presets(self, project_id: int | None, include_global: bool = True) -> list[PresetEntry]:
        return self.ctx.projects.presets(project_id, include_global)

    def preset(self, preset_id: int) -> PresetEntry:
        return self.ctx.projects.preset(preset_id)

    async def save_preset(self, project_id: int | None, preset: StylePreset,
                          preset_id: int | None = None, note: str = "") -> int:
        problems = preset.problems()
        if problems:
            raise ValueError(f"preset {preset.name!r}: {'; '.join(problems)}")
        before = self.preset(preset_id).preset.to_dict() if preset_id is not None else None
        draft = self._draft("preset_change", project_id, note, action="update" if before else "add",
                            preset=preset.name, before=before, after=preset.to_dict())
        saved = await self.ctx.on_db(self.ctx.projects.save_preset, project_id, preset, preset_id,
                                     draft if project_id is not None else None)
        self.ctx.events.publish(wev.PresetsDidChange(project_id))
        return saved

    async def delete_preset(self, preset_id: int, note: str = "") -> None:
        entry = self.preset(preset_id)
        draft = self._draft("preset_change", entry.project_id, note, action="delete",
                            preset=entry.preset.name, before=entry.preset.to_dict(), after=None)
        await self.ctx.on_db(self.ctx.projects.delete_preset, preset_id,
                             draft if entry.project_id is not None else None)
        self.ctx.events.publish(wev.PresetsDidChange(entry.project_id))

    async def import_styles(self, path: Path, project_id: int | None) -> list[int]:
        presets = await self.ctx.on_io(preset_formats.read_styles, path)
        return [await self.save_preset(project_id, p, note=f"imported from {path.name}") for p in presets]

    async def export_styles(self, project_id: int | None, path: Path) -> int:
        presets = [e.preset for e in self.presets(project_id, include_global=False)]
        writer = (preset_formats.write_a1111_styles if path.suffix.lower() == ".csv"
                  else preset_formats.write_fooocus_styles)
        await self.ctx.on_io(writer, presets, path)
        return len(presets)

    def render_target(self, provider: str, model: str = "") -> RenderTarget:
        if provider not in self.providers:
            return RenderTarget(provider, model)
        caps = self.providers.get(provider).capabilities()
        model = model or self.providers.config.provider(provider).default_model or caps.default_model
        info = caps.model(model)
        if info is None:
            return RenderTarget(provider, model)
        return RenderTarget(provider, model, info.sizes, info.supports_seed, info.supports_negative)

    def render(self, preset: StylePreset, prompt: str, *, provider: str | None = None,
               model: str | None = None, size: tuple[int, int] | None = None,
               seed: int | None = None) -> GenerationRequest:
        target = self.render_target(provider or preset.provider or self.default_provider(),
                                    model if model is not None else preset.model)
        return render_request(preset, prompt, target, size=size, seed=seed)

    async def enqueue_with_preset(
        self,
        project_id: int,
        preset_id: int,
        prompts: Sequence[str],
        *,
        sizes: Sequence[str] | None = None,
        count: int = 1,
        provider: str | None = None,
        model: str | None = None,
        name: str = "",
    ) -> tuple[int, list[int]]:
        """One job per prompt x size x count, in the preset's style, as a batch of the
        project. `sizes` default to the project's sizes, else the preset's size."""
        entry = self.preset(preset_id)
        info = self.project(project_id)
        size_list = list(sizes if sizes is not None else info.sizes) or [None]
        seeds = entry.preset.seed.seeds(len(prompts) * len(size_list) * count, random.Random())
        specs: list[JobSpec] = []
        for prompt in (p for p in prompts if p.strip()):
            for size in size_list:
                for _ in range(count):
                    pair = parse_size(size) if size else None
                    request = self.render(entry.preset, prompt.strip(), provider=provider,
                                          model=model, size=pair, seed=seeds[len(specs)])
                    specs.append(JobSpec(request, source=f"preset {entry.preset.name}",
                                         name=prompt.strip()[:60], tags=(entry.preset.name,),
                                         style=entry.preset.name))
        if not specs:
            raise ValueError("no prompts to queue")
        options = BatchOptions(name=name or f"{info.name} · {entry.preset.name}",
                               source=f"project {info.name}", project_id=project_id,
                               profile_id=self.ctx.profile_id)
        return await self.queue.enqueue(specs, options)

    # -- brand rules ---------------------------------------------------------------------
    def rules(self, project_id: int) -> RuleSet:
        return self.ctx.projects.rules(project_id)

    async def set_rules(self, project_id: int, rules: BrandRules, note: str = "") -> int:
        self.project(project_id)  # raises NotFoundError early, before a half-written history
        before = self.rules(project_id).rules
        draft = self._draft("rule_change", project_id, note, before=before.to_dict(),
                            after=rules.to_dict())
        version = await self.ctx.on_db(self.ctx.projects.set_rules, project_id, rules, draft)
        self.ctx.events.publish(wev.BrandRulesDidChange(project_id, version))
        return version

