"""The catalog: CRUD per profile, CSV round trip, bad files refused whole; saved carts;
templates per profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from inflow_desk.domain.handover import DEFAULT_SMS_TEMPLATE, MessageTemplates
from inflow_desk.domain.models import LineItem
from inflow_desk.domain.money import Currency
from inflow_desk.storage.catalog import (
    CatalogImportError,
    CatalogProduct,
    CatalogStore,
    InvalidProductError,
    SavedCart,
)

EUR, USD = Currency.EUR, Currency.USD


@pytest.fixture
def store(tmp_path: Path) -> CatalogStore:
    return CatalogStore(tmp_path / "desk.sqlite3")


def test_crud_per_profile(store: CatalogStore) -> None:
    kit = store.add_product("acme", CatalogProduct(" Starter kit ", {EUR: 4999}, 2, "SK-1"))
    assert kit.id is not None and kit.name == "Starter kit"
    store.add_product("acme", CatalogProduct("Cable", {EUR: 500, USD: 600}))
    store.add_product("other", CatalogProduct("Cable", {USD: 700}))
    assert [p.name for p in store.products("acme")] == ["Cable", "Starter kit"]
    assert store.products("other")[0].prices == {USD: 700}

    store.update_product("acme", CatalogProduct("Starter kit XL", {EUR: 5999}, 1, None, kit.id))
    assert [
        (p.name, p.prices, p.default_quantity, p.reference) for p in store.search("acme", "xl")
    ] == [("Starter kit XL", {EUR: 5999}, 1, None)]
    assert [p.name for p in store.search("acme", "")] == ["Cable", "Starter kit XL"]
    store.delete_product("acme", kit.id)
    assert [p.name for p in store.products("acme")] == ["Cable"]
    assert [p.name for p in store.products("other")] == ["Cable"]  # untouched


def test_refuses_bad_products_and_duplicate_names(store: CatalogStore) -> None:
    with pytest.raises(InvalidProductError, match="price"):
        store.add_product("acme", CatalogProduct("No price", {}))
    with pytest.raises(InvalidProductError, match="Quantity"):
        store.add_product("acme", CatalogProduct("Zero", {EUR: 100}, 0))
    with pytest.raises(InvalidProductError, match="Name"):
        store.add_product("acme", CatalogProduct("  ", {EUR: 100}))
    store.add_product("acme", CatalogProduct("Cable", {EUR: 500}))
    with pytest.raises(InvalidProductError, match="already"):
        store.add_product("acme", CatalogProduct("CABLE", {EUR: 500}))
    assert len(store.products("acme")) == 1


CSV_TEXT = (
    "name,price_eur,price_usd,quantity,reference\r\n"
    "Starter kit,49.99,54.00,2,SK-1\r\n"
    '"Cable, 2 m",5.00,,,\r\n'
    'Zoë "pro" café,1299.5,,1,Ü-9\r\n'
)


def test_csv_round_trip(store: CatalogStore, tmp_path: Path) -> None:
    assert store.import_csv("acme", "\ufeff" + CSV_TEXT) == 3
    products = {p.name: p for p in store.products("acme")}
    assert products["Starter kit"].prices == {EUR: 4999, USD: 5400}
    assert products["Starter kit"].default_quantity == 2
    assert products["Cable, 2 m"].default_quantity == 1
    assert products['Zoë "pro" café'].prices == {EUR: 129950}
    exported = store.export_csv("acme")
    other = CatalogStore(tmp_path / "other.sqlite3")
    other.import_csv("acme", exported)
    assert [
        (p.name, p.prices, p.default_quantity, p.reference) for p in other.products("acme")
    ] == [(p.name, p.prices, p.default_quantity, p.reference) for p in store.products("acme")]
    assert exported.splitlines()[0] == "name,price_eur,price_usd,quantity,reference"
    assert "1299.50" in exported


def test_reimport_updates_by_name(store: CatalogStore) -> None:
    store.import_csv("acme", CSV_TEXT)
    store.import_csv("acme", "name,price_eur,price_usd\nstarter KIT,39.00,\n")
    products = {p.name: p for p in store.products("acme")}
    assert products["starter KIT"].prices == {EUR: 3900}
    assert len(products) == 3


def test_bad_rows_reported_by_line_and_nothing_imported(store: CatalogStore) -> None:
    store.add_product("acme", CatalogProduct("Existing", {EUR: 100}))
    text = (
        "name,price_eur,price_usd,quantity,reference\n"
        "Good,1.00,,,\n"  # line 2
        "Comma,1,50,,,\n"  # line 3: one column too many
        '"Two\nlines",2.00,,,\n'  # lines 4-5: a line break in a name (one record)
        "Bad amount,12.345,,,\n"  # line 6
        "No price,,,,\n"  # line 7
        "\n"  # line 8: blank, skipped
        "Good,3.00,,,\n"  # line 9: duplicate of line 2
        "Qty,1.00,,two,\n"  # line 10
    )
    with pytest.raises(CatalogImportError) as caught:
        store.import_csv("acme", text)
    lines = [(p.line, p.message) for p in caught.value.problems]
    assert [line for line, _ in lines] == [3, 4, 6, 7, 9, 10]
    assert "12.345" in lines[2][1]
    assert "line 2" in lines[4][1]
    assert [p.name for p in store.products("acme")] == ["Existing"]


@pytest.mark.parametrize(
    "text", ["", "name;price\nA;1\n", "title,price_eur,price_usd\nA,1,\n", "name,price_eur\nA,1\n"]
)
def test_bad_header_or_empty_file(store: CatalogStore, text: str) -> None:
    with pytest.raises(CatalogImportError) as caught:
        store.import_csv("acme", text)
    assert caught.value.problems[0].line == 1
    assert store.products("acme") == []


def test_saved_carts(store: CatalogStore) -> None:
    items = (LineItem("Starter kit", 4999, 1), LineItem("Cable", 500, 2))
    store.save_cart("acme", SavedCart("Starter bundle", EUR, items))
    store.save_cart("acme", SavedCart("starter BUNDLE", USD, items[:1]))  # replaces it
    carts = store.carts("acme")
    assert [(c.name, c.currency, c.items) for c in carts] == [("starter BUNDLE", USD, items[:1])]
    assert store.carts("other") == []
    with pytest.raises(InvalidProductError):
        store.save_cart("acme", SavedCart("Empty", EUR, ()))
    store.delete_cart("acme", "Starter Bundle")
    assert store.carts("acme") == []


def test_templates_per_profile(store: CatalogStore) -> None:
    assert store.templates("acme") == MessageTemplates()
    mine = MessageTemplates(message="Pay here: {link}", sms="{amount} {link}", subject="Hi")
    store.save_templates("acme", mine)
    assert store.templates("acme") == mine
    assert store.templates("other").sms == DEFAULT_SMS_TEMPLATE
    with pytest.raises(ValueError, match="sms"):
        store.save_templates("acme", MessageTemplates(sms="{nope}"))
    assert store.templates("acme") == mine
