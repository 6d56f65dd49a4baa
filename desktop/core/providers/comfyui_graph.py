"""ComfyUI API-format graphs: the built-in text-to-image graph, and the user's own exported
workflow filled in from `{placeholder}`s.

API format is `{node_id: {"class_type", "inputs"}}` with links written `[node_id, slot]`
(what ComfyUI's "Export (API)" saves). Placeholders: `{prompt}` (required),
`{negative_prompt}`, `{seed}`, `{width}`, `{height}`, `{steps}`, `{cfg}`, `{checkpoint}`.
A placeholder that is a whole JSON string ("{seed}") becomes the typed value; numbers may also
be written bare (`"seed": {seed}`), which is not JSON until filled; inside longer text a
placeholder is replaced as text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from desktop.core.models import GenerationRequest

PLACEHOLDERS = ("prompt", "negative_prompt", "seed", "width", "height", "steps", "cfg",
                "checkpoint")
_ANY = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")
_WHOLE = re.compile(r"^\{(" + "|".join(PLACEHOLDERS) + r")\}$")
_BARE_NUMBER = re.compile(r'(?<!")\{(seed|width|height|steps|cfg)\}(?!")')


class WorkflowError(ValueError):
    """The user's workflow file cannot be used; the message names the file and the problem."""


def build_txt2img(
    request: GenerationRequest, checkpoint: str, seed: int, *, sampler: str = "euler",
    scheduler: str = "normal", steps: int = 20, cfg: float = 7.0, prefix: str = "batchgen",
) -> dict[str, Any]:
    """ComfyUI's default graph: checkpoint → two prompts → empty latent → KSampler → VAE
    decode → SaveImage (node ids as in ComfyUI's own default workflow)."""
    return {
        "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": checkpoint}},
        "6": {"class_type": "CLIPTextEncode", "inputs": {"text": request.prompt, "clip": ["4", 1]}},
        "7": {"class_type": "CLIPTextEncode",
              "inputs": {"text": request.negative_prompt, "clip": ["4", 1]}},
        "5": {"class_type": "EmptyLatentImage",
              "inputs": {"width": request.width, "height": request.height, "batch_size": 1}},
        "3": {"class_type": "KSampler", "inputs": {
            "seed": seed, "steps": request.steps or steps,
            "cfg": request.cfg_scale if request.cfg_scale is not None else cfg,
            "sampler_name": sampler, "scheduler": scheduler, "denoise": 1.0,
            "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0],
            "latent_image": ["5", 0],
        }},
        "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
        "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": prefix, "images": ["8", 0]}},
    }


def placeholder_values(request: GenerationRequest, seed: int, checkpoint: str,
                       steps: int = 20, cfg: float = 7.0) -> dict[str, Any]:
    return {
        "prompt": request.prompt, "negative_prompt": request.negative_prompt, "seed": seed,
        "width": request.width, "height": request.height, "steps": request.steps or steps,
        "cfg": request.cfg_scale if request.cfg_scale is not None else cfg,
        "checkpoint": checkpoint,
    }


def load_workflow(path: Path, values: dict[str, Any]) -> dict[str, Any]:
    """Read an API-format workflow file and fill its placeholders."""
    try:
        text = path.read_text("utf-8-sig")
    except OSError as exc:
        raise WorkflowError(f"cannot read ComfyUI workflow {path}: {exc.strerror or exc}") from exc
    return fill_workflow(text, values, str(path))


def fill_workflow(text: str, values: dict[str, Any], source: str = "workflow") -> dict[str, Any]:
    if "{prompt}" not in text:
        raise WorkflowError(f"{source} has no {{prompt}} placeholder: put {{prompt}} where the "
                            "positive prompt text goes (e.g. a CLIPTextEncode text input)")
    text = _BARE_NUMBER.sub(lambda m: json.dumps(values[m.group(1)]), text)
    try:
        graph = json.loads(text)
    except json.JSONDecodeError as exc:
        raise WorkflowError(f"{source}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from exc
    if isinstance(graph, dict) and "nodes" in graph and "links" in graph:
        raise WorkflowError(f"{source} is a UI-format workflow; in ComfyUI save it with "
                            "'Export (API)' and choose that file")
    if isinstance(graph, dict) and isinstance(graph.get("prompt"), dict):
        graph = graph["prompt"]  # a saved /prompt request body
    if not isinstance(graph, dict) or not graph:
        raise WorkflowError(f"{source} is not an API-format workflow (expected an object of nodes)")
    for node_id, node in graph.items():
        if not isinstance(node, dict) or "class_type" not in node or not isinstance(
                node.get("inputs"), dict):
            raise WorkflowError(f"{source}: node {node_id!r} has no class_type/inputs; is this an "
                                "API-format export?")
    return _fill(graph, values)


def _fill(value: Any, values: dict[str, Any]) -> Any:
    if isinstance(value, dict):
        return {k: _fill(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, values) for v in value]
    if isinstance(value, str):
        whole = _WHOLE.match(value)
        if whole:
            return values[whole.group(1)]
        # One pass, so a prompt that itself contains "{seed}" is left as the user wrote it.
        return _ANY.sub(lambda m: str(values[m.group(1)]), value)
    return value
