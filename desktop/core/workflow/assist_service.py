"""Creative help from a language model: prompt suggestions streamed as they are written,
captions for search, and why an image fails a brand rule. Nothing here blocks other work:
with no model reachable, `status()` says so and the calls raise ModelUnavailableError.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from desktop.core.workflow.brand_check import FAIL
from desktop.core.workflow.context import WorkflowContext
from desktop.core.workflow.errors import ModelUnavailableError, NotFoundError
from desktop.core.workflow.image_measures import image_for_model
from desktop.core.workflow.llm import BoundChat, LanguageModels, ModelStatus
from desktop.core.workflow.suggestions import CAPTION, explain_messages, suggestion_messages


class AssistService:
    def __init__(self, ctx: WorkflowContext, models: LanguageModels) -> None:
        self.ctx = ctx
        self.models = models
        self.last_status: ModelStatus | None = None

    async def status(self) -> ModelStatus:
        self.last_status = await self.models.status()
        return self.last_status

    async def _text(self) -> BoundChat:
        status = await self.status()
        if status.text is None:
            raise ModelUnavailableError(status.message)
        return status.text

    async def _vision(self) -> BoundChat:
        status = await self.status()
        if status.vision is None:
            raise ModelUnavailableError(
                status.message if status.text is None else
                f"{status.text.label} cannot look at images and no vision model is installed "
                "(for example `ollama pull llava`)")
        return status.vision

    async def suggest(self, text: str, *, is_brief: bool = False,
                      project_id: int | None = None) -> AsyncIterator[str]:
        """Stream the model's answer; read it with `suggestions.parse_suggestions`."""
        if not text.strip():
            raise ValueError("write a prompt or a brief first")
        style, words = "", ()
        if project_id is not None:
            presets = self.ctx.projects.presets(project_id, include_global=False)
            style = "; ".join(f"{e.preset.name}: {e.preset.positive}" for e in presets[:3])
            words = self.ctx.projects.rules(project_id).rules.required_words
        model = await self._text()
        async for piece in model.stream(suggestion_messages(text, is_brief=is_brief,
                                                            style_hint=style, brand_words=words)):
            yield piece

    async def _image(self, asset_id: int) -> tuple[bytes, str]:
        found = self.ctx.records.assets([asset_id])
        if not found:
            raise NotFoundError(f"image {asset_id} does not exist or is in the trash")
        data = await self.ctx.on_io(image_for_model, self.ctx.paths.abs(found[0].path))
        return data, found[0].prompt

    async def caption(self, asset_id: int) -> str:
        """Describe an image with a vision model and keep the caption for search."""
        model = await self._vision()
        image, _prompt = await self._image(asset_id)
        text = (await model.reply([{"role": "user", "content": CAPTION}], [image])).strip()
        await self.ctx.on_db(self.ctx.records.save_caption, asset_id, model.label, text)
        return text

    async def explain_failure(self, asset_id: int) -> AsyncIterator[str]:
        """Why the image's latest brand check failed, streamed; with a vision model the
        model looks at the image, else it reasons from the numbers."""
        check = self.ctx.records.latest_checks([asset_id]).get(asset_id)
        if check is None or check.passed:
            raise ValueError(f"image {asset_id} has no failed brand check to explain")
        failures = [r for r in check.result.results if r.status == FAIL]
        status = await self.status()
        model = status.vision or status.text
        if model is None:
            raise ModelUnavailableError(status.message)
        image, prompt = await self._image(asset_id)
        images = [image] if status.vision is not None else None
        async for piece in model.stream(explain_messages(prompt, failures, images is not None), images):
            yield piece
