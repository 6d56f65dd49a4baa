"""Numbers, money, durations and dates in the user's language (QLocale's default, which
`i18n.Translations` sets with the language)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale


def number(value: float | int, decimals: int = 0) -> str:
    if isinstance(value, int):
        return QLocale().toString(value)
    return QLocale().toString(float(value), "f", decimals)


def money(usd: float | None) -> str:
    """An amount in US dollars; small per-image amounts keep enough digits to mean something."""
    if usd is None:
        return "—"
    decimals = 2 if usd == 0 or abs(usd) >= 1 else (3 if abs(usd) >= 0.01 else 4)
    # "$" is translated so Taiwanese users read "US$" and never confuse it with NT$.
    return QLocale().toCurrencyString(float(usd), QCoreApplication.translate("Formatting", "$"), decimals)


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    total = int(round(max(seconds, 0)))
    if total < 60:
        return QCoreApplication.translate("Formatting", "%1 s").replace("%1", number(total))
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return QCoreApplication.translate("Formatting", "%1 min %2 s").replace("%1", number(minutes)).replace("%2", number(secs))
    hours, minutes = divmod(minutes, 60)
    return QCoreApplication.translate("Formatting", "%1 h %2 min").replace("%1", number(hours)).replace("%2", number(minutes))


def date_time(unix_seconds: float | None) -> str:
    if not unix_seconds:
        return "—"
    moment = QDateTime.fromMSecsSinceEpoch(int(unix_seconds * 1000))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def percent(fraction: float) -> str:
    return QLocale().toString(fraction * 100, "f", 0) + QLocale().percent()
