"""ComfyUI, local: queue an API-format graph with `POST /prompt`, poll `/history/{id}` until
it appears, download outputs with `/view`, interrupt or dequeue when our task is cancelled.

Wire format: ../shared/providers.md §9b. The model id is the checkpoint file name (listed from
`GET /models/checkpoints`, or `/object_info/CheckpointLoaderSimple` on older servers); the
graph is the built-in text-to-image one (comfyui_graph.py) unless the option `workflow_path`
names the user's own API-format workflow with placeholders. Host: COMFYUI_BASE_URL.
"""

from __future__ import annotations

import asyncio
import random
import uuid
from pathlib import Path
from typing import Any

import httpx

from desktop.core.models import ErrorKind, GeneratedImage, GenerationRequest, GenerationResult
from desktop.core.providers.async_job import JobClock, PollPlan, cancel_quietly
from desktop.core.providers.base import (
    Capabilities,
    HealthReport,
    ModelInfo,
    OptionSpec,
    ProgressCallback,
    Provider,
    ProviderContext,
    ProviderError,
)
from desktop.core.providers.comfyui_graph import (
    WorkflowError,
    build_txt2img,
    load_workflow,
    placeholder_values,
)

SAMPLERS = ("euler", "euler_ancestral", "heun", "dpm_2", "dpmpp_2m", "dpmpp_2m_sde", "dpmpp_sde",
            "dpmpp_3m_sde", "lcm", "ddim", "uni_pc")
SCHEDULERS = ("normal", "karras", "exponential", "sgm_uniform", "simple", "ddim_uniform", "beta")


