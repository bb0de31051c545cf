"""A deep link from the CRM fills the form (never creates a link by itself); the agent's
Ctrl+Enter then sends exactly what the link said. A malformed link fills nothing."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from inflow_desk.domain.money import Currency
from inflow_desk.emulator import InflowEmulator
from inflow_desk.storage.policy import Policy
from inflow_desk.ui.deploy.deep_links import apply_deep_link
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import find, press, type_text

ONE_TIME_PATH = "/api/checkout/sessions/one-time-payment"
CTRL = Qt.KeyboardModifier.ControlModifier
URL = (
    "inflow-desk://new?email=ann%40example.com&currency=USD"
    "&item=Starter%20kit*2@49.99&item=Shipping@4,50"
)


def cells(window: MainWindow) -> list[list[str]]:
    model = find(window, QTableView, "lineItemsTable").model()
    return [
        [str(model.index(row, column).data() or "") for column in range(3)]
        for row in range(model.rowCount())
    ]


def test_a_deep_link_fills_the_form_and_sends_nothing_until_ctrl_enter(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    assert apply_deep_link(window, URL)
    assert find(window, QComboBox, "currencyCombo").currentData() == "USD"
    assert find(window, QLineEdit, "customerEmailEdit").text() == "ann@example.com"
    rows = [row for row in cells(window) if row[0]]
    assert [row[0] for row in rows] == ["Starter kit", "Shipping"]
    assert "$104.48" in find(window, QLabel, "totalLabel").text()
    qtbot.wait(200)
    assert emulator.requests == []  # filled, not sent

    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    [request] = emulator.requests_to(ONE_TIME_PATH, "POST")
    body = json.loads(request.body)
    assert body["currency"] == "USD"
    assert body["customerEmail"] == "ann@example.com"
    assert body["products"] == [
        {"name": "Starter kit", "price": 4999, "quantity": 2},
        {"name": "Shipping", "price": 450, "quantity": 1},
    ]


def test_a_malformed_deep_link_fills_nothing_and_says_what_is_wrong(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    table = find(window, QTableView, "lineItemsTable")
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    type_text(qtbot, "Typed by the agent")
    press(qtbot, Qt.Key.Key_Tab)
    before = cells(window)
    email = find(window, QLineEdit, "customerEmailEdit")

    bad = "inflow-desk://new?email=ann%40example.com&item=Kit*2@1,299"
    assert not apply_deep_link(window, bad)
    error = find(window, QLabel, "errorLabel")
    assert error.isVisible()
    assert "product 1 price" in error.text() and "1,299" in error.text()
    assert cells(window) == before
    assert email.text() == ""
    assert emulator.requests == []


def test_a_deep_link_keeps_the_redirect_defaults_and_expiry_it_does_not_give(
    window: MainWindow,
) -> None:
    find(window, QLineEdit, "successUrlEdit").setText("https://shop.example.com/thanks")
    spin = find(window, QDoubleSpinBox, "expiresInSpin")
    spin.setValue(24)
    assert apply_deep_link(window, "inflow-desk://new?item=Kit@10")
    assert find(window, QLineEdit, "successUrlEdit").text() == "https://shop.example.com/thanks"
    assert spin.value() == 24
    assert apply_deep_link(window, "inflow-desk://new?item=Kit@10&expires=2")
    assert spin.value() == 2


def test_a_currency_the_policy_does_not_allow_fills_nothing(
    tmp_path: Path, window: MainWindow
) -> None:
    policy = Policy(path=tmp_path / "p.toml", allowed_currencies=(Currency.EUR,))
    assert not apply_deep_link(window, "inflow-desk://new?currency=USD&item=Kit@10", policy)
    assert "USD is not allowed by your organisation" in find(window, QLabel, "errorLabel").text()
    assert find(window, QComboBox, "currencyCombo").currentData() == "EUR"
