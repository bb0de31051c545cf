"""Amounts and dates when the system locale is C/POSIX (``LANG=C.UTF-8``, common on Linux):
Qt's C locale writes ``1299.50€`` and ``2 12 2026 14:00``; the app falls back to en_GB."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale

from inflow_desk.domain.money import Currency
from inflow_desk.ui.checkout.offers_model import locale_money
from inflow_desk.ui.history.model import created_text
from inflow_desk.ui.kit.formatting import format_money, use_readable_locale

MOMENT = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)


@pytest.fixture
def c_locale() -> Iterator[None]:
    """The default locale is Qt's C locale, as a process started with LANG=C.UTF-8 has it."""
    previous = QLocale()
    QLocale.setDefault(QLocale.c())
    yield
    QLocale.setDefault(previous)


def local_short(moment: datetime) -> str:
    """en_GB's short date and time of ``moment`` in this machine's time zone."""
    return f"{moment.astimezone():%d/%m/%Y %H:%M}"


@pytest.mark.usefixtures("c_locale")
def test_a_c_locale_falls_back_to_en_gb_for_money_and_dates() -> None:
    assert format_money(129950, Currency.EUR) == "1299.50€"  # the problem, as reported

    chosen = use_readable_locale()

    assert chosen is not None and chosen.name() == "en_GB"
    assert QLocale().name() == "en_GB"
    assert format_money(129950, Currency.EUR) == "€1,299.50"
    assert format_money(999_999_999, Currency.EUR) == "€9,999,999.99"
    assert format_money(5, Currency.USD) == "$0.05"
    assert locale_money()(129950, "EUR") == "€1,299.50"  # the offer picker
    assert created_text(MOMENT) == local_short(MOMENT)  # the history's Created column


@pytest.mark.parametrize(
    ("language", "country", "amount"),
    [
        (QLocale.Language.German, QLocale.Country.Germany, "1.299,50\u00a0€"),
        (QLocale.Language.English, QLocale.Country.UnitedStates, "€1,299.50"),
    ],
)
def test_a_real_locale_is_kept(
    language: QLocale.Language, country: QLocale.Country, amount: str
) -> None:
    QLocale.setDefault(QLocale(language, country))  # restored by the conftest's fixture
    assert use_readable_locale() is None
    assert QLocale().language() == language
    assert format_money(129950, Currency.EUR) == amount
