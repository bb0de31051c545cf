"""The ``checkout_url`` fault: a created session answered with a hostile ``checkoutUrl``."""

from __future__ import annotations

import httpx
import pytest

from inflow_desk.emulator import Fault, InflowEmulator
from tests.emulator.conftest import ONE_TIME, SUBSCRIPTION, valid_one_time_body

HOSTILE = [
    "http://checkout.inflowpay.com/pay/sess_1",
    "https://checkout.inflowpay.com@evil.example/pay/sess_1",
    "https://xn--heckout-2fg.inflowpay.com/pay/sess_1",
    "https://checkout.inflowpay.com/pay/\u202egnp.exe",
    "https://checkout.inflowpay.com/pay/" + "a" * 3000,
]


@pytest.mark.parametrize("url", HOSTILE)
def test_a_created_session_is_answered_with_the_given_link(
    emulator: InflowEmulator, client: httpx.Client, url: str
) -> None:
    emulator.inject(Fault("checkout_url", checkout_url=url))
    response = client.post(ONE_TIME, json=valid_one_time_body())
    assert response.status_code == 201
    body = response.json()
    assert body["checkoutUrl"] == url  # exactly, hidden characters included
    # The session exists on the server, with Inflow's real link: only the answer was altered.
    stored = emulator.sessions[body["sessionId"]]
    assert stored["checkoutUrl"].startswith("https://checkout.inflowpay.com/pay/sess_")
    # One use: the next session has Inflow's own link again.
    again = client.post(ONE_TIME, json=valid_one_time_body()).json()
    assert again["checkoutUrl"] == emulator.sessions[again["sessionId"]]["checkoutUrl"]


def test_subscriptions_too_and_errors_stay_errors(
    emulator: InflowEmulator, client: httpx.Client
) -> None:
    offer_id = emulator.offers[0]["id"]
    emulator.inject(Fault("checkout_url", checkout_url="https://evil.example/x"), times=2)
    assert client.post(ONE_TIME, json={}).status_code == 400  # consumed, answered as usual
    response = client.post(SUBSCRIPTION + offer_id, json={})
    assert response.status_code == 201
    assert response.json()["checkoutUrl"] == "https://evil.example/x"
