"""Live payment status: the emulator pays a session, the result panel says Paid within one
poll interval (fake clock, no sleeping), and the agent is alerted when the window is inactive."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from inflow_desk.api.client import InflowClient
from inflow_desk.domain.kinds import SessionKind
from inflow_desk.domain.models import Cart, CheckoutOptions, LineItem
from inflow_desk.domain.money import Currency
from inflow_desk.domain.requests import build_one_time_request
from inflow_desk.emulator import Fault, InflowEmulator
from inflow_desk.storage.history import (
    HistoryLineItem,
    HistoryStore,
    NewHistoryRecord,
    PaymentStatusRecord,
)
from inflow_desk.ui.kit.chips import Chip, chip_kind_for_status
from inflow_desk.ui.main_window import MainWindow
from inflow_desk.ui.payments.history_link import keep_in_history
from inflow_desk.ui.payments.install import PaymentsFeature
from inflow_desk.ui.payments.status import WAITING_TEXT
from tests.ui.conftest import Clock, find, focused, press, type_text
from tests.ui.test_create_flow import fill_two_items

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
STEP = timedelta(seconds=5)  # the poll interval while the agent waits on the phone


@pytest.fixture
def desk(
    make_window: Callable[..., MainWindow], emulator: InflowEmulator, clock: Clock
) -> tuple[MainWindow, PaymentsFeature]:
    emulator.clock = lambda: clock.now.timestamp()  # the emulator stamps with the test's clock
    window = make_window()
    feature = PaymentsFeature(window, clock=clock, tick_ms=10, parent=window)
    return window, feature


def create_link(qtbot: QtBot, window: MainWindow, email: str = "") -> str:
    fill_two_items(qtbot, window)
    if email:
        find(window, QLineEdit, "customerEmailEdit").setFocus()
        type_text(qtbot, email)
    with qtbot.waitSignal(window.sessionCreated, timeout=5000) as created:
        press(qtbot, Qt.Key.Key_Return, CTRL)
    return str(created.args[0].session_id)


def status_label(window: MainWindow) -> QLabel:
    label: QLabel = find(window, QLabel, "paymentStatusLabel")
    return label


def advance(qtbot: QtBot, feature: PaymentsFeature, clock: Clock, window: MainWindow) -> None:
    """One poll interval passes (the fake clock); the watcher's next answer arrives."""
    watcher = feature.watchers[window.account.name]
    clock.now += STEP
    with qtbot.waitSignal(watcher.polled, timeout=3000):
        pass


def test_paid_shows_within_one_poll_interval(
    qtbot: QtBot,
    desk: tuple[MainWindow, PaymentsFeature],
    emulator: InflowEmulator,
    clock: Clock,
) -> None:
    window, feature = desk
    session_id = create_link(qtbot, window, "ana@example.org")
    label = status_label(window)
    assert label.text() == ""  # the chip says "Waiting": no sentence repeats it
    assert label.toolTip().startswith(WAITING_TEXT)
    chip = window.findChild(Chip, "paymentStatusChip")
    assert chip is not None and (chip.kind(), chip.text()) == ("waiting", "Waiting")
    chip_width = chip.width()
    watcher = feature.watchers[window.account.name]
    qtbot.waitUntil(lambda: watcher.session_reads is False)  # probed once: 404 → matching
    assert emulator.requests_to(f"/api/checkout/sessions/{session_id}", "GET")
    advance(qtbot, feature, clock, window)  # the first payment list: nothing yet
    assert label.toolTip().startswith(WAITING_TEXT) and chip.text() == "Waiting"

    paid_at = clock.now + timedelta(seconds=2)
    emulator.clock = lambda: paid_at.timestamp()
    emulator.pay_session(session_id)
    history: list[tuple[str, str]] = []
    feature.statusChanged.connect(lambda sid, status: history.append((sid, status.short)))
    advance(qtbot, feature, clock, window)
    assert label.text() == f"Paid ✓ {paid_at.astimezone():%H:%M}"
    assert (chip.kind(), chip.text(), chip.width()) == ("paid", "Paid ✓", chip_width)
    # the history's chip for "paid ✓ 13:12" is the same kind, hence the same colours
    assert chip_kind_for_status(history_short := f"paid ✓ {paid_at.astimezone():%H:%M}") == "paid"
    assert "email" in label.toolTip() and "products" in label.toolTip()
    assert history[-1] == (session_id, history_short)
    # settled: no more requests for it, however long the agent waits
    before = len(emulator.requests_to("/api/payment"))
    for _ in range(3):
        clock.now += STEP
        qtbot.wait(40)
    assert len(emulator.requests_to("/api/payment")) == before


