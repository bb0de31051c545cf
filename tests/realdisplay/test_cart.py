"""README "Using it", the cart rows, typed into a freshly started app the moment it shows.

Every test starts its own app process, types at a person's speed and at 10 ms per key, and
checks what the emulator received (the JSON Inflow would get) and what the clipboard holds.
"""

from __future__ import annotations

import time

import pytest

from inflow_desk.emulator import Fault, InflowEmulator
from tests.realdisplay.conftest import (
    CTRL_ENTER,
    DOWN,
    ENTER,
    ESC,
    ONE_TIME_PATH,
    SPEEDS,
    TAB,
    TIMEOUT,
    AppProcess,
    Key,
    Launcher,
    wait_for_creates,
    wait_for_links,
)

STARTER_KIT = {"name": "Starter kit", "price": 4999, "quantity": 2}
CABLE = {"name": "Cable", "price": 500, "quantity": 3}

pytestmark = pytest.mark.realdisplay


def first_link(app: AppProcess, emulator: InflowEmulator) -> str:
    """The README key path into a fresh app; the link once it is in the clipboard."""
    app.send("Starter kit", TAB, "49.99", TAB, "2", CTRL_ENTER)
    wait_for_creates(emulator, ONE_TIME_PATH)
    [url] = wait_for_links(emulator)
    app.wait_for_clipboard(lambda text: text == url, f"the link {url}")
    return url


def _total(products: list[dict[str, int | str]]) -> int:
    return sum(int(p["price"]) * int(p["quantity"]) for p in products)


@SPEEDS
def test_the_readme_key_path_creates_the_link_for_what_was_typed(
    launch: Launcher, emulator: InflowEmulator, delay: int
) -> None:
    """Row 1 + Create: the key path of the README, from the first key after the window shows."""
    app = launch(delay=delay)
    app.send("Starter kit", TAB, "49.99", TAB, "2", CTRL_ENTER)

    [body] = wait_for_creates(emulator, ONE_TIME_PATH)
    assert body["currency"] == "EUR"
    assert body["products"] == [STARTER_KIT]
    assert _total(body["products"]) == 9998  # 2 × €49.99
    [url] = wait_for_links(emulator)
    app.wait_for_clipboard(lambda text: text == url, f"the link {url}")


@SPEEDS
def test_price_formats_of_the_readme(
    launch: Launcher, emulator: InflowEmulator, delay: int
) -> None:
    """Row 1's price formats, one per line (Ctrl+N between them)."""
    app = launch(delay=delay)
    app.send("Comma", TAB, "49,99", TAB, "1", Key("ctrl+n"))
    app.send("Euro sign", TAB, "€49.99", TAB, "1", Key("ctrl+n"))
    app.send("Thousands", TAB, "1 299,50", TAB, "1", CTRL_ENTER)

    [body] = wait_for_creates(emulator, ONE_TIME_PATH)
    assert body["products"] == [
        {"name": "Comma", "price": 4999, "quantity": 1},
        {"name": "Euro sign", "price": 4999, "quantity": 1},
        {"name": "Thousands", "price": 129950, "quantity": 1},
    ]


@SPEEDS
def test_ctrl_n_adds_a_line_and_the_next_product_goes_into_it(
    launch: Launcher, emulator: InflowEmulator, delay: int
) -> None:
    app = launch(delay=delay)
    app.send("Starter kit", TAB, "49.99", TAB, "2", Key("ctrl+n"))
    app.send("Cable", TAB, "5", TAB, "3", CTRL_ENTER)

    [body] = wait_for_creates(emulator, ONE_TIME_PATH)
    assert body["products"] == [STARTER_KIT, CABLE]


@SPEEDS
def test_enter_on_the_last_row_adds_a_line(
    launch: Launcher, emulator: InflowEmulator, delay: int
) -> None:
    app = launch(delay=delay)
    app.send("Starter kit", TAB, "49.99", TAB, "2", ENTER)
    app.send("Cable", TAB, "5", TAB, "3", CTRL_ENTER)

    [body] = wait_for_creates(emulator, ONE_TIME_PATH)
    assert body["products"] == [STARTER_KIT, CABLE]


@SPEEDS
def test_ctrl_d_duplicates_the_line(launch: Launcher, emulator: InflowEmulator, delay: int) -> None:
    app = launch(delay=delay)
    app.send("Starter kit", TAB, "49.99", TAB, "2", Key("ctrl+d"), CTRL_ENTER)

    [body] = wait_for_creates(emulator, ONE_TIME_PATH)
    assert body["products"] == [STARTER_KIT, STARTER_KIT]


