"""ComfyUI's PNG chunks: `prompt` (the API-format graph that ran) and `workflow` (the
editor graph). We walk from the sampler node: its positive/negative inputs lead to the
text encoders, its model input to the checkpoint loader, its latent input to the size.

Graphs vary a lot (custom samplers, guiders, LoRA chains, ControlNet), so the walk
follows links generically with a depth limit and takes the first value found.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

SAMPLERS = ("KSampler", "KSamplerAdvanced", "SamplerCustom", "SamplerCustomAdvanced")
_MAX_DEPTH = 12
_SAMPLER_BRANCHES = ("model", "latent_image", "positive", "negative")
_NOT_TEXT = {"clip", "model", "vae", "control_net", "image", "pixels", "mask", "latent_image"}


@dataclass
class ComfyFields:
    prompt: str = ""
    negative_prompt: str = ""
    seed: int | None = None
    steps: int | None = None
    cfg_scale: float | None = None
    sampler: str | None = None
    model: str | None = None
    size: tuple[int, int] | None = None
    warnings: list[str] = field(default_factory=list)


def _is_link(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and isinstance(value[1], int)


class _ApiGraph:
    def __init__(self, graph: dict[str, Any]) -> None:
        self.nodes = {str(k): v for k, v in graph.items() if isinstance(v, dict)}

    def node(self, link: Any) -> dict[str, Any] | None:
        return self.nodes.get(str(link[0])) if _is_link(link) else None

    def inputs(self, node: dict[str, Any]) -> dict[str, Any]:
        inputs = node.get("inputs")
        return inputs if isinstance(inputs, dict) else {}

    def string(self, value: Any, depth: int = 0) -> str | None:
        """A literal string, or the string a linked node produces."""
        if isinstance(value, str):
            return value
        node = self.node(value)
        if node is None or depth > _MAX_DEPTH:
            return None
        for key in ("text", "string", "value", "prompt", "text_a"):
            found = self.string(self.inputs(node).get(key), depth + 1)
            if found is not None:
                return found
        return None

    def texts(self, link: Any, depth: int = 0, seen: set[str] | None = None) -> list[str]:
        """Prompt texts of the text encoders a conditioning link comes from."""
        seen = set() if seen is None else seen
        node = self.node(link)
        if node is None or depth > _MAX_DEPTH or str(link[0]) in seen:
            return []
        seen.add(str(link[0]))
        inputs = self.inputs(node)
        if str(node.get("class_type", "")).startswith("CLIPTextEncode"):
            keys = [k for k in ("text", "text_g", "text_l", "prompt") if k in inputs]
            found = [s for k in keys if (s := self.string(inputs[k])) is not None]
            return list(dict.fromkeys(found))
        if "positive" in inputs and "negative" in inputs:  # e.g. ControlNetApplyAdvanced
            return self.texts(inputs["negative" if link[1] == 1 else "positive"], depth + 1, seen)
        out: list[str] = []
        for key, value in inputs.items():
            if key not in _NOT_TEXT and _is_link(value):
                out.extend(self.texts(value, depth + 1, seen))
        return out

    def scalar(self, node: dict[str, Any], names: tuple[str, ...], depth: int = 0,
               avoid: tuple[str, ...] = _SAMPLER_BRANCHES) -> Any:
        """The first of `names` among this node's inputs or the nodes it links from,
        not following the `avoid` inputs (a seed is never found behind the model)."""
        inputs = self.inputs(node)
        for name in names:
            value = inputs.get(name)
            if value is not None and not _is_link(value):
                return value
            if _is_link(value) and (linked := self.node(value)) is not None and depth < 3:
                found = self.scalar(linked, (*names, "value"), depth + 1, avoid)
                if found is not None:
                    return found
        if depth >= 3:
            return None
        for key, value in inputs.items():
            if _is_link(value) and key not in avoid:
                linked = self.node(value)
                if linked is not None and (found := self.scalar(linked, names, depth + 1, avoid)) is not None:
                    return found
        return None

    def model_name(self, link: Any) -> str | None:
        """Follow a model link through LoRA loaders and patches to the file it loads."""
        for _ in range(_MAX_DEPTH):
            node = self.node(link)
            if node is None:
                return None
            inputs = self.inputs(node)
            for key in ("ckpt_name", "unet_name", "model_name", "model_path"):
                if isinstance(inputs.get(key), str):
                    return inputs[key]
            link = inputs.get("model")
        return None

    def conditioning(self, sampler: dict[str, Any], which: str) -> Any:
        inputs = self.inputs(sampler)
        if which in inputs:
            return inputs[which]
        guider = self.node(inputs.get("guider"))
        if guider is not None:
            g = self.inputs(guider)
            return g.get(which) or (g.get("conditioning") if which == "positive" else None)
        return None


def _num(value: Any, kind: type) -> Any:
    try:
        return kind(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def parse_prompt_graph(text: str) -> ComfyFields:
    """Fields from ComfyUI's API-format `prompt` chunk; never raises."""
    out = ComfyFields()
    try:
        graph = json.loads(text)
    except ValueError as exc:
        out.warnings.append(f"ComfyUI prompt is not valid JSON ({exc})")
        return out
    if not isinstance(graph, dict):
        out.warnings.append("ComfyUI prompt is not a node map")
        return out
    api = _ApiGraph(graph)
    samplers = sorted(
        ((k, n) for k, n in api.nodes.items() if n.get("class_type") in SAMPLERS),
        key=lambda kn: (not kn[0].isdigit(), int(kn[0]) if kn[0].isdigit() else 0, kn[0]),
    )
    if not samplers:
        texts = [api.string(api.inputs(n).get("text")) for n in api.nodes.values()
                 if str(n.get("class_type", "")).startswith("CLIPTextEncode")]
        out.prompt = "\n".join(t for t in texts if t)
        out.warnings.append("ComfyUI graph has no sampler node; prompt texts collected")
        return out
    _, sampler = next(((k, n) for k, n in samplers if api.texts(api.conditioning(n, "positive"))),
                      samplers[0])
    out.prompt = "\n".join(api.texts(api.conditioning(sampler, "positive")))
    out.negative_prompt = "\n".join(api.texts(api.conditioning(sampler, "negative")))
    out.seed = _num(api.scalar(sampler, ("seed", "noise_seed")), int)
    out.steps = _num(api.scalar(sampler, ("steps",)), int)
    out.cfg_scale = _num(api.scalar(sampler, ("cfg",)), float)
    sampler_name = api.scalar(sampler, ("sampler_name",))
    out.sampler = str(sampler_name) if sampler_name is not None else None
    out.model = api.model_name(api.inputs(sampler).get("model")) or api.model_name(
        api.inputs(api.node(api.inputs(sampler).get("guider")) or {}).get("model"))
    latent = api.node(api.inputs(sampler).get("latent_image"))
    if latent is not None:
        width, height = api.scalar(latent, ("width",)), api.scalar(latent, ("height",))
        if _num(width, int) and _num(height, int):
            out.size = (int(width), int(height))
    return out


