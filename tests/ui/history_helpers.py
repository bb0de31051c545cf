"""Shared pieces of the history GUI tests: the store fixture body and record factories."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from inflow_desk.storage.history import (
    HistoryLineItem,
    HistoryStore,
    NewHistoryRecord,
    SessionKind,
)
from inflow_desk.ui.history.view import HistoryView
from tests.ui.conftest import FROZEN_NOW, Clock


def open_store(tmp_path: Path, qtbot: QtBot, clock: Clock) -> Iterator[HistoryStore]:
    """Body of the ``store`` fixtures: a history database in ``tmp_path``."""
    history = HistoryStore(tmp_path / "history.sqlite3", clock=clock)
    yield history
    # Background queries must finish (and deliver) before the store closes.
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(1)
    history.close()


def one_time_record(
    n: int,
    *,
    email: str | None = None,
    name: str = "Starter kit",
    price: int = 4999,
    quantity: int = 1,
    currency: str = "EUR",
    created_at: datetime = FROZEN_NOW,
    lifetime: timedelta = timedelta(hours=1),
    session_id: str | None = None,
) -> NewHistoryRecord:
    """A one-time session as the recorder would store it."""
    body: dict[str, object] = {
        "currency": currency,
        "products": [{"name": name, "price": price, "quantity": quantity}],
    }
    if email:
        body["customerEmail"] = email
    sid = session_id or f"sess_{n:07d}"
    return NewHistoryRecord(
        created_at=created_at,
        profile="test",
        environment="DEMO",
        base_url="http://127.0.0.1:1",
        kind=SessionKind.ONE_TIME,
        session_id=sid,
        checkout_url=f"https://checkout.inflowpay.com/pay/{sid}",
        expires_at=created_at + lifetime,
        expires_at_is_default=lifetime == timedelta(hours=1),
        currency=currency,
        total_cents=price * quantity,
        line_items=(HistoryLineItem(name, price, quantity),),
        customer_email=email,
        agent="tester",
        request_json=json.dumps(body),
    )


def subscription_record(n: int, *, created_at: datetime = FROZEN_NOW) -> NewHistoryRecord:
    sid = f"sess_sub_{n:04d}"
    return NewHistoryRecord(
        created_at=created_at,
        profile="test",
        environment="DEMO",
        base_url="http://127.0.0.1:1",
        kind=SessionKind.SUBSCRIPTION,
        session_id=sid,
        checkout_url=f"https://checkout.inflowpay.com/pay/{sid}",
        expires_at=created_at + timedelta(hours=1),
        expires_at_is_default=True,
        currency=None,
        total_cents=None,
        offer_id="offer_gold",
        offer_name="Gold plan",
        customer_email="sub@example.org",
        agent="tester",
        request_json=json.dumps({"customerEmail": "sub@example.org"}),
    )


def wait_refreshed(qtbot: QtBot, view: HistoryView) -> None:
    """Wait until the model has no refresh in flight and row 0 (if any) is loaded."""
    qtbot.waitUntil(lambda: not view.model.is_refreshing, timeout=10_000)
    if view.model.rowCount():
        qtbot.waitUntil(lambda: view.model.record_at(0) is not None, timeout=10_000)


def column_texts(view: HistoryView, column: int) -> list[str]:
    model = view.model
    return [str(model.data(model.index(row, column))) for row in range(model.rowCount())]
