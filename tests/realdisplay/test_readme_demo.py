"""README set-up command 1 ends in ``.venv/bin/inflow-desk --demo``: that start, typed at like
the README's key path, creates the link (in the clipboard) and records it in the history."""

from __future__ import annotations

import re
import time

import pytest

from inflow_desk.storage.history import HistoryStore
from tests.realdisplay.conftest import CTRL_ENTER, SPEEDS, TAB, TIMEOUT, Launcher

#: Demo links lead to the demo emulator's own checkout page (issue 15: the customer can pay).
LINK = re.compile(r"http://127\.0\.0\.1:\d+/pay/sess_\w+")

pytestmark = pytest.mark.realdisplay


@SPEEDS
def test_demo_creates_the_link_and_records_it(launch: Launcher, delay: int) -> None:
    app = launch(delay=delay, demo=True)
    app.send("Starter kit", TAB, "49.99", TAB, "2", CTRL_ENTER)

    url = app.wait_for_clipboard(lambda text: LINK.fullmatch(text) is not None, "a demo link")
    deadline = time.monotonic() + TIMEOUT
    while not list(app.home.rglob("history.sqlite3")):
        assert time.monotonic() < deadline, "no history database"
        time.sleep(0.05)
    [path] = app.home.rglob("history.sqlite3")
    store = HistoryStore(path)
    try:
        [record] = store.page(0, 10)
    finally:
        store.close()
    assert record.checkout_url == url
    assert record.environment == "DEMO"
    assert record.currency == "EUR"
    assert record.total_cents == 9998
    assert [(i.name, i.unit_price_cents, i.quantity) for i in record.line_items] == [
        ("Starter kit", 4999, 2)
    ]