def parse_workflow(text: str) -> ComfyFields:
    """Fields from the editor-format `workflow` chunk (used when `prompt` is absent)."""
    out = ComfyFields()
    try:
        doc = json.loads(text)
        nodes = {n["id"]: n for n in doc.get("nodes", []) if isinstance(n, dict) and "id" in n}
        links = {ln[0]: ln for ln in doc.get("links", []) if isinstance(ln, list) and len(ln) >= 5}
    except (ValueError, AttributeError, KeyError, TypeError) as exc:
        out.warnings.append(f"ComfyUI workflow is not readable ({exc})")
        return out

    def source(node: dict[str, Any], name: str) -> dict[str, Any] | None:
        for slot in node.get("inputs") or []:
            if isinstance(slot, dict) and slot.get("name") == name and slot.get("link") in links:
                return nodes.get(links[slot["link"]][1])
        return None

    def widget(node: dict[str, Any] | None, index: int) -> Any:
        values = (node or {}).get("widgets_values") or []
        return values[index] if isinstance(values, list) and len(values) > index else None

    sampler = next((n for n in nodes.values() if n.get("type") in ("KSampler", "KSamplerAdvanced")), None)
    if sampler is None:
        out.warnings.append("ComfyUI workflow has no KSampler node")
        return out
    for attr, name in (("prompt", "positive"), ("negative_prompt", "negative")):
        encoder = source(sampler, name)
        text_value = widget(encoder, 0)
        if isinstance(text_value, str):
            setattr(out, attr, text_value)
    shift = 1 if sampler.get("type") == "KSamplerAdvanced" else 0
    out.seed = _num(widget(sampler, shift), int)
    out.steps = _num(widget(sampler, 2 + shift), int)
    out.cfg_scale = _num(widget(sampler, 3 + shift), float)
    name = widget(sampler, 4 + shift)
    out.sampler = name if isinstance(name, str) else None
    model = source(sampler, "model")
    while model is not None and model.get("type") not in ("CheckpointLoaderSimple", "CheckpointLoader", "UNETLoader"):
        model = source(model, "model")
    if model is not None and isinstance(widget(model, 0), str):
        out.model = widget(model, 0)
    latent = source(sampler, "latent_image")
    if latent is not None and _num(widget(latent, 0), int) and _num(widget(latent, 1), int):
        out.size = (int(widget(latent, 0)), int(widget(latent, 1)))
    return out
