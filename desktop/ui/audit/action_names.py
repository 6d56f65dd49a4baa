"""The audit log's actions in the user's words (the log stores stable English keys)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

ACTION_TEXT = {
    "sign_in": QT_TRANSLATE_NOOP("AuditActions", "Signed in"),
    "sign_out": QT_TRANSLATE_NOOP("AuditActions", "Signed out"),
    "sign_in_failed": QT_TRANSLATE_NOOP("AuditActions", "Wrong password"),
    "locked_out": QT_TRANSLATE_NOOP("AuditActions", "Locked out after wrong passwords"),
    "lock": QT_TRANSLATE_NOOP("AuditActions", "Locked"),
    "unlock": QT_TRANSLATE_NOOP("AuditActions", "Unlocked"),
    "profile_created": QT_TRANSLATE_NOOP("AuditActions", "Profile created"),
    "profile_changed": QT_TRANSLATE_NOOP("AuditActions", "Profile changed"),
    "profile_deleted": QT_TRANSLATE_NOOP("AuditActions", "Profile deleted"),
    "password_set": QT_TRANSLATE_NOOP("AuditActions", "Password set"),
    "password_changed": QT_TRANSLATE_NOOP("AuditActions", "Password changed"),
    "password_removed": QT_TRANSLATE_NOOP("AuditActions", "Password removed"),
    "password_reset": QT_TRANSLATE_NOOP("AuditActions", "Password reset"),
    "key_added": QT_TRANSLATE_NOOP("AuditActions", "Key added"),
    "key_changed": QT_TRANSLATE_NOOP("AuditActions", "Key changed"),
    "key_removed": QT_TRANSLATE_NOOP("AuditActions", "Key removed"),
    "provider_settings_changed": QT_TRANSLATE_NOOP("AuditActions", "Provider settings changed"),
    "batch_started": QT_TRANSLATE_NOOP("AuditActions", "Batch started"),
    "jobs_cancelled": QT_TRANSLATE_NOOP("AuditActions", "Jobs cancelled"),
    "budget_exceeded": QT_TRANSLATE_NOOP("AuditActions", "Budget exceeded"),
    "assets_deleted": QT_TRANSLATE_NOOP("AuditActions", "Images deleted"),
    "assets_restored": QT_TRANSLATE_NOOP("AuditActions", "Images restored"),
    "sync_destination_added": QT_TRANSLATE_NOOP("AuditActions", "Sync destination added"),
    "sync_destination_changed": QT_TRANSLATE_NOOP("AuditActions", "Sync destination changed"),
    "sync_destination_removed": QT_TRANSLATE_NOOP("AuditActions", "Sync destination removed"),
    "report_exported": QT_TRANSLATE_NOOP("AuditActions", "Report exported"),
    "audit_exported": QT_TRANSLATE_NOOP("AuditActions", "Audit log exported"),
    "backup_restored": QT_TRANSLATE_NOOP("AuditActions", "Backup restored"),
}


def action_text(action: str) -> str:
    source = ACTION_TEXT.get(action)
    return QCoreApplication.translate("AuditActions", source) if source else action
