"""The audit log is a chain: each entry hashes itself with the previous entry's hash, the
store refuses to change or delete entries, and `verify()` names the first broken link."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command

from desktop.core.audit.chain import GENESIS, expected_hash
from desktop.core.audit.log import AuditLog, AuditQuery
from desktop.core.secrets import Redactor
from desktop.core.store.database import Database, alembic_config
from tests.core.audit.conftest import fill


def _raw(db: Database) -> sqlite3.Connection:
    return sqlite3.connect(db.path, isolation_level=None)


def test_each_entry_links_to_the_previous_one_by_hash(audit: AuditLog) -> None:
    fill(audit, 3)
    first, second, third = audit.query()
    assert first.prev_hash == GENESIS
    assert second.prev_hash == first.hash and third.prev_hash == second.hash
    assert all(e.hash == expected_hash(e) for e in (first, second, third))
    assert audit.verify().intact and audit.verify().checked == 3


def test_the_store_refuses_to_update_or_delete_entries(audit: AuditLog, db: Database) -> None:
    fill(audit, 2)
    con = _raw(db)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("UPDATE audit_log SET target = 'nothing' WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("DELETE FROM audit_log WHERE id = 2")
    con.close()
    assert audit.verify().intact


def test_an_entry_edited_behind_the_triggers_is_found_with_its_id(audit: AuditLog, db: Database) -> None:
    fill(audit, 5)
    con = _raw(db)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("""UPDATE audit_log SET details = '{"jobs":99}' WHERE id = 3""")
    con.close()
    result = audit.verify()
    assert not result.intact
    assert result.broken.entry_id == 3 and "changed" in result.broken.reason


def test_a_rehashed_forgery_breaks_the_next_link(audit: AuditLog, db: Database) -> None:
    fill(audit, 5)
    forged = audit.query()[1]
    from desktop.core.audit.chain import entry_hash

    new_hash = entry_hash(forged.id, forged.at, forged.profile_id, forged.actor, "sign_in", forged.target,
                          forged.details, forged.prev_hash)
    con = _raw(db)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET action = 'sign_in', hash = ? WHERE id = 2", (new_hash,))
    con.close()
    result = audit.verify()
    assert result.broken.entry_id == 3 and "previous entry" in result.broken.reason


def test_removed_entries_in_the_middle_or_at_the_end_are_found(audit: AuditLog, db: Database) -> None:
    fill(audit, 6)
    con = _raw(db)
    con.execute("DROP TRIGGER audit_log_no_delete")
    con.execute("DELETE FROM audit_log WHERE id = 6")
    con.close()
    result = audit.verify()
    assert result.broken.entry_id == 6 and "removed from the end" in result.broken.reason
    con = _raw(db)
    con.execute("DELETE FROM audit_log WHERE id = 3")
    con.close()
    assert audit.verify().broken.entry_id == 4


def test_secrets_never_reach_the_details(db: Database) -> None:
    redactor = Redactor()
    redactor.remember("sk-live-abcdefghijkl")
    audit = AuditLog(db, redactor=redactor)
    entry = audit.append("key_added", "openai.api_key",
                         {"name": "openai.api_key", "api_key": "anything", "note": "was sk-live-abcdefghijkl",
                          "nested": [{"password": "hunter22"}]})
    assert "sk-live-abcdefghijkl" not in entry.details and "hunter22" not in entry.details
    assert "anything" not in entry.details
    assert entry.details_dict["name"] == "openai.api_key"


def test_queries_filter_by_profile_action_and_time(audit: AuditLog) -> None:
    from desktop.core.audit.log import Actor

    fill(audit, 3)
    audit.record("sign_in", "Lin", actor=Actor(2, "Lin")).result()
    everything = audit.query()
    assert [e.id for e in audit.query(AuditQuery(profile_id=2))] == [4]
    assert [e.id for e in audit.query(AuditQuery(actions=("batch_started",)))] == [1, 2, 3]
    assert [e.id for e in audit.query(AuditQuery(start=everything[1].at, end=everything[3].at))] == [2, 3]
    assert audit.ids(AuditQuery(text="Lin")) == [4]
    assert audit.actions_used() == ["batch_started", "sign_in"]


def test_the_log_survives_later_migrations_unchanged(audit: AuditLog, db: Database, tmp_path: Path) -> None:
    fill(audit, 4)
    before = audit.query()
    cfg = alembic_config()
    with db.engine_or_raise().begin() as conn:  # take one other feature's branch down...
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002@-1")
    db.close()
    reopened = Database(db.path).open()  # ...and let opening the library migrate it up again
    try:
        again = AuditLog(reopened)
        assert again.query() == before
        assert again.verify().intact
        assert again.append("sign_in", "Mei").prev_hash == before[-1].hash
        assert list((db.path.parent / "backups").iterdir())  # migrated after a backup
    finally:
        reopened.close()
