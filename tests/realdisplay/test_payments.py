"""Issue 15's loop from outside the app: in the demo, the agent creates a link, the customer
opens it and presses Pay on the emulator's checkout page (over HTTP), and the app sees Paid ✓
without a key being touched (its log says what the result panel shows)."""

from __future__ import annotations

import re
import time

import httpx
import pytest

from tests.realdisplay.conftest import CTRL_ENTER, TAB, Launcher

DEMO_LINK = re.compile(r"http://127\.0\.0\.1:\d+/pay/(sess_\w+)")
#: The first request probes the session read (404 in the emulator), the payment list follows
#: 5 s later (the budget: one request per 5 s per profile), plus the app's start.
PAID_TIMEOUT = 15.0

pytestmark = pytest.mark.realdisplay


def test_customer_pays_on_the_demo_page_and_the_app_says_paid(launch: Launcher) -> None:
    app = launch(demo=True)
    app.send("Starter kit", TAB, "49.99", TAB, "2", CTRL_ENTER)
    url = app.wait_for_clipboard(lambda text: DEMO_LINK.fullmatch(text) is not None, "a link")
    match = DEMO_LINK.fullmatch(url)
    assert match is not None
    session_id = match.group(1)

    page = httpx.get(url, timeout=5)  # the customer opens the link…
    assert page.status_code == 200 and 'value="paid"' in page.text
    paid = httpx.post(url, data={"outcome": "paid"}, timeout=5)  # …and presses Pay
    assert "Payment received" in paid.text

    deadline = time.monotonic() + PAID_TIMEOUT
    wanted = re.compile(rf"payment status of {session_id}: (probably )?paid")
    while not wanted.search(app.log_text()):
        app.assert_running()
        assert time.monotonic() < deadline, app.log_text()[-2000:]
        time.sleep(0.1)
    assert f"payment status of {session_id}: paid ✓" in app.log_text()
