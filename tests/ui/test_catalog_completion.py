"""The catalog in the cart (issue 16 item 1): typing a product name completes from the catalog
first, then recent products; one key takes the product with its price (in the cart's currency)
and its default quantity; Ctrl+Enter creates the link — two non-character keys in all."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLineEdit
from pytestqt.qtbot import QtBot

from inflow_desk.domain.money import Currency
from inflow_desk.emulator import InflowEmulator
from inflow_desk.storage.catalog import CatalogProduct, CatalogStore
from inflow_desk.ui.handover.catalog import CatalogFeed
from inflow_desk.ui.kit.settings import RecentProduct
from inflow_desk.ui.main_window import MainWindow
from tests.ui.conftest import focused, press, type_text

EUR, USD = Currency.EUR, Currency.USD


@pytest.fixture
def catalog(tmp_path: Path) -> CatalogStore:
    store = CatalogStore(tmp_path / "desk.sqlite3")
    store.add_product("test", CatalogProduct("Starter kit", {EUR: 4999, USD: 5400}, 2))
    store.add_product("test", CatalogProduct("Stand (EU only)", {EUR: 1500}))
    store.add_product("other", CatalogProduct("Starter kit", {EUR: 1}))
    return store


def feed_catalog(qtbot: QtBot, window: MainWindow, store: CatalogStore) -> CatalogFeed:
    feed = CatalogFeed(store, window.recent_products, lambda: "test", window)
    feed.reload()
    qtbot.waitUntil(lambda: window.recent_products.rowCount() >= 2)
    return feed


def type_and_take_first(qtbot: QtBot, window: MainWindow, text: str) -> QCompleter:
    table = window.one_time_form.table
    table.setFocus()
    table.setCurrentIndex(window.one_time_form.model.index(0, 0))
    type_text(qtbot, text)
    editor = focused()
    assert isinstance(editor, QLineEdit)
    completer = editor.completer()
    assert isinstance(completer, QCompleter)
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    # Offscreen Qt cannot grab the keyboard: the key goes to the popup, as on a desktop.
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    return completer


def test_a_catalog_product_in_two_non_character_keys(
    qtbot: QtBot, window: MainWindow, catalog: CatalogStore, emulator: InflowEmulator
) -> None:
    window.recent_products.set_products([RecentProduct("Starter cable", 300, EUR)])
    feed_catalog(qtbot, window, catalog)
    completer = type_and_take_first(qtbot, window, "start")  # Enter: 1
    model = completer.completionModel()
    popup_rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert popup_rows == [  # the catalog first, then recent products
        "Starter kit — €49.99 / $54.00 × 2  ·  catalog",
        "Starter cable — €3.00",
    ]
    assert focused().text() == "Starter kit"  # type: ignore[attr-defined]
    line = window.one_time_form.model.lines()[0]
    assert (line.price_cents, line.quantity) == (4999, 2)
    with qtbot.waitSignal(window.sessionCreated, timeout=5000) as blocker:
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter: 2
    [item] = blocker.args[0].details.line_items
    assert (item.name, item.unit_price_cents, item.quantity) == ("Starter kit", 4999, 2)
    [request] = [r for r in emulator.requests if r.method == "POST"]
    assert isinstance(request.json, dict)
    assert request.json["products"] == [{"name": "Starter kit", "price": 4999, "quantity": 2}]


def test_the_price_follows_the_carts_currency(
    qtbot: QtBot, window: MainWindow, catalog: CatalogStore
) -> None:
    feed_catalog(qtbot, window, catalog)
    window.one_time_form.model.set_currency(USD)
    type_and_take_first(qtbot, window, "starter")
    press(qtbot, Qt.Key.Key_Tab)
    line = window.one_time_form.model.lines()[0]
    assert (line.name, line.price_cents, line.quantity) == ("Starter kit", 5400, 2)


def test_no_price_in_the_carts_currency_leaves_the_price_to_type(
    qtbot: QtBot, window: MainWindow, catalog: CatalogStore
) -> None:
    feed_catalog(qtbot, window, catalog)
    window.one_time_form.model.set_currency(USD)
    type_and_take_first(qtbot, window, "stand")
    press(qtbot, Qt.Key.Key_Tab)
    line = window.one_time_form.model.lines()[0]
    assert line.name == "Stand (EU only)"
    assert line.price_cents is None
