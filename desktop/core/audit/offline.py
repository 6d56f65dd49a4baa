"""An audit log for code that opens only the database (headless maintenance commands such
as `library restore`): entries are written at once, for the given or remembered profile."""

from __future__ import annotations

from desktop.core.audit.log import Actor, AuditLog
from desktop.core.config import ConfigStore
from desktop.core.store.database import Database


def audit_log_for(db: Database, profile_name: str | None = None,
                  config_store: ConfigStore | None = None) -> AuditLog:
    """Raises UnknownProfileError when `profile_name` is not a profile of this library."""
    from desktop.core.profiles.service import ProfileService

    audit = AuditLog(db)
    config_store = config_store or ConfigStore()
    profiles = ProfileService(db, audit=audit, config=config_store.load(),
                              library_key=str(db.path.parent.resolve()))
    profile = profiles.start(profile_name)
    audit.actor = Actor(profile.id, profile.name)
    return audit
