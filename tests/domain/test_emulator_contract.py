"""Contract: whatever the domain accepts, the emulator (which follows inflow-api.md) accepts too.

The emulator validates with its own rules, written independently from the API docs. Hypothesis
draws carts and options, valid and invalid; whenever ``build_*_request`` accepts them, the
raw JSON body is posted to the emulator and must get 201. The converse is not required: the
domain is allowed to be stricter (upper limits Inflow does not document).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings

from inflow_desk.domain.models import Cart, CheckoutOptions, RequestInvalid
from inflow_desk.domain.requests import build_one_time_request, build_subscription_request
from inflow_desk.emulator.server import InflowEmulator
from tests.domain.strategies import carts, options

API_KEY = "inflow_prod_contract-test"
ONE_TIME_PATH = "/api/checkout/sessions/one-time-payment"
SUBSCRIPTION_PATH = "/api/checkout/sessions/subscription/{offer_id}"
EXAMPLES = 150

pytestmark = pytest.mark.slow

contract_settings = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def emulator() -> Iterator[InflowEmulator]:
    emulator = InflowEmulator(api_key=API_KEY)
    emulator.start()
    try:
        yield emulator
    finally:
        emulator.stop()


@pytest.fixture(scope="module")
def http(emulator: InflowEmulator) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=emulator.base_url, headers={"X-Inflow-Api-Key": API_KEY}, timeout=10
    ) as client:
        yield client


def _post(http: httpx.Client, path: str, body: dict[str, Any]) -> httpx.Response:
    return http.post(path, json=body)


def test_emulator_accepts_uppercase_punycode_tld(http: httpx.Client) -> None:
    """Domain names are case-insensitive (validator.js isEmail uses /i); found by hypothesis."""
    body = {"customerEmail": "name@example.XN--P1AI"}
    response = _post(http, ONE_TIME_PATH, {**_GOOD_BODY, **body})
    assert response.status_code == 201, response.text


_GOOD_BODY: dict[str, Any] = {
    "currency": "EUR",
    "products": [{"name": "Support top-up", "price": 2500, "quantity": 1}],
}


def test_emulator_accepts_documented_example_and_refuses_nonsense(http: httpx.Client) -> None:
    """Guards the contract test against a vacuous emulator (accepting or refusing everything)."""
    good = {**_GOOD_BODY, "expiresIn": 24}
    assert _post(http, ONE_TIME_PATH, good).status_code == 201
    assert _post(http, ONE_TIME_PATH, {**good, "expiresIn": 0.1}).status_code == 400


def test_one_time_requests_we_accept_are_accepted(http: httpx.Client) -> None:
    outcomes: Counter[str] = Counter()

    @contract_settings
    @given(carts, options)
    def check(cart: Cart, opts: CheckoutOptions) -> None:
        try:
            request = build_one_time_request(cart, opts)
        except RequestInvalid as err:
            assert err.issues
            outcomes["rejected"] += 1
            return
        outcomes["accepted"] += 1
        body = request.to_json()
        response = _post(http, ONE_TIME_PATH, body)
        assert response.status_code == 201, (body, response.text)
        assert set(response.json()) >= {"sessionId", "checkoutUrl"}

    check()
    # Both branches must be exercised, or the test proves nothing.
    assert outcomes["accepted"] >= 10, outcomes
    assert outcomes["rejected"] >= 10, outcomes


def test_subscription_requests_we_accept_are_accepted(
    emulator: InflowEmulator, http: httpx.Client
) -> None:
    offer_id = next(str(o["id"]) for o in emulator.offers if o.get("archived") is not True)
    path = SUBSCRIPTION_PATH.format(offer_id=offer_id)
    outcomes: Counter[str] = Counter()

    @contract_settings
    @given(options)
    def check(opts: CheckoutOptions) -> None:
        try:
            request = build_subscription_request(opts)
        except RequestInvalid as err:
            assert err.issues
            outcomes["rejected"] += 1
            return
        outcomes["accepted"] += 1
        body = request.to_json()
        response = _post(http, path, body)
        assert response.status_code == 201, (body, response.text)

    check()
    assert outcomes["accepted"] >= 10, outcomes
    assert outcomes["rejected"] >= 10, outcomes
