"""“The last cart for this e-mail” (issue 16 item 2): typing a past customer's e-mail offers
their newest one-time cart of this profile; Ctrl+Shift+O puts it in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inflow_desk.storage.catalog import CatalogStore
from inflow_desk.storage.history import HistoryStore
from inflow_desk.ui.handover.carts import SavedCarts
from inflow_desk.ui.handover.last_cart import LastCartOffer, last_cart_for
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import FROZEN_NOW, Clock, press
from tests.ui.history_helpers import one_time_record, open_store


@pytest.fixture
def history(tmp_path: Path, qtbot: QtBot, clock: Clock) -> Iterator[HistoryStore]:
    yield from open_store(tmp_path, qtbot, clock)


@pytest.fixture
def filled(history: HistoryStore) -> HistoryStore:
    history.add(one_time_record(1, email="ana@example.com", name="Old kit", created_at=FROZEN_NOW))
    history.add(
        one_time_record(
            2,
            email="Ana@Example.com",
            name="Starter kit",
            quantity=2,
            created_at=FROZEN_NOW + timedelta(minutes=5),
        )
    )
    history.add(one_time_record(3, email="ana@example.com.evil", name="Other"))
    return history


def test_the_newest_cart_of_exactly_that_email(filled: HistoryStore) -> None:
    found = last_cart_for(filled, "ana@example.com", "test")
    assert found is not None
    cart, _record = found
    assert [(i.name, i.quantity) for i in cart.items] == [("Starter kit", 2)]
    assert last_cart_for(filled, "ana@example.com", "other profile") is None
    assert last_cart_for(filled, "bob@example.com", "test") is None


def test_typing_the_email_offers_it_and_the_key_puts_it_in(
    qtbot: QtBot, window: MainWindow, filled: HistoryStore, tmp_path: Path
) -> None:
    carts = SavedCarts(window, CatalogStore(tmp_path / "desk.sqlite3"), lambda: "test")
    offer = LastCartOffer(window, lambda: filled, lambda: "test", carts, window)
    window.options_form.email_edit.setFocus()
    qtbot.keyClicks(window.options_form.email_edit, "ana@example.com")
    qtbot.waitUntil(lambda: offer.offered is not None)
    assert "2 × Starter kit" in window.status_label.text()
    assert "Ctrl+Shift+O" in window.status_label.text()
    press(
        qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    lines = window.one_time_form.model.lines()
    assert [(li.name, li.price_cents, li.quantity) for li in lines] == [("Starter kit", 4999, 2)]
    assert offer.offered is None and window.status_label.text() == ""

    qtbot.keyClicks(window.options_form.email_edit, "x")  # no longer a past customer
    qtbot.wait(400)
    assert offer.offered is None


def test_not_offered_for_a_cart_already_typed(
    qtbot: QtBot, window: MainWindow, filled: HistoryStore, tmp_path: Path
) -> None:
    carts = SavedCarts(window, CatalogStore(tmp_path / "desk.sqlite3"), lambda: "test")
    offer = LastCartOffer(window, lambda: filled, lambda: "test", carts, window)
    model = window.one_time_form.model
    model.setData(model.index(0, 0), "Mug")
    qtbot.keyClicks(window.options_form.email_edit, "ana@example.com")
    qtbot.wait(500)
    assert offer.offered is None
    assert "Last cart" not in window.status_label.text()
