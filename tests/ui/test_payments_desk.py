"""The whole loop as app.py composes it (demo mode): create, the customer pays (the demo's
Simulate action), Paid ✓ in the result panel and in the history row — kept over a restart."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from inflow_desk.app import DemoEmulator, Desk
from inflow_desk.ui.history.model import HistoryColumn
from tests.test_app import demo_desk
from tests.ui.conftest import find, press, type_text
from tests.ui.test_create_flow import fill_two_items

CTRL = Qt.KeyboardModifier.ControlModifier


def history_status(desk: Desk) -> str:
    assert desk.history_view is not None
    model = desk.history_view.model
    return str(model.data(model.index(0, HistoryColumn.STATUS)))


def test_demo_customer_pays_and_the_history_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    desk = demo_desk(tmp_path)
    window = desk.window
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    try:
        demo = desk.controller.emulator
        assert isinstance(demo, DemoEmulator) and demo.serving.wait(10)
        fill_two_items(qtbot, window)
        find(window, QLineEdit, "customerEmailEdit").setFocus()
        type_text(qtbot, "ana@example.org")
        with qtbot.waitSignal(window.sessionCreated, timeout=5000) as created:
            press(qtbot, Qt.Key.Key_Return, CTRL)
        session_id = created.args[0].session_id
        assert created.args[0].checkout_url == f"{demo.base_url}/pay/{session_id}"  # trusted
        assert desk.payments is not None
        label = find(window, QLabel, "paymentStatusLabel")
        assert label.text() == ""  # the chip says "Waiting"
        assert label.toolTip().startswith("Waiting for payment…")
        qtbot.waitUntil(lambda: history_status(desk).startswith("open — "))
        plan = desk.payments.watchers[window.account.name].plan
        plan.fast = plan.min_gap = timedelta(milliseconds=100)  # real clock: no 5 s waits here

        [simulate] = [a for a in window.menu("&Demo").actions() if "customer pays" in a.text()]
        simulate.trigger()
        qtbot.waitUntil(lambda: label.text().startswith("Paid ✓"), timeout=5000)
        qtbot.waitUntil(lambda: history_status(desk).startswith("paid ✓"), timeout=5000)
        # a paid link needs no "expires in 5 minutes" alert (issue 16 meets issue 15 here)
        assert desk.handover is not None and desk.handover.session_id == session_id
        desk.handover.refresh_alert()
        assert desk.handover.is_paid
        assert desk.history is not None
        qtbot.waitUntil(
            lambda: session_id in desk.history.payment_statuses() if desk.history else False
        )
        kept = desk.history.payment_statuses()[session_id]
        assert kept.state == "paid" and kept.payment_id is not None
        assert "email" in kept.basis and "products" in kept.basis
    finally:
        window.close()
        desk.close()

    again = demo_desk(tmp_path)  # a restart: the same history file
    try:
        qtbot.addWidget(again.window)
        qtbot.waitUntil(lambda: history_status(again).startswith("paid ✓"), timeout=5000)
    finally:
        again.window.close()
        again.close()
