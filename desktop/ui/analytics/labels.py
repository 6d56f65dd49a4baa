"""The Analytics tab's words for what the core hands over as data (metric labels, chart
titles, report types, formats, templates, frequencies) and the one way it writes values
in the user's language (QLocale through `desktop.ui.formatting`)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from desktop.core.analytics.metrics import METRICS
from desktop.core.analytics.units import Unit
from desktop.ui import formatting as fmt

CONTEXT = "AnalyticsLabels"

METRIC_LABELS = {
    "spend_this_month": QT_TRANSLATE_NOOP("AnalyticsLabels", "Spend this month"),
    "spend": QT_TRANSLATE_NOOP("AnalyticsLabels", "Spend in the period"),
    "images_made": QT_TRANSLATE_NOOP("AnalyticsLabels", "Images made"),
    "success_rate": QT_TRANSLATE_NOOP("AnalyticsLabels", "Success rate"),
    "cost_per_accepted_image": QT_TRANSLATE_NOOP("AnalyticsLabels", "Cost per accepted image"),
    "cost_per_image": QT_TRANSLATE_NOOP("AnalyticsLabels", "Cost per image"),
    "cache_hits": QT_TRANSLATE_NOOP("AnalyticsLabels", "Cache hits"),
    "cache_savings": QT_TRANSLATE_NOOP("AnalyticsLabels", "Saved by the cache"),
    "sync_backlog": QT_TRANSLATE_NOOP("AnalyticsLabels", "Waiting to sync"),
    "failed_calls": QT_TRANSLATE_NOOP("AnalyticsLabels", "Failed calls"),
    "jobs_failed": QT_TRANSLATE_NOOP("AnalyticsLabels", "Jobs failed"),
    "call_success_rate": QT_TRANSLATE_NOOP("AnalyticsLabels", "Call success rate"),
    "accepted_images": QT_TRANSLATE_NOOP("AnalyticsLabels", "Images accepted"),
}

# What each tile's number means, shown as its tool tip.
METRIC_HINTS = {
    "spend_this_month": QT_TRANSLATE_NOOP("AnalyticsLabels", "Spend in this calendar month against the monthly budget"),
    "spend": QT_TRANSLATE_NOOP("AnalyticsLabels", "Money spent on provider calls (reported or estimated)"),
    "images_made": QT_TRANSLATE_NOOP("AnalyticsLabels", "Images the providers returned"),
    "success_rate": QT_TRANSLATE_NOOP("AnalyticsLabels", "Jobs that ended with an image, of those that ended"),
    "cost_per_accepted_image": QT_TRANSLATE_NOOP("AnalyticsLabels", "Spend divided by images picked or approved"),
    "cost_per_image": QT_TRANSLATE_NOOP("AnalyticsLabels", "Spend divided by images made"),
    "cache_hits": QT_TRANSLATE_NOOP("AnalyticsLabels", "Jobs answered from the cache without a provider call"),
    "cache_savings": QT_TRANSLATE_NOOP("AnalyticsLabels", "What the cache hits would have cost"),
    "sync_backlog": QT_TRANSLATE_NOOP("AnalyticsLabels", "Images still to upload to the sync destinations"),
}

CHART_TITLES = {
    "cost_by_provider": QT_TRANSLATE_NOOP("AnalyticsLabels", "Spend over time by provider"),
    "images_and_failures": QT_TRANSLATE_NOOP("AnalyticsLabels", "Images and failures over time"),
    "latency": QT_TRANSLATE_NOOP("AnalyticsLabels", "Latency per provider (p50 and p95)"),
    "success_by_model": QT_TRANSLATE_NOOP("AnalyticsLabels", "Success rate per model"),
    "failures_by_kind": QT_TRANSLATE_NOOP("AnalyticsLabels", "Failures by cause"),
    "top_prompts": QT_TRANSLATE_NOOP("AnalyticsLabels", "Top prompts by picks"),
    "top_styles": QT_TRANSLATE_NOOP("AnalyticsLabels", "Top styles by picks"),
}

REPORT_TYPES = {
    "usage": (QT_TRANSLATE_NOOP("AnalyticsLabels", "Usage and cost summary"),
              QT_TRANSLATE_NOOP("AnalyticsLabels", "Images made, success and spend by provider, model, day and project")),
    "providers": (QT_TRANSLATE_NOOP("AnalyticsLabels", "Provider comparison"),
                  QT_TRANSLATE_NOOP("AnalyticsLabels", "Reliability, latency, throughput, retries and unit cost of each provider")),
    "project": (QT_TRANSLATE_NOOP("AnalyticsLabels", "Project report"),
                QT_TRANSLATE_NOOP("AnalyticsLabels", "One project's images, decisions, brand checks and spend")),
    "batch": (QT_TRANSLATE_NOOP("AnalyticsLabels", "Batch report"),
              QT_TRANSLATE_NOOP("AnalyticsLabels", "Contact sheet of one batch with prompts and picks")),
    "failures": (QT_TRANSLATE_NOOP("AnalyticsLabels", "Failure analysis"),
                 QT_TRANSLATE_NOOP("AnalyticsLabels", "Failed calls and jobs by cause and provider, and the most frequent messages")),
    "forecast": (QT_TRANSLATE_NOOP("AnalyticsLabels", "Forecast"),
                 QT_TRANSLATE_NOOP("AnalyticsLabels", "Spend and image volume for the next weeks, with cost-benefit per project")),
    "audit": (QT_TRANSLATE_NOOP("AnalyticsLabels", "Audit extract"),
              QT_TRANSLATE_NOOP("AnalyticsLabels", "The audit log for the period and the batches run")),
}

FORMATS = {
    "pdf": QT_TRANSLATE_NOOP("AnalyticsLabels", "PDF document"),
    "xlsx": QT_TRANSLATE_NOOP("AnalyticsLabels", "XLSX workbook"),
    "html": QT_TRANSLATE_NOOP("AnalyticsLabels", "HTML page"),
    "csv": QT_TRANSLATE_NOOP("AnalyticsLabels", "CSV table"),
    "json": QT_TRANSLATE_NOOP("AnalyticsLabels", "JSON data"),
}

TEMPLATES = {
    "brief": QT_TRANSLATE_NOOP("AnalyticsLabels", "Brief"),
    "detailed": QT_TRANSLATE_NOOP("AnalyticsLabels", "Detailed"),
    "client": QT_TRANSLATE_NOOP("AnalyticsLabels", "For the client (no costs)"),
}

FREQUENCIES = {
    "daily": QT_TRANSLATE_NOOP("AnalyticsLabels", "Daily"),
    "weekly": QT_TRANSLATE_NOOP("AnalyticsLabels", "Weekly"),
    "monthly": QT_TRANSLATE_NOOP("AnalyticsLabels", "Monthly"),
}

_BY_ENGLISH_LABEL = {m.label: m.key for m in METRICS}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def metric_label(key: str) -> str:
    source = METRIC_LABELS.get(key)
    if source:
        return tr(source)
    return next((m.label for m in METRICS if m.key == key), key)


def series_label(name: str) -> str:
    """A chart series: a metric's English label becomes its translation; anything else
    (a provider or model name) stays as it is."""
    key = _BY_ENGLISH_LABEL.get(name)
    return metric_label(key) if key else name


def chart_title(key: str, fallback: str = "") -> str:
    source = CHART_TITLES.get(key)
    return tr(source) if source else fallback


def report_title(key: str) -> str:
    pair = REPORT_TYPES.get(key)
    return tr(pair[0]) if pair else key


def report_description(key: str) -> str:
    pair = REPORT_TYPES.get(key)
    return tr(pair[1]) if pair else ""


def choice(table: dict[str, str], key: str) -> str:
    source = table.get(key)
    return tr(source) if source else key


def note_text(note: str) -> str:
    """The core's reason a number is missing, in the user's words."""
    if not note:
        return ""
    if note == "no data":
        return QCoreApplication.translate("AnalyticsLabels", "No data in this period")
    if note == "no monthly budget set":
        return QCoreApplication.translate("AnalyticsLabels", "No monthly budget set")
    if note.startswith("not available"):
        if "workflow" in note:
            return QCoreApplication.translate("AnalyticsLabels", "Needs picks and brand checks from the Workflow tab")
        if "accounts" in note:
            return QCoreApplication.translate("AnalyticsLabels", "Needs user profiles")
        if "sync" in note:
            return QCoreApplication.translate("AnalyticsLabels", "Needs a sync destination")
        return QCoreApplication.translate("AnalyticsLabels", "Not available in this library")
    return note


def value_text(value: float | None, unit: Unit) -> str:
    """A metric value as the user reads it; None is a dash."""
    if value is None:
        return "—"
    locale = QLocale()
    if unit is Unit.COUNT:
        return fmt.number(int(round(value)))
    if unit is Unit.USD:
        # Totals show cents, unless that would hide a part of a cent (a cache hit saves $0.035).
        exact = abs(value) >= 1 or abs(value * 100 - round(value * 100)) < 1e-6
        return QLocale().toCurrencyString(float(value), QCoreApplication.translate("Formatting", "$"),
                                          2 if exact else 3)
    if unit.is_money:
        return fmt.money(value)
    if unit is Unit.PERCENT:
        return locale.toString(float(value), "f", 1) + locale.percent()
    if unit is Unit.MS:
        return QCoreApplication.translate("AnalyticsLabels", "%1 ms").replace("%1", fmt.number(float(value), 0))
    if unit is Unit.SECONDS:
        return QCoreApplication.translate("AnalyticsLabels", "%1 s").replace("%1", fmt.number(float(value), 1))
    if unit is Unit.PER_HOUR:
        return QCoreApplication.translate("AnalyticsLabels", "%1 an hour").replace("%1", fmt.number(float(value), 1))
    if unit is Unit.HOURS:
        return QCoreApplication.translate("AnalyticsLabels", "%1 h").replace("%1", fmt.number(float(value), 1))
    return fmt.number(float(value), 1)


def axis_number(value: float, unit: Unit, spacing: float) -> str:
    """A tick label on a value axis: money keeps cents only when the ticks are that close."""
    locale = QLocale()
    decimals = 0 if spacing >= 1 else (1 if spacing >= 0.1 else (2 if spacing >= 0.01 else 3))
    text = locale.toString(float(value), "f", decimals)
    if unit.is_money:
        return QCoreApplication.translate("Formatting", "$") + text
    if unit is Unit.PERCENT:
        return text + locale.percent()
    return text


def short_date(day: QDate, monthly: bool = False) -> str:
    """A date on a chart axis: "Nov 2" in English, "11/2" in Chinese."""
    chinese = QLocale().language() == QLocale.Language.Chinese
    if monthly:
        return QLocale().toString(day, "yyyy/M" if chinese else "MMM yyyy")
    return QLocale().toString(day, "M/d" if chinese else "MMM d")


def long_date(day: QDate) -> str:
    return QLocale().toString(day, QLocale.FormatType.ShortFormat)