class ComfyUIImages(Provider):
    name = "comfyui"
    display_name = "ComfyUI (local)"
    default_base_url = "http://127.0.0.1:8188"
    base_url_env = "COMFYUI_BASE_URL"
    needs_key = False
    default_concurrency = 1  # one GPU; ComfyUI queues the rest anyway
    default_rate_per_minute = 600.0

    def __init__(self, ctx: ProviderContext) -> None:
        super().__init__(ctx)
        self.checkpoints: tuple[str, ...] = ()

    async def refresh(self) -> tuple[str, ...]:
        """Read the installed checkpoints; `capabilities()` then lists them as models."""
        resp = await self.send("GET", f"{self.base_url}/models/checkpoints", timeout=15)
        if resp.status_code == 200 and isinstance(self.json_body(resp), list):
            names = [str(n) for n in resp.json()]
        else:
            resp = await self.send("GET", f"{self.base_url}/object_info/CheckpointLoaderSimple",
                                   timeout=15)
            if resp.status_code != 200:
                raise self._error(resp, "listing checkpoints")
            names = _combo_options(self.json_body(resp))
        self.checkpoints = tuple(names)
        return self.checkpoints

    def capabilities(self) -> Capabilities:
        return Capabilities(
            models=tuple(ModelInfo(c, Path(c).stem, deterministic=True) for c in self.checkpoints),
            local=True,
            max_n=1,
            options=(
                OptionSpec("sampler_name", "Sampler", choices=SAMPLERS, default="euler"),
                OptionSpec("scheduler", "Scheduler", choices=SCHEDULERS, default="normal"),
                OptionSpec("workflow_path", "Workflow (API format JSON)", kind="text", default="",
                           help="your own workflow with {prompt} and optionally {negative_prompt}, "
                                "{seed}, {width}, {height}, {steps}, {cfg}, {checkpoint}"),
            ),
        )

    def validate(self, request: GenerationRequest) -> list[str]:
        problems = super().validate(request)
        if request.width % 8 or request.height % 8:
            problems.append(f"size {request.size}: width and height must be multiples of 8")
        return problems

    def _option(self, request: GenerationRequest, key: str, default: Any = None) -> Any:
        value = request.params.get(key)
        if value in (None, ""):
            value = self.ctx.settings.options.get(key)
        return default if value in (None, "") else value

    async def _checkpoint(self, request: GenerationRequest) -> str:
        if request.model:
            return request.model
        if self.ctx.settings.default_model:
            return self.ctx.settings.default_model
        names = self.checkpoints or await self.refresh()
        if not names:
            raise self.error(ErrorKind.BAD_REQUEST, f"ComfyUI at {self.base_url} has no "
                             "checkpoints in models/checkpoints")
        return names[0]

    async def build_graph(self, request: GenerationRequest, seed: int) -> dict[str, Any]:
        workflow = self._option(request, "workflow_path")
        checkpoint = "" if workflow and not request.model else await self._checkpoint(request)
        if workflow:
            values = placeholder_values(request, seed, checkpoint)
            try:
                return load_workflow(Path(str(workflow)).expanduser(), values)
            except WorkflowError as exc:
                raise self.error(ErrorKind.BAD_REQUEST, str(exc)) from exc
        return build_txt2img(request, checkpoint, seed,
                             sampler=self._option(request, "sampler_name", "euler"),
                             scheduler=self._option(request, "scheduler", "normal"))

    async def generate(
        self, request: GenerationRequest, progress: ProgressCallback | None = None
    ) -> GenerationResult:
        problems = self.validate(request)
        if problems:
            raise self.error(ErrorKind.BAD_REQUEST, "; ".join(problems))
        seed = request.seed if request.seed is not None else random.randint(0, 2**32 - 1)
        graph = await self.build_graph(request, seed)
        clock = JobClock(PollPlan.from_settings(self.ctx.settings, 0.5, expected=20), progress)
        resp = await self.send("POST", f"{self.base_url}/prompt", timeout=30,
                               json={"prompt": graph, "client_id": uuid.uuid4().hex})
        if resp.status_code != 200:
            raise self._error(resp, "queueing the workflow")
        prompt_id = str(self.json_body(resp).get("prompt_id") or "")
        if not prompt_id:
            raise self.error(ErrorKind.TRANSIENT, "ComfyUI queued the workflow without a prompt_id")
        clock.report(0.02)
        try:
            entry = await self._wait(prompt_id, clock)
        except asyncio.CancelledError:
            await cancel_quietly(lambda: self._stop(prompt_id))
            raise
        except ProviderError as exc:
            if exc.code == "job_timeout_local":
                await cancel_quietly(lambda: self._stop(prompt_id))
            raise
        images = await self._download(entry, prompt_id, seed)
        clock.report(1.0)
        return GenerationResult(images=images, cost_usd=0.0,
                                info={"prompt_id": prompt_id, "checkpoint": request.model or None,
                                      "workflow": self._option(request, "workflow_path")})

    async def _wait(self, prompt_id: str, clock: JobClock) -> dict[str, Any]:
        while True:
            await clock.wait()
            resp = await self.send("GET", f"{self.base_url}/history/{prompt_id}", timeout=30)
            if resp.status_code != 200:
                raise self._error(resp, f"reading the history of {prompt_id}")
            entry = (self.json_body(resp) or {}).get(prompt_id)
            if entry:
                self._raise_if_failed(entry, prompt_id)
                if (entry.get("status") or {}).get("completed", True) or entry.get("outputs"):
                    return entry
            clock.report_estimate()
            if clock.expired:
                raise self.error(
                    ErrorKind.TRANSIENT,
                    f"ComfyUI prompt {prompt_id} gave no result within {clock.plan.timeout:g} s; "
                    "removed it from the queue", code="job_timeout_local")

    def _raise_if_failed(self, entry: dict[str, Any], prompt_id: str) -> None:
        status = entry.get("status") or {}
        messages = {event: data for event, data in status.get("messages") or []
                    if isinstance(data, dict)}
        if "execution_interrupted" in messages:
            raise self.error(ErrorKind.CANCELLED, f"ComfyUI prompt {prompt_id} was interrupted")
        if status.get("status_str") == "error" or "execution_error" in messages:
            data = messages.get("execution_error") or {}
            node = f"node {data.get('node_id')} ({data.get('node_type')})" if data else "a node"
            detail = data.get("exception_message") or "execution failed"
            raise self.error(ErrorKind.TRANSIENT, f"ComfyUI {node} failed: {str(detail).strip()}",
                             code=data.get("exception_type"))

    async def _download(self, entry: dict[str, Any], prompt_id: str, seed: int
                        ) -> list[GeneratedImage]:
        files = [img for out in (entry.get("outputs") or {}).values() if isinstance(out, dict)
                 for img in out.get("images") or [] if isinstance(img, dict)]
        saved = [f for f in files if f.get("type") == "output"] or files
        images = []
        for item in saved:
            query = {"filename": item.get("filename", ""), "subfolder": item.get("subfolder", ""),
                     "type": item.get("type", "output")}
            resp = await self.send("GET", f"{self.base_url}/view", params=query, timeout=120)
            if resp.status_code != 200:
                raise self.error(ErrorKind.TRANSIENT, f"ComfyUI could not serve {query['filename']} "
                                 f"of prompt {prompt_id} (HTTP {resp.status_code})",
                                 status=resp.status_code)
            mime = resp.headers.get("content-type", "image/png").split(";")[0]
            images.append(GeneratedImage(data=resp.content, seed=seed,
                                         mime=mime if mime.startswith("image/") else "image/png",
                                         info={"comfyui_file": query}))
        if not images:
            raise self.error(ErrorKind.BAD_REQUEST, f"ComfyUI prompt {prompt_id} finished without "
                             "an image output (does the workflow have a SaveImage node?)")
        return images

    async def _stop(self, prompt_id: str) -> None:
        """Dequeue the prompt if it waits; interrupt it if (and only if) it is the one running."""
        await self.send("POST", f"{self.base_url}/queue", json={"delete": [prompt_id]}, timeout=5)
        resp = await self.send("GET", f"{self.base_url}/queue", timeout=5)
        running = resp.json().get("queue_running") if resp.status_code == 200 else []
        if any(len(item) > 1 and item[1] == prompt_id for item in running or []):
            await self.send("POST", f"{self.base_url}/interrupt", json={"prompt_id": prompt_id},
                            timeout=5)

    def _error(self, resp: httpx.Response, doing: str) -> ProviderError:
        try:
            body = resp.json()
        except ValueError:
            body = {}
        body = body if isinstance(body, dict) else {}
        error = body.get("error") if isinstance(body.get("error"), dict) else {}
        parts = [str(error.get("message") or body.get("error") or resp.text[:200]
                     or f"HTTP {resp.status_code}")]
        if error.get("details"):
            parts[0] += f": {error['details']}"
        node_errors = body.get("node_errors")
        for node_id, info in (node_errors.items() if isinstance(node_errors, dict) else []):
            for err in (info or {}).get("errors") or []:
                parts.append(f"node {node_id} ({info.get('class_type')}): {err.get('message')}"
                             + (f": {err['details']}" if err.get("details") else ""))
        exc = self.classify_status(resp, f"ComfyUI refused {doing}: " + "; ".join(parts),
                                   code=error.get("type"))
        if resp.status_code == 500:
            exc.kind = ErrorKind.TRANSIENT
        return exc

    async def check(self) -> HealthReport:
        async def call() -> dict[str, Any]:
            resp = await self.send("GET", f"{self.base_url}/system_stats", timeout=10)
            if resp.status_code != 200:
                raise self._error(resp, "the health check")
            stats = self.json_body(resp)
            if not isinstance(stats, dict) or "system" not in stats:
                raise self.error(ErrorKind.BAD_REQUEST, f"{self.base_url} is not ComfyUI "
                                 "(/system_stats has no system section)", status=404)
            checkpoints = await self.refresh()
            return {"comfyui_version": stats["system"].get("comfyui_version"),
                    "devices": [d.get("name") for d in stats.get("devices") or []],
                    "checkpoints": list(checkpoints)}

        return await self.timed_check(call)


def _combo_options(info: Any) -> list[str]:
    """Checkpoint names from `/object_info/CheckpointLoaderSimple`: the COMBO input is either
    `[[names...], {...}]` or, on newer servers, `["COMBO", {"options": [names...]}]`."""
    try:
        spec = info["CheckpointLoaderSimple"]["input"]["required"]["ckpt_name"]
    except (KeyError, TypeError):
        return []
    if spec and isinstance(spec[0], list):
        return [str(n) for n in spec[0]]
    if len(spec) > 1 and isinstance(spec[1], dict):
        return [str(n) for n in spec[1].get("options") or []]
    return []
