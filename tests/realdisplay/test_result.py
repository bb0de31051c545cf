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
    MAIN_TITLE,
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

pytestmark = pytest.mark.realdisplay


PNG_START = b"\x89PNG\r\n\x1a\n"
PNG_END = b"IEND\xaeB`\x82"  # the last chunk: the file is complete


def create_link(app: AppProcess, emulator: InflowEmulator) -> str:
    """The README key path; returns the link once it is in the clipboard."""
    app.send("Starter kit", TAB, "49.99", TAB, "2", CTRL_ENTER)
    wait_for_creates(emulator, ONE_TIME_PATH)
    [url] = wait_for_links(emulator)
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
def test_big_qr_save_qr_copy_qr_image(
    launch: Launcher, emulator: InflowEmulator, delay: int, tmp_path: Path
) -> None:
    """The README row "Big QR code for the customer / save QR / copy QR image":
    F11 shows a window (Esc closes it), Ctrl+S a file dialog that writes the PNG typed
    into it, Ctrl+Shift+I puts an image into the clipboard."""
    app = launch(delay=delay)
    create_link(app, emulator)

    app.send(Key("F11"))
    app.wait_for_window("^Scan to pay$")
    app.wait_until_active("^Scan to pay$")
    app.send(ESC)
    app.wait_until_active(MAIN_TITLE)
    assert app.visible_windows("^Scan to pay$") == [], "Esc did not close the big QR code"

    target = tmp_path / "customer-qr.png"
    app.send(Key("ctrl+s"))
    app.wait_for_window("^Save QR code$")
    app.wait_until_active("^Save QR code$")
    app.send(Key("ctrl+a"), str(target), ENTER)
    deadline = time.monotonic() + TIMEOUT
    while not (target.exists() and target.read_bytes().endswith(PNG_END)):
        app.assert_running()
        assert time.monotonic() < deadline, f"{target} was not written"
        time.sleep(0.05)
    assert target.read_bytes().startswith(PNG_START)

    app.wait_until_active(MAIN_TITLE)
    app.send(Key("ctrl+shift+i"))
    app.wait_for_clipboard(lambda text: "image/png" in text.split(), "an image", target="TARGETS")
