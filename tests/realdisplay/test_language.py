"""The README's languages, typed on a real display: the key path in French (a French price
``49,99``, the link in the clipboard, Qt's and our dialogs in French), and Settings › Language
chosen from the keyboard (stored for the next start)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from inflow_desk.emulator import InflowEmulator
from tests.realdisplay.conftest import (
    CTRL_ENTER,
    ESC,
    ONE_TIME_PATH,
    TAB,
    TIMEOUT,
    Key,
    Launcher,
    wait_for_creates,
    wait_for_links,
)

pytestmark = pytest.mark.realdisplay


def test_the_key_path_in_french(launch: Launcher, emulator: InflowEmulator) -> None:
    app = launch(language="fr")
    app.send("Starter kit", TAB, "49,99", TAB, "2", CTRL_ENTER)

    [body] = wait_for_creates(emulator, ONE_TIME_PATH)
    assert body["products"] == [{"name": "Starter kit", "price": 4999, "quantity": 2}]
    [url] = wait_for_links(emulator)
    app.wait_for_clipboard(lambda text: text == url, f"the link {url}")
    app.send(Key("F11"))  # the big QR code, its window titled in French
    app.wait_for_window("^Scannez pour payer$")
    app.send(ESC)
    app.send(Key("ctrl+comma"))
    app.wait_for_window("^Paramètres — Comptes et clés API$")


def _stored_language(home: Path) -> str | None:
    for conf in home.rglob("*.conf"):
        for line in conf.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("language="):
                return line.removeprefix("language=")
    return None


def test_settings_language_chosen_from_the_keyboard_is_kept_for_the_next_start(
    launch: Launcher,
) -> None:
    app = launch()
    app.send(Key("ctrl+comma"))
    app.wait_for_window("^Settings — Accounts and API keys$")
    app.wait_until_active("^Settings — Accounts and API keys$")
    app.send(Key("alt+l"), Key("End"))  # Language: the last choice, Français

    deadline = time.monotonic() + TIMEOUT
    while _stored_language(app.home) != "fr":
        assert time.monotonic() < deadline, "Français was not stored"
        time.sleep(0.05)
