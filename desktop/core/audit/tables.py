"""The audit log table (revision 0006). Append-only: triggers in the migration refuse
UPDATE and DELETE, so not even a migration can rewrite an entry."""

from __future__ import annotations

from sqlalchemy import Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.store.schema import Base


class AuditRow(Base):
    """One entry. `actor` is the profile's name when the entry was written (profiles can
    be renamed or deleted later); `hash` is SHA-256 over the entry and `prev_hash`."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_action", "action", "at"),
        Index("ix_audit_log_profile", "profile_id", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[float] = mapped_column(Float)
    profile_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    actor: Mapped[str] = mapped_column(String, default="")
    action: Mapped[str] = mapped_column(String)
    target: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String)
    hash: Mapped[str] = mapped_column(String, unique=True)
