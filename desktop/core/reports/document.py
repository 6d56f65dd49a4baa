"""A report as data, before any format: sections holding KPIs, tables, charts and contact
sheets. Builders make one; templates trim it; renderers write it as JSON, CSV, HTML, PDF
or Excel. Elements carry `level` (brief or detailed) and `cost` (hidden from clients).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from enum import StrEnum
from pathlib import Path

from desktop.core.analytics.results import ChartData


class Cell(StrEnum):
    """Column types: renderers format and type cells by them (Excel number formats...)."""

    TEXT = "text"
    INT = "int"
    NUMBER = "number"
    USD = "usd"
    USD_PER_IMAGE = "usd_per_image"
    PERCENT = "percent"  # 0–100
    MS = "ms"
    SECONDS = "seconds"
    PER_HOUR = "per_hour"
    HOURS = "hours"
    SCORE = "score"
    DATE = "date"
    DATETIME = "datetime"  # unix seconds

    @property
    def is_money(self) -> bool:
        return self in (Cell.USD, Cell.USD_PER_IMAGE)

    @classmethod
    def of_unit(cls, unit: object) -> Cell:
        value = str(getattr(unit, "value", unit))
        return cls.INT if value == "count" else cls(value)


class Level(StrEnum):
    BRIEF = "brief"  # in every template
    DETAILED = "detailed"  # only in detailed and client reports


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    type: Cell = Cell.TEXT

    @property
    def cost(self) -> bool:
        return self.type.is_money


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[list[object]]
    level: Level = Level.BRIEF
    note: str = ""
    brief_rows: int = 10  # rows kept by the brief template


@dataclass(frozen=True)
class Kpi:
    label: str
    value: float | None
    type: Cell
    text: str
    note: str = ""

    @property
    def cost(self) -> bool:
        return self.type.is_money


@dataclass
class Chart:
    data: ChartData
    level: Level = Level.BRIEF

    @property
    def cost(self) -> bool:
        return self.data.unit.is_money


@dataclass(frozen=True)
class ContactItem:
    asset_id: int
    image: Path | None  # absolute path of the thumbnail (or the image); None if missing
    prompt: str
    provider: str
    model: str
    decision: str = ""  # "pick", "approve", "reject" or "" (none recorded / not available)
    cost_usd: float = 0.0
    created_at: float = 0.0
    brand_check: str = ""  # "pass", "fail" or ""


@dataclass
class ContactSheet:
    title: str
    items: list[ContactItem]
    note: str = ""
    level: Level = Level.BRIEF
    brief_items: int = 24


@dataclass
class Section:
    key: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    kpis: list[Kpi] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    sheets: list[ContactSheet] = field(default_factory=list)
    level: Level = Level.BRIEF
    cost: bool = False  # the whole section is about money

    @property
    def empty(self) -> bool:
        return not (self.paragraphs or self.kpis or self.charts or self.tables or self.sheets)


@dataclass
class ReportDoc:
    type: str
    title: str
    subtitle: str
    period: str
    generated_at: float
    library: str
    sections: list[Section]
    template: str = "detailed"
    show_costs: bool = True
    tz_offset_s: int = 0

    def tables(self) -> list[Table]:
        return [t for s in self.sections for t in s.tables]

    def charts(self) -> list[Chart]:
        return [c for s in self.sections for c in s.charts]

    def sheets(self) -> list[ContactSheet]:
        return [c for s in self.sections for c in s.sheets]


def format_time(ts: float | None, tz_offset_s: int, *, seconds: bool = False) -> str:
    """A unix time as local text in the report's zone; "not yet" for None."""
    if ts is None:
        return "not yet"
    moment = datetime.fromtimestamp(ts, timezone(timedelta(seconds=tz_offset_s)))
    return moment.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
