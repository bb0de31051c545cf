"""README "Using it", what to do with the created link: copy again, big QR, save QR, copy QR
image — as far as each can be seen from outside the app (clipboard, windows, files)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from inflow_desk.emulator import InflowEmulator
from tests.realdisplay.conftest import (
    CTRL_ENTER,
    ENTER,
    ESC,
    ONE_TIME_PATH,
    SPEEDS,
    TAB,
    TIMEOUT,
    AppProcess,
    Key,
    Launcher,
    checkout_urls,
    wait_for_creates,
)

pytestmark = pytest.mark.realdisplay


def create_link(app: AppProcess, emulator: InflowEmulator) -> str:
    """The README key path; returns the link once it is in the clipboard."""
    app.send("Starter kit", TAB, "49.99", TAB, "2", CTRL_ENTER)
    wait_for_creates(emulator, ONE_TIME_PATH)
    [url] = checkout_urls(emulator)
    app.wait_for_clipboard(lambda text: text == url, f"the link {url}")
    return url


@SPEEDS
def test_ctrl_shift_c_copies_the_link_again(
    launch: Launcher,
    emulator: InflowEmulator,
    delay: int,
    put_in_clipboard: Callable[[str], None],
) -> None:
    app = launch(delay=delay)
    url = create_link(app, emulator)
    put_in_clipboard("something else")  # as another program would

    app.send(Key("ctrl+shift+c"))

    app.wait_for_clipboard(lambda text: text == url, f"the link {url} again")


@SPEEDS
def test_f11_shows_the_big_qr_code_and_esc_closes_it(
    launch: Launcher, emulator: InflowEmulator, delay: int
) -> None:
    app = launch(delay=delay)
    create_link(app, emulator)

    app.send(Key("F11"))
    qr = app.wait_for_window("^Scan to pay$")
    app.wait_until_active("^Scan to pay$")
    app.send(ESC)

    deadline = time.monotonic() + TIMEOUT
    while qr in app.display.run("xdotool", "search", "--onlyvisible", "--name", "^Scan to pay$",
                                check=False).split():  # fmt: skip
        assert time.monotonic() < deadline, "Esc did not close the big QR code"
        time.sleep(0.05)


@SPEEDS
def test_ctrl_s_saves_the_qr_code_as_png(
    launch: Launcher, emulator: InflowEmulator, delay: int, tmp_path: Path
) -> None:
    app = launch(delay=delay)
    create_link(app, emulator)
    target = tmp_path / "customer-qr.png"

    app.send(Key("ctrl+s"))
    app.wait_for_window("^Save QR code$")
    app.wait_until_active("^Save QR code$")
    app.send(Key("ctrl+a"), str(target), ENTER)

    deadline = time.monotonic() + TIMEOUT
    while not (target.exists() and target.stat().st_size > 0):
        app.assert_running()
        assert time.monotonic() < deadline, f"{target} was not written"
        time.sleep(0.05)
    time.sleep(0.2)  # written in one go; let it finish before reading
    assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@SPEEDS
def test_ctrl_shift_i_copies_the_qr_code_as_an_image(
    launch: Launcher, emulator: InflowEmulator, delay: int
) -> None:
    app = launch(delay=delay)
    create_link(app, emulator)

    app.send(Key("ctrl+shift+i"))

    targets = app.wait_for_clipboard(
        lambda text: "image/png" in text.split(), "an image", target="TARGETS"
    )
    assert "image/png" in targets.split()