def test_amount_and_time_only_says_probably(
    qtbot: QtBot,
    desk: tuple[MainWindow, PaymentsFeature],
    emulator: InflowEmulator,
    clock: Clock,
) -> None:
    window, feature = desk
    session_id = create_link(qtbot, window)
    watcher = feature.watchers[window.account.name]
    qtbot.waitUntil(lambda: watcher.session_reads is False)
    payment = emulator.pay_session(session_id)
    payment["products"] = []  # a server that lists no products: only amount and time agree
    advance(qtbot, feature, clock, window)
    text = status_label(window).text()
    assert text.startswith("A payment of €109.88 arrived at ")
    assert "probably this link" in text


def test_failed_payment_then_retry(
    qtbot: QtBot,
    desk: tuple[MainWindow, PaymentsFeature],
    emulator: InflowEmulator,
    clock: Clock,
) -> None:
    window, feature = desk
    session_id = create_link(qtbot, window)
    watcher = feature.watchers[window.account.name]
    qtbot.waitUntil(lambda: watcher.session_reads is False)
    emulator.pay_session(session_id, "failed")
    advance(qtbot, feature, clock, window)
    assert status_label(window).text().startswith("Payment failed at ")
    emulator.pay_session(session_id)
    advance(qtbot, feature, clock, window)
    assert status_label(window).text().startswith("Paid ✓")


def test_exact_session_status_is_used_when_the_server_has_it(
    qtbot: QtBot,
    desk: tuple[MainWindow, PaymentsFeature],
    emulator: InflowEmulator,
    clock: Clock,
) -> None:
    emulator.session_reads = True
    window, feature = desk
    session_id = create_link(qtbot, window)
    watcher = feature.watchers[window.account.name]
    qtbot.waitUntil(lambda: watcher.session_reads is True)
    emulator.pay_session(session_id)
    advance(qtbot, feature, clock, window)
    assert status_label(window).text().startswith("Paid ✓")
    assert emulator.requests_to("/api/payment") == []  # the exact read, no matching


def test_rate_limit_is_honoured_and_check_now_waits_for_it(
    qtbot: QtBot,
    desk: tuple[MainWindow, PaymentsFeature],
    emulator: InflowEmulator,
    clock: Clock,
) -> None:
    window, feature = desk
    create_link(qtbot, window)
    watcher = feature.watchers[window.account.name]
    qtbot.waitUntil(lambda: watcher.session_reads is False)
    emulator.inject(Fault("rate_limit", retry_after=60, path_prefix="/api/payment"), times=2)
    clock.now += STEP
    with qtbot.waitSignal(watcher.pollFailed, timeout=3000):
        pass
    sent = len(emulator.requests_to("/api/payment"))
    for _ in range(5):  # 50 s of fake time, "Check now" pressed each time
        clock.now += timedelta(seconds=10)
        press(qtbot, Qt.Key.Key_M, CTRL | SHIFT)
        qtbot.wait(30)
    assert len(emulator.requests_to("/api/payment")) == sent
    clock.now += timedelta(seconds=15)  # past Retry-After: 60 s
    qtbot.waitUntil(lambda: len(emulator.requests_to("/api/payment")) > sent, timeout=3000)


def test_notification_when_the_window_is_in_the_background(
    qtbot: QtBot,
    desk: tuple[MainWindow, PaymentsFeature],
    emulator: InflowEmulator,
    clock: Clock,
) -> None:
    window, feature = desk
    session_id = create_link(qtbot, window, "ana@example.org")
    watcher = feature.watchers[window.account.name]
    qtbot.waitUntil(lambda: watcher.session_reads is False)
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    emulator.pay_session(session_id)
    clock.now += STEP
    with qtbot.waitSignal(feature.notified, timeout=3000) as alerted:
        pass
    assert str(alerted.args[0]).startswith("Paid ✓")


def test_no_notification_while_the_agent_is_looking(
    qtbot: QtBot,
    desk: tuple[MainWindow, PaymentsFeature],
    emulator: InflowEmulator,
    clock: Clock,
) -> None:
    window, feature = desk
    session_id = create_link(qtbot, window, "ana@example.org")
    watcher = feature.watchers[window.account.name]
    qtbot.waitUntil(lambda: watcher.session_reads is False)
    alerts: list[str] = []
    feature.notified.connect(alerts.append)
    emulator.pay_session(session_id)
    advance(qtbot, feature, clock, window)
    assert status_label(window).text().startswith("Paid ✓")
    assert window.isActiveWindow() and focused() is not None
    assert alerts == []


