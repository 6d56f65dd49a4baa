"""InvokeAI's PNG chunks: `invokeai_metadata` (3.x and later, flat JSON) and the older
`sd-metadata` (2.x, nested under "image")."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass
class InvokeFields:
    prompt: str = ""
    negative_prompt: str = ""
    seed: int | None = None
    steps: int | None = None
    cfg_scale: float | None = None
    sampler: str | None = None
    model: str | None = None
    size: tuple[int, int] | None = None
    warnings: list[str] = field(default_factory=list)


def _num(value: Any, kind: type) -> Any:
    try:
        return kind(value) if value is not None and value != "" else None
    except (TypeError, ValueError):
        return None


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):  # 2.x: [{"prompt": "...", "weight": 1.0}, ...]
        return " ".join(str(p.get("prompt", "")) if isinstance(p, dict) else str(p) for p in value)
    return ""


def _model_name(value: Any) -> str | None:
    if isinstance(value, dict):
        name = value.get("name") or value.get("model_name") or value.get("key")
        return str(name) if name else None
    return str(value) if value else None


def parse_invokeai(text: str, keyword: str = "invokeai_metadata") -> InvokeFields:
    out = InvokeFields()
    try:
        doc = json.loads(text)
    except ValueError as exc:
        out.warnings.append(f"InvokeAI {keyword} is not valid JSON ({exc})")
        return out
    if not isinstance(doc, dict):
        out.warnings.append(f"InvokeAI {keyword} is not an object")
        return out
    if keyword == "sd-metadata":
        image = doc.get("image") if isinstance(doc.get("image"), dict) else {}
        out.model = _model_name(doc.get("model_weights"))
        doc = {**image, "positive_prompt": image.get("prompt"), "scheduler": image.get("sampler")}
    else:
        out.model = _model_name(doc.get("model"))
    out.prompt = _text(doc.get("positive_prompt"))
    out.negative_prompt = _text(doc.get("negative_prompt"))
    out.seed = _num(doc.get("seed"), int)
    out.steps = _num(doc.get("steps"), int)
    out.cfg_scale = _num(doc.get("cfg_scale"), float)
    out.sampler = doc.get("scheduler") if isinstance(doc.get("scheduler"), str) else None
    width, height = _num(doc.get("width"), int), _num(doc.get("height"), int)
    if width and height:
        out.size = (width, height)
    return out
