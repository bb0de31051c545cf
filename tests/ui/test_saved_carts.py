"""Saved carts (issue 16 item 2): Ctrl+Shift+B saves the cart under a name, Ctrl+B + type-ahead
+ Enter puts it back; an empty cart takes it whole, a cart in another currency is not mixed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inflow_desk.domain.money import Currency
from inflow_desk.emulator import InflowEmulator
from inflow_desk.storage.catalog import CatalogStore
from inflow_desk.ui.handover.carts import SavedCarts, install_saved_carts
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import press

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def store(tmp_path: Path) -> CatalogStore:
    return CatalogStore(tmp_path / "desk.sqlite3")


@pytest.fixture
def carts(window: MainWindow, store: CatalogStore) -> SavedCarts:
    return install_saved_carts(window, store, lambda: "test", window)


def fill(window: MainWindow, rows: list[tuple[str, str, int]]) -> None:
    model = window.one_time_form.model
    for row, (name, price, quantity) in enumerate(rows):
        if row >= model.rowCount():
            model.add_line()
        model.setData(model.index(row, 0), name)
        model.setData(model.index(row, 1), price)
        model.setData(model.index(row, 2), quantity)


def lines(window: MainWindow) -> list[tuple[str, int | None, int]]:
    return [(li.name, li.price_cents, li.quantity) for li in window.one_time_form.model.lines()]


def save_by_keys(qtbot: QtBot, carts: SavedCarts, name: str) -> None:
    press(qtbot, Qt.Key.Key_B, CTRL_SHIFT)
    namer = carts.namer
    assert namer is not None
    qtbot.waitUntil(namer.isVisible)
    qtbot.keyClicks(namer.name_edit, name)
    qtbot.keyClick(namer.name_edit, Qt.Key.Key_Return)


def insert_by_keys(qtbot: QtBot, carts: SavedCarts, typed: str) -> list[str]:
    press(qtbot, Qt.Key.Key_B, CTRL)
    picker = carts.picker
    assert picker is not None
    qtbot.waitUntil(picker.isVisible)
    qtbot.keyClicks(picker.filter_edit, typed)
    shown = picker.visible_names()
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Return)
    return shown


def test_save_then_insert_with_type_ahead(
    qtbot: QtBot,
    window: MainWindow,
    carts: SavedCarts,
    store: CatalogStore,
    emulator: InflowEmulator,
) -> None:
    fill(window, [("Starter kit", "49.99", 1), ("Cable", "5", 2)])
    save_by_keys(qtbot, carts, "Starter bundle")
    [saved] = store.carts("test")
    assert saved.name == "Starter bundle" and len(saved.items) == 2
    fill(window, [("Mug", "9", 1)])
    window.one_time_form.model.remove_line(1)
    save_by_keys(qtbot, carts, "Mug only")

    window.new_link()
    assert insert_by_keys(qtbot, carts, "bund") == ["Starter bundle"]
    assert lines(window) == [("Starter kit", 4999, 1), ("Cable", 500, 2)]
    with qtbot.waitSignal(window.sessionCreated, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)

    insert_by_keys(qtbot, carts, "mug")  # a cart with products: the lines are added
    assert lines(window) == [("Starter kit", 4999, 1), ("Cable", 500, 2), ("Mug", 900, 1)]


def test_another_currency_is_not_mixed_in(
    qtbot: QtBot, window: MainWindow, carts: SavedCarts, store: CatalogStore
) -> None:
    fill(window, [("Starter kit", "49.99", 1)])
    window.one_time_form.set_currency(Currency.USD)
    save_by_keys(qtbot, carts, "US kit")
    window.new_link()
    window.one_time_form.set_currency(Currency.EUR)
    fill(window, [("Cable", "5", 1)])
    insert_by_keys(qtbot, carts, "")
    assert lines(window) == [("Cable", 500, 1)]
    assert "saved in USD" in window.error_label.text()


def test_an_empty_cart_is_not_saved(
    qtbot: QtBot, window: MainWindow, carts: SavedCarts, store: CatalogStore
) -> None:
    save_by_keys(qtbot, carts, "Nothing")
    assert store.carts("test") == []
    assert "The cart is empty" in window.error_label.text()


def test_insert_into_an_empty_cart_takes_its_currency(
    qtbot: QtBot, make_window: Callable[..., MainWindow], store: CatalogStore
) -> None:
    from inflow_desk.domain.models import LineItem
    from inflow_desk.storage.catalog import SavedCart

    window = make_window()
    carts = install_saved_carts(window, store, lambda: "test", window)
    store.save_cart("test", SavedCart("US", Currency.USD, (LineItem("Kit", 5400, 1),)))
    insert_by_keys(qtbot, carts, "us")
    assert window.one_time_form.currency() is Currency.USD
    assert lines(window) == [("Kit", 5400, 1)]
