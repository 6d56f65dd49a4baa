"""A project's brand rules as data: palette with a ΔE2000 tolerance and the share of pixels
that must match it, allowed aspect ratios and minimum size, forbidden and required prompt
words, a safe-area margin kept free of busy detail, and "no text in the image".

Every rule is off by default, so an empty `BrandRules()` passes everything.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from desktop.core.workflow.errors import FormatError

HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")
RATIO = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[:x/]\s*(\d+(?:\.\d+)?)\s*$")


def parse_hex(value: str) -> tuple[int, int, int]:
    found = HEX.match(value.strip())
    if not found:
        raise ValueError(f"{value!r} is not a #RRGGBB colour")
    digits = found.group(1)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def parse_ratio(value: str) -> float:
    found = RATIO.match(value)
    if not found or float(found.group(2)) == 0 or float(found.group(1)) == 0:
        raise ValueError(f"{value!r} is not an aspect ratio like 4:5")
    return float(found.group(1)) / float(found.group(2))


@dataclass(frozen=True)
class PaletteRule:
    colours: tuple[str, ...] = ()  # "#RRGGBB"
    tolerance: float = 10.0  # ΔE2000 within which a pixel counts as a palette colour
    min_share: float = 0.5  # share of pixels (0..1) that must be palette colours


@dataclass(frozen=True)
class BrandRules:
    """The rules; `safe_margin` is the fraction of width/height along each edge where the
    share of edge pixels must stay under `max_edge_density`."""

    palette: PaletteRule = field(default_factory=PaletteRule)
    aspect_ratios: tuple[str, ...] = ()
    aspect_tolerance: float = 0.02  # relative
    min_width: int = 0
    min_height: int = 0
    forbidden_words: tuple[str, ...] = ()
    required_words: tuple[str, ...] = ()
    safe_margin: float = 0.0
    max_edge_density: float = 0.08
    text_free: bool = False

    @property
    def is_empty(self) -> bool:
        return self == BrandRules()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["palette"]["colours"] = list(self.palette.colours)
        for key in ("aspect_ratios", "forbidden_words", "required_words"):
            data[key] = list(data[key])
        return data

    @classmethod
    def from_dict(cls, data: Any, where: str = "brand_rules") -> BrandRules:
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise FormatError(where, "brand rules must be an object")
        unknown = sorted(set(data) - set(cls.__dataclass_fields__))
        if unknown:
            raise FormatError(where, f"unknown field(s) {', '.join(unknown)}")
        clean: dict[str, Any] = {}
        for key in ("aspect_ratios", "forbidden_words", "required_words"):
            clean[key] = _strings(data.get(key, []), f"{where}.{key}")
        for ratio in clean["aspect_ratios"]:
            _check(parse_ratio, ratio, f"{where}.aspect_ratios")
        for key, kind in (("aspect_tolerance", float), ("min_width", int), ("min_height", int),
                          ("safe_margin", float), ("max_edge_density", float)):
            if key in data:
                clean[key] = _number(data[key], f"{where}.{key}", kind)
        if not 0 <= clean.get("safe_margin", 0) < 0.5:
            raise FormatError(f"{where}.safe_margin", "must be a fraction from 0 to under 0.5")
        if "text_free" in data:
            if not isinstance(data["text_free"], bool):
                raise FormatError(f"{where}.text_free", "must be true or false")
            clean["text_free"] = data["text_free"]
        clean["palette"] = _palette(data.get("palette") or {}, f"{where}.palette")
        return cls(**clean)


def _palette(data: Any, where: str) -> PaletteRule:
    if not isinstance(data, dict) or set(data) - {"colours", "tolerance", "min_share"}:
        raise FormatError(where, "must be {colours, tolerance, min_share}")
    colours = _strings(data.get("colours", []), f"{where}.colours")
    for colour in colours:
        _check(parse_hex, colour, f"{where}.colours")
    tolerance = _number(data.get("tolerance", 10.0), f"{where}.tolerance", float)
    share = _number(data.get("min_share", 0.5), f"{where}.min_share", float)
    if not 0 <= share <= 1:
        raise FormatError(f"{where}.min_share", "must be a fraction from 0 to 1")
    normal = tuple("#" + HEX.match(c.strip()).group(1).upper() for c in colours)  # type: ignore[union-attr]
    return PaletteRule(normal, tolerance, share)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise FormatError(where, "must be a list of text")
    return tuple(v.strip() for v in value if v.strip())


def _number(value: Any, where: str, kind: type) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise FormatError(where, "must be a number of zero or more")
    if kind is int and not float(value).is_integer():
        raise FormatError(where, "must be a whole number")
    return kind(value)


def _check(parse: Any, value: str, where: str) -> None:
    try:
        parse(value)
    except ValueError as exc:
        raise FormatError(where, str(exc)) from exc
