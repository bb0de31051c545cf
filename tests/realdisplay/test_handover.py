"""Issue 16 on a real display: a catalog product picked by type-ahead and its link created in
at most 3 non-character keys; Copy message (Ctrl+M) puts the rendered message on the clipboard."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from inflow_desk.domain.money import Currency
from inflow_desk.emulator import InflowEmulator
from inflow_desk.storage.catalog import CatalogProduct, CatalogStore
from tests.realdisplay.conftest import (
    CTRL_ENTER,
    ENTER,
    ONE_TIME_PATH,
    TIMEOUT,
    AppProcess,
    Key,
    Launcher,
    checkout_urls,
    wait_for_creates,
)

pytestmark = pytest.mark.realdisplay

#: Where the app keeps its catalog: next to the history, in its XDG data folder.
CATALOG = Path("data", "Inflow", "Inflow Desk", "desk.sqlite3")


def seed_catalog(home: Path) -> None:
    store = CatalogStore(home / CATALOG)
    store.add_product("default", CatalogProduct("Starter kit", {Currency.EUR: 4999}, 2))
    store.add_product("default", CatalogProduct("Cable", {Currency.EUR: 500}))


def start_with_catalog(launch: Launcher) -> AppProcess:
    app = launch(seed=seed_catalog)
    # The catalog arrives a few event-loop turns after the first frame (with the history).
    deadline = time.monotonic() + TIMEOUT
    while not (app.home / "data" / "Inflow" / "Inflow Desk" / "history.sqlite3").exists():
        assert time.monotonic() < deadline, "the app never opened its data folder"
        time.sleep(0.05)
    time.sleep(0.3)
    return app


def test_a_catalog_product_by_type_ahead_in_two_non_character_keys(
    launch: Launcher, emulator: InflowEmulator
) -> None:
    app = start_with_catalog(launch)
    app.send("sta", ENTER, CTRL_ENTER)  # Enter takes "Starter kit" with price and quantity

    [body] = wait_for_creates(emulator, ONE_TIME_PATH)
    assert body["products"] == [{"name": "Starter kit", "price": 4999, "quantity": 2}]
    [url] = checkout_urls(emulator)
    app.wait_for_clipboard(lambda text: text == url, f"the link {url}")


def test_copy_message_puts_the_rendered_message_on_the_clipboard(
    launch: Launcher, emulator: InflowEmulator
) -> None:
    app = start_with_catalog(launch)
    app.send("cab", ENTER, CTRL_ENTER)
    wait_for_creates(emulator, ONE_TIME_PATH)
    [url] = checkout_urls(emulator)
    app.wait_for_clipboard(lambda text: text == url, f"the link {url}")
    app.send(Key("ctrl+m"))
    message = app.wait_for_clipboard(lambda text: text.startswith("Hello,"), "the message")
    assert f"\n{url}\n" in message
    assert "1 × Cable" in message
    assert "{" not in message  # every placeholder rendered