def test_check_now_skips_the_error_back_off(
    qtbot: QtBot,
    desk: tuple[MainWindow, PaymentsFeature],
    emulator: InflowEmulator,
    clock: Clock,
) -> None:
    window, feature = desk
    create_link(qtbot, window)
    watcher = feature.watchers[window.account.name]
    qtbot.waitUntil(lambda: watcher.session_reads is False)
    emulator.inject(Fault("status", status=503, path_prefix="/api/payment"))
    clock.now += STEP
    with qtbot.waitSignal(watcher.pollFailed, timeout=3000):
        pass
    sent = len(emulator.requests_to("/api/payment"))
    clock.now += STEP  # the back-off asks for 10 s; the agent presses Ctrl+Shift+M after 5
    qtbot.wait(50)
    assert len(emulator.requests_to("/api/payment")) == sent
    with qtbot.waitSignal(watcher.polled, timeout=3000):
        press(qtbot, Qt.Key.Key_M, CTRL | SHIFT)
    assert len(emulator.requests_to("/api/payment")) > sent


def test_open_links_of_an_earlier_run_are_watched_again(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    emulator: InflowEmulator,
    client: InflowClient,
    clock: Clock,
    tmp_path: Path,
) -> None:
    """Links created before a restart (in the history, still open) are watched in the
    background; the one paid meanwhile shows paid in the history, a settled one is left alone."""
    emulator.clock = lambda: clock.now.timestamp()
    window = make_window()
    account = window.account
    store = HistoryStore(tmp_path / "history.sqlite3")
    sessions = []
    for email in ("ana@example.org", "bo@example.org", "cy@example.org"):
        body = {
            "currency": "EUR",
            "products": [{"name": "Starter kit", "price": 4999, "quantity": 2}],
            "customerEmail": email,
            "expiresIn": 24,
        }
        created = client.create_one_time_session(
            build_one_time_request(
                Cart(Currency.EUR, (LineItem("Starter kit", 4999, 2),)),
                CheckoutOptions(email, None, None, 24),
            )
        )
        sessions.append(created.session_id)
        store.add(
            NewHistoryRecord(
                created_at=clock.now - timedelta(hours=1),
                profile=account.name,
                environment=account.environment,
                base_url=account.base_url,
                kind=SessionKind.ONE_TIME,
                session_id=created.session_id,
                checkout_url=created.checkout_url,
                expires_at=clock.now + timedelta(hours=23),
                expires_at_is_default=False,
                currency="EUR",
                total_cents=9998,
                line_items=(HistoryLineItem("Starter kit", 4999, 2),),
                customer_email=email,
                agent="test",
                request_json=json.dumps(body),
            )
        )
    settled = PaymentStatusRecord(sessions[2], "paid", "paid ✓ 12:00", clock.now)
    store.save_payment_status(settled)
    emulator.pay_session(sessions[0])
    shown: dict[str, str] = {}
    feature = PaymentsFeature(window, clock=clock, tick_ms=10, parent=window)
    keep_in_history(feature, store, lambda sid, text: shown.__setitem__(sid, text), clock=clock)
    qtbot.waitUntil(lambda: account.name in feature.watchers)
    watcher = feature.watchers[account.name]
    qtbot.waitUntil(lambda: watcher.status(sessions[1]) is not None)
    assert watcher.status(sessions[2]) is None  # paid before the restart: not watched
    qtbot.waitUntil(lambda: watcher.session_reads is False)
    clock.now += timedelta(seconds=45)  # nobody waits on them: the slow interval
    qtbot.waitUntil(lambda: shown.get(sessions[0], "").startswith("paid ✓"), timeout=3000)
    assert sessions[1] not in shown or not shown[sessions[1]].startswith("paid")
    assert shown[sessions[2]] == "paid ✓ 12:00"
    store.close()


def test_a_link_no_longer_shown_still_alerts_when_paid_in_the_background(
    qtbot: QtBot,
    desk: tuple[MainWindow, PaymentsFeature],
    emulator: InflowEmulator,
    clock: Clock,
) -> None:
    window, feature = desk
    session_id = create_link(qtbot, window, "ana@example.org")
    watcher = feature.watchers[window.account.name]
    qtbot.waitUntil(lambda: watcher.session_reads is False)
    press(qtbot, Qt.Key.Key_N, CTRL | SHIFT)  # "New link": the panel shows nothing now
    assert status_label(window).text() == ""
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    clock.now += STEP  # the first payment list, right after the probe
    with qtbot.waitSignal(watcher.polled, timeout=3000):
        pass
    emulator.pay_session(session_id)
    sent = len(emulator.requests_to("/api/payment"))
    clock.now += STEP
    qtbot.wait(50)
    assert len(emulator.requests_to("/api/payment")) == sent  # not 5 s: nobody waits on it
    clock.now += timedelta(seconds=40)  # the slow interval (45 s) has passed
    with qtbot.waitSignal(feature.notified, timeout=3000) as alerted:
        pass
    assert f"(link {session_id})" in str(alerted.args[0])
