"""The heart of the product, driven like an agent would: keyboard, real emulator, real socket."""

from __future__ import annotations

import json
from datetime import timedelta

import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from inflow_desk.emulator import InflowEmulator
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import FROZEN_NOW, find, focused, press, type_text

ONE_TIME_PATH = "/api/checkout/sessions/one-time-payment"
CTRL = Qt.KeyboardModifier.ControlModifier


def decode_qr(label: QLabel) -> str:
    pixmap = label.pixmap()
    assert not pixmap.isNull(), "no QR code shown"
    results = zxingcpp.read_barcodes(pixmap.toImage())
    assert len(results) == 1
    return str(results[0].text)


def fill_two_items(qtbot: QtBot, window: MainWindow) -> None:
    table = find(window, QTableView, "lineItemsTable")
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    type_text(qtbot, "Starter kit")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "49,99")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "2")
    press(qtbot, Qt.Key.Key_N, CTRL)  # new line, editor open on its name
    type_text(qtbot, "Shipping express")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "€9.90")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "1")
    press(qtbot, Qt.Key.Key_Tab)  # leaves the table


def test_whole_flow_by_keyboard(qtbot: QtBot, window: MainWindow, emulator: InflowEmulator) -> None:
    fill_two_items(qtbot, window)
    total = find(window, QLabel, "totalLabel")
    assert "$109.88" not in total.text()  # currency is EUR by default
    assert "€109.88" in total.text()

    find(window, QComboBox, "currencyCombo").setCurrentIndex(1)  # USD
    assert "$109.88" in total.text()
    email = find(window, QLineEdit, "customerEmailEdit")
    email.setFocus()
    type_text(qtbot, "client@example.org")
    spin = find(window, QDoubleSpinBox, "expiresInSpin")
    spin.setFocus()
    spin.selectAll()
    type_text(qtbot, "24")
    press(qtbot, Qt.Key.Key_Tab)

    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)

    [request] = emulator.requests_to(ONE_TIME_PATH, "POST")
    assert json.loads(request.body) == {
        "currency": "USD",
        "products": [
            {"name": "Starter kit", "price": 4999, "quantity": 2},
            {"name": "Shipping express", "price": 990, "quantity": 1},
        ],
        "customerEmail": "client@example.org",
        "expiresIn": 24,
    }
    [session] = emulator.sessions.values()
    url = find(window, QLineEdit, "checkoutUrlEdit").text()
    assert url.startswith("https://checkout.inflowpay.com/pay/sess_")
    assert url == f"https://checkout.inflowpay.com/pay/{next(iter(emulator.sessions))}"
    assert session is not None
    assert QGuiApplication.clipboard().text() == url
    assert "Copied" in find(window, QLabel, "copiedLabel").text()
    assert decode_qr(find(window, QLabel, "qrCodeLabel")) == url
    expiry = find(window, QLabel, "expiryLabel").text()
    local = (FROZEN_NOW + timedelta(hours=24)).astimezone().strftime("%H:%M")
    assert local in expiry and "1 d left" in expiry
    assert find(window, QLabel, "errorLabel").isHidden()


def test_invalid_inputs_send_nothing_and_flag_the_field(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    model = window.one_time_form.model
    create = find(window, QPushButton, "createSessionButton")
    error_label = find(window, QLabel, "errorLabel")

    # empty name
    model.setData(model.index(0, 1), "10")
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert model.visible_error(0, 0) == "Enter a product name"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "Enter a product name"
    assert window.one_time_form.table.currentIndex().column() == 0
    assert "Nothing was sent" in error_label.text()

    # bad price text: kept verbatim, explained
    model.setData(model.index(0, 0), "Kit")
    model.setData(model.index(0, 1), "49.9.9")
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert model.visible_error(0, 1) == "'49.9.9' is not an amount"
    assert model.data(model.index(0, 1)) == "49.9.9"
    assert "'49.9.9' is not an amount" in find(window, QLabel, "cartErrorLabel").text()

    # zero quantity
    model.setData(model.index(0, 1), "10")
    model.setData(model.index(0, 2), 0)
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert model.visible_error(0, 2) is not None
    assert window.one_time_form.table.currentIndex().column() == 2

    # bad e-mail
    model.setData(model.index(0, 2), 1)
    email = find(window, QLineEdit, "customerEmailEdit")
    email.setText("not-an-email")
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    email_error = find(window, QLabel, "customerEmailError")
    assert email_error.isVisible() and "e-mail" in email_error.text()
    assert email.hasFocus()

    # expiry below 15 minutes
    email.setText("")
    spin = find(window, QDoubleSpinBox, "expiresInSpin")
    spin.setValue(0.1)
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    expires_error = find(window, QLabel, "expiresInError")
    assert expires_error.isVisible() and "0.25" in expires_error.text()
    assert spin.hasFocus()

    assert emulator.requests == []

    spin.setValue(1)
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert len(emulator.requests_to(ONE_TIME_PATH)) == 1
    assert not expires_error.isVisible()


def _valid_cart(window: MainWindow) -> None:
    model = window.one_time_form.model
    model.setData(model.index(0, 0), "Kit")
    model.setData(model.index(0, 1), "25.00")


def test_double_click_creates_exactly_one_session(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    from inflow_desk.emulator import Fault

    emulator.inject(Fault("latency", delay=0.3))
    _valid_cart(window)
    create = find(window, QPushButton, "createSessionButton")
    with qtbot.waitSignal(window.requestFinished, timeout=5000):
        qtbot.mouseDClick(create, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    qtbot.wait(200)  # a second request, had one been started, would have arrived by now
    assert len(emulator.requests_to(ONE_TIME_PATH)) == 1


def test_key_repeat_creates_exactly_one_session(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    from inflow_desk.emulator import Fault

    emulator.inject(Fault("latency", delay=0.3))
    _valid_cart(window)
    window.options_form.email_edit.setFocus()
    with qtbot.waitSignal(window.requestFinished, timeout=5000):
        for _ in range(8):  # auto-repeat of a held Ctrl+Enter
            qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    qtbot.wait(200)
    assert len(emulator.requests_to(ONE_TIME_PATH)) == 1


def test_new_link_clears_for_the_next_caller(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    _valid_cart(window)
    window.options_form.email_edit.setText("a@example.org")
    window.options_form.success_edit.setText("https://shop.example/thanks")
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        window.create_session()
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.one_time_form.model.is_empty()
    assert window.options_form.email_edit.text() == ""
    assert window.options_form.success_edit.text() == "https://shop.example/thanks"
    assert find(window, QLineEdit, "checkoutUrlEdit").text() == ""
    assert find(window, QLabel, "qrCodeLabel").pixmap().isNull()


def test_auto_copy_can_be_turned_off(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    from PySide6.QtGui import QAction

    action = window.findChild(QAction, "autoCopyAction")
    assert action is not None and action.isChecked()  # on by default
    action.trigger()
    assert window._settings.auto_copy is False  # remembered for the next start
    QGuiApplication.clipboard().setText("something the agent copied earlier")
    model = window.one_time_form.model
    model.setData(model.index(0, 0), "Kit")
    model.setData(model.index(0, 1), "25")
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        window.create_session()
    assert QGuiApplication.clipboard().text() == "something the agent copied earlier"
    assert window.result_panel.url.startswith("https://checkout.inflowpay.com/pay/")
