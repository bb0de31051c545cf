"""Moments for people, in the agent's locale (QLocale): ``14:00``, ``Wed 2 Dec 14:00``
(French ``mer. 2 déc. 14:00``), and a full date for tooltips. Never ``strftime`` names: they
follow the C library's locale, not the app's language.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from PySide6.QtCore import QDateTime, QLocale

#: A time of day: 24-hour everywhere the app is used (English for Europe, French).
CLOCK_FORMAT: Final = "HH:mm"
#: Another day's time: the day's short name, its number and month, then the time.
DAY_CLOCK_FORMAT: Final = "ddd d MMM HH:mm"


def _local(moment: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000)).toLocalTime()


def clock_text(moment: datetime, locale: QLocale | None = None) -> str:
    """``14:00`` (local time)."""
    return (locale or QLocale()).toString(_local(moment), CLOCK_FORMAT)


def day_clock_text(moment: datetime, locale: QLocale | None = None) -> str:
    """``Wed 2 Dec 14:00``; French ``mer. 2 déc. 14:00`` (local time)."""
    return (locale or QLocale()).toString(_local(moment), DAY_CLOCK_FORMAT)


def clock_or_day_text(moment: datetime, today: datetime, locale: QLocale | None = None) -> str:
    """:func:`clock_text` when ``moment`` is on ``today``'s local date, else
    :func:`day_clock_text`."""
    if moment.astimezone().date() == today.astimezone().date():
        return clock_text(moment, locale)
    return day_clock_text(moment, locale)


def long_moment_text(moment: datetime, locale: QLocale | None = None) -> str:
    """The full local date and time, the locale's long format (``Wednesday, 2 December 2026
    14:00:00 CET``; French ``mercredi 2 décembre 2026 14:00:00 UTC+1``)."""
    return (locale or QLocale()).toString(_local(moment), QLocale.FormatType.LongFormat)


def day_text(moment: datetime, locale: QLocale | None = None) -> str:
    """``2 Dec``; French ``2 déc.`` (local date)."""
    return (locale or QLocale()).toString(_local(moment), "d MMM")


def number_text(value: int, locale: QLocale | None = None) -> str:
    """``100000`` → ``100,000`` (English), ``100 000`` (French): a count in a sentence. The C
    locale (a bare process) groups as English does."""
    loc = locale or QLocale()
    if loc.language() == QLocale.Language.C:
        return f"{value:,}"
    return loc.toString(value)
