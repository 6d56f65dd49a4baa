"""Opening a library: migrations, pragmas, integrity, backups and restore."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from desktop.core.store import backup
from desktop.core.store.database import Database, LibraryCorruptError, StoreError, head_revisions
from desktop.core.store.schema import Base


def test_a_new_library_is_migrated_to_every_head(tmp_path: Path) -> None:
    db = Database(tmp_path / "library.db").open()
    assert db.current_revisions() == head_revisions()
    assert db.scalar("PRAGMA journal_mode") == "wal"
    assert db.scalar("PRAGMA foreign_keys") == 1
    db.close()


def _import_feature_tables() -> None:
    """Features declare their tables in `desktop/core/<feature>/tables.py`."""
    import desktop.core

    for info in pkgutil.iter_modules(desktop.core.__path__):
        if info.ispkg and importlib.util.find_spec(f"desktop.core.{info.name}.tables"):
            importlib.import_module(f"desktop.core.{info.name}.tables")


def _is_known_blind_spot(diff: tuple) -> bool:
    """FTS5 shadow tables, and indexes with a DESC column (Alembic reflects them without
    the direction and reports remove+add), are not differences."""
    if diff[0] == "remove_table":
        return diff[1].name.startswith("assets_fts")
    if diff[0] in ("remove_fk", "add_fk"):
        # A column added by ALTER TABLE keeps its FK inline, and SQLAlchemy reads ON DELETE
        # only from table-level FOREIGN KEY clauses (workflow's jobs.parent_asset_id).
        return [c.name for c in diff[1].columns] in INLINE_FK_COLUMNS.get(diff[1].table.name, [])
    return diff[0] in ("remove_index", "add_index") and diff[1].name in DESC_INDEXES


INLINE_FK_COLUMNS = {"jobs": [["parent_asset_id"]]}


DESC_INDEXES = {"ix_jobs_claim"}


def test_the_migrations_create_exactly_the_tables_the_code_declares(tmp_path: Path) -> None:
    _import_feature_tables()
    db = Database(tmp_path / "library.db").open()
    with db.engine_or_raise().connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.close()
    assert [d for d in diff if not _is_known_blind_spot(d)] == []


def test_prompts_are_searchable_by_substring_in_any_language(tmp_path: Path) -> None:
    db = Database(tmp_path / "library.db").open()
    with db.engine_or_raise().begin() as conn:
        conn.execute(text(
            "INSERT INTO assets (path, sha256, prompt, negative_prompt, created_at, size_bytes, width,"
            " height, mime, provider, model, request_json, cost_usd, origin, rating, favorite)"
            " VALUES ('images/a.png', 'x', '一隻在雨中的貓，水彩風格', 'blurry', 0, 0, 0, 0, 'image/png',"
            " 'openai', 'm', '{}', 0, 'generated', 0, 0)"))
        hits = conn.execute(text("SELECT rowid FROM assets_fts WHERE assets_fts MATCH :q"),
                            {"q": '"雨中的"'}).all()
        conn.execute(text("UPDATE assets SET prompt='a red fox' WHERE id=1"))
        after = conn.execute(text("SELECT rowid FROM assets_fts WHERE assets_fts MATCH :q"),
                             {"q": '"red fox"'}).all()
    db.close()
    assert hits == [(1,)] and after == [(1,)]


def test_a_damaged_database_is_named_with_the_latest_backup(tmp_path: Path) -> None:
    db = Database(tmp_path / "library.db").open()
    db.close()
    made = backup.make(tmp_path / "library.db", tmp_path / "backups")
    raw = bytearray((tmp_path / "library.db").read_bytes())
    raw[0:16] = b"not a database!!"
    (tmp_path / "library.db").write_bytes(bytes(raw))
    with pytest.raises(LibraryCorruptError) as info:
        Database(tmp_path / "library.db").open()
    assert info.value.latest_backup == made
    assert str(made) in str(info.value) and "library restore" in str(info.value)


def test_opening_an_older_library_backs_it_up_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    sqlite3.connect(path).execute("CREATE TABLE legacy (x)").connection.commit()
    Database(path).open().close()
    made = backup.list_backups(tmp_path / "backups")
    assert len(made) == 1 and "pre-migration" in made[0].name


def test_backups_rotate_and_restore_is_reversible(tmp_path: Path) -> None:
    path, backups = tmp_path / "library.db", tmp_path / "backups"
    db = Database(path).open()
    with db.engine_or_raise().begin() as conn:
        conn.execute(text("INSERT INTO app_state (key, value) VALUES ('k', 'before')"))
    snapshot = backup.make(path, backups, keep=3)
    for _ in range(4):
        backup.make(path, backups, keep=3)
    assert len(backup.list_backups(backups)) == 3
    with db.engine_or_raise().begin() as conn:
        conn.execute(text("UPDATE app_state SET value='after' WHERE key='k'"))
    db.close()
    kept = backup.list_backups(backups)[0]
    safety = backup.restore(kept, path, backups)
    db = Database(path).open()
    assert db.scalar("SELECT value FROM app_state WHERE key='k'") == "before"
    db.close()
    backup.restore(safety, path, backups)
    db = Database(path).open()
    assert db.scalar("SELECT value FROM app_state WHERE key='k'") == "after"
    db.close()
    assert not snapshot.exists()  # rotated away: only the newest three were kept


def test_a_damaged_backup_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "backups" / "library-x.db"
    bad.parent.mkdir()
    bad.write_bytes(b"junk" * 100)
    with pytest.raises(backup.BackupError):
        backup.restore(bad, tmp_path / "library.db", tmp_path / "backups")


def test_a_library_folder_that_is_a_file_is_a_store_error_naming_it(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "prompts.csv"
    not_a_folder.write_text("prompt\n貓\n", encoding="utf-8")

    with pytest.raises(StoreError, match="prompts.csv"):
        Database(not_a_folder / "library.db").open()
