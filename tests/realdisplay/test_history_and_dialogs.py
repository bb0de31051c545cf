"""README "Using it": the history (Ctrl+H, then filter, Down, Ctrl+C, Space, Ctrl+R, Ctrl+E,
Esc), Settings (Ctrl+,) and About (F1), from a freshly started app."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from inflow_desk.emulator import InflowEmulator
from tests.realdisplay.conftest import (
    CTRL_ENTER,
    DOWN,
    ENTER,
    ESC,
    MAIN_TITLE,
    ONE_TIME_PATH,
    SPEEDS,
    TAB,
    TIMEOUT,
    Key,
    Launcher,
    wait_for_creates,
    wait_for_links,
)

STARTER_KIT = {"name": "Starter kit", "price": 4999, "quantity": 2}

pytestmark = pytest.mark.realdisplay


@SPEEDS
def test_ctrl_h_filter_down_ctrl_c_copies_that_link_and_esc_returns_to_the_form(
    launch: Launcher, emulator: InflowEmulator, delay: int
) -> None:
    app = launch(delay=delay)
    app.send("Starter kit", TAB, "49.99", TAB, "2", CTRL_ENTER)
    wait_for_creates(emulator, ONE_TIME_PATH)
    [url] = wait_for_links(emulator)
    app.wait_for_clipboard(lambda text: text == url, f"the link {url}")  # then the next caller
    app.send(Key("ctrl+shift+n"), "Cable", TAB, "5", TAB, "3", CTRL_ENTER)
    wait_for_creates(emulator, ONE_TIME_PATH, count=2)
    first_url, second_url = wait_for_links(emulator, 2)
    app.wait_for_clipboard(lambda text: text == second_url, f"the second link {second_url}")
    app.send(Key("ctrl+shift+n"))

    app.send(Key("ctrl+h"), "Starter", DOWN, Key("ctrl+c"))
    app.wait_for_clipboard(lambda text: text == first_url, f"the Starter kit link {first_url}")

    # Esc: back to the form, where the next product can be typed at once
    app.send(ESC, "Third", TAB, "7", TAB, "1", CTRL_ENTER)
    third = wait_for_creates(emulator, ONE_TIME_PATH, count=3)[2]
    assert third["products"] == [{"name": "Third", "price": 700, "quantity": 1}]


@SPEEDS
def test_history_space_shows_the_qr_ctrl_e_exports_ctrl_r_creates_again(
    launch: Launcher, emulator: InflowEmulator, delay: int, tmp_path: Path
) -> None:
    """The rest of the history row: Space (QR code), Ctrl+E (CSV export), Ctrl+R (the same
    cart back in the form; Ctrl+Enter sends it again)."""
    app = launch(delay=delay)
    app.send("Starter kit", TAB, "49.99", TAB, "2", CTRL_ENTER)
    [first] = wait_for_creates(emulator, ONE_TIME_PATH)
    [session_id] = list(emulator.sessions)
    [url] = wait_for_links(emulator)
    app.wait_for_clipboard(lambda text: text == url, f"the link {url}")  # then the next caller
    app.send(Key("ctrl+shift+n"), Key("ctrl+h"), DOWN, Key("space"))
    app.wait_for_window("^Scan to pay$")
    app.wait_until_active("^Scan to pay$")
    app.send(ESC)
    app.wait_until_active(MAIN_TITLE)

    target = tmp_path / "links.csv"
    app.send(Key("ctrl+e"))
    app.wait_for_window("^Export history as CSV$")
    app.wait_until_active("^Export history as CSV$")
    app.send(Key("ctrl+a"), str(target), ENTER)
    app.wait_until_active(MAIN_TITLE)
    deadline = time.monotonic() + TIMEOUT
    while session_id not in (target.read_text(encoding="utf-8") if target.exists() else ""):
        assert time.monotonic() < deadline, f"{target} does not list {session_id}"
        time.sleep(0.05)

    app.send(Key("ctrl+r"), CTRL_ENTER)
    _, again = wait_for_creates(emulator, ONE_TIME_PATH, count=2)
    assert again["products"] == first["products"] == [STARTER_KIT]


@SPEEDS
def test_ctrl_comma_opens_the_accounts_settings(launch: Launcher, delay: int) -> None:
    app = launch(delay=delay)
    assert app.visible_windows("^Settings — ") == []
    app.send(Key("ctrl+comma"))
    app.wait_for_window("^Settings — Accounts and API keys$")


@SPEEDS
def test_f1_opens_about(launch: Launcher, delay: int) -> None:
    app = launch(delay=delay)
    assert app.visible_windows("^About ") == []
    app.send(Key("F1"))
    app.wait_for_window("^About Inflow Desk$")
