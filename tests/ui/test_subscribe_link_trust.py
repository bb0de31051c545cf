"""The offer picker's subscribe link is checked like a created link (issue 13 item 2): an
offer id from the server that would make it misleading (a bidi or invisible character) is
not shown as a link, the reason is."""

from __future__ import annotations

import httpx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from inflow_desk.api.client import InflowClient
from inflow_desk.emulator import InflowEmulator, generate_offers
from inflow_desk.ui.accounts.account import Account
from inflow_desk.ui.checkout.subscription_form import install_subscription_mode
from inflow_desk.ui.kit.settings import AppSettings
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import find, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def details_for(
    qtbot: QtBot, window: MainWindow, app_settings: AppSettings, offer_id: str, api_key: str
) -> str:
    offers = generate_offers(3)
    offers[0] = dict(offers[0], id=offer_id, name="Sneaky plan")
    with (
        InflowEmulator(api_key=api_key, offers=offers) as emulator,
        InflowClient(api_key, base_url=emulator.base_url, timeout=httpx.Timeout(2.0)) as client,
    ):
        window.set_account(Account("Test shop", "DEMO", emulator.base_url), client)
        form = install_subscription_mode(window, app_settings)
        with qtbot.waitSignal(form.offersLoaded, timeout=5000):
            press(qtbot, Qt.Key.Key_2, CTRL)
        type_text(qtbot, "Sneaky")
        press(qtbot, Qt.Key.Key_Down)
        browser = find(window, QTextBrowser, "offerDetails")
        qtbot.waitUntil(lambda: "Sneaky plan" in browser.toPlainText())
        return str(browser.toPlainText())


def test_a_misleading_subscribe_link_is_not_shown(
    qtbot: QtBot, window: MainWindow, app_settings: AppSettings, api_key: str
) -> None:
    details = details_for(qtbot, window, app_settings, "offer_abc\u202egnp.exe", api_key)
    assert "https://checkout.inflowpay.com/subscribe/" not in details
    lines = details.splitlines()
    shown = lines[lines.index("Subscribe link") + 1]
    assert "\u202e" not in shown
    assert "not shown" in shown.lower()
    assert "U+202E" in shown


def test_a_plain_subscribe_link_is_shown(
    qtbot: QtBot, window: MainWindow, app_settings: AppSettings, api_key: str
) -> None:
    details = details_for(qtbot, window, app_settings, "offer_Plain123", api_key)
    assert "https://checkout.inflowpay.com/subscribe/offer_Plain123" in details
