"""Reading generation metadata from any image: ours, A1111/Forge, ComfyUI, InvokeAI, XMP.

Only headers and metadata chunks are read from files (pixel data is skipped), so this is
cheap enough to run on every imported file. It never raises: anything that cannot be
understood becomes a warning and whatever could be read is returned.
"""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path
from typing import Any, BinaryIO

from PIL import Image

from desktop.core.library.metadata import jpeg_segments, png_chunks, webp_chunks
from desktop.core.library.metadata.comfyui import parse_prompt_graph, parse_workflow
from desktop.core.library.metadata.embed import PARAMETERS_KEYWORD, XMP_KEYWORD, sniff
from desktop.core.library.metadata.exif import read_exif
from desktop.core.library.metadata.infotext import parse_infotext, typed_fields
from desktop.core.library.metadata.invokeai import parse_invokeai
from desktop.core.library.metadata.record import RECORD_KEYWORD, MetadataRecord, ReadMetadata
from desktop.core.library.metadata.xmp import parse_xmp

log = logging.getLogger(__name__)
_FIELDS = ("prompt", "negative_prompt", "seed", "steps", "cfg_scale", "sampler", "model", "size")


def _fill(out: ReadMetadata, source: str, values: dict[str, Any]) -> None:
    """Copy values into fields that are still empty; the first writer found is the source."""
    for name, value in values.items():
        if value not in (None, "") and getattr(out, name) in (None, ""):
            setattr(out, name, value)
    if out.source is None and (values.get("prompt") or values.get("seed") is not None):
        out.source = source


def _apply_record(out: ReadMetadata, text: str, where: str) -> None:
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        record = MetadataRecord.from_dict(data)
    except (ValueError, TypeError) as exc:
        out.warnings.append(f"{where}: our metadata record is damaged ({exc})")
        return
    out.record = record
    size = (record.width, record.height) if record.width and record.height else None
    sampler = record.params.get("sampler_name") or record.params.get("sampler")
    _fill(out, "batch-image-generator", {
        "prompt": record.prompt, "negative_prompt": record.negative_prompt, "seed": record.seed,
        "steps": record.steps, "cfg_scale": record.cfg_scale, "model": record.model,
        "provider": record.provider, "size": size, "sampler": str(sampler) if sampler else None,
    })
    out.source = "batch-image-generator"


def _apply_parameters(out: ReadMetadata, text: str, *, require_params: bool) -> None:
    info = parse_infotext(text)
    if require_params and not info.params:
        out.texts.setdefault("UserComment", text)  # a plain comment, not A1111 infotext
        return
    out.parameters = text
    values = typed_fields(info)
    out.warnings.extend(f"A1111 parameters: {w}" for w in info.warnings)
    out.extra = values.pop("extra")
    _fill(out, "a1111", values)


def _interpret(out: ReadMetadata, exif: bytes | None, xmp: bytes | str | None) -> None:
    texts = out.texts
    record_json = None
    if xmp is not None:
        fields = parse_xmp(xmp)
        out.warnings.extend(fields.warnings)
        out.digital_source_type = fields.digital_source_type
        out.creator_tool = fields.creator_tool
        out.description = fields.description
        record_json = fields.record_json
    if RECORD_KEYWORD in texts:
        _apply_record(out, texts[RECORD_KEYWORD], f"PNG chunk {RECORD_KEYWORD}")
    elif record_json:
        _apply_record(out, record_json, "XMP bigen:Record")
    if PARAMETERS_KEYWORD in texts:
        _apply_parameters(out, texts[PARAMETERS_KEYWORD], require_params=False)
    elif exif is not None:
        comment, warnings = read_exif(exif)
        out.warnings.extend(warnings)
        if comment:
            _apply_parameters(out, comment, require_params=True)
    for keyword in ("invokeai_metadata", "sd-metadata"):
        if keyword in texts:
            invoke = parse_invokeai(texts[keyword], keyword)
            out.warnings.extend(invoke.warnings)
            _fill(out, "invokeai", {k: getattr(invoke, k) for k in _FIELDS})
    comfy = None
    if "prompt" in texts:
        comfy = parse_prompt_graph(texts["prompt"])
    if "workflow" in texts and (comfy is None or not comfy.prompt):
        comfy = parse_workflow(texts["workflow"])
    if comfy is not None:
        out.warnings.extend(comfy.warnings)
        _fill(out, "comfyui", {k: getattr(comfy, k) for k in _FIELDS})
    if out.description and not out.prompt:
        _fill(out, "xmp", {"prompt": out.description})
        out.source = out.source or "xmp"


def _read_stream(fh: BinaryIO, out: ReadMetadata) -> None:
    kind = sniff(fh.read(16))
    fh.seek(0)
    try:
        with Image.open(fh) as im:
            out.pixel_size = (im.width, im.height)
            out.format = im.format
    except Exception as exc:  # noqa: BLE001 - any decoder failure is only a warning here
        out.warnings.append(f"the image header is not readable ({exc})")
        out.format = kind.upper() if kind else None
    exif = xmp = None
    if kind == "png":
        texts, warnings = png_chunks.read_texts(fh)
        out.texts.update(texts)
        out.warnings.extend(warnings)
        xmp = texts.get(XMP_KEYWORD)
    elif kind == "jpeg":
        exif, xmp, comment, problem = jpeg_segments.read_app_payloads(fh)
        if comment:
            out.texts["comment"] = comment
        if problem:
            out.warnings.append(f"JPEG {problem}")
    elif kind == "webp":
        exif, xmp, problem = webp_chunks.read_metadata(fh)
        if problem:
            out.warnings.append(f"WebP {problem}")
    else:
        out.warnings.append("no metadata reader for this format")
        return
    _interpret(out, exif, xmp)


def read(source: Path | str | bytes) -> ReadMetadata:
    """Metadata of an image file (path) or of image bytes; never raises."""
    out = ReadMetadata()
    try:
        if isinstance(source, bytes | bytearray | memoryview):
            _read_stream(io.BytesIO(bytes(source)), out)
        else:
            with open(source, "rb") as fh:
                _read_stream(fh, out)
    except OSError as exc:
        out.warnings.append(f"{source}: cannot read the file ({exc.strerror or exc})")
    except Exception as exc:  # noqa: BLE001 - the contract is "never raises"; keep the cause
        log.exception("metadata reader failed")
        out.warnings.append(f"metadata could not be read ({type(exc).__name__}: {exc})")
    return out
