"""Inputs that look fine on screen but are not, driven through the real window against the
emulator: nothing is sent, and the reason is written next to the field (issue 13, item 9)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from inflow_desk.emulator import InflowEmulator
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import find, focused, press, type_text

LEFT = Qt.MouseButton.LeftButton
ONE_TIME_PATH = "/api/checkout/sessions/one-time-payment"


def test_a_name_of_zero_width_characters_is_flagged_and_nothing_is_sent(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    type_text(qtbot, "\u200b\u2060\ufeff")  # what a paste from a web page can bring
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "25")
    qtbot.mouseClick(find(window, QPushButton, "createSessionButton"), LEFT)
    model = window.one_time_form.model
    assert model.visible_error(0, 0) == "Contains invisible or direction-changing characters"
    assert "Row 1 · Product: Contains invisible or direction-changing characters" in (
        find(window, QLabel, "cartErrorLabel").text()
    )
    assert "Nothing was sent" in find(window, QLabel, "errorLabel").text()
    assert emulator.requests == []


def test_a_bidi_override_in_a_name_is_flagged(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    type_text(qtbot, "Invoice \u202egpj.exe")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "25")
    qtbot.mouseClick(find(window, QPushButton, "createSessionButton"), LEFT)
    model = window.one_time_form.model
    assert model.visible_error(0, 0) == "Contains invisible or direction-changing characters"
    assert emulator.requests == []


def test_a_lone_surrogate_from_an_old_request_is_flagged_not_a_crash(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    """``\\ud800`` survives JSON (``"\\ud800"``) into "create again"; sending it would raise
    UnicodeEncodeError in the client."""
    body = {"products": [{"name": "Widget \ud800", "price": 2500, "quantity": 1}]}
    assert window.load_request("one_time", {"currency": "EUR", **body})
    qtbot.mouseClick(find(window, QPushButton, "createSessionButton"), LEFT)
    model = window.one_time_form.model
    assert model.visible_error(0, 0) == (
        "Contains a broken character (probably from a copy-paste): type it again by hand"
    )
    assert "Something unexpected" not in find(window, QLabel, "errorLabel").text()
    assert emulator.requests == []


def test_redirect_addresses_with_credentials_or_a_backslash_are_refused_next_to_the_field(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    type_text(qtbot, "Kit")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "25")
    success: QLineEdit = find(window, QLineEdit, "successUrlEdit")
    cancel: QLineEdit = find(window, QLineEdit, "cancelUrlEdit")
    success.setFocus()
    type_text(qtbot, "https://user:pw@shop.example/")
    cancel.setFocus()
    type_text(qtbot, "https://shop.example\\@evil.example/")
    qtbot.mouseClick(find(window, QPushButton, "createSessionButton"), LEFT)

    success_error = find(window, QLabel, "successUrlError")
    cancel_error = find(window, QLabel, "cancelUrlError")
    assert success_error.isVisible()
    assert "Remove the user name and password" in success_error.text()
    assert cancel_error.isVisible()
    assert "backslash" in cancel_error.text()
    assert focused() is success  # the first invalid field
    assert emulator.requests == []

    # Fixed: sent.
    success.clear()
    cancel.clear()
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        qtbot.mouseClick(find(window, QPushButton, "createSessionButton"), LEFT)
    assert len(emulator.requests_to(ONE_TIME_PATH)) == 1
