"""The AUTOMATIC1111 "infotext" (the `parameters` text other tools read).

    a castle on a hill, sunset
    Negative prompt: blurry
    Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 123, Size: 512x768, Model: xyz

The parser follows A1111's own `parse_generation_parameters`: the last line holds the
parameters when it has at least three `Key: value` pairs; values containing a comma,
colon or newline are JSON-quoted.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from desktop.core.library.metadata.record import MetadataRecord

_PARAM = re.compile(r'\s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$)')
_SIZE = re.compile(r"^(\d+)x(\d+)$")
_KEY_SAFE = re.compile(r"[^\w \-/]+")
NEGATIVE = "Negative prompt:"


@dataclass
class Infotext:
    prompt: str = ""
    negative_prompt: str = ""
    params: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def quote(value: str) -> str:
    if "," not in value and "\n" not in value and ":" not in value and '"' not in value:
        return value
    return json.dumps(value, ensure_ascii=False)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        try:
            return str(json.loads(value))
        except ValueError:
            return value[1:-1]
    return value


def _number(value: float) -> str:
    return f"{value:g}"


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str) and str(value) != "":
        return _number(value) if isinstance(value, float) else str(value)
    return None


def _title(key: str) -> str:
    cleaned = _KEY_SAFE.sub(" ", key.replace("_", " ")).strip()
    return cleaned[:1].upper() + cleaned[1:] if len(cleaned) >= 2 else ""


def format_infotext(record: MetadataRecord) -> str:
    """Render a record as A1111 infotext, including `Provider:` and scalar params."""
    pairs: list[tuple[str, str]] = []
    if record.steps is not None:
        pairs.append(("Steps", str(record.steps)))
    sampler = record.params.get("sampler_name") or record.params.get("sampler")
    if sampler:
        pairs.append(("Sampler", str(sampler)))
    if record.cfg_scale is not None:
        pairs.append(("CFG scale", _number(record.cfg_scale)))
    if record.seed is not None:
        pairs.append(("Seed", str(record.seed)))
    if record.width and record.height:
        pairs.append(("Size", f"{record.width}x{record.height}"))
    pairs.append(("Model", record.model or "unknown"))
    pairs.append(("Provider", record.provider or "unknown"))
    if record.quality:
        pairs.append(("Quality", record.quality))
    if record.style:
        pairs.append(("Style", record.style))
    taken = {k.lower() for k, _ in pairs} | {"sampler name"}
    for key, value in sorted(record.params.items()):
        title, text = _title(str(key)), _scalar(value)
        if title and text is not None and title.lower() not in taken:
            pairs.append((title, text))
            taken.add(title.lower())
    pairs.append(("Version", f"{record.app} {record.app_version}"))
    lines = [record.prompt.strip()]
    if record.negative_prompt.strip():
        lines.append(f"{NEGATIVE} {record.negative_prompt.strip()}")
    lines.append(", ".join(f"{k}: {quote(v)}" for k, v in pairs))
    return "\n".join(lines)


def parse_infotext(text: str) -> Infotext:
    """Split infotext into prompt, negative prompt and raw `Key: value` pairs."""
    out = Infotext()
    *lines, last = text.strip().replace("\r\n", "\n").split("\n")
    if len(_PARAM.findall(last)) < 3:
        lines.append(last)
        last = ""
        out.warnings.append("infotext has no parameters line")
    prompt: list[str] = []
    negative: list[str] = []
    for raw in lines:
        line = raw.strip()
        if line.startswith(NEGATIVE) and not negative:
            negative.append(line[len(NEGATIVE):].strip())
        elif negative:
            negative.append(line)
        else:
            prompt.append(line)
    out.prompt = "\n".join(prompt).strip()
    out.negative_prompt = "\n".join(negative).strip()
    for key, value in _PARAM.findall(last):
        out.params[key.strip()] = _unquote(value.strip())
    return out


def _int(value: str | None, key: str, warnings: list[str]) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(float(value))
    except ValueError:
        warnings.append(f"{key}: {value!r} is not a number")
        return None


def _float(value: str | None, key: str, warnings: list[str]) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except ValueError:
        warnings.append(f"{key}: {value!r} is not a number")
        return None


def typed_fields(info: Infotext) -> dict[str, Any]:
    """The well-known parameters as typed values; the rest stay in `extra`."""
    p = dict(info.params)
    w = info.warnings
    size = None
    if (match := _SIZE.match(p.pop("Size", ""))) is not None:
        size = (int(match.group(1)), int(match.group(2)))
    return {
        "prompt": info.prompt,
        "negative_prompt": info.negative_prompt,
        "steps": _int(p.pop("Steps", None), "Steps", w),
        "sampler": p.pop("Sampler", None) or None,
        "cfg_scale": _float(p.pop("CFG scale", None), "CFG scale", w),
        "seed": _int(p.pop("Seed", None), "Seed", w),
        "size": size,
        "model": p.pop("Model", None) or None,
        "provider": p.pop("Provider", None) or None,
        "extra": p,
    }
