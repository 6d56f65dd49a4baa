"""The actions the audit log records, as stable strings (the viewer translates them)."""

from __future__ import annotations

SIGN_IN = "sign_in"
SIGN_OUT = "sign_out"
SIGN_IN_FAILED = "sign_in_failed"
LOCKED_OUT = "locked_out"
LOCK = "lock"
UNLOCK = "unlock"
PROFILE_CREATED = "profile_created"
PROFILE_CHANGED = "profile_changed"
PROFILE_DELETED = "profile_deleted"
PASSWORD_SET = "password_set"
PASSWORD_CHANGED = "password_changed"
PASSWORD_REMOVED = "password_removed"
PASSWORD_RESET = "password_reset"
KEY_ADDED = "key_added"
KEY_CHANGED = "key_changed"
KEY_REMOVED = "key_removed"
PROVIDER_SETTINGS_CHANGED = "provider_settings_changed"
BATCH_STARTED = "batch_started"
JOBS_CANCELLED = "jobs_cancelled"
BUDGET_EXCEEDED = "budget_exceeded"
ASSETS_DELETED = "assets_deleted"
ASSETS_RESTORED = "assets_restored"
SYNC_DESTINATION_ADDED = "sync_destination_added"
SYNC_DESTINATION_CHANGED = "sync_destination_changed"
SYNC_DESTINATION_REMOVED = "sync_destination_removed"
REPORT_EXPORTED = "report_exported"
AUDIT_EXPORTED = "audit_exported"
BACKUP_RESTORED = "backup_restored"

ALL = (
    SIGN_IN, SIGN_OUT, SIGN_IN_FAILED, LOCKED_OUT, LOCK, UNLOCK, PROFILE_CREATED, PROFILE_CHANGED,
    PROFILE_DELETED, PASSWORD_SET, PASSWORD_CHANGED, PASSWORD_REMOVED, PASSWORD_RESET, KEY_ADDED,
    KEY_CHANGED, KEY_REMOVED, PROVIDER_SETTINGS_CHANGED, BATCH_STARTED, JOBS_CANCELLED,
    BUDGET_EXCEEDED, ASSETS_DELETED, ASSETS_RESTORED, SYNC_DESTINATION_ADDED,
    SYNC_DESTINATION_CHANGED, SYNC_DESTINATION_REMOVED, REPORT_EXPORTED, AUDIT_EXPORTED,
    BACKUP_RESTORED,
)
