"""README "Using it": the history (Ctrl+H, then filter, Down, Ctrl+C, Esc), Settings (Ctrl+,)
and About (F1), from a freshly started app."""

from __future__ import annotations

from inflow_desk.emulator import InflowEmulator
from tests.realdisplay.conftest import (
    CTRL_ENTER,
    DOWN,
    ESC,
    ONE_TIME_PATH,
    SPEEDS,
    TAB,
    Key,
    Launcher,
    checkout_urls,
    wait_for_creates,
)


@SPEEDS
def test_ctrl_h_filter_down_ctrl_c_copies_that_link_and_esc_returns_to_the_form(
    launch: Launcher, emulator: InflowEmulator, delay: int
) -> None:
    app = launch(delay=delay)
    app.send("Starter kit", TAB, "49.99", TAB, "2", CTRL_ENTER)
    wait_for_creates(emulator, ONE_TIME_PATH)
    app.send(Key("ctrl+shift+n"), "Cable", TAB, "5", TAB, "3", CTRL_ENTER)
    wait_for_creates(emulator, ONE_TIME_PATH, count=2)
    first_url, second_url = checkout_urls(emulator)
    app.wait_for_clipboard(lambda text: text == second_url, f"the second link {second_url}")
    app.send(Key("ctrl+shift+n"))

    app.send(Key("ctrl+h"), "Starter", DOWN, Key("ctrl+c"))
    app.wait_for_clipboard(lambda text: text == first_url, f"the Starter kit link {first_url}")

    # Esc: back to the form, where the next product can be typed at once
    app.send(ESC, "Third", TAB, "7", TAB, "1", CTRL_ENTER)
    third = wait_for_creates(emulator, ONE_TIME_PATH, count=3)[2]
    assert third["products"] == [{"name": "Third", "price": 700, "quantity": 1}]


@SPEEDS
def test_ctrl_comma_opens_the_accounts_settings(launch: Launcher, delay: int) -> None:
    app = launch(delay=delay)
    app.send(Key("ctrl+comma"))
    app.wait_for_window("^Settings — Accounts and API keys$")


@SPEEDS
def test_f1_opens_about(launch: Launcher, delay: int) -> None:
    app = launch(delay=delay)
    app.send(Key("F1"))
    app.wait_for_window("^About Inflow Desk$")
