"""Brand checks: on request, and automatically for every new image of a project with rules.

New images arrive as `AssetDidAdd` events; the check runs off the event loop (pixels in the
image pool, the result on the store's writer thread), so the queue never waits for it.
"No text" asks a vision model when one is reachable and is recorded as skipped otherwise.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import csv
import io
import json
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.core import events as ev
from desktop.core.workflow import events as wev
from desktop.core.workflow.brand_check import (
    TEXT_QUESTION,
    BrandCheckResult,
    ImageFacts,
    check_image,
    text_free_result,
)
from desktop.core.workflow.brand_rules import BrandRules
from desktop.core.workflow.context import WorkflowContext
from desktop.core.workflow.image_measures import image_for_model, load_rgb
from desktop.core.workflow.llm import BoundChat, LanguageModels
from desktop.core.workflow.records import AssetFacts, RuleSet, StoredCheck
from desktop.core.workflow.settings import WorkflowSettings

log = logging.getLogger(__name__)
VISION_CACHE_S = 60.0  # how long a found (or missing) vision model is trusted


class CheckService:
    def __init__(self, ctx: WorkflowContext, models: LanguageModels,
                 settings: Callable[[], WorkflowSettings]) -> None:
        self.ctx = ctx
        self.models = models
        self.settings = settings
        self._tasks: set[asyncio.Future[object]] = set()
        self._foreign: set[concurrent.futures.Future[None]] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._vision: tuple[float, BoundChat | None, str] | None = None
        self._unsubscribe: Callable[[], None] | None = None

    # -- automatic checks ----------------------------------------------------------------
    def start(self) -> None:
        """Check every new image from now on."""
        if self._unsubscribe is None:
            self._unsubscribe = self.ctx.events.subscribe(ev.AssetDidAdd, self._on_asset_added)

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _on_asset_added(self, event: ev.AssetDidAdd) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is not None:
            self._loop = loop
            self._keep(loop.create_task(self._auto(event.asset_id)))
        elif self._loop is not None and not self._loop.is_closed():
            future = asyncio.run_coroutine_threadsafe(self._auto(event.asset_id), self._loop)
            self._foreign.add(future)  # keeps the task alive; removed when it ends
            future.add_done_callback(self._foreign.discard)
        else:  # published from a thread with no loop anywhere: pixel rules only
            self.ctx.io_executor.submit(self._check_now, event.asset_id)

    def _keep(self, task: asyncio.Future[object]) -> None:
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        """Wait for the automatic checks still running (tests, shutdown)."""
        while self._tasks or self._foreign:
            pending = list(self._tasks) + [asyncio.wrap_future(f) for f in list(self._foreign)]
            await asyncio.gather(*pending, return_exceptions=True)

    async def _auto(self, asset_id: int) -> None:
        try:
            await self.check_assets([asset_id], vision=self.settings().check_text_on_new)
        except Exception as exc:  # a failed check must never disturb the queue
            log.exception("brand check of image %s failed", asset_id)
            self.ctx.events.publish(ev.TaskDidFail("brand check", f"image {asset_id}: {exc}"))

    def _check_now(self, asset_id: int) -> None:
        try:
            for facts in self.ctx.records.assets([asset_id]):
                ruleset = self._ruleset(facts)
                if ruleset is not None:
                    self._store(facts, ruleset, self._pixel_check(ruleset.rules, facts))
        except Exception:
            log.exception("brand check of image %s failed", asset_id)

    # -- checks on request ---------------------------------------------------------------
    def _ruleset(self, facts: AssetFacts) -> RuleSet | None:
        if facts.project_id is None:
            return None
        ruleset = self.ctx.projects.rules(facts.project_id)
        return None if ruleset.rules.is_empty else ruleset

    def _pixel_check(self, rules: BrandRules, facts: AssetFacts) -> BrandCheckResult:
        needs_pixels = bool(rules.palette.colours) or rules.safe_margin > 0
        rgb = None
        if needs_pixels:
            try:
                rgb = load_rgb(self.ctx.paths.abs(facts.path))
            except (OSError, ValueError) as exc:
                log.warning("brand check cannot read %s: %s", facts.path, exc)
        return check_image(rules, ImageFacts(facts.width, facts.height, facts.prompt), rgb)

    def _store(self, facts: AssetFacts, ruleset: RuleSet, result: BrandCheckResult) -> StoredCheck:
        stored = self.ctx.records.save_check(facts.id, facts.project_id, result, ruleset.version)
        self.ctx.events.publish(wev.BrandCheckDidFinish(facts.id, facts.project_id, stored.passed))
        return stored

    async def vision_model(self) -> tuple[BoundChat | None, str]:
        now = time.monotonic()
        if self._vision is None or now - self._vision[0] > VISION_CACHE_S:
            status = await self.models.status()
            self._vision = (now, status.vision, status.message if status.vision is None else "")
        return self._vision[1], self._vision[2]

    async def _text_rule(self, facts: AssetFacts, result: BrandCheckResult) -> BrandCheckResult:
        model, why = await self.vision_model()
        if model is None:
            return result.replace_rule(text_free_result(None, "", why or "no vision model is reachable"))
        image = await self.ctx.on_io(image_for_model, self.ctx.paths.abs(facts.path))
        try:
            answer = await model.reply([{"role": "user", "content": TEXT_QUESTION}], [image])
        except Exception as exc:  # the model failed: the rule is skipped, not failed
            return result.replace_rule(text_free_result(None, model.label, f"{model.label} failed: {exc}"))
        return result.replace_rule(text_free_result(answer, model.label))

    async def check_assets(self, asset_ids: Sequence[int], vision: bool = True) -> dict[int, StoredCheck]:
        """Check images of projects that have rules; others are left out of the answer."""
        out: dict[int, StoredCheck] = {}
        for facts in await self.ctx.on_io(self.ctx.records.assets, list(asset_ids)):
            ruleset = await self.ctx.on_io(self._ruleset, facts)
            if ruleset is None:
                continue
            result = await self.ctx.on_io(self._pixel_check, ruleset.rules, facts)
            if ruleset.rules.text_free and vision:
                result = await self._text_rule(facts, result)
            out[facts.id] = await self.ctx.on_db(self._store, facts, ruleset, result)
        return out

    async def check_project(self, project_id: int, everything: bool = False) -> int:
        """Check the project's images that have no result under the current rules (or all)."""
        version = self.ctx.projects.rules(project_id).version
        ids = (self.ctx.records.asset_ids(project_id) if everything
               else self.ctx.records.unchecked(project_id, version))
        return len(await self.check_assets(ids))

    def latest(self, asset_ids: Sequence[int]) -> dict[int, StoredCheck]:
        return self.ctx.records.latest_checks(asset_ids)

    # -- export ------------------------------------------------------------------------
    async def export(self, project_id: int, path: Path) -> int:
        """The latest result per image as CSV (one row per rule) or JSON (by suffix)."""
        rows = await self.ctx.on_io(self.ctx.records.check_rows, project_id)
        await self.ctx.on_io(_write_checks, rows, path)
        return len(rows)


def _write_checks(rows: list[dict[str, object]], path: Path) -> None:
    if path.suffix.lower() == ".json":
        data = [{**{k: v for k, v in r.items() if k != "results_json"}, "passed": bool(r["passed"]),
                 "results": json.loads(str(r["results_json"]))} for r in rows]
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        return
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerow(["asset_id", "path", "passed", "rule", "status", "reason", "value", "limit",
                  "checked_at"])
    for r in rows:
        for rule in json.loads(str(r["results_json"])):
            out.writerow([r["asset_id"], r["path"], int(bool(r["passed"])), rule["rule"],
                          rule["status"], rule["reason"], rule["value"], rule["limit"],
                          r["checked_at"]])
    path.write_text(buf.getvalue(), encoding="utf-8-sig")