@SPEEDS
def test_ctrl_del_removes_the_line(launch: Launcher, emulator: InflowEmulator, delay: int) -> None:
    app = launch(delay=delay)
    app.send("Starter kit", TAB, "49.99", TAB, "2", Key("ctrl+n"))
    app.send("Typo", TAB, "1", Key("ctrl+Delete"), CTRL_ENTER)

    [body] = wait_for_creates(emulator, ONE_TIME_PATH)
    assert body["products"] == [STARTER_KIT]


@SPEEDS
def test_next_caller_clears_the_form_and_takes_the_first_product_at_once(
    launch: Launcher, emulator: InflowEmulator, delay: int
) -> None:
    """Ctrl+Shift+N, then the next caller's product typed straight away. The agent
    presses it once the link is there (before, it only says to wait for the link)."""
    app = launch(delay=delay)
    first_link(app, emulator)
    app.send(Key("ctrl+shift+n"), "Cable", TAB, "5", TAB, "3", CTRL_ENTER)

    first, second = wait_for_creates(emulator, ONE_TIME_PATH, count=2)
    assert first["products"] == [STARTER_KIT]
    assert second["products"] == [CABLE]  # the form was cleared: no Starter kit left
    second_url = wait_for_links(emulator, 2)[1]
    app.wait_for_clipboard(lambda text: text == second_url, f"the second link {second_url}")


@SPEEDS
def test_a_recent_product_completes_with_its_price(
    launch: Launcher, emulator: InflowEmulator, delay: int
) -> None:
    """Row 1: "recent products complete with their price" — pick it from the completion
    list (Down, Enter); the price comes with it, Tab Tab reaches the quantity."""
    app = launch(delay=delay)
    first_link(app, emulator)  # the link is there (in the clipboard): now the next caller
    app.send(Key("ctrl+shift+n"), "Star", DOWN, ENTER, TAB, TAB, "3", CTRL_ENTER)

    _, second = wait_for_creates(emulator, ONE_TIME_PATH, count=2)
    assert second["products"] == [{"name": "Starter kit", "price": 4999, "quantity": 3}]


@SPEEDS
def test_enter_takes_the_first_suggestion_without_down(
    launch: Launcher, emulator: InflowEmulator, delay: int
) -> None:
    """Row 1: one key accepts the suggestion ("Sta" shows "Starter kit — €49.99"; Enter)."""
    app = launch(delay=delay)
    first_link(app, emulator)
    app.send(Key("ctrl+shift+n"), "Sta")
    time.sleep(0.3)  # the completion list opens as a person sees it, then Enter
    app.send(ENTER, TAB, TAB, "3", CTRL_ENTER)

    _, second = wait_for_creates(emulator, ONE_TIME_PATH, count=2)
    assert second["products"] == [{"name": "Starter kit", "price": 4999, "quantity": 3}]


@SPEEDS
def test_the_same_cart_again_asks_before_a_second_link(
    launch: Launcher, emulator: InflowEmulator, delay: int
) -> None:
    """Row "Create the link": Ctrl+Enter on an unchanged cart asks; a second one confirms."""
    app = launch(delay=delay)
    first_link(app, emulator)

    app.send(CTRL_ENTER)
    time.sleep(1.0)
    assert len(emulator.requests_to(ONE_TIME_PATH, "POST")) == 1  # asked, nothing sent
    app.send(CTRL_ENTER)
    wait_for_creates(emulator, ONE_TIME_PATH, count=2)


@SPEEDS
def test_esc_cancels_a_slow_create_and_the_form_is_ready_again(
    launch: Launcher, emulator: InflowEmulator, delay: int
) -> None:
    """Row "Cancel a create that takes too long": Esc; the cart is kept for Ctrl+Enter."""
    emulator.inject(Fault("latency", delay=8.0))
    app = launch(delay=delay)
    app.send("Starter kit", TAB, "49.99", TAB, "2", CTRL_ENTER)
    emulator.wait_for_requests(1, timeout=TIMEOUT)
    started = time.monotonic()
    app.send(ESC, CTRL_ENTER)  # cancelled at once; the same cart goes out again

    _, second = wait_for_creates(emulator, ONE_TIME_PATH, count=2)
    assert time.monotonic() - started < 4.0  # well before the slow answer would have come
    assert second["products"] == [STARTER_KIT]
    url = wait_for_links(emulator)[-1]
    app.wait_for_clipboard(lambda text: text == url, f"the second link {url}")
