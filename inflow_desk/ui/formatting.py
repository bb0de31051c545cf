"""Amounts for people: integer cents → the agent's locale currency format (QLocale)."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from inflow_desk.domain.money import Currency


def format_money(cents: int, currency: Currency, locale: QLocale | None = None) -> str:
    """``4999, EUR`` → ``€49.99`` (en-US), ``49,99 €`` (de-DE)… from integer cents.

    QLocale takes a double; every amount we allow (< 10^10 cents) converts to a double exactly
    enough that rounding to 2 decimals gives back the same cents.
    """
    loc = locale or QLocale()
    return loc.toCurrencyString(cents / 100, currency.symbol, 2)


def format_plain_amount(cents: int) -> str:
    """``4999`` → ``49.99``: what an edit field shows, accepted back by ``parse_money``."""
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    return f"{sign}{whole}.{frac:02d}"
