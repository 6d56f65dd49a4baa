"""The report schedules table (revision 0005): what to generate, how often, where to."""

from __future__ import annotations

from sqlalchemy import Boolean, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.store.schema import Base


class ReportScheduleRow(Base):
    """One scheduled report. `last_run_at` is the scheduled time (unix seconds) of the last
    occurrence handled, so a missed occurrence is caught up at the next start."""

    __tablename__ = "report_schedules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, default="")
    report_type: Mapped[str] = mapped_column(String)
    format: Mapped[str] = mapped_column(String, default="pdf")
    template: Mapped[str] = mapped_column(String, default="detailed")
    frequency: Mapped[str] = mapped_column(String)  # daily | weekly | monthly
    at_minute: Mapped[int] = mapped_column(Integer, default=480)  # minutes after local midnight
    weekday: Mapped[int] = mapped_column(Integer, default=0)  # weekly: 0 = Monday
    day_of_month: Mapped[int] = mapped_column(Integer, default=1)  # monthly: 1..28
    folder: Mapped[str] = mapped_column(Text)
    push_sync: Mapped[bool] = mapped_column(Boolean, default=False)
    filter_json: Mapped[str] = mapped_column(Text, default="{}")  # project/provider/... ids
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[float] = mapped_column(Float)
    last_run_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    last_output: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
