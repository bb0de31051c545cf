"""Agent limits of the organisation's policy (issue 18): a link over the per-link limit or the
day's limit is refused before anything is sent, with the limit in the message; the day's total
comes from the history, so a restart of the app does not reset it.

The desk is built as ``main`` builds it (``app.build_desk``) with a policy read from a file,
against the emulator over a real socket; the cart is typed with real key events."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot

from inflow_desk import app as desk_app
from inflow_desk.emulator import InflowEmulator
from inflow_desk.storage.keystore import KeyringKeyStore
from inflow_desk.storage.policy import load_policy
from tests.keyring_backends import InMemoryBackend
from tests.ui.conftest import find, press, type_text

ONE_TIME_PATH = "/api/checkout/sessions/one-time-payment"
CTRL = Qt.KeyboardModifier.ControlModifier
POLICY = """\
[[profiles]]
name = "Acme"
[profiles.limits]
max_per_link = 100
max_per_day = 150
"""


@pytest.fixture(autouse=True)
def _drain_workers() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(5000)


def build(tmp_path: Path, emulator: InflowEmulator, api_key: str) -> desk_app.Desk:
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text(POLICY, encoding="utf-8")
    backend = InMemoryBackend()
    backend.set_password("inflow-desk", "Acme", api_key)
    return desk_app.build_desk(
        desk_app.parse_args(["--profile", "Acme", "--api-url", emulator.base_url]),
        qsettings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        keystore=KeyringKeyStore("inflow-desk", backend=backend),
        history_file=tmp_path / "history.sqlite3",
        policy=load_policy(policy_file),
    )


def show(qtbot: QtBot, desk: desk_app.Desk) -> None:
    qtbot.addWidget(desk.window)
    desk.window.show()
    desk.window.activateWindow()
    qtbot.waitExposed(desk.window)
    qtbot.waitUntil(desk.window.isActiveWindow)


def type_cart(qtbot: QtBot, desk: desk_app.Desk, price: str) -> None:
    desk.window.new_link()
    table = find(desk.window, QTableView, "lineItemsTable")
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    type_text(qtbot, "Starter kit")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, price)
    press(qtbot, Qt.Key.Key_Tab)


def error_text(desk: desk_app.Desk) -> str:
    return str(find(desk.window, QLabel, "errorLabel").text())


def test_a_link_over_the_per_link_limit_is_refused_before_sending(
    qtbot: QtBot, tmp_path: Path, emulator: InflowEmulator, api_key: str
) -> None:
    desk = build(tmp_path, emulator, api_key)
    try:
        show(qtbot, desk)
        type_cart(qtbot, desk, "100.01")
        press(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: "Nothing was sent" in error_text(desk))
        assert "€100.01 is over your limit of €100.00 per link on “Acme”" in error_text(desk)
        assert emulator.requests_to(ONE_TIME_PATH, "POST") == []
        assert desk.window.create_button.isEnabled()

        type_cart(qtbot, desk, "100")  # exactly the limit: allowed
        with qtbot.waitSignal(desk.window.sessionCreated, timeout=5000):
            press(qtbot, Qt.Key.Key_Return, CTRL)
        assert len(emulator.requests_to(ONE_TIME_PATH, "POST")) == 1
    finally:
        desk.close()


def test_the_daily_limit_counts_from_the_history_also_after_a_restart(
    qtbot: QtBot, tmp_path: Path, emulator: InflowEmulator, api_key: str
) -> None:
    desk = build(tmp_path, emulator, api_key)
    try:
        show(qtbot, desk)
        type_cart(qtbot, desk, "90")
        with qtbot.waitSignal(desk.window.sessionCreated, timeout=5000):
            press(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: desk.history is not None and desk.history.count() == 1)
    finally:
        desk.close()
        desk.window.close()

    again = build(tmp_path, emulator, api_key)  # the app started again: same history file
    try:
        show(qtbot, again)
        type_cart(qtbot, again, "60.01")
        press(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: "daily limit" in error_text(again))
        text = error_text(again)
        assert "over your daily limit of €150.00 on “Acme”" in text
        assert "You have created €90.00 today; this link is €60.01" in text
        assert len(emulator.requests_to(ONE_TIME_PATH, "POST")) == 1  # only the first

        type_cart(qtbot, again, "60")  # 90 + 60 = the limit exactly: allowed
        with qtbot.waitSignal(again.window.sessionCreated, timeout=5000):
            press(qtbot, Qt.Key.Key_Return, CTRL)
        assert len(emulator.requests_to(ONE_TIME_PATH, "POST")) == 2
    finally:
        again.close()


def test_no_policy_no_limits(
    qtbot: QtBot, tmp_path: Path, emulator: InflowEmulator, api_key: str
) -> None:
    backend = InMemoryBackend()
    backend.set_password("inflow-desk", "Acme", api_key)
    desk = desk_app.build_desk(
        desk_app.parse_args(["--profile", "Acme", "--api-url", emulator.base_url]),
        qsettings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        keystore=KeyringKeyStore("inflow-desk", backend=backend),
        history_file=tmp_path / "history.sqlite3",
    )
    try:
        show(qtbot, desk)
        type_cart(qtbot, desk, "5000")
        with qtbot.waitSignal(desk.window.sessionCreated, timeout=5000):
            press(qtbot, Qt.Key.Key_Return, CTRL)
    finally:
        desk.close()


SUBSCRIPTION_PATH = "/api/checkout/sessions/subscription/"


def test_subscription_links_count_with_the_offer_price_and_an_unknown_price_is_refused(
    qtbot: QtBot, tmp_path: Path, emulator: InflowEmulator, api_key: str
) -> None:
    """Pro yearly (€299.00) is over the €100 per-link limit; an offer pasted by an id that is
    not in the list has no price here, so the limit cannot be checked: refused too, nothing
    sent either time."""
    desk = build(tmp_path, emulator, api_key)
    try:
        show(qtbot, desk)
        press(qtbot, Qt.Key.Key_2, CTRL)
        form = desk.subscription
        assert form is not None
        qtbot.waitUntil(lambda: not form.loading, timeout=5000)
        type_text(qtbot, "Pro yearly")
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: "Nothing was sent" in error_text(desk))
        assert "€299.00 is over your limit of €100.00 per link" in error_text(desk)

        form.clear()
        form.paste_edit.setText("offer_notInTheList42")
        press(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: "price is not known here" in error_text(desk))
        assert emulator.requests_to(SUBSCRIPTION_PATH, "POST") == []
    finally:
        desk.close()
