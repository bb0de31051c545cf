"""Amounts, numbers and times for people, in the agent's locale (QLocale): ``1 299,50 €`` and
``mer. 2 déc. 14:00`` in French, ``€1,299.50`` and ``Wed 2 Dec 14:00`` in English.

Locale-neutral texts (edit fields, files, messages) come from :mod:`inflow_desk.domain.money`
(``plain_amount``, ``format_cents``, ``format_amount``): together, the only cents formatters.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from inflow_desk.domain.money import Currency, format_amount, plain_amount


def format_money(cents: int, currency: Currency, locale: QLocale | None = None) -> str:
    """``4999, EUR`` → ``€49.99`` (en-US), ``49,99 €`` (de-DE)… from integer cents.

    QLocale takes a double; every amount we allow (< 10^10 cents) converts to a double exactly
    enough that rounding to 2 decimals gives back the same cents.
    """
    loc = locale or QLocale()
    return loc.toCurrencyString(cents / 100, currency.symbol, 2)


def format_money_in(cents: int, currency: str | None, locale: QLocale | None = None) -> str:
    """Like :func:`format_money` for a currency code from outside (an offer, a history row):
    a code we do not know is kept raw, locale-neutral (``"29.99 GBP"``)."""
    code = (currency or "").strip().upper()
    if code in Currency.__members__:
        return format_money(cents, Currency(code), locale)
    return format_amount(cents, currency)


def format_plain_amount(cents: int) -> str:
    """``4999`` → ``49.99``: what an edit field shows, accepted back by ``parse_money``."""
    return plain_amount(cents)


def format_number(value: int, locale: QLocale | None = None) -> str:
    """``10000`` → ``10,000`` (English), ``10 000`` (French): a count or a limit in a text.
    The C locale (no locale: a bare process, a test) groups as English does, not ``10000``."""
    loc = locale or QLocale()
    if loc.language() == QLocale.Language.C:
        return f"{value:,}"
    return loc.toString(value)


#: A time of day: 24-hour clock in every language (the app's convention).
TIME_FORMAT: Final = "HH:mm"
#: Another day's time: the locale's short day and month names (``Wed 2 Dec 14:00``).
DAY_TIME_FORMAT: Final = "ddd d MMM HH:mm"


def _local(moment: datetime) -> QDateTime:
    local = moment.astimezone()
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def format_time(moment: datetime, locale: QLocale | None = None) -> str:
    """``moment`` (aware) as the agent's local time of day: ``14:00``."""
    return (locale or QLocale()).toString(_local(moment), TIME_FORMAT)


def format_day_time(moment: datetime, locale: QLocale | None = None) -> str:
    """``moment`` (aware) with its local day, in the agent's language: ``Wed 2 Dec 14:00``,
    ``mer. 2 déc. 14:00`` (never ``strftime``'s C-locale names)."""
    return (locale or QLocale()).toString(_local(moment), DAY_TIME_FORMAT)


def format_time_or_day(moment: datetime, today: datetime, locale: QLocale | None = None) -> str:
    """:func:`format_time` when ``moment`` is on ``today``'s local date, else
    :func:`format_day_time`."""
    if moment.astimezone().date() == today.astimezone().date():
        return format_time(moment, locale)
    return format_day_time(moment, locale)


def format_day(moment: datetime, locale: QLocale | None = None) -> str:
    """``2 Dec``; French ``2 déc.`` (local date)."""
    return (locale or QLocale()).toString(_local(moment), "d MMM")


def format_long_moment(moment: datetime, locale: QLocale | None = None) -> str:
    """The full local date and time in the locale's long format, with the time zone
    (``Wednesday, 2 December 2026 14:00:00 CET``; French ``mercredi 2 décembre 2026 …``)."""
    zoned = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000)).toLocalTime()
    return (locale or QLocale()).toString(zoned, QLocale.FormatType.LongFormat)


#: What amounts and dates follow when the system locale is C/POSIX. English (the app's
#: language) for the United Kingdom: money reads as in en-US (``€1,299.50``), and dates are
#: day-first with a 24-hour clock and a four-digit year (``02/12/2026 14:00``) — read the
#: same way by agents all over Europe, where most of Inflow's euro merchants are, and like the
#: app's other times (``Wed 02 Dec 14:00``). en-US (``12/2/26 2:00 PM``) would read as the
#: 12th of February there.
FALLBACK_LANGUAGE: Final = QLocale.Language.English
FALLBACK_COUNTRY: Final = QLocale.Country.UnitedKingdom


def use_readable_locale() -> QLocale | None:
    """When the default locale is C/POSIX (``LANG=C.UTF-8``: Qt then writes ``1299.50€`` and
    ``2 12 2026 14:00``), make en-GB the default for amounts and dates and return it; a real
    locale is kept (``None``). Call once at start-up, before any widget exists."""
    if QLocale().language() != QLocale.Language.C:
        return None
    fallback = QLocale(FALLBACK_LANGUAGE, FALLBACK_COUNTRY)
    QLocale.setDefault(fallback)
    return fallback
