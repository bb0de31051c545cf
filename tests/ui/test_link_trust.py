"""A checkout link from the server is never shown blindly (issue 13, items 2 and 3).

Hostile answers come from the emulator over a real loopback socket (the ``checkout_url``
fault, as a compromised proxy or a wrong custom server would answer). On Production such a
link is refused outright — not shown, not copied, not QR-encoded, recorded in the history as
refused; elsewhere it is held back: shown as suspicious with the reason, never copied or
QR-encoded on its own, copied only when the agent presses Copy after reading the warning.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from inflow_desk.api.client import InflowClient
from inflow_desk.emulator import Fault, InflowEmulator
from inflow_desk.ui.accounts.account import Account
from inflow_desk.ui.checkout.result_panel import ResultPanel
from inflow_desk.ui.checkout.session import CreatedSession
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import FROZEN_NOW, Clock, find

CLIPBOARD_SENTINEL = "clipboard before the create"
LONG_URL = "https://checkout.inflowpay.com/pay/" + "a" * 3000
HOSTILE = {
    "plain http": ("http://checkout.inflowpay.com/pay/sess_1", "not secure"),
    "other host": ("https://evil.example/pay/sess_1", "'evil.example'"),
    "userinfo trick": ("https://checkout.inflowpay.com@evil.example/pay/sess_1", "user name"),
    "punycode look-alike": ("https://xn--heckout-2fg.inflowpay.com/pay/sess_1", "look-alike"),
    "bidi character": ("https://checkout.inflowpay.com/pay/\u202egnp.exe", "U+202E"),
    "over-long": (LONG_URL, "3,035 characters"),
}


def recording_into(
    recorded: list[CreatedSession],
) -> Callable[[CreatedSession, Callable[[str | None], None]], None]:
    """A history that takes every record at once (and says so)."""

    def record(session: CreatedSession, done: Callable[[str | None], None]) -> None:
        recorded.append(session)
        done(None)

    return record


def fill_form(window: MainWindow) -> None:
    model = window.one_time_form.model
    model.setData(model.index(0, 0), "Starter kit")
    model.setData(model.index(0, 1), "49,99")
    model.setData(model.index(0, 2), 2)


def production(window: MainWindow, emulator: InflowEmulator) -> None:
    window.set_account(Account("Acme", "PRODUCTION", emulator.base_url), window.gateway)


def create(qtbot: QtBot, window: MainWindow) -> None:
    QGuiApplication.clipboard().setText(CLIPBOARD_SENTINEL)
    with qtbot.waitSignal(window.requestFinished, timeout=5000):
        window.create_session()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_production_refuses_an_untrusted_link_and_records_it_as_refused(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    emulator: InflowEmulator,
    name: str,
) -> None:
    url, reason = HOSTILE[name]
    recorded: list[CreatedSession] = []
    window = make_window(record_session=recording_into(recorded))
    production(window, emulator)
    fill_form(window)
    emulator.inject(Fault("checkout_url", checkout_url=url))
    create(qtbot, window)

    panel = window.result_panel
    assert panel.url == ""
    assert not panel.url_edit.isVisible() or panel.url_edit.text() == ""
    assert panel.qr_label.pixmap().isNull()
    assert QGuiApplication.clipboard().text() == CLIPBOARD_SENTINEL
    error = find(window, QLabel, "errorLabel")
    assert error.isVisible()
    assert "refused" in error.text().lower()
    assert reason in error.text()
    assert url not in error.text()
    # Nothing is lost: the session is in the history, marked, and its link cannot be clicked.
    [session] = recorded
    assert session.session_id in emulator.sessions
    assert session.checkout_url.startswith("REFUSED")
    assert "https://" not in session.checkout_url and "http://" not in session.checkout_url
    assert "\u202e" not in session.checkout_url
    assert find(window, QPushButton, "createSessionButton").isEnabled()

    # The next create, answered with Inflow's own link, works as always.
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        window.create_session()
    assert panel.url.startswith("https://checkout.inflowpay.com/pay/sess_")
    assert QGuiApplication.clipboard().text() == panel.url
    assert not panel.qr_label.pixmap().isNull()
    assert not error.isVisible()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_elsewhere_an_untrusted_link_is_held_back_with_the_reason(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    emulator: InflowEmulator,
    name: str,
) -> None:
    url, reason = HOSTILE[name]
    recorded: list[CreatedSession] = []
    window = make_window(record_session=recording_into(recorded))  # a DEMO account
    fill_form(window)
    emulator.inject(Fault("checkout_url", checkout_url=url))
    create(qtbot, window)

    panel = window.result_panel
    warning = find(panel, QLabel, "linkWarningLabel")
    assert warning.isVisible()
    assert reason in warning.text()
    # Shown so the agent sees the trick (hidden characters written out), but never copied,
    # nor turned into a QR code, on its own.
    assert "\u202e" not in panel.url_edit.text()
    assert QGuiApplication.clipboard().text() == CLIPBOARD_SENTINEL
    assert panel.qr_label.pixmap().isNull()
    assert "not" in panel.qr_label.text().lower()
    for button in ("enlargeQrButton", "saveQrButton", "copyQrButton"):
        assert not find(panel, QPushButton, button).isEnabled()
    [session] = recorded
    assert session.checkout_url.startswith("HELD BACK")

    # Copy after reading the warning: the agent's deliberate choice.
    copy = find(panel, QPushButton, "copyUrlButton")
    assert "anyway" in copy.text().lower()
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == url

    # The next good link is shown plainly again.
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        window.new_link()
        fill_form(window)
        window.create_session()
    assert not warning.isVisible()
    assert "anyway" not in copy.text().lower()
    assert not panel.qr_label.pixmap().isNull()
    assert QGuiApplication.clipboard().text() == panel.url


def test_a_profile_may_trust_its_own_checkout_host(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    emulator: InflowEmulator,
    client: InflowClient,
) -> None:
    window = make_window()
    window.set_account(
        Account("Staging", "CUSTOM", emulator.base_url, checkout_hosts=("pay.staging.example",)),
        client,
    )
    fill_form(window)
    emulator.inject(Fault("checkout_url", checkout_url="https://pay.staging.example/pay/s1"))
    create(qtbot, window)
    assert window.result_panel.url == "https://pay.staging.example/pay/s1"
    assert QGuiApplication.clipboard().text() == "https://pay.staging.example/pay/s1"
    assert not find(window.result_panel, QLabel, "linkWarningLabel").isVisible()


def test_a_link_too_long_for_a_qr_code_says_so_and_is_still_shown_and_copied(
    qtbot: QtBot, clock: Clock
) -> None:
    panel = ResultPanel(clock=clock)
    qtbot.addWidget(panel)
    panel.show()
    url = "https://checkout.inflowpay.com/pay/" + "b" * 2400  # above any QR code's capacity
    panel.show_session(
        url=url,
        session_id="sess_long",
        expires_at=FROZEN_NOW + timedelta(hours=1),
        expiry_assumed=False,
    )
    assert panel.url_edit.text() == url
    assert panel.qr_label.pixmap().isNull()
    assert "too long for a qr code" in panel.qr_label.text().lower()
    for button in ("enlargeQrButton", "saveQrButton", "copyQrButton"):
        assert not find(panel, QPushButton, button).isEnabled()
    panel.copy_url()
    assert QGuiApplication.clipboard().text() == url
