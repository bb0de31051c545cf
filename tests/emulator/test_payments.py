"""The emulator pays too: payments listed and served as inflow-api.md §3.7 describes, paid by
Python, by a control endpoint and by its hosted checkout page (all over a real socket)."""

from __future__ import annotations

import httpx

from inflow_desk.emulator import InflowEmulator
from tests.emulator.conftest import ONE_TIME, valid_one_time_body

NOW = 1_795_000_000.25  # a fixed instant (seconds since the epoch)


def _create(client: httpx.Client, emulator: InflowEmulator) -> str:
    emulator.clock = lambda: NOW
    response = client.post(ONE_TIME, json=valid_one_time_body())
    assert response.status_code == 201
    return str(response.json()["sessionId"])


def test_no_payments_at_first_then_the_paid_session_is_listed_newest_first(
    emulator: InflowEmulator, client: httpx.Client
) -> None:
    assert client.get("/api/payment", params={"page": 1, "limit": 20}).json()["data"] == []
    first = _create(client, emulator)
    second = _create(client, emulator)
    failed = emulator.pay_session(first, "failed")
    paid = emulator.pay_session(second)
    listing = client.get("/api/payment", params={"page": 1, "limit": 20}).json()
    assert listing["total"] == 2
    assert [p["id"] for p in listing["data"]] == [paid["id"], failed["id"]]
    body = valid_one_time_body()
    products = body["products"]
    assert isinstance(products, list)
    assert paid["amountInCents"] == sum(p["price"] * p["quantity"] for p in products)
    assert paid["currency"] == body["currency"]
    assert paid["status"] == "CHECKOUT_SUCCESS"
    assert failed["status"] == "PAYMENT_FAILED"
    assert paid["products"] == products
    assert paid["createdAt"].endswith("Z") and ".250Z" in paid["createdAt"]
    assert client.get(f"/api/payment/{paid['id']}").json() == paid
    assert client.get("/api/payment/pay_nope").status_code == 404
    assert client.get("/api/payment", params={"page": 2, "limit": 1}).json()["data"] == [failed]


def test_the_payment_list_needs_the_key(emulator: InflowEmulator, anonymous: httpx.Client) -> None:
    assert anonymous.get("/api/payment").status_code == 401


def test_control_endpoint_pays_without_a_key(
    emulator: InflowEmulator, client: httpx.Client, anonymous: httpx.Client
) -> None:
    session_id = _create(client, emulator)
    answer = anonymous.post(f"/_emulator/sessions/{session_id}/pay", json={"outcome": "failed"})
    assert answer.status_code == 201
    assert answer.json()["status"] == "PAYMENT_FAILED"
    assert anonymous.post("/_emulator/sessions/sess_nope/pay").status_code == 404
    assert (
        anonymous.post(f"/_emulator/sessions/{session_id}/pay", json={"outcome": "x"}).status_code
        == 400
    )
    assert len(emulator.payments) == 1


def test_hosted_checkout_page_pays(
    emulator: InflowEmulator, client: httpx.Client, anonymous: httpx.Client
) -> None:
    emulator.checkout_base_url = emulator.base_url + "/pay/"
    session_id = _create(client, emulator)
    link = emulator.sessions[session_id]["checkoutUrl"]
    assert link == f"{emulator.base_url}/pay/{session_id}"
    page = httpx.get(link)
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    assert 'value="paid"' in page.text and "Pay" in page.text
    done = httpx.post(link, data={"outcome": "paid"})
    assert "Payment received" in done.text
    assert [p["status"] for p in emulator.payments] == ["CHECKOUT_SUCCESS"]
    assert httpx.get(f"{emulator.base_url}/pay/sess_nope").status_code == 404


def test_session_reads_are_off_like_inflow_and_can_be_switched_on(
    emulator: InflowEmulator, client: httpx.Client
) -> None:
    session_id = _create(client, emulator)
    assert client.get(f"/api/checkout/sessions/{session_id}").status_code == 404
    emulator.session_reads = True
    assert client.get(f"/api/checkout/sessions/{session_id}").json()["status"] == "open"
    emulator.pay_session(session_id)
    assert client.get(f"/api/checkout/sessions/{session_id}").json()["status"] == "paid"
    emulator.clock = lambda: NOW + 10 * 3600
    other = client.post(ONE_TIME, json=valid_one_time_body()).json()["sessionId"]
    emulator.clock = lambda: NOW + 100 * 3600
    assert client.get(f"/api/checkout/sessions/{other}").json()["status"] == "expired"
