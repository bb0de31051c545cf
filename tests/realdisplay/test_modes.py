"""README "Using it": one-time payment / subscription (Ctrl+1 / Ctrl+2), picking an offer by
typing, reloading the offers (F5) — from a freshly started app, typed at once."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from inflow_desk.emulator import InflowEmulator
from tests.realdisplay.conftest import (
    CTRL_ENTER,
    ENTER,
    ONE_TIME_PATH,
    SPEEDS,
    SUBSCRIPTION_PATH,
    TAB,
    TIMEOUT,
    Key,
    Launcher,
    wait_for_creates,
    wait_for_links,
)

OFFER_LIST_PATH = "/subscription/offer"

pytestmark = pytest.mark.realdisplay


def offer_named(emulator: InflowEmulator, name: str) -> str:
    [offer_id] = [str(o["id"]) for o in emulator.offers if o["name"] == name]
    return offer_id


@SPEEDS
def test_ctrl_2_then_typing_picks_the_yearly_offer(
    launch: Launcher, emulator: InflowEmulator, delay: int
) -> None:
    """The seeded offers (emulator/seed.py) list "Pro yearly" first among those matching
    "year"; typing filters, the first match is highlighted, Enter picks it."""
    app = launch(delay=delay)
    app.send(Key("ctrl+2"), "year", ENTER, CTRL_ENTER)

    [body] = wait_for_creates(emulator, SUBSCRIPTION_PATH)
    [request] = emulator.requests_to(SUBSCRIPTION_PATH, "POST")
    assert request.path == SUBSCRIPTION_PATH + offer_named(emulator, "Pro yearly")
    assert "products" not in body
    assert emulator.requests_to(ONE_TIME_PATH) == []
    [url] = wait_for_links(emulator)
    app.wait_for_clipboard(lambda text: text == url, f"the subscription link {url}")


@SPEEDS
def test_a_pasted_subscribe_link_picks_its_offer(
    launch: Launcher,
    emulator: InflowEmulator,
    delay: int,
    put_in_clipboard: Callable[[str], None],
) -> None:
    """Row "Subscription": … or paste a `…/subscribe/offer_…` link (Alt+P: the paste field)."""
    offer_id = offer_named(emulator, "Pro monthly")
    put_in_clipboard(f"https://checkout.inflowpay.com/subscribe/{offer_id}")
    app = launch(delay=delay)
    app.send(Key("ctrl+2"), Key("alt+p"), Key("ctrl+v"), CTRL_ENTER)

    wait_for_creates(emulator, SUBSCRIPTION_PATH)
    [request] = emulator.requests_to(SUBSCRIPTION_PATH, "POST")
    assert request.path == SUBSCRIPTION_PATH + offer_id


@SPEEDS
def test_ctrl_1_goes_back_to_the_cart(
    launch: Launcher, emulator: InflowEmulator, delay: int
) -> None:
    app = launch(delay=delay)
    app.send(Key("ctrl+2"), Key("ctrl+1"), "Starter kit", TAB, "49.99", TAB, "2", CTRL_ENTER)

    [body] = wait_for_creates(emulator, ONE_TIME_PATH)
    assert body["products"] == [{"name": "Starter kit", "price": 4999, "quantity": 2}]
    assert emulator.requests_to(SUBSCRIPTION_PATH) == []


@SPEEDS
def test_f5_reloads_the_offers(launch: Launcher, emulator: InflowEmulator, delay: int) -> None:
    app = launch(delay=delay)
    app.send(Key("ctrl+2"))
    deadline = time.monotonic() + TIMEOUT
    while not emulator.requests_to(OFFER_LIST_PATH, "GET"):
        assert time.monotonic() < deadline, "the offers were never loaded"
        time.sleep(0.02)
    loads = len(emulator.requests_to(OFFER_LIST_PATH, "GET"))
    time.sleep(0.5)  # the list is on screen (F5 while it still loads is ignored), then F5

    app.send(Key("F5"))

    while len(emulator.requests_to(OFFER_LIST_PATH, "GET")) <= loads:
        assert time.monotonic() < deadline, "F5 did not reload the offers"
        time.sleep(0.02)
