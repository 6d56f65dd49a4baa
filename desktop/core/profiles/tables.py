"""The profiles table (revision 0006). Other features keep a profile's id in their rows
(`batches.profile_id`, `assets.profile_id`, `decisions.profile_id`); analytics reads
`id` and `name` from here."""

from __future__ import annotations

from sqlalchemy import Boolean, Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.store.schema import Base


class ProfileRow(Base):
    """One local profile. `password_hash` is an Argon2id hash or NULL (no password);
    `failed_attempts` and `locked_until` make the lockout survive a restart; `vault_id`
    names the encrypted file that holds the keys of a password-protected profile."""

    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    avatar_color: Mapped[str] = mapped_column(String, default="#4f7cac")
    language: Mapped[str] = mapped_column(String, default="")  # "" follows the app setting
    theme: Mapped[str] = mapped_column(String, default="")  # "" follows the app setting
    default_provider: Mapped[str] = mapped_column(String, default="")
    default_model: Mapped[str] = mapped_column(String, default="")
    default_size: Mapped[str] = mapped_column(String, default="")
    default_project_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    monthly_budget_usd: Mapped[float | None] = mapped_column(Float, nullable=True)
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=0)  # 0 = never
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    password_hash: Mapped[str | None] = mapped_column(String, nullable=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[float | None] = mapped_column(Float, nullable=True)
    vault_id: Mapped[str] = mapped_column(String)
    created_at: Mapped[float] = mapped_column(Float)
    last_used_at: Mapped[float | None] = mapped_column(Float, nullable=True)
