"""Every way a create can fail: a clear message, the form exactly as it was, and the next
Create works. All against the emulator over a real loopback socket."""

from __future__ import annotations

import itertools
import time

import httpx
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from inflow_desk.api.client import InflowClient
from inflow_desk.emulator import Fault, InflowEmulator
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import find

ONE_TIME_PATH = "/api/checkout/sessions/one-time-payment"


def fill_form(window: MainWindow) -> None:
    model = window.one_time_form.model
    model.setData(model.index(0, 0), "Starter kit")
    model.setData(model.index(0, 1), "49,99")
    model.setData(model.index(0, 2), 2)
    window.options_form.email_edit.setText("client@example.org")


FAULTS = {
    "timeout": (Fault("latency", delay=3.0), "did not answer in time"),
    "500": (Fault("status", status=500), "Inflow had a problem on its side (HTTP 500)"),
    "502 html": (Fault("html", status=502), "HTTP 502"),
    "400 list": (
        Fault("status", status=400, message=("products.0.name is blocked", "currency is paused")),
        "products.0.name is blocked",
    ),
    "429": (Fault("rate_limit", retry_after=7), "Wait 7 seconds"),
    "malformed 201": (Fault("malformed_json"), "could not be understood"),
    "201 missing fields": (Fault("missing_fields"), "could not be understood"),
    "connection drop": (Fault("drop_connection"), "connection to Inflow broke"),
}


@pytest.mark.parametrize("name", list(FAULTS))
def test_fault_gives_a_clear_message_and_keeps_the_form(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator, name: str
) -> None:
    fault, expected = FAULTS[name]
    fill_form(window)
    before = window.form_snapshot()
    emulator.inject(fault)
    error_label = find(window, QLabel, "errorLabel")
    with qtbot.waitSignal(window.requestFinished, timeout=8000):
        window.create_session()
    assert error_label.isVisible()
    assert expected in error_label.text()
    if name == "400 list":
        assert "currency is paused" in error_label.text()
    assert window.form_snapshot() == before
    assert window.result_panel.url == ""
    create = find(window, QPushButton, "createSessionButton")
    assert create.isEnabled()

    emulator.clear_faults()
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        window.create_session()
    assert window.result_panel.url.startswith("https://checkout.inflowpay.com/pay/")
    assert not error_label.isVisible()


def test_wrong_key_names_the_account_and_never_the_key(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator, api_key: str
) -> None:
    fill_form(window)
    emulator.api_key = "another-key"
    with qtbot.waitSignal(window.requestFinished, timeout=5000):
        window.create_session()
    text = find(window, QLabel, "errorLabel").text()
    assert "rejected the API key for Test shop — DEMO" in text
    assert api_key not in text
    emulator.api_key = api_key
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        window.create_session()


def test_connection_refused(qtbot: QtBot, make_window, app_settings) -> None:
    with InflowEmulator() as emu:
        dead_url = emu.base_url  # nothing listens there once stopped
    with InflowClient("some-key", base_url=dead_url) as client:
        window = make_window(gateway=client)
        fill_form(window)
        with qtbot.waitSignal(window.requestFinished, timeout=8000):
            window.create_session()
        assert "Couldn't reach Inflow" in find(window, QLabel, "errorLabel").text()


def test_gui_keeps_running_while_a_slow_create_is_in_flight(
    qtbot: QtBot, make_window, emulator: InflowEmulator, api_key: str
) -> None:
    """A 10 ms heartbeat keeps ticking through a 2 s request: the window never freezes.

    The 50 ms stall target itself is measured by ``benchmarks/run.py`` (timing belongs in
    benchmarks, not in assertions); here a frozen GUI thread (a ~2,000 ms gap) must fail.
    """
    with InflowClient(api_key, base_url=emulator.base_url, timeout=httpx.Timeout(10.0)) as slow:
        window = make_window(gateway=slow)
        fill_form(window)
        emulator.inject(Fault("latency", delay=2.0))
        ticks: list[float] = []
        heartbeat = QTimer()
        heartbeat.setInterval(10)
        heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
        heartbeat.start()
        with qtbot.waitSignal(window.sessionCreated, timeout=8000):
            window.create_session()
            assert window.busy
        heartbeat.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 50, "the GUI thread hardly ran while the request was in flight"
    assert max(gaps) < 0.5, f"GUI thread stalled for {max(gaps) * 1000:.0f} ms"


def test_server_validation_messages_mark_the_named_fields(
    qtbot: QtBot, window: MainWindow, emulator: InflowEmulator
) -> None:
    """A rule only the server knows: its messages land next to the fields they name."""
    fill_form(window)
    emulator.inject(
        Fault(
            "status",
            status=400,
            message=("customerEmail must be an email", "products.0.price is above the limit"),
        )
    )
    with qtbot.waitSignal(window.requestFinished, timeout=5000):
        window.create_session()
    email_error = find(window, QLabel, "customerEmailError")
    assert email_error.isVisible()
    assert email_error.text() == "Inflow: customerEmail must be an email"
    cart_error = find(window, QLabel, "cartErrorLabel")
    assert cart_error.isVisible() and "products.0.price is above the limit" in cart_error.text()
    assert "Inflow refused the request" in find(window, QLabel, "errorLabel").text()
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        window.create_session()
    assert not email_error.isVisible()
