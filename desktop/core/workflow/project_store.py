"""Projects, their style presets and brand rules in the library database. Synchronous: the
service runs these on the store's single writer thread."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from desktop.core.store.database import Database
from desktop.core.workflow.brand_rules import BrandRules
from desktop.core.workflow.decisions_sql import DecisionDraft, insert_decision
from desktop.core.workflow.errors import DuplicateNameError, NotFoundError
from desktop.core.workflow.presets import StylePreset
from desktop.core.workflow.records import PresetEntry, ProjectInfo, RuleSet

PROJECT_COLUMNS = (
    "p.id, p.name, p.description, p.brief, p.template, p.starter_prompts_json, p.sizes_json,"
    " p.created_at, p.updated_at, p.archived_at,"
    " (SELECT COUNT(*) FROM assets a WHERE a.project_id = p.id AND a.deleted_at IS NULL) AS assets,"
    " (SELECT COUNT(*) FROM batches b WHERE b.project_id = p.id) AS batches"
)


def _project(row: Any) -> ProjectInfo:
    return ProjectInfo(
        id=row["id"], name=row["name"], description=row["description"], brief=row["brief"],
        template=row["template"], starter_prompts=tuple(json.loads(row["starter_prompts_json"])),
        sizes=tuple(json.loads(row["sizes_json"])), created_at=row["created_at"],
        updated_at=row["updated_at"], archived_at=row["archived_at"],
        asset_count=row["assets"], batch_count=row["batches"],
    )


class ProjectStore:
    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.clock = clock

    def _read(self) -> Connection:
        return self.db.read()

    def _write(self) -> Any:
        return self.db.engine_or_raise().begin()

    # -- projects ----------------------------------------------------------------------
    def create_project(
        self,
        name: str,
        *,
        description: str = "",
        brief: str = "",
        template: str = "",
        starter_prompts: Sequence[str] = (),
        sizes: Sequence[str] = (),
        presets: Sequence[StylePreset] = (),
        rules: BrandRules | None = None,
        profile_id: int | None = None,
    ) -> int:
        name = name.strip()
        if not name:
            raise DuplicateNameError("a project needs a name")
        now = self.clock()
        try:
            with self._write() as conn:
                project_id = int(conn.execute(
                    text("INSERT INTO projects (name, description, brief, template,"
                         " starter_prompts_json, sizes_json, profile_id, created_at, updated_at)"
                         " VALUES (:n, :d, :b, :t, :sp, :sz, :prof, :now, :now)"),
                    {"n": name, "d": description, "b": brief, "t": template,
                     "sp": json.dumps(list(starter_prompts), ensure_ascii=False),
                     "sz": json.dumps(list(sizes)), "prof": profile_id, "now": now},
                ).lastrowid)
                for preset in presets:
                    self._insert_preset(conn, project_id, preset, now)
                self._put_rules(conn, project_id, rules or BrandRules(), now)
        except IntegrityError as exc:
            if "projects.name" in str(exc):
                raise DuplicateNameError(f"a project named {name!r} already exists") from exc
            raise
        return project_id

    def projects(self, include_archived: bool = False) -> list[ProjectInfo]:
        where = "" if include_archived else " WHERE p.archived_at IS NULL"
        with self._read() as conn:
            rows = conn.execute(text(f"SELECT {PROJECT_COLUMNS} FROM projects p{where}"
                                     " ORDER BY p.updated_at DESC, p.id DESC")).mappings().all()
        return [_project(r) for r in rows]

    def project(self, project_id: int) -> ProjectInfo:
        with self._read() as conn:
            row = conn.execute(text(f"SELECT {PROJECT_COLUMNS} FROM projects p WHERE p.id=:id"),
                               {"id": project_id}).mappings().first()
        if row is None:
            raise NotFoundError(f"project {project_id} does not exist")
        return _project(row)

    def update_project(self, project_id: int, **fields: Any) -> None:
        allowed = {"name", "description", "brief", "starter_prompts", "sizes", "archived_at"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"cannot update project field(s) {', '.join(sorted(unknown))}")
        values = {k: v for k, v in fields.items()}
        for key in ("starter_prompts", "sizes"):
            if key in values:
                values[f"{key}_json"] = json.dumps(list(values.pop(key)), ensure_ascii=False)
        sets = ", ".join(f"{k}=:{k}" for k in values)
        try:
            with self._write() as conn:
                changed = conn.execute(
                    text(f"UPDATE projects SET {sets + ', ' if sets else ''}updated_at=:now WHERE id=:id"),
                    {**values, "now": self.clock(), "id": project_id}).rowcount
        except IntegrityError as exc:
            raise DuplicateNameError(f"a project named {fields.get('name')!r} already exists") from exc
        if not changed:
            raise NotFoundError(f"project {project_id} does not exist")

    def delete_project(self, project_id: int) -> None:
        """Removes the project and what belongs only to it (presets, rules, checks,
        decisions); its batches and images stay in the library, unassigned."""
        with self._write() as conn:
            conn.execute(text("UPDATE batches SET project_id=NULL WHERE project_id=:id"), {"id": project_id})
            conn.execute(text("UPDATE assets SET project_id=NULL WHERE project_id=:id"), {"id": project_id})
            conn.execute(text("DELETE FROM projects WHERE id=:id"), {"id": project_id})

    def touch(self, conn: Connection, project_id: int | None, now: float) -> None:
        if project_id is not None:
            conn.execute(text("UPDATE projects SET updated_at=:now WHERE id=:id"),
                         {"now": now, "id": project_id})

    # -- presets -----------------------------------------------------------------------
    def _insert_preset(self, conn: Connection, project_id: int | None, preset: StylePreset,
                       now: float) -> int:
        return int(conn.execute(
            text("INSERT INTO style_presets (project_id, name, body_json, created_at, updated_at)"
                 " VALUES (:p, :n, :b, :now, :now)"),
            {"p": project_id, "n": preset.name,
             "b": json.dumps(preset.to_dict(), ensure_ascii=False), "now": now},
        ).lastrowid)

    def presets(self, project_id: int | None, include_global: bool = True) -> list[PresetEntry]:
        sql = "SELECT * FROM style_presets WHERE project_id IS :p"
        if include_global and project_id is not None:
            sql = "SELECT * FROM style_presets WHERE project_id = :p OR project_id IS NULL"
        with self._read() as conn:
            rows = conn.execute(text(sql + " ORDER BY project_id IS NULL, name, id"),
                                {"p": project_id}).mappings().all()
        return [self._entry(r) for r in rows]

    def _entry(self, row: Any) -> PresetEntry:
        preset = StylePreset.from_dict(json.loads(row["body_json"]), f"style preset {row['id']}")
        return PresetEntry(row["id"], row["project_id"], preset, row["updated_at"])

    def preset(self, preset_id: int) -> PresetEntry:
        with self._read() as conn:
            row = conn.execute(text("SELECT * FROM style_presets WHERE id=:id"),
                               {"id": preset_id}).mappings().first()
        if row is None:
            raise NotFoundError(f"style preset {preset_id} does not exist")
        return self._entry(row)

    def save_preset(self, project_id: int | None, preset: StylePreset, preset_id: int | None,
                    decision: DecisionDraft | None) -> int:
        now = self.clock()
        with self._write() as conn:
            if preset_id is None:
                preset_id = self._insert_preset(conn, project_id, preset, now)
            else:
                changed = conn.execute(
                    text("UPDATE style_presets SET name=:n, body_json=:b, updated_at=:now WHERE id=:id"),
                    {"n": preset.name, "b": json.dumps(preset.to_dict(), ensure_ascii=False),
                     "now": now, "id": preset_id}).rowcount
                if not changed:
                    raise NotFoundError(f"style preset {preset_id} does not exist")
            if decision is not None:
                insert_decision(conn, decision, now)
            self.touch(conn, project_id, now)
        return preset_id

    def delete_preset(self, preset_id: int, decision: DecisionDraft | None) -> None:
        now = self.clock()
        with self._write() as conn:
            conn.execute(text("DELETE FROM style_presets WHERE id=:id"), {"id": preset_id})
            if decision is not None:
                insert_decision(conn, decision, now)

    # -- brand rules -------------------------------------------------------------------
    def _put_rules(self, conn: Connection, project_id: int, rules: BrandRules, now: float) -> int:
        conn.execute(
            text("INSERT INTO brand_rules (project_id, rules_json, version, updated_at)"
                 " VALUES (:p, :r, 1, :now) ON CONFLICT(project_id) DO UPDATE SET"
                 " rules_json=excluded.rules_json, version=brand_rules.version+1,"
                 " updated_at=excluded.updated_at"),
            {"p": project_id, "r": json.dumps(rules.to_dict(), ensure_ascii=False), "now": now})
        return int(conn.execute(text("SELECT version FROM brand_rules WHERE project_id=:p"),
                                {"p": project_id}).scalar_one())

    def rules(self, project_id: int) -> RuleSet:
        with self._read() as conn:
            row = conn.execute(text("SELECT rules_json, version FROM brand_rules WHERE project_id=:p"),
                               {"p": project_id}).first()
        if row is None:
            return RuleSet(project_id, BrandRules(), 0)
        return RuleSet(project_id, BrandRules.from_dict(json.loads(row[0]),
                                                        f"brand rules of project {project_id}"), row[1])

    def set_rules(self, project_id: int, rules: BrandRules, decision: DecisionDraft | None) -> int:
        now = self.clock()
        with self._write() as conn:
            version = self._put_rules(conn, project_id, rules, now)
            if decision is not None:
                insert_decision(conn, decision, now)
            self.touch(conn, project_id, now)
        return version
