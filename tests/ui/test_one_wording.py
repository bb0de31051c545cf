"""One wording per thing: the time left of a link reads the same in the result panel and in
the history; amounts come from one cents formatter (locale-neutral and locale-aware)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from inflow_desk.domain.money import Currency, format_amount, format_cents, plain_amount
from inflow_desk.domain.offers import format_offer_amount
from inflow_desk.domain.time_left import time_left_text
from inflow_desk.storage.history import HistoryStore, format_decimal
from inflow_desk.ui.checkout.offers_model import locale_money
from inflow_desk.ui.checkout.result_panel import ResultPanel
from inflow_desk.ui.history.model import HistoryColumn, HistoryModel, amount_text
from inflow_desk.ui.kit.formatting import format_money, format_money_in, format_plain_amount
from tests.ui.conftest import FROZEN_NOW, Clock
from tests.ui.history_helpers import one_time_record, open_store

LIFETIME = timedelta(hours=30)


@pytest.fixture
def store(tmp_path: Path, qtbot: QtBot, clock: Clock) -> Iterator[HistoryStore]:
    yield from open_store(tmp_path, qtbot, clock)


@pytest.mark.parametrize(
    "elapsed",
    [
        timedelta(seconds=1),  # 29 h 59 min 59 s left
        timedelta(hours=6),  # exactly a day left
        timedelta(hours=29, seconds=30),  # 59 min 30 s: 59 min (not 60, not "1 h")
        timedelta(hours=29, minutes=1, seconds=30),  # 58 min 30 s: 58 min in both
        timedelta(hours=29, minutes=59, seconds=40),  # less than a minute in both
    ],
)
def test_the_history_and_the_result_panel_say_the_same_time_left(
    qtbot: QtBot, store: HistoryStore, clock: Clock, elapsed: timedelta
) -> None:
    record = store.add(one_time_record(1, lifetime=LIFETIME))
    model = HistoryModel(store, clock=clock)
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh()
    panel = ResultPanel(clock=clock)
    qtbot.addWidget(panel)
    panel.show_session(
        url=record.checkout_url,
        session_id=record.session_id,
        expires_at=record.expires_at,
        expiry_assumed=False,
    )
    clock.now = FROZEN_NOW + elapsed
    panel.refresh_countdown()
    label = panel.findChild(QLabel, "expiryLabel")
    assert label is not None
    history = model.data(model.index(0, HistoryColumn.STATUS))
    left = time_left_text(record.expires_at - clock.now)
    assert left and history == f"open — {left}"
    assert label.text().endswith(f"— {left}")


def test_time_left_rounds_down_and_never_says_zero() -> None:
    assert time_left_text(timedelta(minutes=58, seconds=59)) == "58 min left"
    assert time_left_text(timedelta(seconds=59)) == "less than a minute left"
    assert time_left_text(timedelta(hours=2, minutes=5)) == "2 h 5 min left"
    assert time_left_text(timedelta(days=3, hours=4, minutes=59)) == "3 d 4 h left"
    assert time_left_text(timedelta(0)) == time_left_text(timedelta(seconds=-1)) == ""


@pytest.mark.parametrize("cents", [0, 5, 990, 4999, 123456, -150, 10**10 - 1])
def test_plain_amounts_have_one_implementation(cents: int) -> None:
    # The edit field's text and the CSV/search text were two copies of one function.
    assert format_plain_amount(cents) == format_decimal(cents) == plain_amount(cents)
    assert plain_amount(cents, grouped=True).replace(",", "") == plain_amount(cents)
    assert format_cents(cents, Currency.EUR).replace("€", "") == plain_amount(cents, grouped=True)


def test_amounts_in_outside_currency_codes() -> None:
    assert format_amount(2999, "EUR") == format_offer_amount(2999, "eur") == "€29.99"
    assert format_amount(123456, "GBP") == format_offer_amount(123456, " GBP ") == "1,234.56 GBP"
    assert format_amount(2999, None) == format_amount(2999, "") == "29.99"


def test_the_history_and_the_offer_picker_format_amounts_alike() -> None:
    locale = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    money = locale_money(locale)
    for cents, code in [(129950, "EUR"), (500, "USD"), (123456, "GBP"), (700, "eur")]:
        record = one_time_record(1, price=cents, currency=code)
        history = amount_text(record, locale)  # type: ignore[arg-type]
        assert history == money(cents, code) == format_money_in(cents, code, locale)
    assert format_money_in(129950, "EUR", locale) == format_money(129950, Currency.EUR, locale)
    assert format_money_in(123456, "GBP", locale) == "1,234.56 GBP"  # unknown: kept raw
