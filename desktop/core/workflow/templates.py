"""Project templates: a named starting point holding style presets, brand rules, output
sizes and starter prompts. Shipped ones live in `resources/templates/*.json`; the user's
own ("save this project as a template", imports) in `<config>/templates/`. One JSON format
for both, and for import/export.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop.core.workflow.brand_rules import BrandRules
from desktop.core.workflow.errors import FormatError
from desktop.core.workflow.presets import StylePreset

FORMAT = "batch-image-generator/project-template"
VERSION = 1
SIZE = re.compile(r"^(\d{2,5})x(\d{2,5})$")


@dataclass(frozen=True)
class ProjectTemplate:
    """What a new project starts with. `origin` (shipped | user) is not written to files."""

    name: str
    description: str = ""
    brief: str = ""
    sizes: tuple[str, ...] = ()
    presets: tuple[StylePreset, ...] = ()
    brand_rules: BrandRules = field(default_factory=BrandRules)
    starter_prompts: tuple[str, ...] = ()
    key: str = ""  # file stem; stable id for shipped templates
    origin: str = "user"

    def size_pairs(self) -> list[tuple[int, int]]:
        return [parse_size(s) for s in self.sizes]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "version": VERSION, "name": self.name,
            "description": self.description, "brief": self.brief, "sizes": list(self.sizes),
            "presets": [p.to_dict() for p in self.presets],
            "brand_rules": self.brand_rules.to_dict(),
            "starter_prompts": list(self.starter_prompts),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: Any, where: str) -> ProjectTemplate:
        if not isinstance(data, dict):
            raise FormatError(where, "a template must be a JSON object")
        if data.get("format") != FORMAT:
            raise FormatError(f"{where}: format", f"expected {FORMAT!r}, found {data.get('format')!r}")
        if not isinstance(data.get("version"), int) or data["version"] > VERSION:
            raise FormatError(f"{where}: version", f"version {data.get('version')!r} is newer "
                              f"than this app reads ({VERSION})")
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise FormatError(f"{where}: name", "a template needs a name")
        sizes = _texts(data.get("sizes", []), f"{where}: sizes")
        for size in sizes:
            if not SIZE.match(size):
                raise FormatError(f"{where}: sizes", f"{size!r} is not WIDTHxHEIGHT")
        presets_data = data.get("presets", [])
        if not isinstance(presets_data, list):
            raise FormatError(f"{where}: presets", "must be a list")
        presets = tuple(StylePreset.from_dict(p, f"{where}: presets[{i}]")
                        for i, p in enumerate(presets_data))
        for text_field in ("description", "brief"):
            if not isinstance(data.get(text_field, ""), str):
                raise FormatError(f"{where}: {text_field}", "must be text")
        return cls(
            name=name.strip(), description=data.get("description", ""),
            brief=data.get("brief", ""), sizes=sizes, presets=presets,
            brand_rules=BrandRules.from_dict(data.get("brand_rules"), f"{where}: brand_rules"),
            starter_prompts=_texts(data.get("starter_prompts", []), f"{where}: starter_prompts"),
        )


def parse_size(size: str) -> tuple[int, int]:
    found = SIZE.match(size.strip())
    if not found:
        raise ValueError(f"{size!r} is not WIDTHxHEIGHT")
    return int(found.group(1)), int(found.group(2))


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FormatError(where, "must be a list of text")
    return tuple(v for v in value if v.strip())


def read_template(path: Path, origin: str = "user") -> ProjectTemplate:
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(str(path), f"cannot read: {exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"{path}:{exc.lineno}:{exc.colno}", f"not valid JSON: {exc.msg}") from exc
    return replace(ProjectTemplate.from_dict(data, str(path)), key=path.stem, origin=origin)


def write_template(template: ProjectTemplate, path: Path) -> None:
    """Atomically: a crash never leaves half a template behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".template-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(template.to_json())
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise


def slug(name: str) -> str:
    """A file name for a template: keeps letters of any script, digits, - and _."""
    cleaned = re.sub(r"[^\w\-]+", "-", name.strip().lower(), flags=re.UNICODE).strip("-")
    return cleaned or "template"


class TemplateCatalog:
    """The shipped templates plus the user's; a user template with a shipped template's
    key is listed next to it, never over it."""

    def __init__(self, shipped_dir: Path, user_dir: Path) -> None:
        self.shipped_dir = shipped_dir
        self.user_dir = user_dir

    def _read_dir(self, folder: Path, origin: str) -> list[ProjectTemplate]:
        if not folder.is_dir():
            return []
        return [read_template(p, origin) for p in sorted(folder.glob("*.json"))]

    def templates(self) -> list[ProjectTemplate]:
        return self._read_dir(self.shipped_dir, "shipped") + self._read_dir(self.user_dir, "user")

    def get(self, key: str, origin: str | None = None) -> ProjectTemplate:
        for template in self.templates():
            if template.key == key and origin in (None, template.origin):
                return template
        known = ", ".join(t.key for t in self.templates())
        raise FormatError(key, f"no such template (known: {known})")

    def save_user(self, template: ProjectTemplate) -> ProjectTemplate:
        key = slug(template.name)
        write_template(template, self.user_dir / f"{key}.json")
        return replace(template, key=key, origin="user")

    def import_file(self, path: Path) -> ProjectTemplate:
        """Validate a template file and keep a copy among the user's templates."""
        return self.save_user(read_template(path))

    def delete_user(self, key: str) -> bool:
        path = self.user_dir / f"{key}.json"
        if path.is_file():
            path.unlink()
            return True
        return False
